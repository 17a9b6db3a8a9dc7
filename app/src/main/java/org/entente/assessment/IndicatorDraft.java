package org.entente.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.entente.workstream.Releasability;

/** What the lead enters to define or change an indicator. Baseline value and date come together or not at all. */
public record IndicatorDraft(UUID objectiveId, String definition, IndicatorUnit unit, Direction direction,
        Disaggregation disaggregation, BigDecimal baselineValue, LocalDate baselineDate, BigDecimal targetValue,
        LocalDate targetDate, Frequency frequency, UUID responsibleTenantId, Releasability releasability,
        List<UUID> relTo) {
}
