package org.entente.analytics.ui;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.entente.analytics.engine.rollup.Cell;
import org.entente.analytics.engine.rollup.Chart;
import org.entente.analytics.engine.rollup.ChartPlan;
import org.entente.analytics.engine.rollup.Column;
import org.entente.analytics.engine.rollup.RollupTable;
import org.entente.analytics.engine.rollup.Row;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Turns a rollup table and its chart hint into an ECharts option. Only published figures are plotted: a
 * suppressed cell is a gap in the chart (and marked in the table beside it); total rows stay in the table.
 */
final class ChartOptions {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** Beyond this many categories a bar chart scrolls (slider) instead of squeezing labels. */
    private static final int CATEGORIES_IN_VIEW = 24;

    private ChartOptions() {
    }

    /** The format the browser applies to the plotted values: eur, percent, count or number. */
    static String format(RollupTable table) {
        Column.Kind kind = valueKind(table);
        return switch (kind) {
            case MONEY_EUR -> "eur";
            case PERCENT -> "percent";
            case COUNT -> "count";
            default -> "number";
        };
    }

    static ObjectNode of(RollupTable table) {
        return of(table, Language.EN.locale());
    }

    /** The option with its labels (codes, "(none)", subtotals' notes) in the language of {@code locale}. */
    static ObjectNode of(RollupTable table, Locale locale) {
        return switch (table.chart().type()) {
            case GRAPH -> graph(table, locale);
            case RANKED_BAR -> ranked(table, locale);
            default -> cartesian(table, locale);
        };
    }

    private static Column.Kind valueKind(RollupTable table) {
        List<String> values = table.chart().valueColumns();
        if (values == null || values.isEmpty()) {
            return Column.Kind.NUMBER;
        }
        int index = index(table, values.getFirst());
        return index < 0 ? Column.Kind.NUMBER : table.columns().get(index).kind();
    }

    /**
     * Which rows a cartesian chart draws, along which columns: the engine's {@link ChartPlan} (the Excel briefing
     * draws the same). {@code series} -1: one series per value column. {@code note} says when subtotals (or other
     * figures) stand in for the ones that disclosure control mostly withholds.
     */
    record Plan(ChartPlan chart) {

        List<Row> rows() {
            return chart.rows();
        }

        int category() {
            return chart.category();
        }

        int series() {
            return chart.series();
        }

        List<Integer> values() {
            return chart.values();
        }

        String note() {
            return chart.note();
        }
    }

    /** The plan of a {@linkplain #drawable(RollupTable) drawable} cartesian chart. */
    static Plan plan(RollupTable table) {
        return plan(table, Language.EN.locale());
    }

    static Plan plan(RollupTable table, Locale locale) {
        return new Plan(ChartPlan.of(table, locale));
    }

