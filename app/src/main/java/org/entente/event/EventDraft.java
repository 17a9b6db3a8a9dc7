package org.entente.event;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.entente.workstream.Releasability;

/**
 * What the lead enters for an event: start and end as wall-clock times in the event's own zone (as people at the
 * place read them), converted to instants by the service.
 */
public record EventDraft(EventType type, String title, String description, String locationName, BigDecimal latitude,
        BigDecimal longitude, String onlineLink, LocalDateTime start, LocalDateTime end, String zone,
        Releasability releasability, List<UUID> relTo, Integer capacity, Integer quotaPerOrg,
        boolean registrationOpen) {

    public EventDraft {
        relTo = relTo == null ? List.of() : List.copyOf(relTo);
    }
}
