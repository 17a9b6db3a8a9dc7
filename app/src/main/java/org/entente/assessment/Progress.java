package org.entente.assessment;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One row of the view indicator_progress (V51), the one place progress and status are computed.
 *
 * @param latestValue     the latest total measured, or null
 * @param latestPeriodEnd the end of its period
 * @param progressRatio   0 at the baseline, 1 at the target (null without baseline or value)
 * @param expectedRatio   where the straight path from baseline to target stands at latestPeriodEnd
 * @param duePeriodStart  the last ended reporting period, when it lies within the indicator's life
 * @param overdue         that period has no value yet
 */
public record Progress(BigDecimal latestValue, LocalDate latestPeriodEnd, int measurements, BigDecimal progressRatio,
        BigDecimal expectedRatio, IndicatorStatus status, LocalDate duePeriodStart, LocalDate duePeriodEnd,
        boolean overdue) {
}
