package org.entente.briefing;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;

/**
 * How often a subscription's briefing is generated: early on Mondays, or early on the first of the month (UTC). People
 * read its label ({@code enum.BriefingFrequency.<CONSTANT>}) and when it runs ({@code briefing.frequency.when.<CONSTANT>}).
 */
public enum BriefingFrequency {
    WEEKLY,
    MONTHLY;

    /** When the schedule generates subscriptions: before a working day starts in Europe and Africa. */
    static final LocalTime RUN_AT = LocalTime.of(5, 0);

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
