package org.entente.assessment.ui;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.assessment.Disaggregation;
import org.entente.assessment.Indicator;
import org.entente.assessment.IndicatorUnit;
import org.entente.assessment.Measurement;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * The ECharts option of one indicator's line chart, on a time axis: the baseline point, the straight path from the
 * baseline to the target (dashed; the status compares the measurements with it), the target marker, the measured
 * totals, and for an indicator measured by partner one thinner line per partner. A dotted line marks today.
 */
final class IndicatorChart {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    /** The series' names, by key (the legend and tooltips show them in the page's language). */
    static final String PATH = "results.chart.path";
    static final String BASELINE = "results.chart.baseline";
    static final String TARGET = "results.chart.target";
    static final String MEASURED = "results.chart.measured";

    private static final String PATH_COLOR = "#8a94a6";
    private static final String TARGET_COLOR = "#158443";
    private static final String MEASURED_COLOR = "#006af5";
    /** Partners' lines: no blue (the totals) and no green or grey (target, path). */
    private static final String[] PARTNER_COLORS = {"#d9480f", "#9a60b4", "#c99a00", "#e8590c", "#a61e4d", "#5c7cfa"};

    private IndicatorChart() {
    }

    /** The number format the browser applies to values and the value axis (see EChart). */
    static String format(IndicatorUnit unit) {
        return switch (unit) {
            case PERCENT -> "percent";
            case EUR -> "eur";
            default -> "number";
        };
    }

