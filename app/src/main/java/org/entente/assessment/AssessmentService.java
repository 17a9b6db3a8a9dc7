package org.entente.assessment;

import static org.entente.db.jooq.Tables.ASSESSMENT;
import static org.entente.db.jooq.Tables.ASSESSMENT_RATING;
import static org.entente.db.jooq.Tables.ASSESSMENT_RECOMMENDATION;
import static org.entente.db.jooq.Tables.OBJECTIVE;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.entente.activity.ActivityFeed;
import org.entente.db.jooq.tables.records.AssessmentRecommendationRecord;
import org.entente.db.jooq.tables.records.AssessmentRecord;
import org.entente.db.tenancy.Actor;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.i18n.Text;
import org.entente.platform.live.WorkstreamChanged;
import org.entente.platform.validation.ConcurrentEditException;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.platform.validation.SqlState;
import org.entente.workstream.Partner;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamRef;
import org.entente.workstream.WorkstreamStatus;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessments of a workstream: initial (baseline), periodic and final; written by the lead only. A FINAL assessment
 * is recorded once the workstream is COMPLETED (one per workstream: the after-action assessment of earlier versions,
 * migrated by V51). Field keys of InvalidInput: "kind", "mode", "assessorName", "assessedOn", "findings",
 * "releasability", "rating", "recommendation", "status".
 *
 * <p>Row-level security decides who sees an assessment (its own releasability; its ratings and recommendations
 * follow it). Every write is audited, recorded in the activity feed with the assessment's releasability and publishes
 * {@code WorkstreamChanged(workstreamId, "results")}. A SELF assessment without an assessor name is the lead's own.
 */
@Service
public class AssessmentService {

    static final int ASSESSOR_MAX = 200;
    static final int FINDINGS_MAX = 10_000;
    static final int RECOMMENDATION_MAX = 2_000;

    private static final String LEAD_ONLY = "assessment.error.leadOnly";

    private final DSLContext dsl;
    private final ResultsRules rules;
    private final AuditTrail audit;
    private final ActivityFeed activity;
    private final ApplicationEventPublisher events;

    AssessmentService(DSLContext dsl, ResultsRules rules, AuditTrail audit, ActivityFeed activity,
            ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.rules = rules;
        this.audit = audit;
        this.activity = activity;
        this.events = events;
    }

    /** The assessments the viewer may see, newest first. */
    @Transactional(readOnly = true)
    public List<Assessment> of(WorkstreamRef workstream) {
        return load(workstream, null);
    }

    @Transactional(readOnly = true)
    public Optional<Assessment> finalAssessment(WorkstreamRef workstream) {
        return of(workstream).stream().filter(a -> a.kind() == AssessmentKind.FINAL).findFirst();
    }

    @Transactional
    public Assessment record(WorkstreamRef workstream, AssessmentDraft draft) {
        rules.requireLead(workstream, LEAD_ONLY);
        Workstream ws = rules.workstream(workstream);
        check(ws, draft, null);
        UUID id = UUID.randomUUID();
        List<UUID> relTo = ResultsRules.relTo(workstream, draft.releasability(), draft.relTo());
        try {
            dsl.insertInto(ASSESSMENT)
                    .set(ASSESSMENT.TENANT_ID, workstream.tenantId())
                    .set(ASSESSMENT.WORKSTREAM_ID, workstream.id())
                    .set(ASSESSMENT.ID, id)
                    .set(ASSESSMENT.KIND, draft.kind().name())
                    .set(ASSESSMENT.MODE, draft.mode().name())
                    .set(ASSESSMENT.ASSESSOR_NAME, assessorName(workstream, draft))
                    .set(ASSESSMENT.ASSESSOR_TENANT_ID, assessorTenant(draft))
                    .set(ASSESSMENT.ASSESSED_ON, draft.assessedOn())
                    .set(ASSESSMENT.FINDINGS, ResultsRules.stripped(draft.findings()))
                    .set(ASSESSMENT.RELEASABILITY, draft.releasability().name())
                    .set(ASSESSMENT.REL_TO, relTo.toArray(UUID[]::new))
                    .execute();
            writeRatings(workstream, id, draft);
            writeRecommendations(workstream, id, draft.recommendations() == null ? List.of() : draft.recommendations());
        } catch (RuntimeException e) {
            throw refused(e);
        }
        audit.record("CREATE", "assessment", id, null, snapshot(workstream, draft));
        activity.record(workstream, "assessment", Text.of("activity.summary.assessmentRecorded",
                        ActivityFeed.inSentence(draft.kind()), assessorName(workstream, draft), draft.assessedOn()),
                "assessment", id, workstream.tenantId(), draft.releasability(), relTo);
        changed(workstream);
        return load(workstream, id).getFirst();
    }

