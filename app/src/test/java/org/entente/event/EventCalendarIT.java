package org.entente.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testing.DemoActors.KENYA;
import static org.entente.testing.DemoActors.NATO;
import static org.entente.testing.DemoActors.NORWAY;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;
import net.fortuna.ical4j.model.component.VEvent;
import org.entente.db.embedded.LocalPostgres;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.DemoActors;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * iCalendar downloads and personal feeds, fetched over HTTP without a session as a calendar client would and parsed
 * back with ical4j: valid RFC 5545, the events each person may see, a stable UID with a rising SEQUENCE, CANCELLED,
 * VTIMEZONE and local times across zones and a daylight-saving change, and feeds that stop working when revoked,
 * unused for 90 days, or when the person's organization leaves the workstream.
 */
class EventCalendarIT extends AppIntegrationTest {

    @Autowired
    EventService events;
    @Autowired
    RegistrationService registrations;
    @Autowired
    CalendarFeeds feeds;
    @Autowired
    CalendarExport calendars;
    @Autowired
    WorkstreamService workstreams;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    LocalPostgres postgres;

    DemoActors actors;
    SuperuserDatabase database;
    Workstream w;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void workstreamWithParticipants() {
        actors = new DemoActors(transactionManager);
        database = new SuperuserDatabase(postgres);
        w = EventServiceIT.sharedWorkstream(actors, workstreams);
    }

    @Test
    void aPersonsFeedFollowsTheEventsTheyMaySeeAtEachRequest() throws Exception {
        Event exercise = actors.as(NORWAY, () -> events.create(w.ref(), EventServiceIT.exercise("Feed exercise",
                LocalDateTime.now().plusDays(15).withNano(0).withSecond(0), "Pacific/Honolulu", 20)));
        Event ownOnly = actors.as(NORWAY, () -> events.create(w.ref(), new EventDraft(EventType.MEETING,
                "Lead only", "", "Oslo", null, null, null, LocalDateTime.now().plusDays(3), LocalDateTime.now().plusDays(3)
                .plusHours(2), "Europe/Oslo", Releasability.PRIVATE, List.of(), null, null, true)));
        String token = actors.as(KENYA, () -> feeds.create());
        Object feedId = database.query("select id from calendar_feed where tenant_id = ? and member_id = ?"
                + " and revoked_at is null", KENYA.tenantId(), KENYA.memberId()).getFirst().getFirst();

        Calendar first = fetch(token);
        VEvent seen = event(first, exercise).orElseThrow();
        // The whole feed may hold demo events with a negative latitude, which ical4j's GEO check refuses against RFC
        // 5545 (a float may be signed): this event and every time zone are validated here, a whole calendar below.
        assertThat(seen.validate().hasErrors()).as("RFC 5545 validation: %s", seen.validate()).isFalse();
        for (Object zone : first.getComponents("VTIMEZONE")) {
            assertThat(((net.fortuna.ical4j.model.Component) zone).validate().hasErrors()).isFalse();
        }
        assertThat(event(first, ownOnly)).as("a PRIVATE event of the lead").isEmpty();
        assertThat(value(seen, "SEQUENCE")).isEqualTo("0");
        assertThat(value(seen, "STATUS")).isEqualTo("CONFIRMED");
        assertThat(value(seen, "DESCRIPTION")).startsWith("[REL TO");
        assertThat(first.getComponents("VTIMEZONE")).isNotEmpty();
        // Norway's own feed holds its private event.
        String norwayToken = actors.as(NORWAY, () -> feeds.create());
        assertThat(event(fetch(norwayToken), ownOnly)).isPresent();

        // The lead moves it: same UID, higher SEQUENCE.
        Event moved = actors.as(NORWAY, () -> events.update(exercise, EventServiceIT.exercise("Feed exercise",
                LocalDateTime.now().plusDays(22).withNano(0).withSecond(0), "Pacific/Honolulu", 20)));
        VEvent updated = event(fetch(token), moved).orElseThrow();
        assertThat(value(updated, "UID")).isEqualTo(exercise.id() + "@entente");
        assertThat(value(updated, "SEQUENCE")).isEqualTo("1");

        // Cancelled: still there, CANCELLED, SEQUENCE raised again.
        actors.as(NORWAY, () -> events.cancel(moved));
        VEvent cancelled = event(fetch(token), moved).orElseThrow();
        assertThat(value(cancelled, "STATUS")).isEqualTo("CANCELLED");
        assertThat(value(cancelled, "SEQUENCE")).isEqualTo("2");

        // Kenya leaves the workstream: its feed loses the workstream's events at the next request.
        actors.run(KENYA, () -> workstreams.withdraw(w.ref()));
        assertThat(event(fetch(token), moved)).isEmpty();

        // Every request is in the audit log as a read.
        assertThat(database.query("select count(*) from audit_event where tenant_id = ? and action = 'READ'"
                + " and entity_type = 'calendar_feed' and entity_id = ?", KENYA.tenantId(), feedId.toString())
                .getFirst().getFirst()).isEqualTo(4L);
    }

