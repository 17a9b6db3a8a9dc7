package org.entente.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testing.DemoActors.KENYA;
import static org.entente.testing.DemoActors.NATO;
import static org.entente.testing.DemoActors.NORWAY;

import java.io.ByteArrayInputStream;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.entente.db.embedded.LocalPostgres;
import org.entente.db.tenancy.Actor;
import org.entente.initiative.Mechanism;
import org.entente.label.standard.LabelBinding;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.DemoActors;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Participant.ParticipantRole;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Events through their services: Norway leads and plans an exercise, Kenya and NATO ACT take part, Northwind does
 * not. Registration with a waiting list, the coordinator rule, moving and cancelling (SEQUENCE and the bell), the
 * lead's list as a labelled workbook, and feedback after the event.
 */
class EventServiceIT extends AppIntegrationTest {

    static final Actor NORTHWIND = new Actor(UUID.fromString("0a000000-0000-4000-8000-000000000008"),
            UUID.fromString("0b000000-0000-4000-8000-000000000010"));
    /** NATO ACT's coordinator (olivia.grant). */
    static final Actor NATO_COORDINATOR = new Actor(NATO.tenantId(), UUID.fromString("0b000000-0000-4000-8000-000000000005"));

    @Autowired
    EventService events;
    @Autowired
    RegistrationService registrations;
    @Autowired
    RegistrationExport export;
    @Autowired
    WorkstreamService workstreams;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    LocalPostgres postgres;

    DemoActors actors;
    SuperuserDatabase database;
    Workstream w;

    @BeforeEach
    void workstreamWithParticipants() {
        actors = new DemoActors(transactionManager);
        database = new SuperuserDatabase(postgres);
        w = sharedWorkstream(actors, workstreams);
    }

    static Workstream sharedWorkstream(DemoActors actors, WorkstreamService workstreams) {
        String title = "Events " + UUID.randomUUID().toString().substring(0, 8);
        Workstream w = actors.as(NORWAY, () -> workstreams.create(new WorkstreamDraft(title, "", Releasability.PARTICIPANTS,
                List.of(), null, null, null, new KindDetails.Initiative(Mechanism.JOINT_EXERCISE,
                        List.of("Interoperable logistics")))));
        actors.run(NORWAY, () -> workstreams.invite(w.ref(), KENYA.tenantId(), ParticipantRole.CONTRIBUTOR));
        actors.run(KENYA, () -> workstreams.respond(w.ref(), true));
        actors.run(NORWAY, () -> workstreams.invite(w.ref(), NATO.tenantId(), ParticipantRole.OBSERVER));
        actors.run(NATO, () -> workstreams.respond(w.ref(), true));
        return w;
    }

    static EventDraft exercise(String title, LocalDateTime start, String zone, Integer capacity) {
        return new EventDraft(EventType.EXERCISE, title, "Live exercise", "Pearl Harbor", null, null, null, start,
                start.plusDays(3), zone, Releasability.PARTICIPANTS, List.of(), capacity, null, true);
    }