    @Transactional
    public Assessment update(Assessment current, AssessmentDraft draft) {
        WorkstreamRef workstream = current.workstream();
        rules.requireLead(workstream, LEAD_ONLY);
        Workstream ws = rules.workstream(workstream);
        check(ws, draft, current);
        List<UUID> relTo = ResultsRules.relTo(workstream, draft.releasability(), draft.relTo());
        try {
            int updated = dsl.update(ASSESSMENT)
                    .set(ASSESSMENT.KIND, draft.kind().name())
                    .set(ASSESSMENT.MODE, draft.mode().name())
                    .set(ASSESSMENT.ASSESSOR_NAME, assessorName(workstream, draft))
                    .set(ASSESSMENT.ASSESSOR_TENANT_ID, assessorTenant(draft))
                    .set(ASSESSMENT.ASSESSED_ON, draft.assessedOn())
                    .set(ASSESSMENT.FINDINGS, ResultsRules.stripped(draft.findings()))
                    .set(ASSESSMENT.RELEASABILITY, draft.releasability().name())
                    .set(ASSESSMENT.REL_TO, relTo.toArray(UUID[]::new))
                    .set(ASSESSMENT.VERSION, ASSESSMENT.VERSION.plus(1))
                    .where(ASSESSMENT.TENANT_ID.eq(workstream.tenantId()), ASSESSMENT.WORKSTREAM_ID.eq(workstream.id()),
                            ASSESSMENT.ID.eq(current.id()), ASSESSMENT.VERSION.eq(current.version()))
                    .execute();
            if (updated == 0) {
                throw new ConcurrentEditException("record.assessment");
            }
            dsl.deleteFrom(ASSESSMENT_RATING)
                    .where(ASSESSMENT_RATING.TENANT_ID.eq(workstream.tenantId()),
                            ASSESSMENT_RATING.WORKSTREAM_ID.eq(workstream.id()),
                            ASSESSMENT_RATING.ASSESSMENT_ID.eq(current.id()))
                    .execute();
            writeRatings(workstream, current.id(), draft);
            keepRecommendationsInPlace(current, draft.recommendations() == null ? List.of() : draft.recommendations());
        } catch (RuntimeException e) {
            throw refused(e);
        }
        audit.record("UPDATE", "assessment", current.id(), snapshot(current), snapshot(workstream, draft));
        activity.record(workstream, "assessment", Text.of("activity.summary.assessmentChanged",
                        ActivityFeed.inSentence(draft.kind()), assessorName(workstream, draft), draft.assessedOn()),
                "assessment", current.id(), workstream.tenantId(), draft.releasability(), relTo);
        changed(workstream);
        return load(workstream, current.id()).getFirst();
    }

    @Transactional
    public void remove(Assessment current) {
        WorkstreamRef workstream = current.workstream();
        rules.requireLead(workstream, LEAD_ONLY);
        int removed = dsl.deleteFrom(ASSESSMENT)
                .where(ASSESSMENT.TENANT_ID.eq(workstream.tenantId()), ASSESSMENT.WORKSTREAM_ID.eq(workstream.id()),
                        ASSESSMENT.ID.eq(current.id()), ASSESSMENT.VERSION.eq(current.version()))
                .execute();
        if (removed == 0) {
            throw new ConcurrentEditException("record.assessment");
        }
        audit.record("DELETE", "assessment", current.id(), snapshot(current), null);
        activity.record(workstream, "assessment", Text.of("activity.summary.assessmentRemoved",
                        ActivityFeed.inSentence(current.kind()), current.assessedOn()), "assessment", current.id(),
                workstream.tenantId(), current.releasability(), current.relTo());
        changed(workstream);
    }

