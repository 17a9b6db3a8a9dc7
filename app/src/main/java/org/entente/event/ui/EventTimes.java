package org.entente.event.ui;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import org.entente.event.Event;

/** An event's time as people read it: in the event's own zone, and in the viewer's (their browser's). */
final class EventTimes {

    private EventTimes() {
    }

    static String at(Locale locale, Instant start, Instant end, ZoneId zone) {
        DateTimeFormatter f = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM, FormatStyle.SHORT)
                .withLocale(locale).withZone(zone);
        DateTimeFormatter time = DateTimeFormatter.ofLocalizedTime(FormatStyle.SHORT).withLocale(locale).withZone(zone);
        boolean sameDay = start.atZone(zone).toLocalDate().equals(end.atZone(zone).toLocalDate());
        return f.format(start) + " – " + (sameDay ? time.format(end) : f.format(end)) + " (" + zone.getId() + ")";
    }

    static String local(Locale locale, Event e) {
        return at(locale, e.startsAt(), e.endsAt(), e.zone());
    }

    static String viewer(Locale locale, Event e, ZoneId viewer) {
        return at(locale, e.startsAt(), e.endsAt(), viewer);
    }
}
