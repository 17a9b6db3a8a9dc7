package org.entente.workstream;

import static org.entente.db.jooq.Tables.PARTICIPATION;
import static org.entente.db.jooq.Tables.WORKSTREAM;

import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.entente.db.jooq.tables.records.ParticipationRecord;
import org.entente.db.jooq.tables.records.WorkstreamRecord;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.activity.ActivityFeed;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.i18n.Text;
import org.entente.platform.live.WorkstreamChanged;
import org.entente.platform.validation.ConcurrentEditException;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.platform.validation.PlainText;
import org.entente.workstream.Participant.ParticipantRole;
import org.entente.workstream.Participant.ParticipationStatus;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Workstreams of all three kinds and their participants. Who sees what is decided by row-level security
 * (the schema's can_see_workstream); this service adds the rules a person should hear about in words:
 * only the lead edits, lifecycle order, vetting before an engagement goes active, invitations.
 */
@Service
public class WorkstreamService {

    static final int TITLE_MAX = 200;
    static final int DESCRIPTION_MAX = 10_000;
    static final int REGION_MAX = 100;

    private final DSLContext dsl;
    private final ActorSource actors;
    private final PartnerDirectory partners;
    private final WorkstreamDetailsStore details;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final ActivityFeed activity;

    WorkstreamService(DSLContext dsl, ActorSource actors, PartnerDirectory partners, WorkstreamDetailsStore details,
            AuditTrail audit, Notifications notifications, ApplicationEventPublisher events, ActivityFeed activity) {
        this.dsl = dsl;
        this.actors = actors;
        this.partners = partners;
        this.details = details;
        this.audit = audit;
        this.notifications = notifications;
        this.events = events;
        this.activity = activity;
    }

    // ---------------------------------------------------------------- reading

    @Transactional(readOnly = true)
    public List<Workstream> find(WorkstreamQuery query, int offset, int limit) {
        return find(query, List.of(), offset, limit);
    }

    /** One page of the list, newest changes first unless sorted otherwise. */
    @Transactional(readOnly = true)
    public List<Workstream> find(WorkstreamQuery query, List<WorkstreamQuery.Sort> sort, int offset, int limit) {
        Map<UUID, Partner> directory = partners.byId();
        List<org.jooq.SortField<?>> order = new ArrayList<>();
        for (WorkstreamQuery.Sort s : sort) {
            org.jooq.Field<?> field = switch (s.key()) {
                case TITLE -> WORKSTREAM.TITLE;
                case KIND -> WORKSTREAM.KIND;
                case STATUS -> WORKSTREAM.STATUS;
                case START_DATE -> WORKSTREAM.START_DATE;
                case END_DATE -> WORKSTREAM.END_DATE;
                case UPDATED -> WORKSTREAM.UPDATED_AT;
            };
            order.add(s.ascending() ? field.asc().nullsLast() : field.desc().nullsLast());
        }
        order.add(WORKSTREAM.UPDATED_AT.desc());
        order.add(WORKSTREAM.ID.asc());
        return dsl.selectFrom(WORKSTREAM)
                .where(conditions(query))
                .orderBy(order)
                .offset(offset)
                .limit(limit)
                .fetch(r -> toWorkstream(r, directory));
    }

    @Transactional(readOnly = true)
    public int count(WorkstreamQuery query) {
        return dsl.fetchCount(WORKSTREAM, conditions(query));
    }

    @Transactional(readOnly = true)
    public Optional<Workstream> get(UUID id) {
        return dsl.selectFrom(WORKSTREAM).where(WORKSTREAM.ID.eq(id)).fetchOptional()
                .map(r -> toWorkstream(r, partners.byId()));
    }

    /** The kind-specific part, for the owner and accepted participants (invitees see only the summary). */
    @Transactional(readOnly = true)
    public Optional<KindDetails> details(Workstream workstream) {
        return details.load(workstream.ref(), workstream.kind());
    }

    @Transactional(readOnly = true)
    public List<Participant> participants(WorkstreamRef ref) {
        Map<UUID, Partner> directory = partners.byId();
        return dsl.selectFrom(PARTICIPATION)
                .where(PARTICIPATION.TENANT_ID.eq(ref.tenantId()), PARTICIPATION.WORKSTREAM_ID.eq(ref.id()))
                .orderBy(PARTICIPATION.ROLE, PARTICIPATION.INVITED_AT)
                .fetch(r -> toParticipant(r, directory));
    }

    /** Workstreams the signed-in tenant has been invited to and not answered yet. */
    @Transactional(readOnly = true)
    public List<Workstream> pendingInvitations() {
        UUID tenant = actor().tenantId();
        Map<UUID, Partner> directory = partners.byId();
        return dsl.select(WORKSTREAM.fields()).from(WORKSTREAM).join(PARTICIPATION)
                .on(PARTICIPATION.TENANT_ID.eq(WORKSTREAM.TENANT_ID), PARTICIPATION.WORKSTREAM_ID.eq(WORKSTREAM.ID))
                .where(PARTICIPATION.PARTICIPANT_TENANT_ID.eq(tenant), PARTICIPATION.STATUS.eq("INVITED"))
                .orderBy(PARTICIPATION.INVITED_AT.desc())
                .fetch(r -> toWorkstream(r.into(WORKSTREAM), directory));
    }

    /** Workstreams the signed-in tenant leads or has accepted. */
    @Transactional(readOnly = true)
    public List<Workstream> mine(int limit) {
        UUID tenant = actor().tenantId();
        Map<UUID, Partner> directory = partners.byId();
        return dsl.select(WORKSTREAM.fields()).from(WORKSTREAM).join(PARTICIPATION)
                .on(PARTICIPATION.TENANT_ID.eq(WORKSTREAM.TENANT_ID), PARTICIPATION.WORKSTREAM_ID.eq(WORKSTREAM.ID))
                .where(PARTICIPATION.PARTICIPANT_TENANT_ID.eq(tenant), PARTICIPATION.STATUS.eq("ACCEPTED"))
                .orderBy(WORKSTREAM.UPDATED_AT.desc())
                .limit(limit)
                .fetch(r -> toWorkstream(r.into(WORKSTREAM), directory));
    }

    // ---------------------------------------------------------------- writing

    @Transactional
    public Workstream create(WorkstreamDraft draft) {
        Actor actor = actor();
        validate(draft, null);
        UUID id = UUID.randomUUID();
        WorkstreamRef ref = new WorkstreamRef(actor.tenantId(), id);
        dsl.insertInto(WORKSTREAM)
                .set(WORKSTREAM.TENANT_ID, actor.tenantId())
                .set(WORKSTREAM.ID, id)
                .set(WORKSTREAM.KIND, draft.kind().name())
                .set(WORKSTREAM.CREATED_BY, actor.memberId())
                .set(commonFields(draft))
                .execute();
        // The lead's own participation (the schema may already have added it).
        dsl.insertInto(PARTICIPATION)
                .set(PARTICIPATION.TENANT_ID, actor.tenantId())
                .set(PARTICIPATION.WORKSTREAM_ID, id)
                .set(PARTICIPATION.PARTICIPANT_TENANT_ID, actor.tenantId())
                .set(PARTICIPATION.ROLE, ParticipantRole.LEAD.name())
                .set(PARTICIPATION.STATUS, ParticipationStatus.ACCEPTED.name())
                .set(PARTICIPATION.INVITED_BY, actor.memberId())
                .onConflictDoNothing()
                .execute();
        details.insert(ref, draft.details());
        audit.record("CREATE", "workstream", id, null, snapshot(draft));
        Workstream created = get(id).orElseThrow();
        activity.record(ref, "created", Text.of("activity.summary.workstreamCreated",
                        ActivityFeed.inSentence(draft.kind()), created.title()),
                "workstream", id, ref.tenantId(), created.releasability(), created.relTo());
        events.publishEvent(new WorkstreamChanged(id, "created"));
        return created;
    }

    @Transactional
    public Workstream update(Workstream current, WorkstreamDraft draft) {
        requireLead(current.ref(), "workstream.error.leadOnly.edit");
        if (draft.kind() != current.kind()) {
            throw InvalidInput.of("kind", "workstream.error.kindChange");
        }
        validate(draft, current.ref());
        int updated = dsl.update(WORKSTREAM)
                .set(commonFields(draft))
                .set(WORKSTREAM.VERSION, WORKSTREAM.VERSION.plus(1))
                .set(WORKSTREAM.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(WORKSTREAM.TENANT_ID.eq(current.ref().tenantId()), WORKSTREAM.ID.eq(current.id()),
                        WORKSTREAM.VERSION.eq(current.version()))
                .execute();
        if (updated == 0) {
            throw new ConcurrentEditException("record.workstream");
        }
        details.update(current.ref(), draft.details());
        audit.record("UPDATE", "workstream", current.id(), snapshot(current), snapshot(draft));
        Workstream updatedWorkstream = get(current.id()).orElseThrow();
        activity.record(current.ref(), "updated", Text.of("activity.summary.workstreamUpdated"), "workstream",
                current.id(), current.ref().tenantId(), updatedWorkstream.releasability(), updatedWorkstream.relTo());
        events.publishEvent(new WorkstreamChanged(current.id(), "updated"));
        return updatedWorkstream;
    }

    @Transactional
    public Workstream changeStatus(Workstream current, WorkstreamStatus target) {
        requireLead(current.ref(), "workstream.error.leadOnly.status");
        if (!current.status().next().contains(target)) {
            throw InvalidInput.of("status", "workstream.error.statusOrder", current.status().inSentence(),
                    target.inSentence());
        }
        if (current.kind() == WorkstreamKind.ENGAGEMENT && target == WorkstreamStatus.ACTIVE
                && details.load(current.ref(), current.kind())
                        .map(d -> ((KindDetails.Engagement) d).vettingStatus() != org.entente.engagement.VettingStatus.CLEARED)
                        .orElse(true)) {
            throw InvalidInput.of("status", "engagement.error.vettingRequired");
        }
        int updated = dsl.update(WORKSTREAM)
                .set(WORKSTREAM.STATUS, target.name())
                .set(WORKSTREAM.VERSION, WORKSTREAM.VERSION.plus(1))
                .set(WORKSTREAM.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(WORKSTREAM.TENANT_ID.eq(current.ref().tenantId()), WORKSTREAM.ID.eq(current.id()),
                        WORKSTREAM.VERSION.eq(current.version()))
                .execute();
        if (updated == 0) {
            throw new ConcurrentEditException("record.workstream");
        }
        audit.record("STATUS_CHANGE", "workstream", current.id(), Map.of("status", current.status().name()),
                Map.of("status", target.name()));
        for (Participant participant : participants(current.ref())) {
            if (participant.status() == ParticipationStatus.ACCEPTED
                    && !participant.partner().id().equals(current.ref().tenantId())) {
                notifications.notifyTenant(participant.partner().id(), Notifications.Kind.STATUS_CHANGE, current.ref(),
                        Text.of("workstream.notification.statusChanged", current.title(), target.inSentence()));
            }
        }
        activity.record(current.ref(), "status", Text.of("activity.summary.workstreamMarked", target.inSentence()),
                "workstream", current.id(), current.ref().tenantId(), current.releasability(), current.relTo());
        events.publishEvent(new WorkstreamChanged(current.id(), "status"));
        return get(current.id()).orElseThrow();
    }

    @Transactional
    public void invite(WorkstreamRef ref, UUID partnerId, ParticipantRole role) {
        Actor actor = requireLead(ref, "workstream.error.leadOnly.invite");
        if (role == ParticipantRole.LEAD) {
            throw InvalidInput.of("role", "workstream.error.inviteAsLead");
        }
        Partner partner = partners.find(partnerId)
                .orElseThrow(() -> InvalidInput.of("partner", "workstream.error.partnerInactive"));
        if (partner.id().equals(actor.tenantId())) {
            throw InvalidInput.of("partner", "workstream.error.alreadyLead");
        }
        ParticipationRecord existing = dsl.selectFrom(PARTICIPATION)
                .where(PARTICIPATION.TENANT_ID.eq(ref.tenantId()), PARTICIPATION.WORKSTREAM_ID.eq(ref.id()),
                        PARTICIPATION.PARTICIPANT_TENANT_ID.eq(partnerId))
                .fetchOne();
        if (existing != null && Set.of("INVITED", "ACCEPTED").contains(existing.getStatus())) {
            throw InvalidInput.of("partner", "INVITED".equals(existing.getStatus()) ? "workstream.error.alreadyInvited"
                    : "workstream.error.alreadyParticipant", partner.name());
        }
        if (existing == null) {
            dsl.insertInto(PARTICIPATION)
                    .set(PARTICIPATION.TENANT_ID, ref.tenantId())
                    .set(PARTICIPATION.WORKSTREAM_ID, ref.id())
                    .set(PARTICIPATION.PARTICIPANT_TENANT_ID, partnerId)
                    .set(PARTICIPATION.ROLE, role.name())
                    .set(PARTICIPATION.STATUS, ParticipationStatus.INVITED.name())
                    .set(PARTICIPATION.INVITED_BY, actor.memberId())
                    .set(PARTICIPATION.INVITED_AT, DSL.currentOffsetDateTime())
                    .execute();
        } else {
            dsl.update(PARTICIPATION)
                    .set(PARTICIPATION.ROLE, role.name())
                    .set(PARTICIPATION.STATUS, ParticipationStatus.INVITED.name())
                    .set(PARTICIPATION.INVITED_BY, actor.memberId())
                    .set(PARTICIPATION.INVITED_AT, DSL.currentOffsetDateTime())
                    .setNull(PARTICIPATION.RESPONDED_AT)
                    .set(PARTICIPATION.VERSION, PARTICIPATION.VERSION.plus(1))
                    .where(PARTICIPATION.TENANT_ID.eq(ref.tenantId()), PARTICIPATION.WORKSTREAM_ID.eq(ref.id()),
                            PARTICIPATION.PARTICIPANT_TENANT_ID.eq(partnerId))
                    .execute();
        }
        audit.record("INVITE", "participation", ref.id(), null,
                Map.of("partner", partner.alias(), "role", role.name()));
        Object title = get(ref.id()).<Object>map(Workstream::title)
                .orElse(Text.of("workstream.notification.someWorkstream"));
        notifications.notifyTenant(partnerId, Notifications.Kind.INVITATION, ref, Text.of(
                "workstream.notification.invitation", invitingPartner(actor), title, role));
        activity.record(ref, "invited", Text.of("activity.summary.invited", partner.name(), role), "participation",
                ref.id(), ref.tenantId(), Releasability.PARTICIPANTS, List.of());
        events.publishEvent(new WorkstreamChanged(ref.id(), "participants"));
    }

    /** The signed-in tenant accepts or declines its invitation. */
    @Transactional
    public void respond(WorkstreamRef ref, boolean accept) {
        changeOwnParticipation(ref, Set.of(ParticipationStatus.INVITED),
                accept ? ParticipationStatus.ACCEPTED : ParticipationStatus.DECLINED, accept ? "ACCEPT" : "DECLINE");
    }

    /** The signed-in tenant leaves a workstream it participates in (the lead cannot). */
    @Transactional
    public void withdraw(WorkstreamRef ref) {
        if (ref.tenantId().equals(actor().tenantId())) {
            throw new NotAllowed("workstream.error.leadCannotWithdraw");
        }
        changeOwnParticipation(ref, Set.of(ParticipationStatus.ACCEPTED), ParticipationStatus.WITHDRAWN, "WITHDRAW");
    }

    private void changeOwnParticipation(WorkstreamRef ref, Set<ParticipationStatus> from, ParticipationStatus to,
            String action) {
        Actor actor = actor();
        String title = get(ref.id()).map(Workstream::title)
                .orElseThrow(() -> new NotAllowed("workstream.error.notShared"));
        String verb = switch (to) {
            case ACCEPTED -> "joined";
            case DECLINED -> "declined";
            default -> "withdrew";
        };
        if (to != ParticipationStatus.ACCEPTED) {
            // Before the change: once withdrawn or declined, this tenant may no longer write to the workstream.
            // activity.summary.declined or .withdrew
            activity.record(ref, verb, Text.of("activity.summary." + verb), "participation", ref.id(), ref.tenantId(),
                    Releasability.PARTICIPANTS, List.of());
        }
        // Notify first, for the same reason.
        notifications.notifyTenant(ref.tenantId(), Notifications.Kind.STATUS_CHANGE, ref, Text.of(switch (to) {
            case ACCEPTED -> "workstream.notification.accepted";
            case DECLINED -> "workstream.notification.declined";
            default -> "workstream.notification.withdrew";
        }, invitingPartner(actor), title));
        int updated = dsl.update(PARTICIPATION)
                .set(PARTICIPATION.STATUS, to.name())
                .set(PARTICIPATION.RESPONDED_AT, DSL.currentOffsetDateTime())
                .set(PARTICIPATION.VERSION, PARTICIPATION.VERSION.plus(1))
                .where(PARTICIPATION.TENANT_ID.eq(ref.tenantId()), PARTICIPATION.WORKSTREAM_ID.eq(ref.id()),
                        PARTICIPATION.PARTICIPANT_TENANT_ID.eq(actor.tenantId()),
                        PARTICIPATION.STATUS.in(from.stream().map(Enum::name).toList()))
                .execute();
        if (updated == 0) {
            throw new NotAllowed("workstream.error.noParticipation", from.iterator().next());
        }
        audit.record(action, "participation", ref.id(), Map.of("status", from.iterator().next().name()),
                Map.of("status", to.name()));
        if (to == ParticipationStatus.ACCEPTED) {
            // activity.summary.joined
            activity.record(ref, verb, Text.of("activity.summary." + verb), "participation", ref.id(), ref.tenantId(),
                    Releasability.PARTICIPANTS, List.of());
        }
        events.publishEvent(new WorkstreamChanged(ref.id(), "participants"));
    }

    // ---------------------------------------------------------------- rules

    private void validate(WorkstreamDraft draft, WorkstreamRef existing) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        String title = draft.title() == null ? "" : draft.title().strip();
        errors.check(!title.isEmpty(), "title", "workstream.error.titleMissing")
                .check(title.length() <= TITLE_MAX, "title", "workstream.error.titleTooLong", TITLE_MAX)
                .check(draft.description() == null || draft.description().length() <= DESCRIPTION_MAX, "description",
                        "workstream.error.descriptionTooLong", DESCRIPTION_MAX)
                .check(PlainText.storable(draft.title()), "title", PlainText.MESSAGE)
                .check(PlainText.storable(draft.description()), "description", PlainText.MESSAGE)
                .check(draft.region() == null || draft.region().strip().length() <= REGION_MAX, "region",
                        "workstream.error.regionTooLong", REGION_MAX)
                .check(PlainText.storable(draft.region()), "region", PlainText.MESSAGE)
                .check(draft.releasability() != null, "releasability", "workstream.error.releasabilityMissing")
                .check(draft.startDate() == null || draft.endDate() == null
                        || !draft.endDate().isBefore(draft.startDate()), "endDate", "workstream.error.endBeforeStart")
                .check(draft.releasability() != Releasability.REL_TO || !draft.relTo().isEmpty(), "relTo",
                        "workstream.error.relToEmpty");
        if (draft.releasability() == Releasability.REL_TO && existing != null && !draft.relTo().isEmpty()) {
            Set<UUID> participantIds = new java.util.HashSet<>();
            participants(existing).forEach(p -> participantIds.add(p.partner().id()));
            errors.check(participantIds.containsAll(draft.relTo()), "relTo",
                    "workstream.error.relToNotParticipant");
        }
        errors.check(existing != null || draft.releasability() != Releasability.REL_TO, "relTo",
                "workstream.error.relToOnCreate");
        details.validate(draft.details(), errors);
        errors.throwIfAny();
    }

    /** {@code refusalKey}: what a non-lead is told ("Only the lead organization can edit it."). */
    private Actor requireLead(WorkstreamRef ref, String refusalKey) {
        Actor actor = actor();
        if (!ref.tenantId().equals(actor.tenantId())) {
            throw new NotAllowed(refusalKey);
        }
        return actor;
    }

    private Actor actor() {
        return actors.currentActor().orElseThrow(() -> new NotAllowed("workstream.error.notMember"));
    }

    private static Condition conditions(WorkstreamQuery query) {
        List<Condition> conditions = new ArrayList<>();
        if (query.kind() != null) {
            conditions.add(WORKSTREAM.KIND.eq(query.kind().name()));
        }
        if (query.status() != null) {
            conditions.add(WORKSTREAM.STATUS.eq(query.status().name()));
        }
        if (query.region() != null && !query.region().isBlank()) {
            conditions.add(WORKSTREAM.REGION.equalIgnoreCase(query.region().strip()));
        }
        if (query.text() != null && !query.text().isBlank()) {
            String text = query.text().strip();
            // Whole words through the full-text index; partial words by title as people type them.
            conditions.add(DSL.condition("{0} @@ websearch_to_tsquery('simple', {1})", WORKSTREAM.SEARCH, DSL.val(text))
                    .or(WORKSTREAM.TITLE.containsIgnoreCase(text)));
        }
        return DSL.and(conditions);
    }

    private static Map<org.jooq.Field<?>, Object> commonFields(WorkstreamDraft draft) {
        Map<org.jooq.Field<?>, Object> fields = new LinkedHashMap<>();
        fields.put(WORKSTREAM.TITLE, draft.title().strip());
        fields.put(WORKSTREAM.DESCRIPTION, draft.description() == null ? "" : draft.description().strip());
        fields.put(WORKSTREAM.RELEASABILITY, draft.releasability().name());
        fields.put(WORKSTREAM.REL_TO, draft.releasability() == Releasability.REL_TO
                ? draft.relTo().toArray(UUID[]::new) : new UUID[0]);
        fields.put(WORKSTREAM.REGION, draft.region() == null || draft.region().isBlank() ? null : draft.region().strip());
        fields.put(WORKSTREAM.START_DATE, draft.startDate());
        fields.put(WORKSTREAM.END_DATE, draft.endDate());
        return fields;
    }

    private static Map<String, Object> snapshot(WorkstreamDraft draft) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("title", draft.title());
        snapshot.put("releasability", draft.releasability().name());
        snapshot.put("relTo", draft.relTo().stream().map(UUID::toString).toList());
        snapshot.put("region", draft.region());
        snapshot.put("startDate", String.valueOf(draft.startDate()));
        snapshot.put("endDate", String.valueOf(draft.endDate()));
        snapshot.put("details", String.valueOf(draft.details()));
        return snapshot;
    }

    private static Map<String, Object> snapshot(Workstream workstream) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("title", workstream.title());
        snapshot.put("status", workstream.status().name());
        snapshot.put("releasability", workstream.releasability().name());
        snapshot.put("relTo", workstream.relTo().stream().map(UUID::toString).toList());
        snapshot.put("region", workstream.region());
        snapshot.put("startDate", String.valueOf(workstream.startDate()));
        snapshot.put("endDate", String.valueOf(workstream.endDate()));
        snapshot.put("version", workstream.version());
        return snapshot;
    }

    static Workstream toWorkstream(WorkstreamRecord r, Map<UUID, Partner> directory) {
        UUID[] relTo = r.getRelTo() == null ? new UUID[0] : r.getRelTo();
        return new Workstream(new WorkstreamRef(r.getTenantId(), r.getId()), WorkstreamKind.valueOf(r.getKind()),
                r.getTitle(), r.getDescription(), WorkstreamStatus.valueOf(r.getStatus()),
                Releasability.valueOf(r.getReleasability()), Arrays.asList(relTo), r.getRegion(), r.getStartDate(),
                r.getEndDate(), r.getVersion(),
                directory.getOrDefault(r.getTenantId(), PartnerDirectory.unknown(r.getTenantId())));
    }

    private static Participant toParticipant(ParticipationRecord r, Map<UUID, Partner> directory) {
        return new Participant(
                directory.getOrDefault(r.getParticipantTenantId(), PartnerDirectory.unknown(r.getParticipantTenantId())), ParticipantRole.valueOf(r.getRole()),
                ParticipationStatus.valueOf(r.getStatus()), r.getInvitedAt(), r.getRespondedAt());
    }


    /** The acting organization's name for a bell text, or "A partner" if it is gone. */
    private Object invitingPartner(Actor actor) {
        return partners.find(actor.tenantId()).<Object>map(Partner::name)
                .orElse(Text.of("workstream.notification.somePartner"));
    }
}
