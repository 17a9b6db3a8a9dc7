package org.entente.event;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.parameter.TzId;
import net.fortuna.ical4j.model.property.DtEnd;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Summary;
import net.fortuna.ical4j.model.TimeZone;
import net.fortuna.ical4j.model.TimeZoneRegistry;
import net.fortuna.ical4j.model.TimeZoneRegistryFactory;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.Geo;
import net.fortuna.ical4j.model.property.LastModified;
import net.fortuna.ical4j.model.property.Location;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.Sequence;
import net.fortuna.ical4j.model.property.Status;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.validation.NotAllowed;
import org.entente.workstream.PartnerDirectory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events as iCalendar (RFC 5545), written by ical4j. Each event keeps one UID ({@code <event id>@entente}) for its
 * whole life and its SEQUENCE from the database (raised when it moves or is cancelled), so a calendar client
 * replaces its copy rather than adding another; a cancelled event stays, STATUS:CANCELLED. Times are written in the
 * event's own zone with that zone's VTIMEZONE (ical4j's bundled definitions), so that clients show them right on both
 * sides of a daylight-saving change; the marking heads the DESCRIPTION.
 */
@Service
public class CalendarExport {

    public static final String TYPE = "text/calendar";
    static final String PRODUCT = "-//Entente//Events//EN";

    private final PartnerDirectory partners;
    private final AuditTrail audit;
    private final EventService events;
    private final TimeZoneRegistry zones = TimeZoneRegistryFactory.getInstance().createRegistry();

    CalendarExport(PartnerDirectory partners, AuditTrail audit, EventService events) {
        this.partners = partners;
        this.audit = audit;
        this.events = events;
    }

    /** One event's .ics, as its download, read again as the signed-in organization sees it now; audited. */
    @Transactional
    public byte[] single(Event event) {
        Event current = events.get(event.workstream().tenantId(), event.id())
                .orElseThrow(() -> new NotAllowed("event.error.notVisible"));
        audit.record("DOWNLOAD", "event", current.id(), null, Map.of("format", "ICS"));
        return write(List.of(current), null);
    }

    public static String fileName(Event event) {
        String base = event.title().replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("(^-+|-+$)", "");
        return (base.isEmpty() ? "event" : base.length() > 60 ? base.substring(0, 60) : base) + ".ics";
    }

    /** A calendar of these events; {@code name} becomes X-WR-CALNAME when given (a feed's name in clients). */
    public byte[] write(List<Event> events, String name) {
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        // No METHOD: a download and a subscribed feed are plain RFC 5545 data, not iTIP messages (RFC 5546 would want an
        // ORGANIZER with a mail address for PUBLISH, which an organization's event does not have).
        if (name != null) {
            calendar.add(new XProperty("X-WR-CALNAME", name));
        }
        Set<String> zoneIds = new LinkedHashSet<>();
        for (Event event : events) {
            TimeZone zone = zone(event.zone());
            if (zone != null) {
                zoneIds.add(event.zone().getId());
            }
            calendar.add(vevent(event, zone != null));
        }
        for (String id : zoneIds) {
            calendar.add(vtimezone(id));
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            new CalendarOutputter(true).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private VEvent vevent(Event e, boolean zoned) {
        VEvent v = new VEvent(false);
        if (zoned) {
            // The wall-clock time at the event's place with its TZID, written as java.time computes it: ical4j 4.1.1
            // converts a ZonedDateTime through its own reading of the VTIMEZONE, which picks the oldest observance
            // (Honolulu came out at -10:30, LMT-era). The VTIMEZONE itself is right and goes with the calendar.
            ParameterList tz = new ParameterList(List.of(new TzId(e.zone().getId())));
            v.add(new DtStart<>(tz, e.localStart().toLocalDateTime()));
            v.add(new DtEnd<>(tz, e.localEnd().toLocalDateTime()));
        } else {
            v.add(new DtStart<>(e.startsAt()));
            v.add(new DtEnd<>(e.endsAt()));
        }
        v.add(new Summary(text(e.title())));
        v.add(new Uid(e.id() + "@entente"));
        v.add(new Sequence(e.sequence()));
        v.add(new DtStamp(Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        v.add(new LastModified(e.updatedAt().truncatedTo(java.time.temporal.ChronoUnit.SECONDS)));
        v.add(new Status(e.status() == EventStatus.CANCELLED ? Status.VALUE_CANCELLED : Status.VALUE_CONFIRMED));
        String marking = partners.marking(e.releasability(), e.relTo(), e.workstream().tenantId());
        v.add(new Description(text("[" + marking + "]" + (e.description().isEmpty() ? "" : "\n\n" + e.description()))));
        if (!e.locationName().isEmpty() || e.onlineLink() != null) {
            v.add(new Location(text(e.locationName().isEmpty() ? e.onlineLink() : e.locationName())));
        }
        if (e.latitude() != null && e.longitude() != null) {
            v.add(new Geo(e.latitude(), e.longitude()));
        }
        if (e.onlineLink() != null) {
            v.add(new Url(URI.create(e.onlineLink())));
        }
        return v;
    }

    /**
     * The zone's VTIMEZONE under the TZID the events use: ical4j's bundled definitions follow tzdata's links (Oslo's
     * is Europe/Berlin's), and a TZID with no VTIMEZONE of its own name would leave clients guessing.
     */
    private VTimeZone vtimezone(String id) {
        VTimeZone definition = zones.getTimeZone(id).getVTimeZone();
        if (definition.getProperty("TZID").map(p -> ((net.fortuna.ical4j.model.Property) p).getValue())
                .filter(id::equals).isPresent()) {
            return definition;
        }
        VTimeZone renamed = definition.copy();
        renamed.replace(new net.fortuna.ical4j.model.property.TzId(id));
        return renamed;
    }

    /** Text as RFC 5545 allows it: line breaks are LF (written as \n), never a bare CR, which would end the line. */
    private static String text(String value) {
        return value.replace("\r\n", "\n").replace('\r', '\n');
    }

    /** ical4j's definition of the zone, or null (then the times are written in UTC, which every client reads). */
    private TimeZone zone(ZoneId id) {
        if (id.getId().equals("UTC") || id.getId().startsWith("Etc/")) {
            return null;
        }
        try {
            return zones.getTimeZone(id.getId());
        } catch (RuntimeException unknown) {
            return null;
        }
    }

    static String text(byte[] calendar) {
        return new String(calendar, StandardCharsets.UTF_8);
    }
}
