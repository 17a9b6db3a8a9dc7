package org.entente.assessment;

import java.util.List;
import org.entente.workstream.WorkstreamRef;
import org.springframework.stereotype.Service;

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
 * "definition", "unit", "direction", "baselineValue", "baselineDate", "targetValue", "targetDate", "frequency",
 * "responsible", "releasability"; measurement: "periodStart", "periodEnd", "partner", "value", "source", "note".
 * A stale version throws {@code ConcurrentEditException}.
 */
@Service
public class ResultsService {

    public List<Objective> objectives(WorkstreamRef workstream) {
        throw new UnsupportedOperationException("ResultsService: to be built");
    }

    public Objective addObjective(WorkstreamRef workstream, String text) {
        throw new UnsupportedOperationException("ResultsService: to be built");
    }

    public Objective renameObjective(Objective current, String text) {
        throw new UnsupportedOperationException("ResultsService: to be built");
    }

    /** Removes an objective; refused ("text") while one of its indicators has measurements. */
    public void removeObjective(Objective current) {
        throw new UnsupportedOperationException("ResultsService: to be built");
    }

    /** The indicators the viewer may see, by objective position then indicator position, with progress. */
    public List<Indicator> indicators(WorkstreamRef workstream) {
        throw new UnsupportedOperationException("ResultsService: to be built");
    }

    public Indicator defineIndicator(WorkstreamRef workstream, IndicatorDraft draft) {
        throw new UnsupportedOperationException("ResultsService: to be built");
    }

    public Indicator updateIndicator(Indicator current, IndicatorDraft draft) {
        throw new UnsupportedOperationException("ResultsService: to be built");
    }

    /** Removes an indicator; refused ("definition") once it has measurements. */
    public void removeIndicator(Indicator current) {
        throw new UnsupportedOperationException("ResultsService: to be built");
    }

    /** Whether the signed-in organization may enter measurements of this indicator. */
    public boolean mayMeasure(Indicator indicator) {
        throw new UnsupportedOperationException("ResultsService: to be built");
    }

    /** The indicator's measurements, oldest period first (totals and per-partner values). */
    public List<Measurement> measurements(Indicator indicator) {
        throw new UnsupportedOperationException("ResultsService: to be built");
    }

    /**
     * Enters a value for a period. Refused: a value not of the unit's type or range, a period starting in the future
     * or ending before it starts, a note over 2,000 characters, a partner on a totals-only indicator, or a period
     * that already has a value ("periodStart": correct that one instead).
     */
    public Measurement enterMeasurement(Indicator indicator, MeasurementDraft draft) {
        throw new UnsupportedOperationException("ResultsService: to be built");
    }

    /** Corrects a value: the old one is kept (corrections()); refused on a stale version. */
    public Measurement correctMeasurement(Measurement current, java.math.BigDecimal value, String source, String note) {
        throw new UnsupportedOperationException("ResultsService: to be built");
    }

    /** What corrections replaced, newest first. */
    public List<Correction> corrections(Measurement measurement) {
        throw new UnsupportedOperationException("ResultsService: to be built");
    }

    /** Indicators the signed-in organization is responsible for whose last ended period has no value. */
    public List<DueMeasurement> dueForMyOrganization() {
        throw new UnsupportedOperationException("ResultsService: to be built");
    }
}
