package org.entente.event;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.UUID;
import org.entente.workstream.Releasability;
import org.entente.workstream.WorkstreamRef;

/**
 * An event of a workstream as the signed-in organization sees it. The times are instants; {@code zone} is where
 * the event takes place, so its local time is {@link #localStart()} and a viewer elsewhere converts the instant.
 */
public record Event(WorkstreamRef workstream, UUID id, EventType type, String title, String description,
        String locationName, BigDecimal latitude, BigDecimal longitude, String onlineLink, Instant startsAt,
        Instant endsAt, ZoneId zone, Releasability releasability, List<UUID> relTo, Integer capacity,
        Integer quotaPerOrg, boolean registrationOpen, EventStatus status, int sequence, int version,
        Instant updatedAt) {

    public Event {
        relTo = List.copyOf(relTo);
    }

    public ZonedDateTime localStart() {
        return startsAt.atZone(zone);
    }

    public ZonedDateTime localEnd() {
        return endsAt.atZone(zone);
    }

    /** People may register: scheduled, open, and not yet begun. */
    public boolean openForRegistration(Instant now) {
        return status == EventStatus.SCHEDULED && registrationOpen && startsAt.isAfter(now);
    }

    public boolean ended(Instant now) {
        return endsAt.isBefore(now);
    }
}