    @Test
    void theLeadPlansAnEventThatParticipantsSeeAndOutsidersDoNot() {
        Event created = actors.as(NORWAY, () -> events.create(w.ref(),
                exercise("RIMPAC", LocalDateTime.now().plusDays(30).withNano(0), "Pacific/Honolulu", 10)));

        assertThat(created.sequence()).isZero();
        assertThat(created.localStart().getZone().getId()).isEqualTo("Pacific/Honolulu");
        assertThat(actors.as(KENYA, () -> events.of(w.ref()))).extracting(Event::id).containsExactly(created.id());
        assertThat(actors.as(NORTHWIND, () -> events.of(w.ref()))).isEmpty();
        assertThatThrownBy(() -> actors.as(KENYA, () -> events.create(w.ref(),
                exercise("Not mine", LocalDateTime.now().plusDays(3), "UTC", null)))).isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> actors.as(NORTHWIND, () -> registrations.registerMe(created)))
                .isInstanceOf(NotAllowed.class);
        assertThat(database.query("select count(*) from audit_event where entity_id = ?", created.id().toString())
                .getFirst().getFirst()).isEqualTo(1L);
    }

    @Test
    void linksAreWebLinksOnlyAndAnEventIsNeverWiderThanItsWorkstream() {
        EventDraft hostile = new EventDraft(EventType.MEETING, "Call", "", "", null, null, "javascript:alert(1)",
                LocalDateTime.now().plusDays(2), LocalDateTime.now().plusDays(2).plusHours(1), "Europe/Oslo",
                Releasability.PARTICIPANTS, List.of(), null, null, true);
        assertThatThrownBy(() -> actors.as(NORWAY, () -> events.create(w.ref(), hostile)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldTexts()).containsKey("onlineLink"));
        EventDraft unknownZone = new EventDraft(EventType.MEETING, "Call", "", "", null, null, "https://meet.example.org/x",
                LocalDateTime.now().plusDays(2), LocalDateTime.now().plusDays(2).plusHours(1), "Mars/Olympus",
                Releasability.PARTICIPANTS, List.of(), null, null, true);
        assertThatThrownBy(() -> actors.as(NORWAY, () -> events.create(w.ref(), unknownZone)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldTexts()).containsKey("zone"));
        // A workstream kept to its lead: its events cannot be released to participants.
        Workstream own = actors.as(NORWAY, () -> workstreams.create(new WorkstreamDraft("Private "
                + UUID.randomUUID().toString().substring(0, 8), "", Releasability.PRIVATE, List.of(), null, null, null,
                new KindDetails.Initiative(Mechanism.JOINT_EXERCISE, List.of()))));
        assertThatThrownBy(() -> actors.as(NORWAY, () -> events.create(own.ref(),
                exercise("Too wide", LocalDateTime.now().plusDays(5), "UTC", null))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldTexts()).containsKey("releasability"));
    }

    @Test
    void theWaitingListMovesUpWhenSomeoneCancelsAndTheyAreTold() {
        Event course = actors.as(NORWAY, () -> events.create(w.ref(),
                exercise("Course", LocalDateTime.now().plusDays(10).withNano(0), "Europe/Oslo", 1)));
        assertThat(actors.as(KENYA, () -> registrations.registerMe(course))).isEqualTo(RegistrationStatus.REGISTERED);
        assertThat(actors.as(NATO, () -> registrations.registerMe(course))).isEqualTo(RegistrationStatus.WAITING);

        assertThat(actors.as(KENYA, () -> registrations.cancelMine(course))).isEqualTo(1);

        assertThat(actors.as(NATO, () -> registrations.mine())).containsEntry(course.id(), RegistrationStatus.REGISTERED);
        assertThat(actors.as(NORWAY, () -> registrations.of(course))).extracting(r -> r.organization().alias(),
                Registration::status).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("kenya", RegistrationStatus.CANCELLED),
                org.assertj.core.groups.Tuple.tuple("nato-act", RegistrationStatus.REGISTERED));
        // Kenya sees only its own people's registrations.
        assertThat(actors.as(KENYA, () -> registrations.of(course))).extracting(r -> r.organization().alias())
                .containsOnly("kenya");
        assertThat(database.query("select count(*) from notification where tenant_id = ? and recipient_member_id = ?"
                + " and text_key = 'event.notification.movedUp' and workstream_id = ?", NATO.tenantId(), NATO.memberId(),
                w.id()).getFirst().getFirst())
                .isEqualTo(1L);
    }

    @Test
    void aCoordinatorRegistersPeopleOfTheirOwnOrganizationAndAMemberOnlyThemselves() {
        Event meeting = actors.as(NORWAY, () -> events.create(w.ref(),
                exercise("Planning conference", LocalDateTime.now().plusDays(20).withNano(0), "Europe/Brussels", null)));
        assertThatThrownBy(() -> actors.as(NATO, () -> registrations.register(meeting, NATO_COORDINATOR.memberId())))
                .isInstanceOf(NotAllowed.class);
        assertThat(actors.as(NATO_COORDINATOR, () -> registrations.register(meeting, NATO.memberId())))
                .isEqualTo(RegistrationStatus.REGISTERED);
        assertThatThrownBy(() -> actors.as(NATO_COORDINATOR, () -> registrations.register(meeting, KENYA.memberId())))
                .isInstanceOf(NotAllowed.class);
        assertThat(actors.as(NATO_COORDINATOR, () -> registrations.mayRegisterOthers())).isTrue();
        assertThat(actors.as(NATO, () -> registrations.mayRegisterOthers())).isFalse();
    }

    @Test
    void movingAnEventRaisesItsSequenceAndRingsTheBellsOfThoseRegistered() {
        LocalDateTime start = LocalDateTime.now().plusDays(40).withNano(0).withSecond(0);
        Event planned = actors.as(NORWAY, () -> events.create(w.ref(), exercise("Moved exercise", start,
                "Pacific/Honolulu", null)));
        actors.as(KENYA, () -> registrations.registerMe(planned));

        Event renamed = actors.as(NORWAY, () -> events.update(planned, new EventDraft(EventType.EXERCISE,
                "Moved exercise (renamed)", "Live exercise", "Pearl Harbor", null, null, null, start, start.plusDays(3),
                "Pacific/Honolulu", Releasability.PARTICIPANTS, List.of(), null, null, true)));
        assertThat(renamed.sequence()).as("a new title alone is not a move").isZero();
        Event moved = actors.as(NORWAY, () -> events.update(renamed, exercise("Moved exercise", start.plusDays(7),
                "Pacific/Honolulu", null)));
        assertThat(moved.sequence()).isEqualTo(1);
        Event cancelled = actors.as(NORWAY, () -> events.cancel(moved));
        assertThat(cancelled.status()).isEqualTo(EventStatus.CANCELLED);
        assertThat(cancelled.sequence()).isEqualTo(2);
        assertThat(database.query("select text_key from notification where tenant_id = ? and recipient_member_id = ?"
                + " and workstream_id = ? order by id", KENYA.tenantId(), KENYA.memberId(), w.id()).stream()
                .map(row -> row.getFirst()).toList())
                .containsExactly("event.notification.moved", "event.notification.cancelled");
        assertThatThrownBy(() -> actors.as(KENYA, () -> registrations.registerMe(cancelled))).isInstanceOf(NotAllowed.class);
    }

    @Test
    void theLeadExportsTheListAsALabelledWorkbookAndReadsTheFeedbackAfterTheEvent() throws Exception {
        LocalDateTime start = LocalDateTime.now().plusDays(5).withNano(0).withSecond(0);
        Event course = actors.as(NORWAY, () -> events.create(w.ref(), exercise("Feedback course", start, "UTC", null)));
        actors.as(KENYA, () -> registrations.registerMe(course));
        actors.as(NATO, () -> registrations.registerMe(course));

        byte[] xlsx = actors.as(NORWAY, () -> export.xlsx(course, Locale.ENGLISH));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            var sheet = book.getSheetAt(0);
            assertThat(sheet.getRow(0).getCell(0).getStringCellValue()).startsWith("REL TO");
            assertThat(sheet.getRow(4).getCell(0).getStringCellValue()).isNotBlank();
            assertThat(sheet.getLastRowNum()).isEqualTo(5);
        }
        assertThat(LabelBinding.read(xlsx)).isPresent();
        assertThatThrownBy(() -> actors.as(KENYA, () -> export.xlsx(course, Locale.ENGLISH))).isInstanceOf(NotAllowed.class);

        // Not before the end.
        assertThatThrownBy(() -> actors.run(KENYA, () -> registrations.giveFeedback(course, 5, "Great")))
                .isInstanceOf(NotAllowed.class);
        Event past = actors.as(NORWAY, () -> events.update(course, exercise("Feedback course",
                LocalDateTime.now().minusDays(4).withNano(0), "UTC", null)));
        actors.run(KENYA, () -> registrations.giveFeedback(past, 5, "Great"));
        actors.run(NATO, () -> registrations.giveFeedback(past, 2, "Too long"));
        assertThatThrownBy(() -> actors.run(NATO, () -> registrations.giveFeedback(past, 7, "")))
                .isInstanceOf(InvalidInput.class);
        FeedbackSummary summary = actors.as(NORWAY, () -> registrations.feedback(past));
        assertThat(summary.answers()).isEqualTo(2);
        assertThat(summary.average()).isEqualTo(3.5);
        assertThat(summary.countByRating()).containsExactly(0, 1, 0, 0, 1);
        assertThat(summary.comments()).containsExactly("Great", "Too long");
        assertThatThrownBy(() -> actors.as(KENYA, () -> registrations.feedback(past))).isInstanceOf(NotAllowed.class);
    }
}
