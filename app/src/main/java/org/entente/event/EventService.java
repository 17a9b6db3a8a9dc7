package org.entente.event;

import static org.entente.db.jooq.Tables.EVENT;
import static org.entente.db.jooq.Tables.EVENT_REGISTRATION;

import java.math.BigDecimal;
import java.net.URI;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.entente.activity.ActivityFeed;
import org.entente.db.jooq.tables.records.EventRecord;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.i18n.Text;
import org.entente.platform.live.WorkstreamChanged;
import org.entente.platform.validation.ConcurrentEditException;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.platform.validation.PlainText;
import org.entente.workstream.Notifications;
import org.entente.workstream.Releasability;
import org.entente.workstream.WorkstreamRef;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Events of workstreams. Row-level security decides who sees one (the lead, and accepted participants it is released
 * to) and that only the lead writes; this service checks the same first to give a clear message, validates, audits,
 * and tells the people registered when the lead moves or cancels an event (the bell, kind STATUS_CHANGE).
 */
@Service
public class EventService {

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 5000;
    static final int LOCATION_MAX = 200;
    static final int LINK_MAX = 500;

    private final DSLContext dsl;
    private final ActorSource actors;
    private final AuditTrail audit;
    private final ActivityFeed activity;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    EventService(DSLContext dsl, ActorSource actors, AuditTrail audit, ActivityFeed activity,
            Notifications notifications, ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.actors = actors;
        this.audit = audit;
        this.activity = activity;
        this.notifications = notifications;
        this.events = events;
    }

    public Instant now() {
        return clock.instant();
    }

    /** The workstream's events the signed-in organization may see, soonest first. */
    @Transactional(readOnly = true)
    public List<Event> of(WorkstreamRef ref) {
        actor();
        return dsl.selectFrom(EVENT).where(EVENT.TENANT_ID.eq(ref.tenantId()), EVENT.WORKSTREAM_ID.eq(ref.id()))
                .orderBy(EVENT.STARTS_AT, EVENT.TITLE).fetch(EventService::toEvent);
    }

    @Transactional(readOnly = true)
    public Optional<Event> get(UUID tenantId, UUID id) {
        actor();
        return dsl.selectFrom(EVENT).where(EVENT.TENANT_ID.eq(tenantId), EVENT.ID.eq(id)).fetchOptional(EventService::toEvent);
    }

    /** Every event the signed-in organization may see that overlaps [from, to), soonest first. */
    @Transactional(readOnly = true)
    public List<Event> visibleBetween(Instant from, Instant to) {
        actor();
        return dsl.selectFrom(EVENT)
                .where(EVENT.STARTS_AT.lt(OffsetDateTime.ofInstant(to, ZoneOffset.UTC)),
                        EVENT.ENDS_AT.ge(OffsetDateTime.ofInstant(from, ZoneOffset.UTC)))
                .orderBy(EVENT.STARTS_AT, EVENT.TITLE).fetch(EventService::toEvent);
    }

    @Transactional
    public Event create(WorkstreamRef ref, EventDraft draft) {
        leadOf(ref);
        Validated v = validate(draft);
        UUID id = UUID.randomUUID();
        try {
            dsl.insertInto(EVENT)
                    .set(EVENT.TENANT_ID, ref.tenantId())
                    .set(EVENT.WORKSTREAM_ID, ref.id())
                    .set(EVENT.ID, id)
                    .set(fields(draft, v))
                    .execute();
        } catch (RuntimeException e) {
            throw refused(e);
        }
        audit.record("CREATE", "event", id, null, auditView(draft, v));
        activity.record(ref, "event", Text.of("activity.summary.eventAdded", v.title(),
                v.start().atZone(v.zone()).toLocalDate()), "event", id, ref.tenantId(), draft.releasability(),
                draft.relTo());
        events.publishEvent(new WorkstreamChanged(ref.id(), "events"));
        return get(ref.tenantId(), id).orElseThrow();
    }

    /**
     * Saves the lead's changes. A change of time, zone or place raises the iCalendar SEQUENCE (calendar clients then
     * replace their copy) and tells everyone registered or waiting.
     */
    @Transactional
    public Event update(Event current, EventDraft draft) {
        leadOf(current.workstream());
        if (current.status() == EventStatus.CANCELLED) {
            throw new NotAllowed("event.error.cancelled");
        }
        Validated v = validate(draft);
        boolean moved = !current.startsAt().equals(v.start()) || !current.endsAt().equals(v.end())
                || !current.zone().equals(v.zone()) || !current.locationName().equals(v.location())
                || !Objects.equals(current.onlineLink(), v.link());
        int updated;
        try {
            updated = dsl.update(EVENT)
                    .set(fields(draft, v))
                    .set(EVENT.SEQUENCE, moved ? EVENT.SEQUENCE.plus(1) : EVENT.SEQUENCE)
                    .set(EVENT.VERSION, EVENT.VERSION.plus(1))
                    .where(EVENT.TENANT_ID.eq(current.workstream().tenantId()), EVENT.ID.eq(current.id()),
                            EVENT.VERSION.eq(current.version()))
                    .execute();
        } catch (RuntimeException e) {
            throw refused(e);
        }
        if (updated == 0) {
            throw new ConcurrentEditException("record.event");
        }
        audit.record("UPDATE", "event", current.id(), Map.of("title", current.title(), "startsAt",
                current.startsAt().toString(), "zone", current.zone().getId()), auditView(draft, v));
        if (moved) {
            tellRegistered(current, Text.of("event.notification.moved", v.title(),
                    v.start().atZone(v.zone()).toLocalDateTime().toString().replace('T', ' '), v.zone().getId()));
        }
        events.publishEvent(new WorkstreamChanged(current.workstream().id(), "events"));
        return get(current.workstream().tenantId(), current.id()).orElseThrow();
    }

