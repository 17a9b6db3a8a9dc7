package org.entente.assessment;

import static org.entente.db.jooq.Tables.ASSESSMENT_RATING;
import static org.entente.db.jooq.Tables.INDICATOR;
import static org.entente.db.jooq.Tables.INDICATOR_PROGRESS;
import static org.entente.db.jooq.Tables.MEASUREMENT;
import static org.entente.db.jooq.Tables.MEASUREMENT_CORRECTION;
import static org.entente.db.jooq.Tables.OBJECTIVE;
import static org.entente.db.jooq.Tables.WORKSTREAM;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.entente.activity.ActivityFeed;
import org.entente.db.jooq.tables.records.IndicatorProgressRecord;
import org.entente.db.jooq.tables.records.IndicatorRecord;
import org.entente.db.jooq.tables.records.MeasurementRecord;
import org.entente.db.jooq.tables.records.ObjectiveRecord;
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
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The results chain of a workstream: objectives, indicators (with their progress, read from the view
 * indicator_progress) and measurements. Row-level security decides what the viewer sees; these methods check who
 * may write before the database would refuse, so that people get a clear message:
 * <ul>
 * <li>objectives and indicators: the lead (workstream owner) only;</li>
 * <li>measurements: the lead, or the indicator's responsible organization (an accepted, non-observer participant).</li>
 * </ul>
 * Every write is audited, recorded in the activity feed (releasability of the indicator) and publishes
 * {@code WorkstreamChanged(workstreamId, "results")} so that open pages of the workstream re-render.
 * Validation failures throw {@code InvalidInput} with these field keys: objective: "text"; indicator: "objective",
 * "definition", "unit", "direction", "disaggregation", "baselineValue", "baselineDate", "targetValue", "targetDate",
 * "frequency", "responsible", "releasability"; measurement: "periodStart", "periodEnd", "partner", "value", "source", "note".
 * A stale version throws {@code ConcurrentEditException}.
 */
@Service
public class ResultsService {

    static final String CHANGED = "results";
    static final int OBJECTIVE_MAX = 500;
    static final int DEFINITION_MAX = 500;
    static final int SOURCE_MAX = 500;
    static final int NOTE_MAX = 2000;

    private static final String LEAD_ONLY = "results.error.leadOnly";

    private final DSLContext dsl;
    private final ResultsRules rules;
    private final AuditTrail audit;
    private final ActivityFeed activity;
    private final ApplicationEventPublisher events;

    ResultsService(DSLContext dsl, ResultsRules rules, AuditTrail audit, ActivityFeed activity,
            ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.rules = rules;
        this.audit = audit;
        this.activity = activity;
        this.events = events;
    }

    /** The date periods and assessments are checked against (none may start after it). */
    public LocalDate today() {
        return rules.today();
    }

    /** Whether the signed-in organization leads the workstream: it alone defines objectives and indicators. */
    public boolean isLead(WorkstreamRef workstream) {
        return rules.leads(workstream);
    }

    // ------------------------------------------------------------------ objectives

    @Transactional(readOnly = true)
    public List<Objective> objectives(WorkstreamRef workstream) {
        return dsl.selectFrom(OBJECTIVE)
                .where(OBJECTIVE.TENANT_ID.eq(workstream.tenantId()), OBJECTIVE.WORKSTREAM_ID.eq(workstream.id()))
                .orderBy(OBJECTIVE.POSITION, OBJECTIVE.CREATED_AT, OBJECTIVE.ID)
                .fetch(ResultsService::toObjective);
    }

    @Transactional
    public Objective addObjective(WorkstreamRef workstream, String text) {
        rules.requireLead(workstream, LEAD_ONLY);
        checkObjective(text);
        Integer last = dsl.select(DSL.max(OBJECTIVE.POSITION)).from(OBJECTIVE)
                .where(OBJECTIVE.TENANT_ID.eq(workstream.tenantId()), OBJECTIVE.WORKSTREAM_ID.eq(workstream.id()))
                .fetchOne(0, Integer.class);
        UUID id = UUID.randomUUID();
        dsl.insertInto(OBJECTIVE)
                .set(OBJECTIVE.TENANT_ID, workstream.tenantId())
                .set(OBJECTIVE.WORKSTREAM_ID, workstream.id())
                .set(OBJECTIVE.ID, id)
                .set(OBJECTIVE.POSITION, last == null ? 0 : last + 1)
                .set(OBJECTIVE.TEXT, text.strip())
                .execute();
        audit.record("CREATE", "objective", id, null, Map.of("text", text.strip()));
        activity.record(workstream, "objective", Text.of("activity.summary.objectiveAdded", text.strip()),
                "objective", id, workstream.tenantId(), Releasability.PARTICIPANTS, List.of());
        changed(workstream);
        return objective(workstream, id);
    }

