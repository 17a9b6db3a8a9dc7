package org.entente.milestone;

import static org.entente.db.jooq.Tables.MILESTONE;
import static org.entente.db.jooq.Tables.PARTICIPATION;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.db.jooq.tables.records.MilestoneRecord;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.activity.ActivityFeed;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.i18n.Text;
import org.entente.workstream.Releasability;
import org.entente.platform.live.WorkstreamChanged;
import org.entente.platform.validation.ConcurrentEditException;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.platform.validation.PlainText;
import org.entente.workstream.Partner;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.WorkstreamRef;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Milestones of workstreams; visible to the lead and accepted participants (row-level security). */
@Service
public class MilestoneService {

    private final DSLContext dsl;
    private final ActorSource actors;
    private final PartnerDirectory partners;
    private final AuditTrail audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ActivityFeed activity;

    MilestoneService(DSLContext dsl, ActorSource actors, PartnerDirectory partners, AuditTrail audit,
            ApplicationEventPublisher events, ActivityFeed activity) {
        this.dsl = dsl;
        this.actors = actors;
        this.partners = partners;
        this.audit = audit;
        this.events = events;
        this.clock = Clock.systemDefaultZone();
        this.activity = activity;
    }

    public LocalDate today() {
        return LocalDate.now(clock);
    }

    @Transactional(readOnly = true)
    public List<Milestone> of(WorkstreamRef ref) {
        Map<UUID, Partner> directory = partners.byId();
        return dsl.selectFrom(MILESTONE)
                .where(MILESTONE.TENANT_ID.eq(ref.tenantId()), MILESTONE.WORKSTREAM_ID.eq(ref.id()))
                .orderBy(MILESTONE.PLANNED_DATE, MILESTONE.TITLE)
                .fetch(r -> toMilestone(r, directory));
    }

    /** Open milestones of the signed-in tenant's workstreams that are overdue or due within {@code days}. */
    @Transactional(readOnly = true)
    public List<Milestone> dueOrOverdue(int days) {
        UUID tenant = actor().tenantId();
        Map<UUID, Partner> directory = partners.byId();
        return dsl.select(MILESTONE.fields()).from(MILESTONE).join(PARTICIPATION)
                .on(PARTICIPATION.TENANT_ID.eq(MILESTONE.TENANT_ID), PARTICIPATION.WORKSTREAM_ID.eq(MILESTONE.WORKSTREAM_ID))
                .where(PARTICIPATION.PARTICIPANT_TENANT_ID.eq(tenant), PARTICIPATION.STATUS.eq("ACCEPTED"),
                        MILESTONE.STATUS.in("PLANNED", "IN_PROGRESS"),
                        MILESTONE.PLANNED_DATE.le(today().plusDays(days)))
                .orderBy(MILESTONE.PLANNED_DATE)
                .fetch(r -> toMilestone(r.into(MILESTONE), directory));
    }

    @Transactional
    public Milestone add(WorkstreamRef ref, String title, UUID ownerTenantId, LocalDate plannedDate) {
        return add(ref, title, ownerTenantId, plannedDate, null);
    }

    /**
     * Refuses what {@link #add} would refuse, on the same fields, storing nothing: how an import previews a row.
     *
     * @throws InvalidInput on "title", "owner", "plannedDate"
     */
    public void check(String title, UUID ownerTenantId, LocalDate plannedDate) {
        new InvalidInput.Collector()
                .check(title != null && !title.isBlank(), "title", "milestone.error.titleMissing")
                .check(title == null || title.strip().length() <= 200, "title", "milestone.error.titleTooLong")
                .check(PlainText.storable(title), "title", PlainText.MESSAGE)
                .check(ownerTenantId != null, "owner", "milestone.error.ownerMissing")
                .check(plannedDate != null, "plannedDate", "milestone.error.plannedDateMissing")
                .throwIfAny();
    }

    /** As {@link #add(WorkstreamRef, String, UUID, LocalDate)}, with the lead's own reference (an import's row). */
    @Transactional
    public Milestone add(WorkstreamRef ref, String title, UUID ownerTenantId, LocalDate plannedDate, String externalRef) {
        actor();
        check(title, ownerTenantId, plannedDate);
        UUID id = UUID.randomUUID();
        dsl.insertInto(MILESTONE)
                .set(MILESTONE.TENANT_ID, ref.tenantId())
                .set(MILESTONE.WORKSTREAM_ID, ref.id())
                .set(MILESTONE.ID, id)
                .set(MILESTONE.TITLE, title.strip())
                .set(MILESTONE.OWNER_TENANT_ID, ownerTenantId)
                .set(MILESTONE.PLANNED_DATE, plannedDate)
                .set(MILESTONE.STATUS, MilestoneStatus.PLANNED.name())
                .set(MILESTONE.EXTERNAL_REF, externalRef)
                .execute();
        audit.record("CREATE", "milestone", id, null, Map.of("title", title.strip(), "plannedDate", plannedDate.toString()));
        activity.record(ref, "milestone", Text.of("activity.summary.milestoneAdded", title.strip(), plannedDate),
                "milestone", id, ref.tenantId(), Releasability.PARTICIPANTS, List.of());
        events.publishEvent(new WorkstreamChanged(ref.id(), "milestones"));
        return get(ref, id);
    }