    private static ObjectNode cartesian(RollupTable table, Locale locale) {
        Plan plan = plan(table, locale);
        int category = plan.category();
        int seriesColumn = plan.series();
        List<Integer> values = plan.values();
        boolean percent = valueKind(table) == Column.Kind.PERCENT;

        Map<Row, String> categoryOf = categories(table, plan, locale);
        List<String> categories = new ArrayList<>(new LinkedHashSet<>(
                plan.rows().stream().map(categoryOf::get).toList()));
        if (!categories.isEmpty() && categories.stream().allMatch(c -> c.matches("\\d{4}(-\\d{2})?"))) {
            java.util.Collections.sort(categories); // years and months read left to right
        }
        // series name -> category -> value
        Map<String, Map<String, Double>> series = new LinkedHashMap<>();
        for (Row row : plan.rows()) {
            String cat = categoryOf.get(row);
            if (seriesColumn >= 0 && !values.isEmpty()) {
                String name = label(row.cells().get(seriesColumn), locale);
                for (int v : values) {
                    String seriesName = values.size() == 1 ? name : name + " — " + table.columns().get(v).label();
                    series.computeIfAbsent(seriesName, n -> new LinkedHashMap<>())
                            .putIfAbsent(cat, scaled(row.cells().get(v), percent));
                }
            } else {
                for (int v : values) {
                    series.computeIfAbsent(table.columns().get(v).label(), n -> new LinkedHashMap<>())
                            .putIfAbsent(cat, scaled(row.cells().get(v), percent));
                }
            }
        }

        ObjectNode option = base();
        option.putObject("tooltip").put("trigger", "axis").putObject("axisPointer").put("type", "shadow");
        ObjectNode legend = option.putObject("legend").put("type", "scroll").put("top", 0);
        if (series.size() == 1) {
            legend.put("show", false);
        }
        ObjectNode grid = option.putObject("grid").put("left", 8).put("right", 16).put("top", 36)
                .put("bottom", categories.size() > CATEGORIES_IN_VIEW ? 56 : 8).put("containLabel", true);
        ObjectNode x = option.putObject("xAxis").put("type", "category");
        ArrayNode names = x.putArray("data");
        categories.forEach(names::add);
        ObjectNode labels = x.putObject("axisLabel").put("hideOverlap", true).put("width", 110)
                .put("overflow", "truncate");
        if (categories.size() > 6 || categories.stream().mapToInt(String::length).sum() > 60) {
            labels.put("rotate", 35);
        }
        option.putObject("yAxis").put("type", "value");
        if (categories.size() > CATEGORIES_IN_VIEW) {
            ArrayNode zoom = option.putArray("dataZoom");
            int end = Math.max(1, Math.round(100f * CATEGORIES_IN_VIEW / categories.size()));
            zoom.addObject().put("type", "slider").put("start", 0).put("end", end).put("height", 18).put("bottom", 4);
            zoom.addObject().put("type", "inside");
        }
        // Colours that mean something (a status), when the chart draws one series per value column.
        Map<String, String> colours = new LinkedHashMap<>();
        if (seriesColumn < 0) {
            for (int v : values) {
                String colour = table.chart().colourOf(table.columns().get(v).id());
                if (colour != null) {
                    colours.put(table.columns().get(v).label(), colour);
                }
            }
        }
        ArrayNode list = option.putArray("series");
        series.forEach((name, byCategory) -> {
            ObjectNode s = list.addObject().put("name", name);
            if (colours.containsKey(name)) {
                s.putObject("itemStyle").put("color", colours.get(name));
            }
            switch (table.chart().type()) {
                case LINE -> s.put("type", "line").put("connectNulls", false).put("showSymbol",
                        categories.size() <= 24 || categories.size()
                                - byCategory.values().stream().filter(java.util.Objects::nonNull).count()
                                > categories.size() / 4); // gappy lines: single points must still show
                case STACKED_BAR -> s.put("type", "bar").put("stack", "total");
                default -> s.put("type", "bar");
            }
            s.putObject("emphasis").put("focus", "series");
            ArrayNode data = s.putArray("data");
            for (String cat : categories) {
                Double value = byCategory.get(cat);
                if (value == null) {
                    data.add("-"); // ECharts' "no value": a gap, never a zero
                } else {
                    data.add(value);
                }
            }
        });
        return option;
    }

    /**
     * The category each drawn row is plotted at: its category column's label, and where two rows of one series would
     * share it (e.g. an "Other partners (3)" row in two partner kinds), that label with the first other text column
     * telling them apart ("Other partners (3) · Academia"), so that neither is dropped.
     */
    static Map<Row, String> categories(RollupTable table, Plan plan, Locale locale) {
        int category = plan.category();
        int series = plan.series();
        Map<Row, String> labels = new java.util.IdentityHashMap<>();
        Map<String, List<Row>> byKey = new LinkedHashMap<>();
        for (Row row : plan.rows()) {
            String label = label(row.cells().get(category), locale);
            labels.put(row, label);
            String key = (series >= 0 ? label(row.cells().get(series), locale) : "") + "\u0000" + label;
            byKey.computeIfAbsent(key, k -> new ArrayList<>()).add(row);
        }
        for (List<Row> clash : byKey.values()) {
            if (clash.size() < 2) {
                continue;
            }
            for (int other = 0; other < table.columns().size(); other++) {
                int column = other;
                if (column == category || column == series || table.columns().get(column).kind() != Column.Kind.TEXT
                        || clash.stream().map(r -> label(r.cells().get(column), locale)).distinct().count()
                        < clash.size()) {
                    continue;
                }
                clash.forEach(row -> labels.put(row, labels.get(row) + " · " + label(row.cells().get(column), locale)));
                break;
            }
        }
        return labels;
    }

