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
 * @param colours        for a chart with one series per value column: each value column's colour ({@code #RRGGBB}, in
 *                       the order of {@code valueColumns}) where the colour means something (a status: on track green,
 *                       off track red); empty = the usual palette
 */
public record Chart(Type type, String categoryColumn, String seriesColumn, List<String> valueColumns,
                    Double referenceLine, String referenceLabel, List<String> colours) {

    /**
     * BAR, STACKED_BAR, LINE, GRAPH as drawn so far; RANKED_BAR: one bar per row in the table's row order (the rows
     * come ranked by the first value column, largest first), with the reference line if there is one.
     */
    public enum Type { BAR, STACKED_BAR, LINE, GRAPH, RANKED_BAR }

    public Chart(Type type, String categoryColumn, String seriesColumn, List<String> valueColumns) {
        this(type, categoryColumn, seriesColumn, valueColumns, null, null);
    }

    public Chart(Type type, String categoryColumn, String seriesColumn, List<String> valueColumns,
                 Double referenceLine, String referenceLabel) {
        this(type, categoryColumn, seriesColumn, valueColumns, referenceLine, referenceLabel, List.of());
    }

    public Chart {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(categoryColumn, "categoryColumn");
        valueColumns = List.copyOf(valueColumns);
        if (valueColumns.isEmpty()) {
            throw new IllegalArgumentException("a chart draws at least one value column");
        }
        colours = colours == null ? List.of() : List.copyOf(colours);
        if (!colours.isEmpty() && (colours.size() != valueColumns.size() || seriesColumn != null
                || !colours.stream().allMatch(c -> c.matches("#[0-9A-Fa-f]{6}")))) {
            throw new IllegalArgumentException("one colour #RRGGBB per value column, for a series per value column");
        }
    }

    /** The same chart with these colours for its value columns (see {@link #colours}). */
    public Chart withColours(List<String> colours) {
        return new Chart(type, categoryColumn, seriesColumn, valueColumns, referenceLine, referenceLabel, colours);
    }

    /** The colour of value column {@code column} ({@code #RRGGBB}), or null for the usual palette. */
    public String colourOf(String column) {
        int index = valueColumns.indexOf(column);
        return colours.isEmpty() || index < 0 ? null : colours.get(index);
    }
}