    @Transactional
    public Objective renameObjective(Objective current, String text) {
        WorkstreamRef workstream = current.workstream();
        rules.requireLead(workstream, LEAD_ONLY);
        checkObjective(text);
        int updated = dsl.update(OBJECTIVE)
                .set(OBJECTIVE.TEXT, text.strip())
                .set(OBJECTIVE.VERSION, OBJECTIVE.VERSION.plus(1))
                .where(OBJECTIVE.TENANT_ID.eq(workstream.tenantId()), OBJECTIVE.WORKSTREAM_ID.eq(workstream.id()),
                        OBJECTIVE.ID.eq(current.id()), OBJECTIVE.VERSION.eq(current.version()))
                .execute();
        if (updated == 0) {
            throw new ConcurrentEditException("record.objective");
        }
        audit.record("UPDATE", "objective", current.id(), Map.of("text", current.text()), Map.of("text", text.strip()));
        activity.record(workstream, "objective", Text.of("activity.summary.objectiveRenamed", current.text(),
                text.strip()), "objective", current.id(), workstream.tenantId(), Releasability.PARTICIPANTS,
                List.of());
        changed(workstream);
        return objective(workstream, current.id());
    }

    /** Removes an objective; refused ("text") while one of its indicators has measurements. */
    @Transactional
    public void removeObjective(Objective current) {
        WorkstreamRef workstream = current.workstream();
        rules.requireLead(workstream, LEAD_ONLY);
        boolean measured = dsl.fetchExists(dsl.selectOne().from(MEASUREMENT).join(INDICATOR)
                .on(INDICATOR.TENANT_ID.eq(MEASUREMENT.TENANT_ID), INDICATOR.WORKSTREAM_ID.eq(MEASUREMENT.WORKSTREAM_ID),
                        INDICATOR.ID.eq(MEASUREMENT.INDICATOR_ID))
                .where(INDICATOR.TENANT_ID.eq(workstream.tenantId()), INDICATOR.WORKSTREAM_ID.eq(workstream.id()),
                        INDICATOR.OBJECTIVE_ID.eq(current.id())));
        if (measured) {
            throw InvalidInput.of("text", "results.error.objectiveMeasured");
        }
        if (dsl.fetchExists(ASSESSMENT_RATING, ASSESSMENT_RATING.TENANT_ID.eq(workstream.tenantId()),
                ASSESSMENT_RATING.WORKSTREAM_ID.eq(workstream.id()), ASSESSMENT_RATING.OBJECTIVE_ID.eq(current.id()))) {
            throw InvalidInput.of("text", "results.error.objectiveRated");
        }
        int removed = dsl.deleteFrom(OBJECTIVE)
                .where(OBJECTIVE.TENANT_ID.eq(workstream.tenantId()), OBJECTIVE.WORKSTREAM_ID.eq(workstream.id()),
                        OBJECTIVE.ID.eq(current.id()), OBJECTIVE.VERSION.eq(current.version()))
                .execute();
        if (removed == 0) {
            throw new ConcurrentEditException("record.objective");
        }
        audit.record("DELETE", "objective", current.id(), Map.of("text", current.text()), null);
        activity.record(workstream, "objective", Text.of("activity.summary.objectiveRemoved", current.text()),
                "objective", current.id(), workstream.tenantId(), Releasability.PARTICIPANTS, List.of());
        changed(workstream);
    }

    private static void checkObjective(String text) {
        InvalidInput.Collector errors = new InvalidInput.Collector();
        ResultsRules.requiredText(errors, text, OBJECTIVE_MAX, "text", "results.error.objectiveMissing",
                "results.error.objectiveTooLong");
        errors.throwIfAny();
    }

    private Objective objective(WorkstreamRef workstream, UUID id) {
        return dsl.selectFrom(OBJECTIVE)
                .where(OBJECTIVE.TENANT_ID.eq(workstream.tenantId()), OBJECTIVE.WORKSTREAM_ID.eq(workstream.id()),
                        OBJECTIVE.ID.eq(id))
                .fetchSingle(ResultsService::toObjective);
    }

    // ------------------------------------------------------------------ indicators

    /** The indicators the viewer may see, by objective position then indicator position, with progress. */
    @Transactional(readOnly = true)
    public List<Indicator> indicators(WorkstreamRef workstream) {
        return indicatorQuery(INDICATOR.TENANT_ID.eq(workstream.tenantId()).and(INDICATOR.WORKSTREAM_ID.eq(workstream.id())));
    }

    private List<Indicator> indicatorQuery(org.jooq.Condition condition) {
        var directory = rules.directory();
        return dsl.select(INDICATOR.fields()).select(INDICATOR_PROGRESS.fields())
                .from(INDICATOR)
                .join(OBJECTIVE).on(OBJECTIVE.TENANT_ID.eq(INDICATOR.TENANT_ID),
                        OBJECTIVE.WORKSTREAM_ID.eq(INDICATOR.WORKSTREAM_ID), OBJECTIVE.ID.eq(INDICATOR.OBJECTIVE_ID))
                .join(INDICATOR_PROGRESS).on(INDICATOR_PROGRESS.TENANT_ID.eq(INDICATOR.TENANT_ID),
                        INDICATOR_PROGRESS.WORKSTREAM_ID.eq(INDICATOR.WORKSTREAM_ID),
                        INDICATOR_PROGRESS.INDICATOR_ID.eq(INDICATOR.ID))
                .where(condition)
                .orderBy(OBJECTIVE.POSITION, OBJECTIVE.CREATED_AT, INDICATOR.POSITION, INDICATOR.CREATED_AT, INDICATOR.ID)
                .fetch(r -> toIndicator(r.into(INDICATOR), r.into(INDICATOR_PROGRESS), directory));
    }