    /**
     * A ranking: one horizontal bar per row, in the table's order (the engine ranks them, largest first, so the first
     * row is at the top), names readable beside their bars, and the chart's reference line (e.g. the burden guideline)
     * drawn across as a labelled line. A withheld figure is a gap with its name still listed, so the ranking keeps
     * its places. Every row is drawn, the last one ("Other partners (n)", a total-like row of everyone after the top)
     * in grey: it is a group, not a partner.
     */
    private static ObjectNode ranked(RollupTable table, Locale locale) {
        Chart chart = table.chart();
        int category = index(table, chart.categoryColumn());
        int value = index(table, chart.valueColumns().getFirst());
        boolean percent = valueKind(table) == Column.Kind.PERCENT;
        List<Row> rows = table.rows();

        ObjectNode option = base();
        option.putObject("tooltip").put("trigger", "axis").putObject("axisPointer").put("type", "shadow");
        option.putObject("legend").put("show", false);
        option.putObject("grid").put("left", 8).put("right", 56).put("top", chart.referenceLine() == null ? 8 : 28)
                .put("bottom", 8).put("containLabel", true);
        ObjectNode y = option.putObject("yAxis").put("type", "category").put("inverse", true);
        y.putObject("axisTick").put("show", false);
        y.putObject("axisLabel").put("width", 240).put("overflow", "truncate").put("interval", 0);
        ArrayNode names = y.putArray("data");
        ObjectNode x = option.putObject("xAxis").put("type", "value");
        x.putObject("splitLine").putObject("lineStyle").put("type", "dashed");

        ObjectNode series = option.putArray("series").addObject().put("type", "bar")
                .put("name", table.columns().get(value).label()).put("barMaxWidth", 22);
        series.putObject("label").put("show", true).put("position", "right");
        ArrayNode data = series.putArray("data");
        double largest = 0;
        for (Row row : rows) {
            names.add(label(row.cells().get(category), locale));
            Double v = scaled(row.cells().get(value), percent);
            if (v == null) {
                data.add("-");
            } else if (row.total()) {
                data.addObject().put("value", v).putObject("itemStyle").put("color", "#a0a7b4");
                largest = Math.max(largest, v);
            } else {
                data.add(v);
                largest = Math.max(largest, v);
            }
        }
        if (chart.referenceLine() != null) {
            double reference = percent ? inPercent(chart.referenceLine()) : chart.referenceLine();
            // ECharts rounds a mark line's value to "precision" decimals (default 2): 0.0023 % would sit at 0.
            ObjectNode line = series.putObject("markLine").put("symbol", "none").put("silent", true)
                    .put("precision", 12);
            line.putObject("lineStyle").put("type", "solid").put("width", 2).put("color", "#c0392b");
            // The line runs from the first bar to the last; the first is at the top (inverse axis): label it there.
            line.putObject("label").put("show", true).put("position", "start").put("color", "#c0392b")
                    .put("fontWeight", "bold").put("formatter", "{b}"); // the line's name: the label as given
            line.putArray("data").addObject().put("xAxis", reference)
                    .put("name", chart.referenceLabel() == null ? "" : chart.referenceLabel());
            if (reference > largest) {
                x.put("max", reference * 1.1); // a line beyond every bar still shows
            }
        }
        return option;
    }

