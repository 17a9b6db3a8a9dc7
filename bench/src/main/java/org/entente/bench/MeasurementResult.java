package org.entente.bench;

import java.util.List;

/**
 * What a measurement found: its row of the summary table, and any detail tables (e.g. each rollup of P1).
 *
 * @param summary the one-line result
 * @param details more tables printed under the summary, in order; may be empty
 */
public record MeasurementResult(Summary summary, List<DetailTable> details) {

    public MeasurementResult {
        details = List.copyOf(details);
    }

    /** Whether the target was reached. */
    public enum Verdict {
        /** Target reached. */
        MET,
        /** Target not reached: the README says why and what would fix it. */
        MISSED,
        /** Reported only (no target, or a scale the targets are not stated for). */
        REPORTED,
        /** The measurement threw. */
        FAILED
    }

    /**
     * One row of the summary table. Every text is already formatted for a person ("412 ms (398–440)").
     *
     * @param id           P1 … P6
     * @param what         what was measured
     * @param measured     the result, median and spread
     * @param comparedWith what it was compared with, and that result
     * @param comparison   the ratio or difference, e.g. "23× faster", "61 % of the ceiling"
     * @param target       the target as stated in the issue
     * @param verdict      whether the target was reached
     * @param note         why a target was missed, or anything a reader must know; may be empty
     */
    public record Summary(String id, String what, String measured, String comparedWith, String comparison,
            String target, Verdict verdict, String note) {
    }

    /** A small table printed as Markdown. */
    public record DetailTable(String title, List<String> columns, List<List<String>> rows) {

        public DetailTable {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }
}