    private Indicator indicator(WorkstreamRef workstream, UUID id) {
        return indicatorQuery(INDICATOR.TENANT_ID.eq(workstream.tenantId())
                .and(INDICATOR.WORKSTREAM_ID.eq(workstream.id())).and(INDICATOR.ID.eq(id))).getFirst();
    }

    @Transactional
    public Indicator defineIndicator(WorkstreamRef workstream, IndicatorDraft draft) {
        rules.requireLead(workstream, LEAD_ONLY);
        Workstream ws = rules.workstream(workstream);
        checkIndicator(ws, draft, null);
        Integer last = dsl.select(DSL.max(INDICATOR.POSITION)).from(INDICATOR)
                .where(INDICATOR.TENANT_ID.eq(workstream.tenantId()), INDICATOR.WORKSTREAM_ID.eq(workstream.id()),
                        INDICATOR.OBJECTIVE_ID.eq(draft.objectiveId()))
                .fetchOne(0, Integer.class);
        UUID id = UUID.randomUUID();
        List<UUID> relTo = ResultsRules.relTo(workstream, draft.releasability(), draft.relTo());
        try {
            dsl.insertInto(INDICATOR)
                    .set(INDICATOR.TENANT_ID, workstream.tenantId())
                    .set(INDICATOR.WORKSTREAM_ID, workstream.id())
                    .set(INDICATOR.ID, id)
                    .set(INDICATOR.OBJECTIVE_ID, draft.objectiveId())
                    .set(INDICATOR.POSITION, last == null ? 0 : last + 1)
                    .set(INDICATOR.DEFINITION, draft.definition().strip())
                    .set(INDICATOR.UNIT, draft.unit().name())
                    .set(INDICATOR.DIRECTION, draft.direction().name())
                    .set(INDICATOR.DISAGGREGATION, disaggregation(draft).name())
                    .set(INDICATOR.BASELINE_VALUE, draft.baselineValue())
                    .set(INDICATOR.BASELINE_DATE, draft.baselineDate())
                    .set(INDICATOR.TARGET_VALUE, draft.targetValue())
                    .set(INDICATOR.TARGET_DATE, draft.targetDate())
                    .set(INDICATOR.FREQUENCY, draft.frequency().name())
                    .set(INDICATOR.RESPONSIBLE_TENANT_ID, draft.responsibleTenantId())
                    .set(INDICATOR.RELEASABILITY, draft.releasability().name())
                    .set(INDICATOR.REL_TO, relTo.toArray(UUID[]::new))
                    .execute();
        } catch (RuntimeException e) {
            throw indicatorRefused(e);
        }
        audit.record("CREATE", "indicator", id, null, snapshot(draft));
        activity.record(workstream, "indicator",
                Text.of("activity.summary.indicatorDefined", draft.definition().strip()), "indicator", id,
                workstream.tenantId(), draft.releasability(), relTo);
        changed(workstream);
        return indicator(workstream, id);
    }

    @Transactional
    public Indicator updateIndicator(Indicator current, IndicatorDraft draft) {
        WorkstreamRef workstream = current.workstream();
        rules.requireLead(workstream, LEAD_ONLY);
        Workstream ws = rules.workstream(workstream);
        checkIndicator(ws, draft, current);
        List<UUID> relTo = ResultsRules.relTo(workstream, draft.releasability(), draft.relTo());
        int updated;
        try {
            updated = dsl.update(INDICATOR)
                    .set(INDICATOR.OBJECTIVE_ID, draft.objectiveId())
                    .set(INDICATOR.DEFINITION, draft.definition().strip())
                    .set(INDICATOR.UNIT, draft.unit().name())
                    .set(INDICATOR.DIRECTION, draft.direction().name())
                    .set(INDICATOR.DISAGGREGATION, disaggregation(draft).name())
                    .set(INDICATOR.BASELINE_VALUE, draft.baselineValue())
                    .set(INDICATOR.BASELINE_DATE, draft.baselineDate())
                    .set(INDICATOR.TARGET_VALUE, draft.targetValue())
                    .set(INDICATOR.TARGET_DATE, draft.targetDate())
                    .set(INDICATOR.FREQUENCY, draft.frequency().name())
                    .set(INDICATOR.RESPONSIBLE_TENANT_ID, draft.responsibleTenantId())
                    .set(INDICATOR.RELEASABILITY, draft.releasability().name())
                    .set(INDICATOR.REL_TO, relTo.toArray(UUID[]::new))
                    .set(INDICATOR.VERSION, INDICATOR.VERSION.plus(1))
                    .where(INDICATOR.TENANT_ID.eq(workstream.tenantId()), INDICATOR.WORKSTREAM_ID.eq(workstream.id()),
                            INDICATOR.ID.eq(current.id()), INDICATOR.VERSION.eq(current.version()))
                    .execute();
        } catch (RuntimeException e) {
            throw indicatorRefused(e);
        }
        if (updated == 0) {
            throw new ConcurrentEditException("record.indicator");
        }
        audit.record("UPDATE", "indicator", current.id(), snapshot(current), snapshot(draft));
        activity.record(workstream, "indicator",
                Text.of("activity.summary.indicatorChanged", draft.definition().strip()), "indicator",
                current.id(), workstream.tenantId(), draft.releasability(), relTo);
        changed(workstream);
        return indicator(workstream, current.id());
    }

