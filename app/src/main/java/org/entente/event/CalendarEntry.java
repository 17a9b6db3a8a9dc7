package org.entente.event;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.UUID;
import org.entente.workstream.WorkstreamKind;

/**
 * One thing on the calendar: an event (instants and its zone) or a milestone (a whole day). {@code registration} is
 * the signed-in person's own place at the event, or null.
 */
public record CalendarEntry(Kind kind, UUID id, String title, Instant start, Instant end, ZoneId zone, LocalDate day,
        UUID workstreamId, String workstreamTitle, WorkstreamKind workstreamKind, String region, boolean cancelled,
        EventType eventType, RegistrationStatus registration) {

    public enum Kind {
        EVENT, MILESTONE
    }

    /** The days (in {@code viewer}'s zone) this entry is on. */
    public LocalDate firstDay(ZoneId viewer) {
        return kind == Kind.MILESTONE ? day : start.atZone(viewer).toLocalDate();
    }

    public LocalDate lastDay(ZoneId viewer) {
        return kind == Kind.MILESTONE ? day : end.atZone(viewer).toLocalDate();
    }
}