    @Test
    void aRevokedForgedOrLongUnusedFeedIsRefused() throws Exception {
        String token = actors.as(NATO, () -> feeds.create());
        assertThat(get(token).statusCode()).isEqualTo(200);

        String forged = token.substring(0, token.length() - 4) + "AAAA";
        assertThat(get(forged).statusCode()).isEqualTo(404);
        assertThat(get("not-a-token").statusCode()).isEqualTo(404);

        database.update("update calendar_feed set last_used_at = now() - interval '91 days' where tenant_id = ?"
                + " and revoked_at is null", NATO.tenantId());
        HttpResponse<String> unused = get(token);
        assertThat(unused.statusCode()).isEqualTo(410);
        assertThat(unused.body()).contains("90 days");

        String fresh = actors.as(NATO, () -> feeds.create());
        assertThat(get(fresh).statusCode()).isEqualTo(200);
        assertThat(get(token).statusCode()).as("the old address after regenerating").isEqualTo(410);
        actors.as(NATO, () -> feeds.revoke());
        HttpResponse<String> revoked = get(fresh);
        assertThat(revoked.statusCode()).isEqualTo(410);
        assertThat(revoked.body()).contains("revoked");
        assertThat(actors.as(NATO, () -> feeds.mine())).isEmpty();
    }

    @Test
    void anEventInHonoluluReadsRightFromOsloAndAcrossADaylightSavingChange() throws Exception {
        // 09:00 in Honolulu (UTC-10, no DST) is 20:00 in Oslo in winter (UTC+1).
        LocalDateTime honolulu = LocalDateTime.of(2027, 1, 12, 9, 0);
        Event rimpac = actors.as(NORWAY, () -> events.create(w.ref(), EventServiceIT.exercise("Honolulu briefing",
                honolulu, "Pacific/Honolulu", null)));
        // Oslo moves to summer time on Sunday 28 March 2027: a daily 10:00 meeting before and after it.
        Event before = actors.as(NORWAY, () -> events.create(w.ref(), new EventDraft(EventType.MEETING, "Before DST",
                "", "Oslo", null, null, null, LocalDateTime.of(2027, 3, 27, 10, 0), LocalDateTime.of(2027, 3, 27, 11, 0),
                "Europe/Oslo", Releasability.PARTICIPANTS, List.of(), null, null, true)));
        Event after = actors.as(NORWAY, () -> events.create(w.ref(), new EventDraft(EventType.MEETING, "After DST",
                "", "Oslo", null, null, null, LocalDateTime.of(2027, 3, 29, 10, 0), LocalDateTime.of(2027, 3, 29, 11, 0),
                "Europe/Oslo", Releasability.PARTICIPANTS, List.of(), null, null, true)));

        // A title typed with CR and CRLF line breaks: written as RFC 5545 line breaks, never a bare CR in the file.
        Event typed = actors.as(NORWAY, () -> events.create(w.ref(), new EventDraft(EventType.OTHER,
                "line one\r\nline two\rend", "", "", null, null, null, LocalDateTime.of(2027, 5, 3, 10, 0),
                LocalDateTime.of(2027, 5, 3, 11, 0), "UTC", Releasability.PARTICIPANTS, List.of(), null, null, true)));
        byte[] written = actors.as(KENYA, () -> calendars.write(List.of(rimpac, before, after, typed), null));
        assertThat(new String(written, java.nio.charset.StandardCharsets.UTF_8).replace("\r\n", "")).doesNotContain("\r");
        Calendar calendar = parse(written);
        assertThat(value(event(calendar, typed).orElseThrow(), "SUMMARY")).isEqualTo("line one\nline two\nend");
        assertThat(calendar.validate().hasErrors()).as("RFC 5545 validation: %s", calendar.validate()).isFalse();
        VEvent hawaii = event(calendar, rimpac).orElseThrow();
        Property start = hawaii.getProperty("DTSTART").orElseThrow();
        assertThat(start.getParameter("TZID").map(Parameter::getValue)).contains("Pacific/Honolulu");
        assertThat(start.getValue()).isEqualTo("20270112T090000");
        Instant instant = instant(hawaii);
        assertThat(instant).isEqualTo(Instant.parse("2027-01-12T19:00:00Z"));
        assertThat(instant.atZone(ZoneId.of("Europe/Oslo")).toLocalDateTime()).isEqualTo(LocalDateTime.of(2027, 1, 12, 20, 0));
        assertThat(calendar.getComponents("VTIMEZONE")).extracting(c -> ((net.fortuna.ical4j.model.Component) c)
                .getProperty("TZID").map(p -> ((Property) p).getValue()).orElse(""))
                .contains("Pacific/Honolulu", "Europe/Oslo");

        // Both Oslo meetings read 10:00 local; the instants are 47 hours apart, not 48 (the clock went forward).
        assertThat(event(calendar, before).orElseThrow().getProperty("DTSTART").map(p -> ((Property) p).getValue()))
                .contains("20270327T100000");
        assertThat(event(calendar, after).orElseThrow().getProperty("DTSTART").map(p -> ((Property) p).getValue()))
                .contains("20270329T100000");
        assertThat(java.time.Duration.between(instant(event(calendar, before).orElseThrow()),
                instant(event(calendar, after).orElseThrow()))).isEqualTo(java.time.Duration.ofHours(47));
    }

