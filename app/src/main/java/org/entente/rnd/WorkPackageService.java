package org.entente.rnd;

import static org.entente.db.jooq.Tables.DELIVERABLE;
import static org.entente.db.jooq.Tables.WORK_PACKAGE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.activity.ActivityFeed;
import org.entente.db.tenancy.ActorSource;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.i18n.Text;
import org.entente.platform.live.WorkstreamChanged;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.platform.validation.PlainText;
import org.entente.platform.validation.SqlState;
import org.entente.workstream.Partner;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.Releasability;
import org.entente.workstream.WorkstreamRef;
import org.jooq.DSLContext;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Work packages and deliverables of joint R&D projects; the project's lead plans them. */
@Service
public class WorkPackageService {

    /** Raised by the schema when a work package lead is not an accepted participant. */
    static final String LEAD_NOT_PARTICIPANT = "EN014";

    private final DSLContext dsl;
    private final ActorSource actors;
    private final PartnerDirectory partners;
    private final AuditTrail audit;
    private final ActivityFeed activity;
    private final ApplicationEventPublisher events;

    WorkPackageService(DSLContext dsl, ActorSource actors, PartnerDirectory partners, AuditTrail audit,
            ActivityFeed activity, ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.actors = actors;
        this.partners = partners;
        this.audit = audit;
        this.activity = activity;
        this.events = events;
    }

    @Transactional(readOnly = true)
    public List<WorkPackage> of(WorkstreamRef ref) {
        Map<UUID, Partner> directory = partners.byId();
        Map<UUID, List<WorkPackage.Deliverable>> deliverables = dsl.selectFrom(DELIVERABLE)
                .where(DELIVERABLE.TENANT_ID.eq(ref.tenantId()), DELIVERABLE.WORKSTREAM_ID.eq(ref.id()))
                .orderBy(DELIVERABLE.DUE_DATE.asc().nullsLast(), DELIVERABLE.TITLE)
                .fetchGroups(DELIVERABLE.WORK_PACKAGE_ID, r -> new WorkPackage.Deliverable(r.getId(), r.getTitle(),
                        r.getDueDate(), r.getStatus()));
        return dsl.selectFrom(WORK_PACKAGE)
                .where(WORK_PACKAGE.TENANT_ID.eq(ref.tenantId()), WORK_PACKAGE.WORKSTREAM_ID.eq(ref.id()))
                .orderBy(WORK_PACKAGE.CODE)
                .fetch(r -> new WorkPackage(r.getId(), r.getCode(), r.getTitle(),
                        directory.getOrDefault(r.getLeadTenantId(), PartnerDirectory.unknown(r.getLeadTenantId())),
                        r.getBudgetEur(), deliverables.getOrDefault(r.getId(), List.of())));
    }

    @Transactional
    public void add(WorkstreamRef ref, String code, String title, UUID leadTenantId, BigDecimal budgetEur) {
        requireLead(ref);
        new InvalidInput.Collector()
                .check(code != null && code.strip().matches("[A-Za-z0-9.-]{1,20}"), "code", "rnd.error.codeFormat")
                .check(title != null && !title.isBlank() && title.strip().length() <= 200, "title",
                        "rnd.error.titleTooLong")
                .check(PlainText.storable(title), "title", PlainText.MESSAGE)
                .check(leadTenantId != null, "lead", "rnd.error.leadMissing")
                .check(budgetEur == null || budgetEur.signum() >= 0, "budget", "rnd.error.budgetNegative")
                .throwIfAny();
        boolean taken = dsl.fetchExists(WORK_PACKAGE, WORK_PACKAGE.TENANT_ID.eq(ref.tenantId()),
                WORK_PACKAGE.WORKSTREAM_ID.eq(ref.id()), WORK_PACKAGE.CODE.eq(code.strip()));
        if (taken) {
            throw InvalidInput.of("code", "rnd.error.codeTaken", code.strip());
        }
        UUID id = UUID.randomUUID();
        try {
            dsl.insertInto(WORK_PACKAGE)
                    .set(WORK_PACKAGE.TENANT_ID, ref.tenantId())
                    .set(WORK_PACKAGE.WORKSTREAM_ID, ref.id())
                    .set(WORK_PACKAGE.ID, id)
                    .set(WORK_PACKAGE.CODE, code.strip())
                    .set(WORK_PACKAGE.TITLE, title.strip())
                    .set(WORK_PACKAGE.LEAD_TENANT_ID, leadTenantId)
                    .set(WORK_PACKAGE.BUDGET_EUR, budgetEur == null ? BigDecimal.ZERO : budgetEur)
                    .execute();
        } catch (RuntimeException e) {
            if (SqlState.is(e, LEAD_NOT_PARTICIPANT)) {
                throw InvalidInput.of("lead", "rnd.error.leadNotParticipant");
            }
            throw e;
        }
        audit.record("CREATE", "work_package", id, null, Map.of("code", code.strip(), "title", title.strip()));
        activity.record(ref, "work package", Text.of("activity.summary.workPackageAdded", code.strip(), title.strip()),
                "work_package", id, ref.tenantId(), Releasability.PARTICIPANTS, List.of());
        events.publishEvent(new WorkstreamChanged(ref.id(), "work packages"));
    }

    @Transactional
    public void addDeliverable(WorkstreamRef ref, UUID workPackageId, String title, LocalDate dueDate) {
        requireLead(ref);
        new InvalidInput.Collector()
                .check(workPackageId != null, "workPackage", "rnd.error.workPackageMissing")
                .check(title != null && !title.isBlank() && title.strip().length() <= 200, "deliverable",
                        "rnd.error.titleTooLong")
                .check(PlainText.storable(title), "deliverable", PlainText.MESSAGE)
                .throwIfAny();
        UUID id = UUID.randomUUID();
        dsl.insertInto(DELIVERABLE)
                .set(DELIVERABLE.TENANT_ID, ref.tenantId())
                .set(DELIVERABLE.WORKSTREAM_ID, ref.id())
                .set(DELIVERABLE.ID, id)
                .set(DELIVERABLE.WORK_PACKAGE_ID, workPackageId)
                .set(DELIVERABLE.TITLE, title.strip())
                .set(DELIVERABLE.DUE_DATE, dueDate)
                .execute();
        audit.record("CREATE", "deliverable", id, null, Map.of("title", title.strip()));
        events.publishEvent(new WorkstreamChanged(ref.id(), "work packages"));
    }

    private void requireLead(WorkstreamRef ref) {
        boolean lead = actors.currentActor().map(a -> a.tenantId().equals(ref.tenantId())).orElse(false);
        if (!lead) {
            throw new NotAllowed("rnd.error.leadOnly");
        }
    }
}
