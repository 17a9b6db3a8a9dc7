package org.entente.event;

import java.time.Instant;
import java.util.UUID;
import org.entente.workstream.Partner;

/** One person's registration as the lead or their own organization sees it. */
public record Registration(UUID eventId, Partner organization, UUID memberId, String memberName,
        RegistrationStatus status, int position, Instant registeredAt) {
}