    /** Removes an indicator; refused ("definition") once it has measurements. */
    @Transactional
    public void removeIndicator(Indicator current) {
        WorkstreamRef workstream = current.workstream();
        rules.requireLead(workstream, LEAD_ONLY);
        if (measured(current)) {
            throw InvalidInput.of("definition", "results.error.indicatorMeasured");
        }
        int removed = dsl.deleteFrom(INDICATOR)
                .where(INDICATOR.TENANT_ID.eq(workstream.tenantId()), INDICATOR.WORKSTREAM_ID.eq(workstream.id()),
                        INDICATOR.ID.eq(current.id()), INDICATOR.VERSION.eq(current.version()))
                .execute();
        if (removed == 0) {
            throw new ConcurrentEditException("record.indicator");
        }
        audit.record("DELETE", "indicator", current.id(), snapshot(current), null);
        activity.record(workstream, "indicator", Text.of("activity.summary.indicatorRemoved", current.definition()),
                "indicator", current.id(), workstream.tenantId(), current.releasability(), current.relTo());
        changed(workstream);
    }

    private boolean measured(Indicator indicator) {
        return dsl.fetchExists(MEASUREMENT, MEASUREMENT.TENANT_ID.eq(indicator.workstream().tenantId()),
                MEASUREMENT.WORKSTREAM_ID.eq(indicator.workstream().id()), MEASUREMENT.INDICATOR_ID.eq(indicator.id()));
    }

    private void checkIndicator(Workstream ws, IndicatorDraft draft, Indicator current) {
        WorkstreamRef ref = ws.ref();
        InvalidInput.Collector errors = new InvalidInput.Collector();
        boolean objectiveHere = draft.objectiveId() != null && dsl.fetchExists(OBJECTIVE,
                OBJECTIVE.TENANT_ID.eq(ref.tenantId()), OBJECTIVE.WORKSTREAM_ID.eq(ref.id()),
                OBJECTIVE.ID.eq(draft.objectiveId()));
        errors.check(objectiveHere, "objective", "results.error.objectiveChoose");
        ResultsRules.requiredText(errors, draft.definition(), DEFINITION_MAX, "definition",
                "results.error.definitionMissing", "results.error.definitionTooLong");
        errors.check(draft.unit() != null, "unit", "results.error.unitMissing")
                .check(draft.direction() != null, "direction", "results.error.directionMissing")
                .check(draft.frequency() != null, "frequency", "results.error.frequencyMissing");
        boolean baselineValue = draft.baselineValue() != null;
        boolean baselineDate = draft.baselineDate() != null;
        errors.check(baselineValue || !baselineDate, "baselineValue", "results.error.baselineValueMissing")
                .check(baselineDate || !baselineValue, "baselineDate", "results.error.baselineDateMissing");
        ResultsRules.checkNumber(errors, draft.baselineValue(), "baselineValue");
        ResultsRules.checkNumber(errors, draft.targetValue(), "targetValue");
        errors.check(draft.targetValue() != null, "targetValue", "results.error.targetValueMissing")
                .check(draft.targetDate() != null, "targetDate", "results.error.targetDateMissing");
        if (draft.unit() != null) {
            errors.check(!baselineValue || draft.unit().admits(draft.baselineValue()), "baselineValue",
                    ResultsRules.admitsMessage(draft.unit()));
            errors.check(draft.targetValue() == null || draft.unit().admits(draft.targetValue()), "targetValue",
                    ResultsRules.admitsMessage(draft.unit()));
        }
        if (baselineDate && draft.targetDate() != null) {
            errors.check(draft.targetDate().isAfter(draft.baselineDate()), "targetDate",
                    "results.error.targetBeforeBaseline", draft.baselineDate().toString());
        }
        if (baselineValue && draft.targetValue() != null && draft.direction() != null) {
            int comparison = draft.targetValue().compareTo(draft.baselineValue());
            errors.check(draft.direction() == Direction.HIGHER ? comparison > 0 : comparison < 0, "targetValue",
                    draft.direction() == Direction.HIGHER ? "results.error.targetNotAbove"
                            : "results.error.targetNotBelow",
                    draft.baselineValue().stripTrailingZeros());
        }
        errors.check(draft.responsibleTenantId() != null, "responsible",
                "results.error.responsibleMissing");
        if (draft.responsibleTenantId() != null) {
            errors.check(rules.contributors(ref).contains(draft.responsibleTenantId()), "responsible",
                    "results.error.responsibleNotContributor");
        }
        rules.checkReleasability(errors, ws, draft.releasability(), draft.relTo(), "indicator");
        if (draft.releasability() != null && draft.responsibleTenantId() != null
                && !draft.responsibleTenantId().equals(ref.tenantId())) {
            boolean reaches = switch (draft.releasability()) {
                case PRIVATE -> false;
                case REL_TO -> draft.relTo() != null && draft.relTo().contains(draft.responsibleTenantId());
                case PARTICIPANTS, ALL_PARTNERS -> true;
            };
            errors.check(reaches, "releasability", "results.error.releaseToResponsible");
        }
        if (current != null && measured(current)) {
            errors.check(draft.unit() == null || draft.unit() == current.unit(), "unit",
                    "results.error.unitFixed");
            boolean perPartner = dsl.fetchExists(MEASUREMENT, MEASUREMENT.TENANT_ID.eq(ref.tenantId()),
                    MEASUREMENT.INDICATOR_ID.eq(current.id()), MEASUREMENT.PARTNER_TENANT_ID.isNotNull());
            errors.check(!perPartner || disaggregation(draft) == Disaggregation.BY_PARTNER, "disaggregation",
                    "results.error.keepByPartner");
        }
        errors.throwIfAny();
    }

