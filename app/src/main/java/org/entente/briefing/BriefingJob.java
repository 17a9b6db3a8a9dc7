package org.entente.briefing;

import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.entente.analytics.engine.briefing.BriefingKind;
import org.entente.db.tenancy.Actor;

/**
 * A briefing waiting in this instance's queue or being written: what the worker needs, captured when it was asked
 * for (by a coordinator or the schedule).
 *
 * @param actor            whom it is written as: the requester (a subscription's subscriber) in their organization
 * @param organizationName the organization, for the cover
 * @param requestedBy      who asked, for the cover ("Olivia Grant", "Olivia Grant (weekly subscription)")
 * @param reportedAt       when its progress was last told to the watchers ({@link System#nanoTime()})
 */
record BriefingJob(UUID briefingId, Actor actor, BriefingKind kind, BriefingScope scope, String organizationName,
        String requestedBy, AtomicLong reportedAt) {

    BriefingJob(UUID briefingId, Actor actor, BriefingKind kind, BriefingScope scope, String organizationName,
            String requestedBy) {
        this(briefingId, actor, kind, scope, organizationName, requestedBy, new AtomicLong());
    }

    UUID tenantId() {
        return actor.tenantId();
    }

    UUID requester() {
        return actor.memberId();
    }
}
