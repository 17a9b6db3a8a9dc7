package org.entente.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.UUID;

/** A value for a period; partnerTenantId null = the total (only BY_PARTNER indicators take a partner). */
public record MeasurementDraft(LocalDate periodStart, LocalDate periodEnd, UUID partnerTenantId, BigDecimal value,
        String source, String note) {
}