    @Transactional
    public Milestone changeStatus(Milestone current, MilestoneStatus status, LocalDate actualDate) {
        Actor actor = actor();
        if (!current.owner().id().equals(actor.tenantId()) && !current.workstream().tenantId().equals(actor.tenantId())) {
            throw new NotAllowed("milestone.error.ownerOrLeadOnly");
        }
        int updated = dsl.update(MILESTONE)
                .set(MILESTONE.STATUS, status.name())
                .set(MILESTONE.ACTUAL_DATE, status == MilestoneStatus.DONE && actualDate == null ? today() : actualDate)
                .set(MILESTONE.VERSION, MILESTONE.VERSION.plus(1))
                .set(MILESTONE.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(MILESTONE.TENANT_ID.eq(current.workstream().tenantId()), MILESTONE.ID.eq(current.id()),
                        MILESTONE.VERSION.eq(current.version()))
                .execute();
        if (updated == 0) {
            throw new ConcurrentEditException("record.milestone");
        }
        audit.record("STATUS_CHANGE", "milestone", current.id(), Map.of("status", current.status().name()),
                Map.of("status", status.name()));
        activity.record(current.workstream(), "milestone", Text.of("activity.summary.milestoneMarked",
                current.title(), ActivityFeed.inSentence(status)), "milestone", current.id(),
                current.workstream().tenantId(), Releasability.PARTICIPANTS, List.of());
        events.publishEvent(new WorkstreamChanged(current.workstream().id(), "milestones"));
        return get(current.workstream(), current.id());
    }

    /**
     * Changes what an import may change of a milestone: title, owner and planned date (the status has its own path,
     * {@link #changeStatus}). Refused when the milestone changed since it was read.
     */
    @Transactional
    public Milestone revise(Milestone current, String title, UUID ownerTenantId, LocalDate plannedDate) {
        Actor actor = actor();
        if (!current.workstream().tenantId().equals(actor.tenantId())) {
            throw new NotAllowed("milestone.error.leadOnly");
        }
        check(title, ownerTenantId, plannedDate);
        int updated = dsl.update(MILESTONE)
                .set(MILESTONE.TITLE, title.strip())
                .set(MILESTONE.OWNER_TENANT_ID, ownerTenantId)
                .set(MILESTONE.PLANNED_DATE, plannedDate)
                .set(MILESTONE.VERSION, MILESTONE.VERSION.plus(1))
                .where(MILESTONE.TENANT_ID.eq(current.workstream().tenantId()), MILESTONE.ID.eq(current.id()),
                        MILESTONE.VERSION.eq(current.version()))
                .execute();
        if (updated == 0) {
            throw new ConcurrentEditException("record.milestone");
        }
        audit.record("UPDATE", "milestone", current.id(), Map.of("title", current.title(), "owner",
                current.owner().id().toString(), "plannedDate", current.plannedDate().toString()), Map.of("title",
                title.strip(), "owner", ownerTenantId.toString(), "plannedDate", plannedDate.toString()));
        activity.record(current.workstream(), "milestone", Text.of("activity.summary.milestoneChanged", title.strip(),
                plannedDate), "milestone", current.id(), current.workstream().tenantId(), Releasability.PARTICIPANTS,
                List.of());
        events.publishEvent(new WorkstreamChanged(current.workstream().id(), "milestones"));
        return get(current.workstream(), current.id());
    }

    /** The workstream's milestones that carry a reference of an earlier import, by that reference. */
    @Transactional(readOnly = true)
    public Map<String, Milestone> byReference(WorkstreamRef ref) {
        Map<UUID, Partner> directory = partners.byId();
        Map<String, Milestone> byReference = new java.util.LinkedHashMap<>();
        dsl.selectFrom(MILESTONE)
                .where(MILESTONE.TENANT_ID.eq(ref.tenantId()), MILESTONE.WORKSTREAM_ID.eq(ref.id()),
                        MILESTONE.EXTERNAL_REF.isNotNull())
                .forEach(r -> byReference.put(r.getExternalRef(), toMilestone(r, directory)));
        return byReference;
    }

    private Milestone get(WorkstreamRef ref, UUID id) {
        return dsl.selectFrom(MILESTONE).where(MILESTONE.TENANT_ID.eq(ref.tenantId()), MILESTONE.ID.eq(id))
                .fetchSingle(r -> toMilestone(r, partners.byId()));
    }

    private Actor actor() {
        return actors.currentActor().orElseThrow(() -> new NotAllowed("workstream.error.notMember"));
    }

    private static Milestone toMilestone(MilestoneRecord r, Map<UUID, Partner> directory) {
        return new Milestone(new WorkstreamRef(r.getTenantId(), r.getWorkstreamId()), r.getId(), r.getTitle(),
                directory.getOrDefault(r.getOwnerTenantId(), PartnerDirectory.unknown(r.getOwnerTenantId())),
                r.getPlannedDate(), r.getActualDate(), MilestoneStatus.valueOf(r.getStatus()), r.getVersion());
    }
}
