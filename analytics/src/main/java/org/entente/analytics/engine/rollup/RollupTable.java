package org.entente.analytics.engine.rollup;

import java.util.List;
import java.util.Objects;

/**
 * One table of figures under disclosure control, with a hint how to chart it.
 *
 * @param id       stable identifier, e.g. {@code burden-sharing} (see {@link RollupSuite} for the list)
 * @param title    heading for people
 * @param question the question the table answers
 * @param columns  dimension columns (TEXT) first, then the figures
 * @param rows     in reading order; totals follow the rows they total
 * @param chart    how to draw it
 */
public record RollupTable(String id, String title, String question, List<Column> columns, List<Row> rows, Chart chart) {

    /** The text of a dimension cell on a row that totals over that dimension. */
    public static final String TOTAL = "Total";

    /**
     * How the row of the partners without a row of their own begins (burden sharing: the partners whose figures the
     * viewer may not know, collapsed into one row per partner kind; burden-ranking: everyone after the top rows).
     */
    public static final String OTHER_PARTNERS = "Other partners";

    public RollupTable {
        Objects.requireNonNull(id, "id");
        columns = List.copyOf(columns);
        rows = List.copyOf(rows);
    }

    /** The partner cell of a row of {@code partners} other partners: "Other partners (4)". */
    public static String otherPartners(long partners) {
        return OTHER_PARTNERS + " (" + partners + ")";
    }

    /** Whether a partner cell reads as {@link #otherPartners(long)}. */
    public static boolean isOtherPartners(Object text) {
        return text instanceof String s && s.startsWith(OTHER_PARTNERS + " (") && s.endsWith(")");
    }

    /** The position of column {@code id}, or -1. */
    public int columnIndex(String id) {
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).id().equals(id)) {
                return i;
            }
        }
        return -1;
    }
}