    /** Marks a recommendation OPEN or DONE (the lead, or the recommendation's owner organization). */
    @Transactional
    public Recommendation markRecommendation(Assessment assessment, Recommendation current, RecommendationStatus status) {
        Actor actor = rules.actor();
        WorkstreamRef workstream = assessment.workstream();
        boolean lead = actor.tenantId().equals(workstream.tenantId());
        if (!lead && !actor.tenantId().equals(current.owner().id())) {
            throw new NotAllowed("assessment.error.markNotAllowed");
        }
        if (status == null) {
            throw InvalidInput.of("status", "assessment.error.statusMissing");
        }
        int updated;
        try {
            updated = dsl.update(ASSESSMENT_RECOMMENDATION)
                    .set(ASSESSMENT_RECOMMENDATION.STATUS, status.name())
                    .set(ASSESSMENT_RECOMMENDATION.VERSION, ASSESSMENT_RECOMMENDATION.VERSION.plus(1))
                    .where(ASSESSMENT_RECOMMENDATION.TENANT_ID.eq(workstream.tenantId()),
                            ASSESSMENT_RECOMMENDATION.WORKSTREAM_ID.eq(workstream.id()),
                            ASSESSMENT_RECOMMENDATION.ASSESSMENT_ID.eq(assessment.id()),
                            ASSESSMENT_RECOMMENDATION.ID.eq(current.id()),
                            ASSESSMENT_RECOMMENDATION.VERSION.eq(current.version()))
                    .execute();
        } catch (RuntimeException e) {
            if (SqlState.is(e, SqlState.INSUFFICIENT_PRIVILEGE)) {
                throw new NotAllowed("assessment.error.markNotAllowed");
            }
            throw e;
        }
        if (updated == 0) {
            throw new ConcurrentEditException("record.recommendation");
        }
        audit.record("STATUS_CHANGE", "assessment_recommendation", current.id(), Map.of("status", current.status().name()),
                Map.of("status", status.name()));
        activity.record(workstream, "recommendation", Text.of("activity.summary.recommendationMarked",
                        current.text(), ActivityFeed.inSentence(status)), "assessment", assessment.id(),
                workstream.tenantId(), assessment.releasability(), assessment.relTo());
        changed(workstream);
        return dsl.selectFrom(ASSESSMENT_RECOMMENDATION)
                .where(ASSESSMENT_RECOMMENDATION.TENANT_ID.eq(workstream.tenantId()),
                        ASSESSMENT_RECOMMENDATION.WORKSTREAM_ID.eq(workstream.id()),
                        ASSESSMENT_RECOMMENDATION.ID.eq(current.id()))
                .fetchSingle(r -> toRecommendation(r, rules.directory()));
    }

    // ------------------------------------------------------------------ checks

