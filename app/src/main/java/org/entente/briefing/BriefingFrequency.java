package org.entente.briefing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/** How often a subscription's briefing is generated: early on Mondays, or early on the first of the month (UTC). */
public enum BriefingFrequency {
    WEEKLY("Weekly", "every Monday"),
    MONTHLY("Monthly", "on the 1st of every month");

    /** When the schedule generates subscriptions: before a working day starts in Europe and Africa. */
    static final LocalTime RUN_AT = LocalTime.of(5, 0);

    private final String label;
    private final String when;

    BriefingFrequency(String label, String when) {
        this.label = label;
        this.when = when;
    }

    public String label() {
        return label;
    }

    /** "every Monday", "on the 1st of every month". */
    public String when() {
        return when;
    }

    /** The first run strictly after {@code after}. */
    public Instant next(Instant after) {
        LocalDateTime now = LocalDateTime.ofInstant(after, ZoneOffset.UTC);
        LocalDateTime candidate = switch (this) {
            case WEEKLY -> now.toLocalDate().with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).atTime(RUN_AT);
            case MONTHLY -> now.toLocalDate().withDayOfMonth(1).atTime(RUN_AT);
        };
        while (!candidate.isAfter(now)) {
            candidate = this == WEEKLY ? candidate.plusWeeks(1) : candidate.plusMonths(1);
        }
        return candidate.toInstant(ZoneOffset.UTC);
    }
}
