package org.entente.briefing;

import java.time.Instant;
import java.util.UUID;
import org.entente.analytics.engine.briefing.BriefingKind;

/** A coordinator's standing request for a briefing; the schedule generates it as the subscriber. */
public record BriefingSubscription(UUID id, BriefingKind kind, BriefingFrequency frequency, BriefingScope scope,
        UUID subscriberId, String subscriberName, Instant nextRunAt, Instant lastRunAt, Instant createdAt) {
}