    static ObjectNode option(Indicator indicator, List<Measurement> measurements, LocalDate today) {
        ObjectNode option = JSON.objectNode();
        // The page is rebuilt on every change to the workstream: charts redrawn without animation keep it calm.
        option.put("animation", false);
        option.putObject("textStyle").put("fontFamily", "inherit");
        option.putObject("tooltip").put("trigger", "item");
        ObjectNode legend = option.putObject("legend").put("top", 0).put("type", "scroll").put("itemGap", 8)
                .put("itemWidth", 16);
        legend.putObject("textStyle").put("fontSize", 11);
        // The baseline point is the path's start: it needs no legend entry of its own.
        ArrayNode shown = legend.putArray("data").add(Values.t(TARGET));
        option.putObject("grid").put("left", 8).put("right", 24).put("top", 40).put("bottom", 4)
                .put("containLabel", true);
        // Ticks at least a month apart: periods are months, quarters or years, and day ticks ("17") only add noise.
        option.putObject("xAxis").put("type", "time").put("minInterval", 28L * 24 * 3600 * 1000)
                .putObject("axisLabel").put("hideOverlap", true);
        ObjectNode y = option.putObject("yAxis").put("type", "value");
        switch (indicator.unit()) {
            case PERCENT -> y.put("min", 0).put("max", 100);
            // Values 0 and 1 are the categories' indexes: the axis reads No and Yes.
            case YES_NO -> y.put("type", "category").put("boundaryGap", false).putArray("data")
                    .add(Values.t("results.value.no")).add(Values.t("results.value.yes"));
            case SCALE_1_5 -> y.put("min", 1).put("max", 5).put("interval", 1);
            default -> { }
        }
        ArrayNode series = option.putArray("series");

        ObjectNode target = series.addObject().put("name", Values.t(TARGET)).put("type", "scatter")
                .put("symbol", "diamond")
                .put("symbolSize", 13).put("z", 4);
        target.putObject("itemStyle").put("color", TARGET_COLOR);
        point(target.putArray("data"), Values.t("results.chart.targetBy", indicator.targetDate().toString()),
                indicator.targetDate(), indicator.targetValue());
        encode(target);
        ObjectNode todayLine = target.putObject("markLine").put("silent", true);
        todayLine.putArray("symbol").add("none").add("none");
        todayLine.putObject("lineStyle").put("type", "dotted").put("color", "#999");
        todayLine.putObject("label").put("formatter", Values.t("results.chart.today")).put("position", "end")
                .put("color", "#666");
        todayLine.putArray("data").addObject().put("xAxis", today.toString());

        if (indicator.baselineValue() != null && indicator.baselineDate() != null) {
            shown.add(Values.t(PATH));
            ObjectNode path = series.addObject().put("name", Values.t(PATH)).put("type", "line").put("symbol", "none")
                    .put("silent", true).put("z", 1);
            path.putObject("lineStyle").put("type", "dashed").put("width", 1.5).put("color", PATH_COLOR);
            path.putObject("itemStyle").put("color", PATH_COLOR);
            path.putObject("tooltip").put("show", false);
            ArrayNode data = path.putArray("data");
            point(data, null, indicator.baselineDate(), indicator.baselineValue());
            point(data, null, indicator.targetDate(), indicator.targetValue());
            encode(path);

            ObjectNode baseline = series.addObject().put("name", Values.t(BASELINE)).put("type", "scatter")
                    .put("symbol", "circle").put("symbolSize", 9).put("z", 3);
            baseline.putObject("itemStyle").put("color", PATH_COLOR);
            point(baseline.putArray("data"), Values.t("results.chart.baselineOn", indicator.baselineDate().toString()),
                    indicator.baselineDate(), indicator.baselineValue());
            encode(baseline);
        }

        List<Measurement> totals = new ArrayList<>();
        Map<String, List<Measurement>> byPartner = new LinkedHashMap<>();
        for (Measurement m : measurements) {
            if (m.partner() == null) {
                totals.add(m);
            } else if (indicator.disaggregation() == Disaggregation.BY_PARTNER) {
                byPartner.computeIfAbsent(m.partner().name(), n -> new ArrayList<>()).add(m);
            }
        }
        shown.add(Values.t(MEASURED));
        ObjectNode measured = line(series, Values.t(MEASURED), totals, 2.5, 7, "circle");
        measured.putObject("itemStyle").put("color", MEASURED_COLOR);
        measured.put("z", 5);
        int next = 0;
        if (!byPartner.isEmpty()) {
            // Partners' names make the legend long: it wraps to a second row (a paged legend hides them), and the plot
            // starts below it.
            legend.put("type", "plain");
            ((ObjectNode) option.get("grid")).put("top", 62);
        }
        for (Map.Entry<String, List<Measurement>> partner : byPartner.entrySet()) {
            shown.add(partner.getKey());
            line(series, partner.getKey(), partner.getValue(), 1.2, 5, "emptyCircle").putObject("itemStyle")
                    .put("color", PARTNER_COLORS[next++ % PARTNER_COLORS.length]);
        }
        return option;
    }

    private static ObjectNode line(ArrayNode series, String name, List<Measurement> values, double width, int size,
            String symbol) {
        ObjectNode line = series.addObject().put("name", name).put("type", "line").put("symbol", symbol)
                .put("symbolSize", size).put("showSymbol", true);
        line.putObject("lineStyle").put("width", width);
        line.putObject("emphasis").put("focus", "series");
        ArrayNode data = line.putArray("data");
        values.stream()
                .sorted(java.util.Comparator.comparing(Measurement::periodEnd).thenComparing(Measurement::periodStart))
                .forEach(m -> point(data, Periods.label(m.periodStart(), m.periodEnd()), m.periodEnd(), m.value()));
        encode(line);
        return line;
    }

    /** Only the value is shown (and formatted) in the tooltip; the item's name says which period. */
    private static void encode(ObjectNode series) {
        ObjectNode encode = series.putObject("encode").put("x", 0).put("y", 1);
        encode.putArray("tooltip").add(1);
    }

    private static void point(ArrayNode data, String name, LocalDate day, BigDecimal value) {
        ObjectNode item = data.addObject();
        if (name != null) {
            item.put("name", name);
        }
        item.putArray("value").add(day.toString()).add(value.doubleValue());
    }
}