    /**
     * The "done when", on the demo data: ingrid.solberg registers for NATO ACT's fusion exercise (the last of
     * its four seats), subscribes to her feed, and sees the update after the lead (olivia.grant) moves the exercise.
     */
    @Test
    void onTheDemoDataIngridRegistersSubscribesAndSeesTheLeadMoveTheExercise() throws Exception {
        org.entente.db.tenancy.Actor olivia = EventServiceIT.NATO_COORDINATOR;
        java.util.UUID fusionId = java.util.UUID.fromString("2e000000-0000-4000-8000-000000000001");
        Event fusion = actors.as(NORWAY, () -> events.get(NATO.tenantId(), fusionId)).orElseThrow();
        assertThat(fusion.title()).isEqualTo("Coalition Intelligence Fusion Exercise 2027");
        assertThat(actors.as(NORWAY, () -> registrations.registerMe(fusion))).isEqualTo(RegistrationStatus.REGISTERED);
        String token = actors.as(NORWAY, () -> feeds.create());
        VEvent before = event(fetch(token), fusion).orElseThrow();

        Event current = actors.as(olivia, () -> events.get(NATO.tenantId(), fusionId)).orElseThrow();
        EventDraft draft = new EventDraft(current.type(), current.title(), current.description(), current.locationName(),
                current.latitude(), current.longitude(), current.onlineLink(),
                current.localStart().toLocalDateTime().plusDays(1), current.localEnd().toLocalDateTime().plusDays(1),
                current.zone().getId(), current.releasability(), current.relTo(), current.capacity(),
                current.quotaPerOrg(), current.registrationOpen());
        Event moved = actors.as(olivia, () -> events.update(current, draft));

        VEvent after = event(fetch(token), fusion).orElseThrow();
        assertThat(value(after, "UID")).isEqualTo(value(before, "UID"));
        assertThat(Integer.parseInt(value(after, "SEQUENCE"))).isEqualTo(Integer.parseInt(value(before, "SEQUENCE")) + 1);
        assertThat(instant(after)).isEqualTo(instant(before).plus(java.time.Duration.ofDays(1)));
        assertThat(actors.as(NORWAY, () -> registrations.mine())).containsEntry(fusionId, RegistrationStatus.REGISTERED);
        // Back where the demo had it (another run of this test moves it again from there).
        actors.as(olivia, () -> events.update(moved, new EventDraft(draft.type(), draft.title(), draft.description(),
                draft.locationName(), draft.latitude(), draft.longitude(), draft.onlineLink(), draft.start().minusDays(1),
                draft.end().minusDays(1), draft.zone(), draft.releasability(), draft.relTo(), draft.capacity(),
                draft.quotaPerOrg(), draft.registrationOpen())));
    }

    // --- helpers

    private HttpResponse<String> get(String token) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(appUrl("/calendar/feed/" + token + ".ics"))).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private Calendar fetch(String token) throws Exception {
        HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(
                URI.create(appUrl("/calendar/feed/" + token + ".ics"))).GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/calendar"));
        return parse(response.body());
    }

    private static Calendar parse(byte[] ics) throws Exception {
        return new CalendarBuilder().build(new ByteArrayInputStream(ics));
    }

    private static Optional<VEvent> event(Calendar calendar, Event event) {
        return calendar.<VEvent>getComponents("VEVENT").stream()
                .filter(v -> v.getProperty("UID").map(p -> ((Property) p).getValue()).orElse("")
                        .equals(event.id() + "@entente"))
                .findFirst();
    }

    private static String value(VEvent event, String property) {
        return event.getProperty(property).map(p -> ((Property) p).getValue()).orElse(null);
    }

    /**
     * DTSTART as an instant: its local value in its TZID by java.time's rules (what a client's own time-zone database
     * does for a known TZID), or its UTC value. Not ical4j's own conversion: ical4j 4.1.1 reads the bundled VTIMEZONEs
     * with the oldest observance (Honolulu at -10:30), see CalendarExport.
     */
    private static Instant instant(VEvent event) {
        Property start = event.getProperty("DTSTART").orElseThrow();
        String value = start.getValue();
        Optional<Parameter> zone = start.getParameter("TZID");
        if (value.endsWith("Z")) {
            return java.time.LocalDateTime.parse(value.substring(0, value.length() - 1),
                    java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss")).toInstant(java.time.ZoneOffset.UTC);
        }
        return java.time.LocalDateTime.parse(value, java.time.format.DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss"))
                .atZone(ZoneId.of(zone.orElseThrow().getValue())).toInstant();
    }
}
