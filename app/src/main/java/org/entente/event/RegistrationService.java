package org.entente.event;

import static org.entente.db.jooq.Tables.EVENT_FEEDBACK;
import static org.entente.db.jooq.Tables.EVENT_REGISTRATION;
import static org.entente.db.jooq.Tables.MEMBER;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.db.tenancy.Actor;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.i18n.Text;
import org.entente.platform.live.WorkstreamChanged;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.platform.validation.PlainText;
import org.entente.platform.validation.SqlState;
import org.entente.workstream.Notifications;
import org.entente.workstream.Partner;
import org.entente.workstream.PartnerDirectory;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Registration of people for events. The seat count, the waiting list and who may register whom are the schema's
 * (V68's functions, which lock the event row, so that two people racing for the last seat cannot both get it); this
 * service calls them as the signed-in person, turns their refusals into messages, audits, and rings the bell of
 * those who move up from the waiting list.
 */
@Service
public class RegistrationService {

    static final int FEEDBACK_MAX = 2000;

    /** A person of the signed-in organization a coordinator may register. */
    public record Person(UUID id, String name) {
    }

    private final DSLContext dsl;
    private final EventService events;
    private final PartnerDirectory partners;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final ApplicationEventPublisher publisher;

    RegistrationService(DSLContext dsl, EventService events, PartnerDirectory partners, AuditTrail audit,
            Notifications notifications, ApplicationEventPublisher publisher) {
        this.dsl = dsl;
        this.events = events;
        this.partners = partners;
        this.audit = audit;
        this.notifications = notifications;
        this.publisher = publisher;
    }

    /** The signed-in person registers themselves; REGISTERED while seats last, else WAITING. */
    @Transactional
    public RegistrationStatus registerMe(Event event) {
        Actor actor = events.actor();
        if (actor.memberId() == null) {
            throw new NotAllowed("event.error.registerOnlyPeople");
        }
        return register(event, actor.memberId());
    }

    /** Registers a person of the signed-in organization: themselves, or any of its people for a coordinator. */
    @Transactional
    public RegistrationStatus register(Event event, UUID memberId) {
        events.actor();
        String status;
        try {
            status = dsl.select(DSL.function("event_register", SQLDataType.VARCHAR, DSL.val(event.workstream().tenantId()),
                    DSL.val(event.id()), DSL.val(memberId, SQLDataType.UUID))).fetchOne(0, String.class);
        } catch (RuntimeException e) {
            throw refused(e);
        }
        audit.record("REGISTER", "event_registration", event.id(), null, Map.of("member", memberId.toString(),
                "status", status));
        publisher.publishEvent(new WorkstreamChanged(event.workstream().id(), "events"));
        return RegistrationStatus.valueOf(status);
    }

    /**
     * Cancels a registration (the person, their organization's coordinator, or the lead); the waiting list moves up
     * and each person who now has a seat is told on their bell. Returns how many moved up.
     */
    @Transactional
    public int cancel(Event event, UUID memberTenantId, UUID memberId) {
        events.actor();
        List<org.jooq.Record2<UUID, UUID>> movedUp;
        try {
            movedUp = dsl.resultQuery("select member_tenant_id, member_id from event_cancel_registration(?, ?, ?, ?)",
                    event.workstream().tenantId(), event.id(), memberTenantId, memberId)
                    .coerce(DSL.field("member_tenant_id", UUID.class), DSL.field("member_id", UUID.class)).fetch();
        } catch (RuntimeException e) {
            throw refused(e);
        }
        audit.record("CANCEL_REGISTRATION", "event_registration", event.id(), Map.of("member", memberId.toString()),
                Map.of("movedUp", movedUp.size()));
        for (var person : movedUp) {
            notifications.notifyMember(person.value1(), person.value2(), Notifications.Kind.STATUS_CHANGE,
                    event.workstream(), Text.of("event.notification.movedUp", event.title()));
        }
        publisher.publishEvent(new WorkstreamChanged(event.workstream().id(), "events"));
        return movedUp.size();
    }

    @Transactional
    public int cancelMine(Event event) {
        Actor actor = events.actor();
        return cancel(event, actor.tenantId(), actor.memberId());
    }

    /** The registrations the signed-in organization may see: all for the lead, its own people's for the others. */
    @Transactional(readOnly = true)
    public List<Registration> of(Event event) {
        events.actor();
        Map<UUID, Partner> directory = partners.byId();
        return dsl.selectFrom(EVENT_REGISTRATION)
                .where(EVENT_REGISTRATION.TENANT_ID.eq(event.workstream().tenantId()),
                        EVENT_REGISTRATION.EVENT_ID.eq(event.id()))
                .fetch(r -> new Registration(r.getEventId(),
                        directory.getOrDefault(r.getMemberTenantId(), PartnerDirectory.unknown(r.getMemberTenantId())),
                        r.getMemberId(), r.getMemberName(), RegistrationStatus.valueOf(r.getStatus()), r.getPosition(),
                        r.getCreatedAt().toInstant()))
                .stream()
                .sorted(Comparator.comparing((Registration r) -> r.organization().name())
                        .thenComparing(r -> r.status().ordinal()).thenComparing(Registration::position)
                        .thenComparing(Registration::memberName))
                .toList();
    }

    /** The signed-in person's own registrations that are not cancelled: event id → status. */
    @Transactional(readOnly = true)
    public Map<UUID, RegistrationStatus> mine() {
        Actor actor = events.actor();
        Map<UUID, RegistrationStatus> mine = new HashMap<>();
        if (actor.memberId() == null) {
            return mine;
        }
        dsl.select(EVENT_REGISTRATION.EVENT_ID, EVENT_REGISTRATION.STATUS).from(EVENT_REGISTRATION)
                .where(EVENT_REGISTRATION.MEMBER_TENANT_ID.eq(actor.tenantId()),
                        EVENT_REGISTRATION.MEMBER_ID.eq(actor.memberId()),
                        EVENT_REGISTRATION.STATUS.ne(RegistrationStatus.CANCELLED.name()))
                .fetch().forEach(r -> mine.put(r.value1(), RegistrationStatus.valueOf(r.value2())));
        return mine;
    }

    /** The signed-in organization's people, for its coordinator to register. */
    @Transactional(readOnly = true)
    public List<Person> ownPeople() {
        Actor actor = events.actor();
        return dsl.select(MEMBER.ID, MEMBER.DISPLAY_NAME).from(MEMBER).where(MEMBER.TENANT_ID.eq(actor.tenantId()))
                .orderBy(MEMBER.DISPLAY_NAME).fetch(r -> new Person(r.value1(), r.value2()));
    }

    /** Whether the signed-in person may register others of their organization (coordinator or tenant-admin), as V68 decides. */
    @Transactional(readOnly = true)
    public boolean mayRegisterOthers() {
        Actor actor = events.actor();
        if (actor.memberId() == null) {
            return false;
        }
        String[] roles = dsl.select(MEMBER.ROLES).from(MEMBER)
                .where(MEMBER.TENANT_ID.eq(actor.tenantId()), MEMBER.ID.eq(actor.memberId())).fetchOne(MEMBER.ROLES);
        return roles != null && java.util.Arrays.stream(roles).anyMatch(r -> r.equals("coordinator") || r.equals("tenant-admin"));
    }

    /** A registered person rates the event once it has ended (again: the new answer replaces the old). */
    @Transactional
    public void giveFeedback(Event event, Integer rating, String comment) {
        events.actor();
        String text = comment == null ? "" : comment.strip();
        new InvalidInput.Collector()
                .check(rating != null && rating >= 1 && rating <= 5, "rating", "event.error.rating")
                .check(text.length() <= FEEDBACK_MAX, "comment", "event.error.tooLong", FEEDBACK_MAX)
                .check(PlainText.storable(text), "comment", PlainText.MESSAGE)
                .throwIfAny();
        try {
            dsl.select(DSL.function("event_give_feedback", SQLDataType.OTHER, DSL.val(event.workstream().tenantId()),
                    DSL.val(event.id()), DSL.val(rating), DSL.val(text))).fetch();
        } catch (RuntimeException e) {
            throw refused(e);
        }
    }

    /** The lead's aggregate of an event's feedback. */
    @Transactional(readOnly = true)
    public FeedbackSummary feedback(Event event) {
        Actor actor = events.actor();
        if (!actor.tenantId().equals(event.workstream().tenantId())) {
            throw new NotAllowed("event.error.leadOnly");
        }
        List<Integer> counts = new ArrayList<>(List.of(0, 0, 0, 0, 0));
        List<String> comments = new ArrayList<>();
        int sum = 0;
        int answers = 0;
        for (var r : dsl.select(EVENT_FEEDBACK.RATING, EVENT_FEEDBACK.COMMENT).from(EVENT_FEEDBACK)
                .where(EVENT_FEEDBACK.TENANT_ID.eq(event.workstream().tenantId()), EVENT_FEEDBACK.EVENT_ID.eq(event.id()))
                .orderBy(EVENT_FEEDBACK.CREATED_AT).fetch()) {
            counts.set(r.value1() - 1, counts.get(r.value1() - 1) + 1);
            sum += r.value1();
            answers++;
            if (!r.value2().isBlank()) {
                comments.add(r.value2());
            }
        }
        return new FeedbackSummary(answers, answers == 0 ? 0 : (double) sum / answers, counts, comments);
    }

    /** What the schema refused, as the person should read it. */
    private static RuntimeException refused(RuntimeException e) {
        String state = SqlState.of(e);
        if ("EN080".equals(state)) {
            return new NotAllowed("event.error.registrationClosed");
        }
        if ("EN081".equals(state)) {
            return new NotAllowed("event.error.registerOthers");
        }
        if ("EN082".equals(state)) {
            return new NotAllowed("event.error.feedbackNotAllowed");
        }
        return e;
    }
}
