package org.entente.analytics.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.entente.analytics.engine.disclosure.SuppressionReason;
import org.entente.analytics.engine.rollup.Cell;
import org.entente.analytics.engine.rollup.Chart;
import org.entente.analytics.engine.rollup.Column;
import org.entente.analytics.engine.rollup.RollupTable;
import org.entente.analytics.engine.rollup.Row;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** How the Analytics page turns rollup tables into text and chart options (no browser, no server). */
class AnalyticsScreenTest {

    private final Figures figures = new Figures(3, 0.85);

    @Test
    void figuresReadAsEurCountsAndPercentAndSuppressedOnesAsAMarkWithTheirReason() {
        assertThat(figures.text(Cell.of(new BigDecimal("1234567.40")), Column.Kind.MONEY_EUR)).isEqualTo("€1,234,567");
        assertThat(figures.text(Cell.of(12345L), Column.Kind.COUNT)).isEqualTo("12,345");
        assertThat(figures.text(Cell.of(0.254), Column.Kind.PERCENT)).isEqualTo("25.4 %");
        assertThat(figures.text(Cell.of("RND_PROJECT"), Column.Kind.TEXT)).isEqualTo("Joint R&D project");
        assertThat(figures.text(Cell.of("IN_REVIEW"), Column.Kind.TEXT)).isEqualTo("In review");
        Cell withheld = Cell.suppressed(SuppressionReason.TOO_FEW_PARTNERS);
        assertThat(figures.text(withheld, Column.Kind.MONEY_EUR)).isEqualTo("✕ n<3");
        assertThat(figures.reason(withheld)).isEqualTo("Suppressed: fewer than 3 partners");
        assertThat(figures.text(Cell.suppressed(SuppressionReason.DOMINATED), Column.Kind.COUNT)).isEqualTo("✕ >85%");
        assertThat(figures.reason(Cell.of(1L))).isNull();
    }

    @Test
    void aSuppressedFigureIsAGapInTheChartNeverAZero() {
        RollupTable table = table(Chart.Type.BAR, null,
                row(false, "STATE", "Norway", 10L),
                row(false, "STATE", "Kenya", null),
                row(false, "NGO", "Relief", 5L),
                row(true, "Total", "Total", 15L));
        JsonNode option = ChartOptions.of(table);
        assertThat(option.at("/xAxis/data").toString()).isEqualTo("[\"Norway\",\"Kenya\",\"Relief\"]");
        assertThat(option.at("/series/0/data").toString()).isEqualTo("[10.0,\"-\",5.0]");
        assertThat(ChartOptions.plan(table).note()).isNull();
    }

    @Test
    void twoGroupsWithOneNameAreTwoBarsToldApartByTheirKind() {
        RollupTable table = table(Chart.Type.BAR, null,
                row(false, "ACADEMIA", "Other partners (3)", 7L),
                row(false, "ALLIANCE", "Other partners (3)", 9L),
                row(false, "STATE", "Norway", 4L));
        JsonNode option = ChartOptions.of(table);
        assertThat(option.at("/xAxis/data").toString()).isEqualTo("[\"Other partners (3) · Academia\","
                + "\"Other partners (3) · Alliance\",\"Norway\"]");
        assertThat(option.at("/series/0/data").toString()).isEqualTo("[7.0,9.0,4.0]");
    }

    @Test
    void whenMostPartnerFiguresAreWithheldTheChartDrawsTheSubtotals() {
        RollupTable table = table(Chart.Type.BAR, null,
                row(false, "STATE", "Norway", null),
                row(false, "STATE", "Kenya", null),
                row(true, "STATE", "Total", 40L),
                row(false, "NGO", "Relief", 5L),
                row(false, "NGO", "Aid", null),
                row(true, "NGO", "Total", 9L),
                row(true, "Total", "Total", 49L));
        ChartOptions.Plan plan = ChartOptions.plan(table);
        assertThat(plan.note()).startsWith("By partner kind: most figures per partner are suppressed");
        JsonNode option = ChartOptions.of(table);
        assertThat(option.at("/xAxis/data").toString()).isEqualTo("[\"State\",\"Non-governmental organization\"]");
        assertThat(option.at("/series/0/data").toString()).isEqualTo("[40.0,9.0]");
    }

