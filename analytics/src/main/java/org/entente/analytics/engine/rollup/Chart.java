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
 */
public record Chart(Type type, String categoryColumn, String seriesColumn, List<String> valueColumns) {

    public enum Type { BAR, STACKED_BAR, LINE, GRAPH }

    public Chart {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(categoryColumn, "categoryColumn");
        valueColumns = List.copyOf(valueColumns);
        if (valueColumns.isEmpty()) {
            throw new IllegalArgumentException("a chart draws at least one value column");
        }
    }
}