    private static Disaggregation disaggregation(IndicatorDraft draft) {
        return draft.disaggregation() == null ? Disaggregation.NONE : draft.disaggregation();
    }

    /** What the database may still refuse when a participation changed since the form was checked. */
    private static RuntimeException indicatorRefused(RuntimeException e) {
        String state = SqlState.of(e);
        if (ResultsRules.NOT_A_CONTRIBUTOR.equals(state)) {
            return InvalidInput.of("responsible", "results.error.responsibleNotContributor");
        }
        if (ResultsRules.WIDER_THAN_WORKSTREAM.equals(state)) {
            return InvalidInput.of("releasability", "results.error.indicatorReleaseRefused");
        }
        if ("EN017".equals(state)) {
            return InvalidInput.of("releasability", "results.error.indicator.releaseToParticipants");
        }
        return e;
    }

    // ------------------------------------------------------------------ measurements

    /** Whether the signed-in organization may enter measurements of this indicator. */
    @Transactional(readOnly = true)
    public boolean mayMeasure(Indicator indicator) {
        var actor = rules.actorIfAny();
        if (actor.isEmpty()) {
            return false;
        }
        if (actor.get().tenantId().equals(indicator.workstream().tenantId())) {
            return true;
        }
        return Boolean.TRUE.equals(dsl.select(DSL.function("may_measure", SQLDataType.BOOLEAN,
                DSL.val(indicator.workstream().tenantId()), DSL.val(indicator.workstream().id()),
                DSL.val(indicator.id()))).fetchOne(0, Boolean.class));
    }

    /** The indicator's measurements, oldest period first (totals and per-partner values). */
    @Transactional(readOnly = true)
    public List<Measurement> measurements(Indicator indicator) {
        var directory = rules.directory();
        return dsl.selectFrom(MEASUREMENT)
                .where(MEASUREMENT.TENANT_ID.eq(indicator.workstream().tenantId()),
                        MEASUREMENT.WORKSTREAM_ID.eq(indicator.workstream().id()),
                        MEASUREMENT.INDICATOR_ID.eq(indicator.id()))
                .orderBy(MEASUREMENT.PERIOD_START, MEASUREMENT.PERIOD_END, MEASUREMENT.PARTNER_TENANT_ID.isNotNull(),
                        MEASUREMENT.ENTERED_AT)
                .fetch(r -> toMeasurement(r, directory));
    }

    /**
     * Refuses what {@link #enterMeasurement} would refuse about the value itself (unit, range, period, source, note,
     * partner), on the same fields, storing nothing: how an import previews a row.
     */
    public void checkMeasurement(Indicator indicator, MeasurementDraft draft) {
        WorkstreamRef workstream = indicator.workstream();
        InvalidInput.Collector errors = new InvalidInput.Collector();
        errors.check(draft.periodStart() != null, "periodStart", "results.error.periodStartMissing")
                .check(draft.periodEnd() != null, "periodEnd", "results.error.periodEndMissing")
                .check(draft.periodStart() == null || !draft.periodStart().isAfter(today()), "periodStart",
                        "results.error.periodInFuture")
                .check(draft.periodStart() == null || draft.periodEnd() == null
                        || !draft.periodEnd().isBefore(draft.periodStart()), "periodEnd",
                        "results.error.periodEndsBeforeStart");
        checkValue(errors, indicator.unit(), draft.value());
        checkSourceAndNote(errors, draft.source(), draft.note());
        if (draft.partnerTenantId() != null) {
            errors.check(indicator.disaggregation() == Disaggregation.BY_PARTNER, "partner",
                    "results.error.totalsOnly");
            errors.check(indicator.disaggregation() != Disaggregation.BY_PARTNER
                            || rules.accepted(workstream).contains(draft.partnerTenantId()), "partner",
                    "results.error.partnerNotAccepted");
        }
        errors.throwIfAny();
    }