    private static ObjectNode graph(RollupTable table, Locale locale) {
        Chart chart = table.chart();
        int source = index(table, chart.categoryColumn());
        int target = index(table, chart.seriesColumn());
        int weight = chart.valueColumns().isEmpty() ? -1 : index(table, chart.valueColumns().getFirst());

        // Nodes are coloured by partner kind where the table says it (source_kind / target_kind).
        int sourceKind = index(table, chart.categoryColumn() + "_kind");
        int targetKind = index(table, chart.seriesColumn() + "_kind");
        Map<String, String> kindOf = new LinkedHashMap<>();
        Map<String, Double> degree = new LinkedHashMap<>();
        List<String[]> edges = new ArrayList<>();
        List<Double> weights = new ArrayList<>();
        for (Row row : rows(table)) {
            String from = label(row.cells().get(source), locale);
            String to = label(row.cells().get(target), locale);
            Double value = weight < 0 ? Double.valueOf(1) : Figures.plotted(row.cells().get(weight));
            degree.putIfAbsent(from, 0.0);
            degree.putIfAbsent(to, 0.0);
            if (sourceKind >= 0) {
                kindOf.putIfAbsent(from, label(row.cells().get(sourceKind), locale));
            }
            if (targetKind >= 0) {
                kindOf.putIfAbsent(to, label(row.cells().get(targetKind), locale));
            }
            if (value == null || from.equals(to)) {
                continue; // suppressed link: not drawn
            }
            degree.merge(from, value, Double::sum);
            degree.merge(to, value, Double::sum);
            edges.add(new String[] {from, to});
            weights.add(value);
        }
        double maxDegree = degree.values().stream().mapToDouble(Double::doubleValue).max().orElse(1);
        double maxWeight = weights.stream().mapToDouble(Double::doubleValue).max().orElse(1);

        ObjectNode option = base();
        option.putObject("tooltip").put("trigger", "item");
        ObjectNode s = option.putArray("series").addObject().put("type", "graph").put("layout", "force")
                .put("roam", true).put("draggable", true);
        s.putObject("force").put("repulsion", 420).put("gravity", 0.06).put("friction", 0.2)
                .put("layoutAnimation", false).putArray("edgeLength").add(60).add(240);
        List<String> kinds = new ArrayList<>(new LinkedHashSet<>(kindOf.values()));
        java.util.Collections.sort(kinds);
        if (!kinds.isEmpty()) {
            ArrayNode categories = s.putArray("categories");
            kinds.forEach(kind -> categories.addObject().put("name", kind));
            ArrayNode legendData = option.putObject("legend").put("type", "scroll").put("top", 0).putArray("data");
            kinds.forEach(legendData::add);
        }
        s.put("top", 40).put("bottom", 8);
        s.putObject("label").put("show", true).put("position", "right").put("fontSize", 11);
        s.putObject("labelLayout").put("hideOverlap", true);
        s.putObject("lineStyle").put("color", "source").put("opacity", 0.25).put("curveness", 0.15);
        s.putObject("emphasis").put("focus", "adjacency");
        ArrayNode nodes = s.putArray("data");
        degree.forEach((name, d) -> {
            ObjectNode node = nodes.addObject().put("name", name).put("value", d)
                    .put("symbolSize", 8 + 26 * Math.sqrt(maxDegree == 0 ? 0 : d / maxDegree));
            if (kindOf.containsKey(name)) {
                node.put("category", kinds.indexOf(kindOf.get(name)));
            }
        });
        ArrayNode links = s.putArray("links");
        for (int i = 0; i < edges.size(); i++) {
            ObjectNode link = links.addObject().put("source", edges.get(i)[0]).put("target", edges.get(i)[1])
                    .put("value", weights.get(i));
            link.putObject("lineStyle").put("width", 0.6 + 5 * weights.get(i) / maxWeight);
        }
        return option;
    }

    private static ObjectNode base() {
        ObjectNode option = JSON.objectNode();
        option.put("animationDuration", 300);
        option.putObject("textStyle").put("fontFamily", "inherit");
        return option;
    }

    private static List<Row> rows(RollupTable table) {
        return table.rows().stream().filter(r -> !r.total()).toList();
    }

    private static Double scaled(Cell cell, boolean percent) {
        Double value = Figures.plotted(cell);
        if (value == null) {
            return null;
        }
        return percent ? inPercent(value) : value;
    }

    /** A fraction in percent, by moving the decimal point (0.0009 → 0.09, not 0.09000000000000001). */
    private static double inPercent(double fraction) {
        return java.math.BigDecimal.valueOf(fraction).movePointRight(2).doubleValue();
    }

    static String label(Cell cell, Locale locale) {
        return cell == null || cell.value() == null ? Translations.text(locale, "analytics.chart.none")
                : Labels.of(locale, cell.value());
    }

    static int index(RollupTable table, String columnId) {
        if (columnId == null) {
            return -1;
        }
        for (int i = 0; i < table.columns().size(); i++) {
            if (table.columns().get(i).id().equals(columnId)) {
                return i;
            }
        }
        return -1;
    }

    /** Columns the chart cannot draw without: the category (and for a graph, the target). */
    static boolean drawable(RollupTable table) {
        Chart chart = table.chart();
        if (chart == null || index(table, chart.categoryColumn()) < 0) {
            return false;
        }
        Set<String> known = new LinkedHashSet<>();
        table.columns().forEach(c -> known.add(c.id()));
        if (chart.type() == Chart.Type.GRAPH) {
            return chart.seriesColumn() != null && known.contains(chart.seriesColumn());
        }
        if (chart.type() == Chart.Type.RANKED_BAR) {
            return known.contains(chart.valueColumns().getFirst());
        }
        return chart.valueColumns() != null && chart.valueColumns().stream().anyMatch(known::contains);
    }
}
