package org.entente.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.entente.workstream.Partner;
import org.entente.workstream.WorkstreamRef;

/** An indicator's value for a period; partner null = the total. */
public record Measurement(WorkstreamRef workstream, UUID indicatorId, UUID id, LocalDate periodStart,
        LocalDate periodEnd, Partner partner, BigDecimal value, String source, String note, Partner enteredByOrganization,
        String enteredBy, OffsetDateTime enteredAt, int version) {
}
