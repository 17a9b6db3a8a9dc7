package org.entente.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.entente.analytics.BurdenGuidelines.TargetDraft;
import org.entente.platform.validation.InvalidInput;
import org.junit.jupiter.api.Test;

/** How a typed guideline becomes the fractions the database keeps (no database). */
class BurdenGuidelinesTest {

    @Test
    void aPercentOfCapacityIsKeptAsAFraction() {
        Map<Integer, BigDecimal> targets = BurdenGuidelines.validate(List.of(
                new TargetDraft(2025, "0.05"),
                new TargetDraft(2024, " 0,04 % "),
                new TargetDraft(2026, "2"),
                new TargetDraft(2027, "0.0000001")));

        assertThat(targets.keySet()).containsExactly(2024, 2025, 2026, 2027);
        assertThat(targets.get(2025)).isEqualTo(new BigDecimal("0.000500000"));
        assertThat(targets.get(2024)).isEqualTo(new BigDecimal("0.000400000"));
        assertThat(targets.get(2026)).isEqualTo(new BigDecimal("0.020000000"));
        assertThat(targets.get(2027)).isEqualTo(new BigDecimal("0.000000001"));
        assertThat(BurdenGuidelines.percent(new BigDecimal("0.000500000")).toPlainString()).isEqualTo("0.05");
        assertThat(BurdenGuidelines.validate(List.of())).isEmpty();
    }

    @Test
    void everyBadRowIsNamedByItsField() {
        assertThatThrownBy(() -> BurdenGuidelines.validate(List.of(
                new TargetDraft(2025, "0.05"),
                new TargetDraft(1999, "0.05"),
                new TargetDraft(2025, "0.06"),
                new TargetDraft(2026, ""),
                new TargetDraft(2027, "five"),
                new TargetDraft(2028, "0"),
                new TargetDraft(2029, "101"),
                new TargetDraft(2030, "0.00000001"),
                new TargetDraft(null, "-1"))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsExactlyInAnyOrderEntriesOf(Map.of(
                        "year-1", "Enter a year from 2000 to 2100.",
                        "year-2", "2025 is already in the guideline (row 1).",
                        "target-3", "Enter the target as a percent of capacity, e.g. 0.05 for 0.05 %.",
                        "target-4", "\"five\" is not a percent: write a number such as 0.05 (for 0.05 %).",
                        "target-5", "A target is more than 0 % and at most 100 % of capacity.",
                        "target-6", "A target is more than 0 % and at most 100 % of capacity.",
                        "target-7", "At most 7 decimals.",
                        "year-8", "Enter a year from 2000 to 2100.",
                        "target-8", "\"-1\" is not a percent: write a number such as 0.05 (for 0.05 %).")));
    }
}
