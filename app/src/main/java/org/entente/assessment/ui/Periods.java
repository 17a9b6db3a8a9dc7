package org.entente.assessment.ui;

import java.time.LocalDate;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.entente.assessment.Frequency;

/**
 * Calendar reporting periods (months, quarters, years), as V51's measurement_due_period counts them, for choosing and
 * naming the period of a measurement.
 */
final class Periods {

    /** One reporting period, both days included. */
    record Period(LocalDate start, LocalDate end) {

        boolean contains(LocalDate day) {
            return !day.isBefore(start) && !day.isAfter(end);
        }
    }

    private Periods() {
    }

    /** The period of this frequency that contains {@code day}. */
    static Period containing(Frequency frequency, LocalDate day) {
        return switch (frequency) {
            case MONTHLY -> {
                LocalDate start = day.withDayOfMonth(1);
                yield new Period(start, start.plusMonths(1).minusDays(1));
            }
            case QUARTERLY -> {
                LocalDate start = LocalDate.of(day.getYear(), (day.getMonthValue() - 1) / 3 * 3 + 1, 1);
                yield new Period(start, start.plusMonths(3).minusDays(1));
            }
            case YEARLY -> new Period(LocalDate.of(day.getYear(), 1, 1), LocalDate.of(day.getYear(), 12, 31));
        };
    }

    static Period before(Frequency frequency, Period period) {
        return containing(frequency, period.start().minusDays(1));
    }

    static Period after(Frequency frequency, Period period) {
        return containing(frequency, period.end().plusDays(1));
    }

    /**
     * The periods a value may be entered for, newest first: from the one containing {@code from} to the one
     * containing {@code until} or {@code today}, whichever is earlier (a period may not start in the future), at most
     * {@code max} of them.
     */
    static List<Period> choices(Frequency frequency, LocalDate from, LocalDate until, LocalDate today, int max) {
        LocalDate last = until == null || today.isBefore(until) ? today : until;
        List<Period> periods = new ArrayList<>();
        Period period = containing(frequency, last);
        LocalDate first = from == null ? last : from;
        while (periods.size() < max && !period.end().isBefore(first)) {
            periods.add(period);
            period = before(frequency, period);
        }
        if (periods.isEmpty()) {
            periods.add(containing(frequency, last));
        }
        return periods;
    }

    /**
     * "March 2026", "2026 Q1", "2026", or both dates for a period that is no calendar month, quarter or year; in the
     * page's language ("mars 2026", "T1 2026").
     */
    static String label(LocalDate start, LocalDate end) {
        Locale locale = Values.locale();
        if (start.getDayOfMonth() == 1 && end.equals(start.plusMonths(1).minusDays(1))) {
            return start.getMonth().getDisplayName(TextStyle.FULL_STANDALONE, locale) + " " + start.getYear();
        }
        if (start.getDayOfMonth() == 1 && (start.getMonthValue() - 1) % 3 == 0
                && end.equals(start.plusMonths(3).minusDays(1))) {
            return Values.t("results.period.quarter", String.valueOf(start.getYear()),
                    (start.getMonthValue() - 1) / 3 + 1);
        }
        if (start.getDayOfYear() == 1 && end.equals(LocalDate.of(start.getYear(), 12, 31))) {
            return String.valueOf(start.getYear());
        }
        return start + " – " + end;
    }

    static String label(Period period) {
        return label(period.start(), period.end());
    }
}