    private void check(Workstream ws, AssessmentDraft draft, Assessment current) {
        WorkstreamRef ref = ws.ref();
        InvalidInput.Collector errors = new InvalidInput.Collector();
        errors.check(draft.kind() != null, "kind", "assessment.error.kindMissing")
                .check(draft.mode() != null, "mode", "assessment.error.modeMissing");
        if (draft.kind() == AssessmentKind.FINAL) {
            errors.check(ws.status() == WorkstreamStatus.COMPLETED, "kind",
                    "assessment.error.finalNotCompleted");
            boolean another = dsl.fetchExists(ASSESSMENT, ASSESSMENT.TENANT_ID.eq(ref.tenantId()),
                    ASSESSMENT.WORKSTREAM_ID.eq(ref.id()), ASSESSMENT.KIND.eq(AssessmentKind.FINAL.name()),
                    current == null ? DSL.noCondition() : ASSESSMENT.ID.ne(current.id()));
            errors.check(!another, "kind", "assessment.error.finalExists");
        }
        if (draft.mode() == AssessmentMode.EXTERNAL) {
            ResultsRules.requiredText(errors, draft.assessorName(), ASSESSOR_MAX, "assessorName",
                    "assessment.error.assessorMissing", "assessment.error.assessorTooLong");
            errors.check(draft.assessorTenantId() == null
                            || rules.directory().containsKey(draft.assessorTenantId()), "assessorName",
                    "assessment.error.assessorOrganization");
        } else {
            ResultsRules.optionalText(errors, draft.assessorName(), ASSESSOR_MAX, "assessorName",
                    "assessment.error.assessorTooLong");
        }
        errors.check(draft.assessedOn() != null, "assessedOn", "assessment.error.dateMissing")
                .check(draft.assessedOn() == null || !draft.assessedOn().isAfter(rules.today()), "assessedOn",
                        "assessment.error.dateInFuture");
        ResultsRules.optionalText(errors, draft.findings(), FINDINGS_MAX, "findings", "assessment.error.findingsTooLong");
        rules.checkReleasability(errors, ws, draft.releasability(), draft.relTo(), "assessment");
        Map<UUID, Integer> ratings = draft.ratings() == null ? Map.of() : draft.ratings();
        if (!ratings.isEmpty()) {
            Set<UUID> objectives = new HashSet<>(dsl.select(OBJECTIVE.ID).from(OBJECTIVE)
                    .where(OBJECTIVE.TENANT_ID.eq(ref.tenantId()), OBJECTIVE.WORKSTREAM_ID.eq(ref.id()))
                    .fetch(OBJECTIVE.ID));
            errors.check(objectives.containsAll(ratings.keySet()), "rating", "assessment.error.ratingObjective")
                    .check(ratings.values().stream().allMatch(r -> r != null && r >= 1 && r <= 5), "rating",
                            "assessment.error.ratingRange");
        }
        List<RecommendationDraft> recommendations = draft.recommendations() == null ? List.of()
                : draft.recommendations();
        Set<UUID> accepted = recommendations.isEmpty() ? Set.of() : rules.accepted(ref);
        for (RecommendationDraft recommendation : recommendations) {
            errors.check(recommendation != null, "recommendation", "assessment.error.recommendationMissing");
            if (recommendation == null) {
                continue;
            }
            ResultsRules.requiredText(errors, recommendation.text(), RECOMMENDATION_MAX, "recommendation",
                    "assessment.error.recommendationMissing", "assessment.error.recommendationTooLong");
            errors.check(recommendation.ownerTenantId() != null, "recommendation",
                    "assessment.error.ownerMissing")
                    .check(recommendation.ownerTenantId() == null || accepted.contains(recommendation.ownerTenantId()),
                            "recommendation", "assessment.error.ownerNotAccepted");
        }
        errors.throwIfAny();
    }

    private String assessorName(WorkstreamRef workstream, AssessmentDraft draft) {
        String name = ResultsRules.stripped(draft.assessorName());
        if (name == null) {
            name = rules.partner(workstream.tenantId()).name();
        }
        return name.length() > ASSESSOR_MAX ? name.substring(0, ASSESSOR_MAX) : name;
    }

    private static UUID assessorTenant(AssessmentDraft draft) {
        return draft.mode() == AssessmentMode.EXTERNAL ? draft.assessorTenantId() : null;
    }

    /** What the database may still refuse when something changed since the form was checked. */
    private static RuntimeException refused(RuntimeException e) {
        String state = SqlState.of(e);
        if (ResultsRules.UNIQUE_VIOLATION.equals(state)) {
            return InvalidInput.of("kind", "assessment.error.finalExists");
        }
        if (ResultsRules.WIDER_THAN_WORKSTREAM.equals(state) || "EN017".equals(state)) {
            return InvalidInput.of("releasability", "assessment.error.releaseRefused");
        }
        if ("EN014".equals(state)) {
            return InvalidInput.of("recommendation", "assessment.error.ownerNotAccepted");
        }
        return e;
    }

    // ------------------------------------------------------------------ writes of the parts

    private void writeRatings(WorkstreamRef workstream, UUID assessmentId, AssessmentDraft draft) {
        Map<UUID, Integer> ratings = draft.ratings() == null ? Map.of() : draft.ratings();
        for (Map.Entry<UUID, Integer> rating : ratings.entrySet()) {
            dsl.insertInto(ASSESSMENT_RATING)
                    .set(ASSESSMENT_RATING.TENANT_ID, workstream.tenantId())
                    .set(ASSESSMENT_RATING.WORKSTREAM_ID, workstream.id())
                    .set(ASSESSMENT_RATING.ASSESSMENT_ID, assessmentId)
                    .set(ASSESSMENT_RATING.OBJECTIVE_ID, rating.getKey())
                    .set(ASSESSMENT_RATING.RATING, rating.getValue().shortValue())
                    .execute();
        }
    }

    private void writeRecommendations(WorkstreamRef workstream, UUID assessmentId, List<RecommendationDraft> drafts) {
        int position = 0;
        for (RecommendationDraft draft : drafts) {
            insertRecommendation(workstream, assessmentId, draft, position++);
        }
    }

