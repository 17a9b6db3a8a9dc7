package org.entente.assessment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.entente.assessment.Frequency;
import org.junit.jupiter.api.Test;

class PeriodsTest {

    @Test
    void calendarPeriodsContainTheDayAndEndOnTheirLastDay() {
        assertThat(Periods.containing(Frequency.MONTHLY, LocalDate.of(2024, 2, 10)))
                .isEqualTo(new Periods.Period(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
        assertThat(Periods.containing(Frequency.QUARTERLY, LocalDate.of(2026, 12, 31)))
                .isEqualTo(new Periods.Period(LocalDate.of(2026, 10, 1), LocalDate.of(2026, 12, 31)));
        assertThat(Periods.containing(Frequency.QUARTERLY, LocalDate.of(2026, 4, 1)))
                .isEqualTo(new Periods.Period(LocalDate.of(2026, 4, 1), LocalDate.of(2026, 6, 30)));
        assertThat(Periods.containing(Frequency.YEARLY, LocalDate.of(2026, 7, 1)))
                .isEqualTo(new Periods.Period(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31)));
    }

    @Test
    void choicesRunNewestFirstFromTheBaselineAndNeverStartAfterToday() {
        List<Periods.Period> choices = Periods.choices(Frequency.QUARTERLY, LocalDate.of(2026, 2, 15),
                LocalDate.of(2028, 1, 1), LocalDate.of(2026, 11, 20), 60);
        assertThat(choices).extracting(Periods::label)
                .containsExactly("2026 Q4", "2026 Q3", "2026 Q2", "2026 Q1");
        assertThat(choices).allMatch(p -> !p.start().isAfter(LocalDate.of(2026, 11, 20)));
    }

    @Test
    void choicesStopAtTheTargetDatesPeriod() {
        List<Periods.Period> choices = Periods.choices(Frequency.YEARLY, LocalDate.of(2023, 6, 1),
                LocalDate.of(2025, 3, 31), LocalDate.of(2026, 11, 20), 60);
        assertThat(choices).extracting(Periods::label).containsExactly("2025", "2024", "2023");
    }

    @Test
    void labelsNameCalendarPeriodsAndSpellOutOthers() {
        assertThat(Periods.label(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31))).isEqualTo("March 2026");
        assertThat(Periods.label(LocalDate.of(2026, 7, 1), LocalDate.of(2026, 9, 30))).isEqualTo("2026 Q3");
        assertThat(Periods.label(LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).isEqualTo("2026");
        assertThat(Periods.label(LocalDate.of(2026, 2, 1), LocalDate.of(2026, 4, 30)))
                .isEqualTo("2026-02-01 – 2026-04-30");
    }
}