    /**
     * Enters a value for a period. Refused: a value not of the unit's type or range, a period starting in the future
     * or ending before it starts, a note over 2,000 characters, a partner on a totals-only indicator, or a period
     * that already has a value ("periodStart": correct that one instead).
     */
    @Transactional
    public Measurement enterMeasurement(Indicator indicator, MeasurementDraft draft) {
        Actor actor = rules.actor();
        WorkstreamRef workstream = indicator.workstream();
        if (!mayMeasure(indicator)) {
            throw new NotAllowed("results.error.enterNotAllowed");
        }
        checkMeasurement(indicator, draft);
        boolean taken = dsl.fetchExists(MEASUREMENT, MEASUREMENT.TENANT_ID.eq(workstream.tenantId()),
                MEASUREMENT.INDICATOR_ID.eq(indicator.id()), MEASUREMENT.PERIOD_START.eq(draft.periodStart()),
                MEASUREMENT.PERIOD_END.eq(draft.periodEnd()),
                MEASUREMENT.PARTNER_TENANT_ID.isNotDistinctFrom(draft.partnerTenantId()));
        if (taken) {
            throw InvalidInput.of("periodStart", draft.partnerTenantId() == null ? "results.error.periodTaken"
                    : "results.error.periodTakenForPartner");
        }
        UUID id = UUID.randomUUID();
        try {
            dsl.insertInto(MEASUREMENT)
                    .set(MEASUREMENT.TENANT_ID, workstream.tenantId())
                    .set(MEASUREMENT.WORKSTREAM_ID, workstream.id())
                    .set(MEASUREMENT.INDICATOR_ID, indicator.id())
                    .set(MEASUREMENT.ID, id)
                    .set(MEASUREMENT.PERIOD_START, draft.periodStart())
                    .set(MEASUREMENT.PERIOD_END, draft.periodEnd())
                    .set(MEASUREMENT.PARTNER_TENANT_ID, draft.partnerTenantId())
                    .set(MEASUREMENT.VALUE, draft.value())
                    .set(MEASUREMENT.SOURCE, ResultsRules.stripped(draft.source()))
                    .set(MEASUREMENT.NOTE, ResultsRules.stripped(draft.note()))
                    .set(MEASUREMENT.ENTERED_BY, rules.memberName(actor))
                    .execute();
        } catch (RuntimeException e) {
            throw measurementRefused(e, draft.partnerTenantId() != null);
        }
        Map<String, Object> after = measurementSnapshot(draft.value(), draft.source(), draft.note());
        after.put("periodStart", draft.periodStart().toString());
        after.put("periodEnd", draft.periodEnd().toString());
        if (draft.partnerTenantId() != null) {
            after.put("partner", draft.partnerTenantId().toString());
        }
        audit.record("CREATE", "measurement", id, null, after);
        activity.record(workstream, "measured", Text.of("activity.summary.measured", draft.value(),
                        indicator.definition(), draft.periodStart(), draft.periodEnd()), "measurement", id,
                workstream.tenantId(), indicator.releasability(), indicator.relTo());
        changed(workstream);
        return measurement(workstream, id);
    }

    /** Corrects a value: the old one is kept (corrections()); refused on a stale version. */
    @Transactional
    public Measurement correctMeasurement(Measurement current, BigDecimal value, String source, String note) {
        Actor actor = rules.actor();
        WorkstreamRef workstream = current.workstream();
        Indicator indicator = indicatorQuery(INDICATOR.TENANT_ID.eq(workstream.tenantId())
                .and(INDICATOR.WORKSTREAM_ID.eq(workstream.id())).and(INDICATOR.ID.eq(current.indicatorId())))
                .stream().findFirst()
                .orElseThrow(() -> new NotAllowed("results.error.indicatorUnavailable"));
        if (!mayMeasure(indicator)) {
            throw new NotAllowed("results.error.correctNotAllowed");
        }
        InvalidInput.Collector errors = new InvalidInput.Collector();
        checkValue(errors, indicator.unit(), value);
        checkSourceAndNote(errors, source, note);
        errors.throwIfAny();
        if (value.compareTo(current.value()) == 0 && Objects.equals(ResultsRules.stripped(source), current.source())
                && Objects.equals(ResultsRules.stripped(note), current.note())) {
            throw InvalidInput.of("value", "results.error.nothingChanged");
        }
        int updated;
        try {
            updated = dsl.update(MEASUREMENT)
                    .set(MEASUREMENT.VALUE, value)
                    .set(MEASUREMENT.SOURCE, ResultsRules.stripped(source))
                    .set(MEASUREMENT.NOTE, ResultsRules.stripped(note))
                    .set(MEASUREMENT.ENTERED_BY, rules.memberName(actor))
                    .set(MEASUREMENT.VERSION, MEASUREMENT.VERSION.plus(1))
                    .where(MEASUREMENT.TENANT_ID.eq(workstream.tenantId()), MEASUREMENT.WORKSTREAM_ID.eq(workstream.id()),
                            MEASUREMENT.ID.eq(current.id()), MEASUREMENT.VERSION.eq(current.version()))
                    .execute();
        } catch (RuntimeException e) {
            throw measurementRefused(e, false);
        }
        if (updated == 0) {
            throw new ConcurrentEditException("record.measurement");
        }
        audit.record("UPDATE", "measurement", current.id(),
                measurementSnapshot(current.value(), current.source(), current.note()),
                measurementSnapshot(value, source, note));
        activity.record(workstream, "measured", Text.of("activity.summary.measurementCorrected",
                        indicator.definition(), current.periodStart(), current.periodEnd(), current.value(), value),
                "measurement", current.id(), workstream.tenantId(), indicator.releasability(), indicator.relTo());
        changed(workstream);
        return measurement(workstream, current.id());
    }