    private void insertRecommendation(WorkstreamRef workstream, UUID assessmentId, RecommendationDraft draft,
            int position) {
        dsl.insertInto(ASSESSMENT_RECOMMENDATION)
                .set(ASSESSMENT_RECOMMENDATION.TENANT_ID, workstream.tenantId())
                .set(ASSESSMENT_RECOMMENDATION.WORKSTREAM_ID, workstream.id())
                .set(ASSESSMENT_RECOMMENDATION.ASSESSMENT_ID, assessmentId)
                .set(ASSESSMENT_RECOMMENDATION.ID, UUID.randomUUID())
                .set(ASSESSMENT_RECOMMENDATION.POSITION, position)
                .set(ASSESSMENT_RECOMMENDATION.TEXT, draft.text().strip())
                .set(ASSESSMENT_RECOMMENDATION.OWNER_TENANT_ID, draft.ownerTenantId())
                .set(ASSESSMENT_RECOMMENDATION.DUE_DATE, draft.dueDate())
                .set(ASSESSMENT_RECOMMENDATION.STATUS, RecommendationStatus.OPEN.name())
                .execute();
    }

    /**
     * The recommendations as the lead lists them now, kept by position: a recommendation still in its place keeps its
     * id and whether it is done (its text, owner and due date as given); new places are added (open), places no
     * longer listed removed.
     */
    private void keepRecommendationsInPlace(Assessment current, List<RecommendationDraft> drafts) {
        WorkstreamRef workstream = current.workstream();
        List<UUID> existing = dsl.select(ASSESSMENT_RECOMMENDATION.ID).from(ASSESSMENT_RECOMMENDATION)
                .where(ASSESSMENT_RECOMMENDATION.TENANT_ID.eq(workstream.tenantId()),
                        ASSESSMENT_RECOMMENDATION.WORKSTREAM_ID.eq(workstream.id()),
                        ASSESSMENT_RECOMMENDATION.ASSESSMENT_ID.eq(current.id()))
                .orderBy(ASSESSMENT_RECOMMENDATION.POSITION, ASSESSMENT_RECOMMENDATION.CREATED_AT)
                .fetch(ASSESSMENT_RECOMMENDATION.ID);
        for (int position = 0; position < drafts.size(); position++) {
            RecommendationDraft draft = drafts.get(position);
            if (position < existing.size()) {
                dsl.update(ASSESSMENT_RECOMMENDATION)
                        .set(ASSESSMENT_RECOMMENDATION.POSITION, position)
                        .set(ASSESSMENT_RECOMMENDATION.TEXT, draft.text().strip())
                        .set(ASSESSMENT_RECOMMENDATION.OWNER_TENANT_ID, draft.ownerTenantId())
                        .set(ASSESSMENT_RECOMMENDATION.DUE_DATE, draft.dueDate())
                        .set(ASSESSMENT_RECOMMENDATION.VERSION, ASSESSMENT_RECOMMENDATION.VERSION.plus(1))
                        .where(ASSESSMENT_RECOMMENDATION.TENANT_ID.eq(workstream.tenantId()),
                                ASSESSMENT_RECOMMENDATION.WORKSTREAM_ID.eq(workstream.id()),
                                ASSESSMENT_RECOMMENDATION.ID.eq(existing.get(position)))
                        .execute();
            } else {
                insertRecommendation(workstream, current.id(), draft, position);
            }
        }
        if (existing.size() > drafts.size()) {
            dsl.deleteFrom(ASSESSMENT_RECOMMENDATION)
                    .where(ASSESSMENT_RECOMMENDATION.TENANT_ID.eq(workstream.tenantId()),
                            ASSESSMENT_RECOMMENDATION.WORKSTREAM_ID.eq(workstream.id()),
                            ASSESSMENT_RECOMMENDATION.ID.in(existing.subList(drafts.size(), existing.size())))
                    .execute();
        }
    }

    // ------------------------------------------------------------------ reads

