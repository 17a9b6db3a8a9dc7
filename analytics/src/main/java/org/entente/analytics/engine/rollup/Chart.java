package org.entente.analytics.engine.rollup;

import java.util.List;
import java.util.Objects;

/**
 * How a {@link RollupTable} is best drawn (with ECharts in the app). Draw the table's rows that are not
 * {@linkplain Row#total() totals}; column ids refer to {@link RollupTable#columns()}.
 *
 * @param type           the kind of chart
 * @param categoryColumn the column whose values are the categories (x axis); GRAPH: the source node
 * @param seriesColumn   the column whose values name the series (one series per distinct value, e.g. a stack per
 *                       status); null = one series per value column. GRAPH: the target node
 * @param valueColumns   the columns drawn as values; GRAPH: the edge weight
 * @param referenceLine  a horizontal reference drawn across the chart in the unit of the first value column (e.g. the
 *                       burden guideline's target intensity), or null
 * @param referenceLabel what the reference line is ("Guideline 0.05 %"), or null
 */
public record Chart(Type type, String categoryColumn, String seriesColumn, List<String> valueColumns,
                    Double referenceLine, String referenceLabel) {

    /**
     * BAR, STACKED_BAR, LINE, GRAPH as drawn so far; RANKED_BAR: one bar per row in the table's row order (the rows
     * come ranked by the first value column, largest first), with the reference line if there is one.
     */
    public enum Type { BAR, STACKED_BAR, LINE, GRAPH, RANKED_BAR }

    public Chart(Type type, String categoryColumn, String seriesColumn, List<String> valueColumns) {
        this(type, categoryColumn, seriesColumn, valueColumns, null, null);
    }

    public Chart {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(categoryColumn, "categoryColumn");
        valueColumns = List.copyOf(valueColumns);
        if (valueColumns.isEmpty()) {
            throw new IllegalArgumentException("a chart draws at least one value column");
        }
    }
}