    @Test
    void statusesStackInTheirOwnColoursNotThePalettes() {
        List<Column> columns = List.of(new Column("region", "Region", Column.Kind.TEXT),
                new Column("on_track", "On track", Column.Kind.COUNT),
                new Column("off_track", "Off track", Column.Kind.COUNT),
                new Column("overdue", "Measurement overdue", Column.Kind.COUNT));
        RollupTable table = new RollupTable("results-by-region", "Results by region", "Which are off track?", columns,
                List.of(new Row(List.of(Cell.of("Sahel"), Cell.of(3L), Cell.of(1L), Cell.of(2L)), false),
                        new Row(List.of(Cell.of("Baltic"), Cell.of(2L), Cell.of(0L), Cell.of(0L)), false)),
                new Chart(Chart.Type.STACKED_BAR, "region", null, List.of("on_track", "off_track"))
                        .withColours(List.of("#2E7D32", "#C62828")));
        JsonNode option = ChartOptions.of(table);
        assertThat(option.at("/series/0/name").asString()).isEqualTo("On track");
        assertThat(option.at("/series/0/itemStyle/color").asString()).isEqualTo("#2E7D32");
        assertThat(option.at("/series/1/name").asString()).isEqualTo("Off track");
        assertThat(option.at("/series/1/itemStyle/color").asString()).isEqualTo("#C62828");
        assertThat(option.at("/series/1/stack").asString()).isEqualTo("total");
        assertThat(option.at("/series/0/data").toString()).isEqualTo("[3.0,2.0]");
        // Without colours, the palette's: no item style.
        assertThat(ChartOptions.of(table(Chart.Type.BAR, null, row(false, "STATE", "Norway", 10L)))
                .at("/series/0/itemStyle").isMissingNode()).isTrue();
    }

    @Test
    void theNetworkIsAGraphOfPublishedLinks() {
        List<Column> columns = List.of(new Column("source", "Partner", Column.Kind.TEXT),
                new Column("source_kind", "Partner kind", Column.Kind.TEXT),
                new Column("target", "Works with", Column.Kind.TEXT),
                new Column("target_kind", "Their kind", Column.Kind.TEXT),
                new Column("co_participations", "Shared workstreams", Column.Kind.COUNT));
        RollupTable table = new RollupTable("collaboration-network", "Network", "Who works with whom?", columns,
                List.of(new Row(List.of(Cell.of("Norway"), Cell.of("STATE"), Cell.of("Kenya"), Cell.of("STATE"),
                                Cell.of(4L)), false),
                        new Row(List.of(Cell.of("Norway"), Cell.of("STATE"), Cell.of("Relief"), Cell.of("NGO"),
                                Cell.suppressed(SuppressionReason.TOO_FEW_PARTNERS)), false)),
                new Chart(Chart.Type.GRAPH, "source", "target", List.of("co_participations")));
        JsonNode option = ChartOptions.of(table);
        assertThat(option.at("/series/0/type").asString()).isEqualTo("graph");
        assertThat(option.at("/series/0/data")).hasSize(3);
        assertThat(option.at("/series/0/links")).hasSize(1); // the suppressed link is not drawn
        assertThat(option.at("/series/0/categories").toString()).contains("Non-governmental organization", "State");
    }