    /** The workstream's assessments the viewer sees (one, if {@code id} is given), newest first. */
    private List<Assessment> load(WorkstreamRef workstream, UUID id) {
        Map<UUID, Partner> directory = rules.directory();
        var only = id == null ? DSL.noCondition() : ASSESSMENT.ID.eq(id);
        List<AssessmentRecord> rows = dsl.selectFrom(ASSESSMENT)
                .where(ASSESSMENT.TENANT_ID.eq(workstream.tenantId()), ASSESSMENT.WORKSTREAM_ID.eq(workstream.id()), only)
                .orderBy(ASSESSMENT.ASSESSED_ON.desc(), ASSESSMENT.CREATED_AT.desc(), ASSESSMENT.ID)
                .fetch();
        if (rows.isEmpty()) {
            return List.of();
        }
        var ratingOnly = id == null ? DSL.noCondition() : ASSESSMENT_RATING.ASSESSMENT_ID.eq(id);
        Map<UUID, Map<UUID, Integer>> ratings = new HashMap<>();
        dsl.selectFrom(ASSESSMENT_RATING)
                .where(ASSESSMENT_RATING.TENANT_ID.eq(workstream.tenantId()),
                        ASSESSMENT_RATING.WORKSTREAM_ID.eq(workstream.id()), ratingOnly)
                .forEach(r -> ratings.computeIfAbsent(r.getAssessmentId(), k -> new LinkedHashMap<>())
                        .put(r.getObjectiveId(), r.getRating().intValue()));
        var recommendationOnly = id == null ? DSL.noCondition() : ASSESSMENT_RECOMMENDATION.ASSESSMENT_ID.eq(id);
        Map<UUID, List<Recommendation>> recommendations = new HashMap<>();
        dsl.selectFrom(ASSESSMENT_RECOMMENDATION)
                .where(ASSESSMENT_RECOMMENDATION.TENANT_ID.eq(workstream.tenantId()),
                        ASSESSMENT_RECOMMENDATION.WORKSTREAM_ID.eq(workstream.id()), recommendationOnly)
                .orderBy(ASSESSMENT_RECOMMENDATION.POSITION, ASSESSMENT_RECOMMENDATION.CREATED_AT)
                .forEach(r -> recommendations.computeIfAbsent(r.getAssessmentId(), k -> new ArrayList<>())
                        .add(toRecommendation(r, directory)));
        return rows.stream().map(r -> new Assessment(workstream, r.getId(), AssessmentKind.valueOf(r.getKind()),
                AssessmentMode.valueOf(r.getMode()), r.getAssessorName(), r.getAssessorTenantId(), r.getAssessedOn(),
                r.getFindings(), Releasability.valueOf(r.getReleasability()), ResultsRules.list(r.getRelTo()),
                Map.copyOf(ratings.getOrDefault(r.getId(), Map.of())),
                List.copyOf(recommendations.getOrDefault(r.getId(), List.of())), r.getVersion())).toList();
    }

    private static Recommendation toRecommendation(AssessmentRecommendationRecord r, Map<UUID, Partner> directory) {
        return new Recommendation(r.getId(), r.getText(),
                directory.getOrDefault(r.getOwnerTenantId(),
                        org.entente.workstream.PartnerDirectory.unknown(r.getOwnerTenantId())),
                r.getDueDate(), RecommendationStatus.valueOf(r.getStatus()), r.getVersion());
    }

    // ------------------------------------------------------------------ helpers

    private void changed(WorkstreamRef workstream) {
        events.publishEvent(new WorkstreamChanged(workstream.id(), ResultsService.CHANGED));
    }

    private Map<String, Object> snapshot(WorkstreamRef workstream, AssessmentDraft draft) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("kind", draft.kind().name());
        snapshot.put("mode", draft.mode().name());
        snapshot.put("assessorName", assessorName(workstream, draft));
        snapshot.put("assessedOn", draft.assessedOn().toString());
        snapshot.put("releasability", draft.releasability().name());
        snapshot.put("ratings", draft.ratings() == null ? Map.of() : draft.ratings().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue)));
        snapshot.put("recommendations", draft.recommendations() == null ? 0 : draft.recommendations().size());
        return snapshot;
    }

    private static Map<String, Object> snapshot(Assessment assessment) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("kind", assessment.kind().name());
        snapshot.put("mode", assessment.mode().name());
        snapshot.put("assessorName", assessment.assessorName());
        snapshot.put("assessedOn", assessment.assessedOn().toString());
        snapshot.put("releasability", assessment.releasability().name());
        snapshot.put("ratings", assessment.ratings().entrySet().stream()
                .collect(Collectors.toMap(e -> e.getKey().toString(), Map.Entry::getValue)));
        snapshot.put("recommendations", assessment.recommendations().size());
        return snapshot;
    }
}