    /** What corrections replaced, newest first. */
    @Transactional(readOnly = true)
    public List<Correction> corrections(Measurement measurement) {
        return dsl.selectFrom(MEASUREMENT_CORRECTION)
                .where(MEASUREMENT_CORRECTION.TENANT_ID.eq(measurement.workstream().tenantId()),
                        MEASUREMENT_CORRECTION.MEASUREMENT_ID.eq(measurement.id()))
                .orderBy(MEASUREMENT_CORRECTION.ID.desc())
                .fetch(r -> new Correction(r.getMeasurementId(), r.getValue(), r.getSource(), r.getNote(),
                        r.getEnteredBy(), r.getEnteredAt(), r.getReplacedAt()));
    }

    /** Indicators the signed-in organization is responsible for whose last ended period has no value. */
    @Transactional(readOnly = true)
    public List<DueMeasurement> dueForMyOrganization() {
        var actor = rules.actorIfAny();
        if (actor.isEmpty()) {
            return List.of();
        }
        UUID tenant = actor.get().tenantId();
        var directory = rules.directory();
        return dsl.select(WORKSTREAM.TITLE).select(INDICATOR.fields()).select(INDICATOR_PROGRESS.fields())
                .from(INDICATOR_PROGRESS)
                .join(INDICATOR).on(INDICATOR.TENANT_ID.eq(INDICATOR_PROGRESS.TENANT_ID),
                        INDICATOR.WORKSTREAM_ID.eq(INDICATOR_PROGRESS.WORKSTREAM_ID),
                        INDICATOR.ID.eq(INDICATOR_PROGRESS.INDICATOR_ID))
                .join(WORKSTREAM).on(WORKSTREAM.TENANT_ID.eq(INDICATOR.TENANT_ID), WORKSTREAM.ID.eq(INDICATOR.WORKSTREAM_ID))
                .where(INDICATOR_PROGRESS.RESPONSIBLE_TENANT_ID.eq(tenant), INDICATOR_PROGRESS.OVERDUE.isTrue(),
                        WORKSTREAM.STATUS.ne("CANCELLED"),
                        DSL.condition(DSL.function("may_measure", SQLDataType.BOOLEAN, INDICATOR.TENANT_ID,
                                INDICATOR.WORKSTREAM_ID, INDICATOR.ID)))
                .orderBy(INDICATOR_PROGRESS.DUE_PERIOD_END, WORKSTREAM.TITLE, INDICATOR.POSITION, INDICATOR.ID)
                .fetch(r -> new DueMeasurement(r.get(WORKSTREAM.TITLE),
                        toIndicator(r.into(INDICATOR), r.into(INDICATOR_PROGRESS), directory)));
    }

    private static void checkValue(InvalidInput.Collector errors, IndicatorUnit unit, BigDecimal value) {
        errors.check(value != null, "value", "results.error.valueMissing");
        if (value != null) {
            errors.check(unit.admits(value), "value", ResultsRules.admitsMessage(unit));
            ResultsRules.checkNumber(errors, value, "value");
        }
    }

    private static void checkSourceAndNote(InvalidInput.Collector errors, String source, String note) {
        ResultsRules.optionalText(errors, source, SOURCE_MAX, "source", "results.error.sourceTooLong");
        ResultsRules.optionalText(errors, note, NOTE_MAX, "note", "results.error.noteTooLong");
    }

    private static RuntimeException measurementRefused(RuntimeException e, boolean perPartner) {
        String state = SqlState.of(e);
        if (ResultsRules.VALUE_DOES_NOT_FIT.equals(state)) {
            return perPartner
                    ? InvalidInput.of("partner", "results.error.partnerNotAccepted")
                    : InvalidInput.of("value", "results.error.valueDoesNotFit");
        }
        if (ResultsRules.PERIOD_IN_FUTURE.equals(state)) {
            return InvalidInput.of("periodStart", "results.error.periodInFuture");
        }
        if (ResultsRules.UNIQUE_VIOLATION.equals(state)) {
            return InvalidInput.of("periodStart", "results.error.periodTaken");
        }
        if (SqlState.is(e, SqlState.INSUFFICIENT_PRIVILEGE)) {
            return new NotAllowed("results.error.enterNotAllowed");
        }
        return e;
    }