    @Test
    void theRankingIsOneHorizontalBarPerPartnerInTableOrderWithTheGuidelineAsALabelledLine() {
        List<Column> columns = List.of(new Column("partner", "Partner", Column.Kind.TEXT),
                new Column("delivered_eur", "Delivered", Column.Kind.MONEY_EUR),
                new Column("intensity", "Delivered / capacity", Column.Kind.PERCENT),
                new Column("guideline", "Guideline", Column.Kind.TEXT));
        RollupTable ranking = new RollupTable("burden-ranking", "Burden ranking", "Who delivers most for their size?",
                columns, List.of(
                        ranked("Norway", 0.0009, "Above"),
                        ranked("Denmark", 0.0006, "Above"),
                        new Row(List.of(Cell.of("Kenya"), Cell.suppressed(SuppressionReason.TOO_FEW_PARTNERS),
                                Cell.suppressed(SuppressionReason.TOO_FEW_PARTNERS),
                                Cell.suppressed(SuppressionReason.TOO_FEW_PARTNERS)), false),
                        ranked("Austria", 0.0001, "Below"),
                        new Row(List.of(Cell.of("Other partners (3)"), Cell.of(new BigDecimal("100")), Cell.of(0.0002),
                                Cell.of(null)), true)),
                new Chart(Chart.Type.RANKED_BAR, "partner", null, List.of("intensity"), 0.0005, "Guideline 0.05 %"));

        assertThat(ChartOptions.drawable(ranking)).isTrue();
        JsonNode option = ChartOptions.of(ranking);
        // Names on the vertical axis, first row at the top, not sorted by name; the rest of the kind last, in grey.
        assertThat(option.at("/yAxis/type").asString()).isEqualTo("category");
        assertThat(option.at("/yAxis/inverse").asBoolean()).isTrue();
        assertThat(option.at("/yAxis/data").toString())
                .isEqualTo("[\"Norway\",\"Denmark\",\"Kenya\",\"Austria\",\"Other partners (3)\"]");
        assertThat(option.at("/xAxis/type").asString()).isEqualTo("value");
        // Shares plotted in percent; the withheld figure is a gap in its place.
        assertThat(option.at("/series")).hasSize(1);
        assertThat(option.at("/series/0/type").asString()).isEqualTo("bar");
        assertThat(option.at("/series/0/data").toString())
                .isEqualTo("[0.09,0.06,\"-\",0.01,{\"value\":0.02,\"itemStyle\":{\"color\":\"#a0a7b4\"}}]");
        // The guideline: a vertical line at 0.05 %, in the same unit as the bars, named by its label.
        JsonNode line = option.at("/series/0/markLine");
        assertThat(line.at("/data/0/xAxis").asDouble()).isCloseTo(0.05, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(line.at("/data/0/name").asString()).isEqualTo("Guideline 0.05 %");
        assertThat(line.at("/label/show").asBoolean()).isTrue();
        assertThat(line.at("/label/formatter").asString()).isEqualTo("{b}");
        assertThat(line.at("/precision").asInt()).as("ECharts would round 0.05 to 2 decimals").isGreaterThanOrEqualTo(8);
        assertThat(option.at("/xAxis/max").isMissingNode()).as("the bars reach past the line").isTrue();
    }

    @Test
    void aGuidelineBeyondEveryBarWidensTheAxisAndNoGuidelineDrawsNoLine() {
        List<Column> columns = List.of(new Column("partner", "Partner", Column.Kind.TEXT),
                new Column("intensity", "Delivered / capacity", Column.Kind.PERCENT));
        List<Row> rows = List.of(new Row(List.of(Cell.of("Norway"), Cell.of(0.0002)), false));
        JsonNode high = ChartOptions.of(new RollupTable("burden-ranking", "Ranking", "?", columns, rows,
                new Chart(Chart.Type.RANKED_BAR, "partner", null, List.of("intensity"), 0.001, "Guideline 0.1 %")));
        assertThat(high.at("/xAxis/max").asDouble()).isCloseTo(0.11, org.assertj.core.data.Offset.offset(1e-9));

        JsonNode none = ChartOptions.of(new RollupTable("burden-ranking", "Ranking", "?", columns, rows,
                new Chart(Chart.Type.RANKED_BAR, "partner", null, List.of("intensity"))));
        assertThat(none.at("/series/0/markLine").isMissingNode()).isTrue();
        assertThat(none.at("/series/0/data").toString()).isEqualTo("[0.02]");
    }

    @Test
    void smallSharesOfCapacityKeepTheirDigits() {
        assertThat(figures.text(Cell.of(0.0000233), Column.Kind.PERCENT)).isEqualTo("0.0023 %");
        assertThat(figures.text(Cell.of(0.000523), Column.Kind.PERCENT)).isEqualTo("0.052 %");
        assertThat(figures.text(Cell.of(0.00523), Column.Kind.PERCENT)).isEqualTo("0.5 %");
        assertThat(figures.text(Cell.of(0.0523), Column.Kind.PERCENT)).isEqualTo("5.2 %");
        assertThat(figures.text(Cell.of(0.0), Column.Kind.PERCENT)).isEqualTo("0.0 %");
    }

    @Test
    void aPortfolioFigureOpensTheWorkstreamListFilteredByKindStatusAndRegion() {
        assertThat(AnalyticsView.drillDown(Map.of("kind", "RND_PROJECT", "subtype", "CYBER", "status", "ACTIVE"),
                null, null)).isEqualTo(Map.of("kind", "RND_PROJECT", "status", "ACTIVE"));
        assertThat(AnalyticsView.drillDown(Map.of("region", "Sahel", "kind", "Total"), "ENGAGEMENT", null))
                .isEqualTo(Map.of("region", "Sahel", "kind", "ENGAGEMENT"));
        assertThat(AnalyticsView.drillDown(Map.of("status", "Total"), null, "Baltic"))
                .isEqualTo(Map.of("region", "Baltic"));
    }

    private static Row ranked(String partner, double intensity, String guideline) {
        return new Row(List.of(Cell.of(partner), Cell.of(new BigDecimal("1000.00")), Cell.of(intensity),
                Cell.of(guideline)), false);
    }

    private static RollupTable table(Chart.Type type, String series, Row... rows) {
        List<Column> columns = List.of(new Column("partner_kind", "Partner kind", Column.Kind.TEXT),
                new Column("partner", "Partner", Column.Kind.TEXT),
                new Column("pledges", "Pledges", Column.Kind.COUNT));
        return new RollupTable("burden-sharing", "Burden sharing", "Who carries the burden?", columns, List.of(rows),
                new Chart(type, "partner", series, List.of("pledges")));
    }

    private static Row row(boolean total, String kind, String partner, Long pledges) {
        return new Row(List.of(Cell.of(kind), Cell.of(partner),
                pledges == null ? Cell.suppressed(SuppressionReason.TOO_FEW_PARTNERS) : Cell.of(pledges)), total);
    }
}
