package org.entente.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.entente.workstream.Partner;
import org.entente.workstream.Releasability;
import org.entente.workstream.WorkstreamRef;

/** How progress towards an objective is measured, with where it stands now. */
public record Indicator(WorkstreamRef workstream, UUID id, UUID objectiveId, String definition, IndicatorUnit unit,
        Direction direction, Disaggregation disaggregation, BigDecimal baselineValue, LocalDate baselineDate,
        BigDecimal targetValue, LocalDate targetDate, Frequency frequency, Partner responsible,
        Releasability releasability, List<UUID> relTo, int version, Progress progress) {
}
