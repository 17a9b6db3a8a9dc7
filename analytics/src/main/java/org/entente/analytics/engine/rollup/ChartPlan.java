package org.entente.analytics.engine.rollup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.entente.analytics.engine.EngineTexts;

/**
 * Which figures a cartesian chart of a {@link RollupTable} draws, so that the Analytics screen and an Excel briefing
 * draw the same: the hint's detail rows, or, when disclosure control withholds most of them, the subtotals that say
 * more; and when it withholds nearly all of the hinted figures, the table's other figures of the same kind.
 *
 * @param rows           the rows drawn
 * @param category       the column of the categories
 * @param series         the column naming the series; -1: one series per value column
 * @param values         the columns drawn as values
 * @param note           what stands in for what, for people (e.g. "By partner kind: most figures per partner are
 *                       suppressed (see the table)."); null when the chart draws what its hint says
 * @param otherFigures   true when {@code values} are other figures than the hinted ones (the note then starts with
 *                       their labels: "Delivered instead of Pledged, which disclosure control withholds…")
 */
public record ChartPlan(List<Row> rows, int category, int series, List<Integer> values, String note,
                        boolean otherFigures) {

    /** Above this share of suppressed points the chart draws the subtotals instead, when they say more. */
    static final double MOSTLY_SUPPRESSED = 0.5;
    /** Above this share the hinted figures hardly draw at all: other figures of the same kind may. */
    static final double NEARLY_ALL_SUPPRESSED = 0.9;

    public ChartPlan {
        rows = List.copyOf(rows);
        values = List.copyOf(values);
    }

    /**
     * The plan for a table's chart hint (not for a GRAPH, which draws its links), or null when the table lacks the
     * hint's category column or all of its value columns.
     */
    public static ChartPlan of(RollupTable table) {
        return of(table, Locale.UK);
    }

    /** As {@link #of(RollupTable)}, its note in {@code locale}'s language. */
    public static ChartPlan of(RollupTable table, Locale locale) {
        Chart chart = table.chart();
        if (chart == null) {
            return null;
        }
        int category = table.columnIndex(chart.categoryColumn());
        int series = chart.seriesColumn() == null ? -1 : table.columnIndex(chart.seriesColumn());
        List<Integer> values = chart.valueColumns().stream().map(table::columnIndex).filter(i -> i >= 0).toList();
        if (category < 0 || values.isEmpty()) {
            return null;
        }
        List<Row> detailRows = table.rows().stream().filter(r -> !r.total()).toList();
        ChartPlan detail = new ChartPlan(detailRows.isEmpty() ? table.rows() : detailRows, category, series, values,
                null, false);
        if (detail.suppressedShare() <= MOSTLY_SUPPRESSED) {
            return detail;
        }
        // The dimensions are the leading text columns (RollupTable: dimensions first, then the figures); a text figure
        // after them (burden sharing's guideline "Above" / "Below") is no way to cut the table.
        List<Integer> dimensions = new ArrayList<>();
        for (int i = 0; i < table.columns().size() && table.columns().get(i).kind() == Column.Kind.TEXT; i++) {
            if (i != category && i != series) {
                dimensions.add(i);
            }
        }
        List<ChartPlan> candidates = new ArrayList<>();
        candidates.add(detail);
        if (series >= 0) {
            String over = lower(table.columns().get(series).label());
            for (int other : dimensions) {
                candidates.add(new ChartPlan(table.rows().stream()
                        .filter(r -> total(r, series) && !total(r, category) && !total(r, other)).toList(),
                        category, other, values, EngineTexts.text(locale, "chart.plan.by",
                                lower(table.columns().get(other).label()), over), false));
            }
            candidates.add(new ChartPlan(table.rows().stream()
                    .filter(r -> total(r, series) && !total(r, category)
                            && dimensions.stream().allMatch(d -> total(r, d) || r.cells().get(d).value() == null))
                    .toList(), category, -1, values,
                    EngineTexts.text(locale, "chart.plan.totals", over), false));
        } else {
            String over = lower(table.columns().get(category).label());
            for (int other : dimensions) {
                candidates.add(new ChartPlan(table.rows().stream()
                        .filter(r -> total(r, category) && !total(r, other)).toList(),
                        other, -1, values, EngineTexts.text(locale, "chart.plan.by",
                                lower(table.columns().get(other).label()), over), false));
            }
        }
        ChartPlan best = best(candidates);
        if (best.suppressedShare() < NEARLY_ALL_SUPPRESSED) {
            return best;
        }
        // Everything the hint draws is withheld (e.g. running totals, withheld from the first withheld month
        // on): draw the table's other figures of the same kind instead, if any of them are published.
        Column.Kind kind = table.columns().get(values.getFirst()).kind();
        List<Integer> others = new ArrayList<>();
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).kind() == kind && !values.contains(i)) {
                others.add(i);
            }
        }
        if (others.isEmpty()) {
            return best;
        }
        String shown = others.stream().map(i -> table.columns().get(i).label()).collect(Collectors.joining(", "));
        String hinted = values.stream().map(i -> table.columns().get(i).label()).collect(Collectors.joining(", "));
        List<ChartPlan> alternatives = candidates.stream().map(c -> new ChartPlan(c.rows(), c.category(), c.series(),
                others, c.note() == null ? EngineTexts.text(locale, "chart.plan.instead", shown, hinted)
                        : EngineTexts.text(locale, "chart.plan.insteadAnd", shown, hinted,
                                c.note().substring(0, 1).toLowerCase(Locale.ROOT) + c.note().substring(1)), true))
                .toList();
        ChartPlan alternative = best(alternatives);
        return alternative.suppressedShare() < best.suppressedShare() ? alternative : best;
    }

    /** The share of the points this plan draws that are suppressed (1 when it draws nothing). */
    public double suppressedShare() {
        int points = 0;
        int suppressed = 0;
        List<Integer> drawn = series >= 0 ? values.subList(0, Math.min(1, values.size())) : values;
        for (Row row : rows) {
            for (int v : drawn) {
                points++;
                if (row.cells().get(v).isSuppressed()) {
                    suppressed++;
                }
            }
        }
        return points == 0 ? 1 : (double) suppressed / points;
    }

    private static ChartPlan best(List<ChartPlan> plans) {
        ChartPlan best = plans.getFirst();
        double bestShare = best.suppressedShare();
        for (ChartPlan candidate : plans) {
            double share = candidate.suppressedShare();
            if (!candidate.rows().isEmpty() && share < bestShare) {
                best = candidate;
                bestShare = share;
            }
        }
        return best;
    }

    private static boolean total(Row row, int column) {
        return column >= 0 && RollupTable.TOTAL.equals(row.cells().get(column).value());
    }

    private static String lower(String label) {
        return label.toLowerCase(Locale.ROOT);
    }
}