    /** Cancels the event (it stays, CANCELLED, so that calendars learn of it) and tells the people registered. */
    @Transactional
    public Event cancel(Event current) {
        leadOf(current.workstream());
        int updated = dsl.update(EVENT)
                .set(EVENT.STATUS, EventStatus.CANCELLED.name())
                .set(EVENT.SEQUENCE, EVENT.SEQUENCE.plus(1))
                .set(EVENT.VERSION, EVENT.VERSION.plus(1))
                .where(EVENT.TENANT_ID.eq(current.workstream().tenantId()), EVENT.ID.eq(current.id()),
                        EVENT.VERSION.eq(current.version()), EVENT.STATUS.eq(EventStatus.SCHEDULED.name()))
                .execute();
        if (updated == 0) {
            throw new ConcurrentEditException("record.event");
        }
        audit.record("STATUS_CHANGE", "event", current.id(), Map.of("status", current.status().name()),
                Map.of("status", EventStatus.CANCELLED.name()));
        activity.record(current.workstream(), "event", Text.of("activity.summary.eventCancelled", current.title()),
                "event", current.id(), current.workstream().tenantId(), current.releasability(), current.relTo());
        tellRegistered(current, Text.of("event.notification.cancelled", current.title()));
        events.publishEvent(new WorkstreamChanged(current.workstream().id(), "events"));
        return get(current.workstream().tenantId(), current.id()).orElseThrow();
    }

    /** Everyone registered or waiting, each on their own bell (the lead reads every registration of its events). */
    private void tellRegistered(Event event, Text text) {
        dsl.select(EVENT_REGISTRATION.MEMBER_TENANT_ID, EVENT_REGISTRATION.MEMBER_ID).from(EVENT_REGISTRATION)
                .where(EVENT_REGISTRATION.TENANT_ID.eq(event.workstream().tenantId()),
                        EVENT_REGISTRATION.EVENT_ID.eq(event.id()),
                        EVENT_REGISTRATION.STATUS.in(RegistrationStatus.REGISTERED.name(), RegistrationStatus.WAITING.name()))
                .fetch()
                .forEach(r -> notifications.notifyMember(r.value1(), r.value2(), Notifications.Kind.STATUS_CHANGE,
                        event.workstream(), text));
    }

    private record Validated(String title, String description, String location, String link, ZoneId zone,
            Instant start, Instant end) {
    }

    /** Checks a draft; times are read in the event's own zone (a gap at a DST change moves forward, as java.time does). */
    Validated validate(EventDraft d) {
        String title = strip(d.title());
        String description = strip(d.description());
        String location = strip(d.locationName());
        String link = strip(d.onlineLink());
        ZoneId zone = zone(d.zone());
        InvalidInput.Collector errors = new InvalidInput.Collector()
                .check(d.type() != null, "type", "event.error.typeMissing")
                .check(!title.isEmpty(), "title", "event.error.titleMissing")
                .check(title.length() <= TITLE_MAX, "title", "event.error.tooLong", TITLE_MAX)
                .check(PlainText.storable(title), "title", PlainText.MESSAGE)
                .check(description.length() <= DESCRIPTION_MAX, "description", "event.error.tooLong", DESCRIPTION_MAX)
                .check(PlainText.storable(description), "description", PlainText.MESSAGE)
                .check(location.length() <= LOCATION_MAX, "location", "event.error.tooLong", LOCATION_MAX)
                .check(PlainText.storable(location), "location", PlainText.MESSAGE)
                .check(link.isEmpty() || webLink(link), "onlineLink", "event.error.link")
                .check(zone != null, "zone", "event.error.zone")
                .check(d.start() != null, "start", "event.error.startMissing")
                .check(d.end() != null, "end", "event.error.endMissing")
                .check(d.start() == null || d.end() == null || !d.end().isBefore(d.start()), "end", "event.error.endBeforeStart")
                .check((d.latitude() == null) == (d.longitude() == null), "latitude", "event.error.coordinates")
                .check(d.latitude() == null || d.latitude().abs().compareTo(BigDecimal.valueOf(90)) <= 0,
                        "latitude", "event.error.coordinates")
                .check(d.longitude() == null || d.longitude().abs().compareTo(BigDecimal.valueOf(180)) <= 0,
                        "longitude", "event.error.coordinates")
                .check(d.capacity() == null || d.capacity() > 0, "capacity", "event.error.positive")
                .check(d.quotaPerOrg() == null || d.quotaPerOrg() > 0, "quotaPerOrg", "event.error.positive")
                .check(d.releasability() != null, "releasability", "event.error.releasabilityMissing")
                .check(d.releasability() != Releasability.REL_TO || !d.relTo().isEmpty(), "relTo",
                        "event.error.relToMissing");
        errors.throwIfAny();
        return new Validated(title, description, location, link.isEmpty() ? null : link, zone,
                local(d.start(), zone), local(d.end(), zone));
    }