    private Measurement measurement(WorkstreamRef workstream, UUID id) {
        return dsl.selectFrom(MEASUREMENT)
                .where(MEASUREMENT.TENANT_ID.eq(workstream.tenantId()), MEASUREMENT.WORKSTREAM_ID.eq(workstream.id()),
                        MEASUREMENT.ID.eq(id))
                .fetchSingle(r -> toMeasurement(r, rules.directory()));
    }

    // ------------------------------------------------------------------ helpers

    private void changed(WorkstreamRef workstream) {
        events.publishEvent(new WorkstreamChanged(workstream.id(), CHANGED));
    }

    private static Map<String, Object> measurementSnapshot(BigDecimal value, String source, String note) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("value", value);
        snapshot.put("source", ResultsRules.stripped(source));
        snapshot.put("note", ResultsRules.stripped(note));
        return snapshot;
    }

    private static Map<String, Object> snapshot(IndicatorDraft draft) {
        Map<String, Object> snapshot = new LinkedHashMap<>();
        snapshot.put("objective", String.valueOf(draft.objectiveId()));
        snapshot.put("definition", draft.definition().strip());
        snapshot.put("unit", draft.unit().name());
        snapshot.put("direction", draft.direction().name());
        snapshot.put("baselineValue", draft.baselineValue());
        snapshot.put("baselineDate", draft.baselineDate() == null ? null : draft.baselineDate().toString());
        snapshot.put("targetValue", draft.targetValue());
        snapshot.put("targetDate", draft.targetDate().toString());
        snapshot.put("frequency", draft.frequency().name());
        snapshot.put("responsible", String.valueOf(draft.responsibleTenantId()));
        snapshot.put("releasability", draft.releasability().name());
        return snapshot;
    }

    private static Map<String, Object> snapshot(Indicator indicator) {
        return snapshot(new IndicatorDraft(indicator.objectiveId(), indicator.definition(), indicator.unit(),
                indicator.direction(), indicator.disaggregation(), indicator.baselineValue(), indicator.baselineDate(),
                indicator.targetValue(), indicator.targetDate(), indicator.frequency(), indicator.responsible().id(),
                indicator.releasability(), indicator.relTo()));
    }

    private static Objective toObjective(ObjectiveRecord r) {
        return new Objective(new WorkstreamRef(r.getTenantId(), r.getWorkstreamId()), r.getId(), r.getPosition(),
                r.getText(), r.getVersion());
    }

    static Indicator toIndicator(IndicatorRecord r, IndicatorProgressRecord p, Map<UUID, Partner> directory) {
        Progress progress = new Progress(p.getLatestValue(), p.getLatestPeriodEnd(),
                p.getMeasurements() == null ? 0 : p.getMeasurements().intValue(), p.getProgressRatio(),
                p.getExpectedRatio(), IndicatorStatus.valueOf(p.getStatus()), p.getDuePeriodStart(),
                p.getDuePeriodEnd(), Boolean.TRUE.equals(p.getOverdue()));
        return new Indicator(new WorkstreamRef(r.getTenantId(), r.getWorkstreamId()), r.getId(), r.getObjectiveId(),
                r.getDefinition(), IndicatorUnit.valueOf(r.getUnit()), Direction.valueOf(r.getDirection()),
                Disaggregation.valueOf(r.getDisaggregation()), r.getBaselineValue(), r.getBaselineDate(),
                r.getTargetValue(), r.getTargetDate(), Frequency.valueOf(r.getFrequency()),
                directory.getOrDefault(r.getResponsibleTenantId(),
                        org.entente.workstream.PartnerDirectory.unknown(r.getResponsibleTenantId())),
                Releasability.valueOf(r.getReleasability()), ResultsRules.list(r.getRelTo()), r.getVersion(), progress);
    }

    private static Measurement toMeasurement(MeasurementRecord r, Map<UUID, Partner> directory) {
        return new Measurement(new WorkstreamRef(r.getTenantId(), r.getWorkstreamId()), r.getIndicatorId(), r.getId(),
                r.getPeriodStart(), r.getPeriodEnd(),
                r.getPartnerTenantId() == null ? null : directory.getOrDefault(r.getPartnerTenantId(),
                        org.entente.workstream.PartnerDirectory.unknown(r.getPartnerTenantId())),
                r.getValue(), r.getSource(), r.getNote(),
                directory.getOrDefault(r.getEnteredByTenantId(),
                        org.entente.workstream.PartnerDirectory.unknown(r.getEnteredByTenantId())),
                r.getEnteredBy(), r.getEnteredAt(), r.getVersion());
    }
}