    /** Only http and https addresses with a host: never javascript:, data: or a relative path. */
    static boolean webLink(String link) {
        if (link.length() > LINK_MAX || !link.matches("(?i)https?://\\S+") || !PlainText.storable(link)) {
            return false;
        }
        try {
            URI uri = new URI(link);
            return uri.getHost() != null && ("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme()));
        } catch (java.net.URISyntaxException e) {
            return false;
        }
    }

    private static ZoneId zone(String id) {
        if (id == null || id.isBlank() || !ZoneId.getAvailableZoneIds().contains(id.strip())) {
            return null;
        }
        try {
            return ZoneId.of(id.strip());
        } catch (DateTimeException e) {
            return null;
        }
    }

    private static Instant local(LocalDateTime time, ZoneId zone) {
        return time.atZone(zone).toInstant();
    }

    private static String strip(String text) {
        return text == null ? "" : text.strip();
    }

    private static Map<org.jooq.Field<?>, Object> fields(EventDraft d, Validated v) {
        Map<org.jooq.Field<?>, Object> f = new LinkedHashMap<>();
        f.put(EVENT.TYPE, d.type().name());
        f.put(EVENT.TITLE, v.title());
        f.put(EVENT.DESCRIPTION, v.description());
        f.put(EVENT.LOCATION_NAME, v.location());
        f.put(EVENT.LATITUDE, d.latitude());
        f.put(EVENT.LONGITUDE, d.longitude());
        f.put(EVENT.ONLINE_LINK, v.link());
        f.put(EVENT.STARTS_AT, OffsetDateTime.ofInstant(v.start(), ZoneOffset.UTC));
        f.put(EVENT.ENDS_AT, OffsetDateTime.ofInstant(v.end(), ZoneOffset.UTC));
        f.put(EVENT.ZONE, v.zone().getId());
        f.put(EVENT.RELEASABILITY, d.releasability().name());
        f.put(EVENT.REL_TO, d.releasability() == Releasability.REL_TO ? d.relTo().toArray(UUID[]::new) : new UUID[0]);
        f.put(EVENT.CAPACITY, d.capacity());
        f.put(EVENT.QUOTA_PER_ORG, d.quotaPerOrg());
        f.put(EVENT.REGISTRATION_OPEN, d.registrationOpen());
        return f;
    }

    private static Map<String, Object> auditView(EventDraft d, Validated v) {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("title", v.title());
        view.put("type", d.type().name());
        view.put("startsAt", v.start().toString());
        view.put("endsAt", v.end().toString());
        view.put("zone", v.zone().getId());
        view.put("releasability", d.releasability().name());
        view.put("capacity", d.capacity() == null ? "" : d.capacity());
        return view;
    }

    /** What the schema may still refuse when the workstream changed since the form was filled (V51/V2 checks). */
    private static RuntimeException refused(RuntimeException e) {
        String state = org.entente.platform.validation.SqlState.of(e);
        if ("EN070".equals(state) || "EN017".equals(state)) {
            return InvalidInput.of("releasability", "event.error.releaseRefused");
        }
        return e;
    }

    private void leadOf(WorkstreamRef ref) {
        if (!actor().tenantId().equals(ref.tenantId())) {
            throw new NotAllowed("event.error.leadOnly");
        }
    }

    Actor actor() {
        return actors.currentActor().orElseThrow(() -> new NotAllowed("workstream.error.notMember"));
    }

    static Event toEvent(EventRecord r) {
        return new Event(new WorkstreamRef(r.getTenantId(), r.getWorkstreamId()), r.getId(),
                EventType.valueOf(r.getType()), r.getTitle(), r.getDescription(), r.getLocationName(), r.getLatitude(),
                r.getLongitude(), r.getOnlineLink(), r.getStartsAt().toInstant(), r.getEndsAt().toInstant(),
                ZoneId.of(r.getZone()), Releasability.valueOf(r.getReleasability()),
                r.getRelTo() == null ? List.of() : Arrays.asList(r.getRelTo()), r.getCapacity(), r.getQuotaPerOrg(),
                r.getRegistrationOpen(), EventStatus.valueOf(r.getStatus()), r.getSequence(), r.getVersion(),
                r.getUpdatedAt().toInstant());
    }
}
