package org.entente.analytics.engine.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.entente.analytics.engine.disclosure.SuppressionReason;
import org.junit.jupiter.api.Test;

/** Which figures a chart draws, on the Analytics screen and in an Excel briefing alike. */
class ChartPlanTest {

    private static final Cell WITHHELD = Cell.suppressed(SuppressionReason.TOO_FEW_PARTNERS);

    @Test
    void mostlyPublishedFiguresAreDrawnAsTheHintSaysWithoutTheTotalRows() {
        RollupTable table = byPartner(
                row(false, "STATE", "Norway", 10L),
                row(false, "STATE", "Kenya", null),
                row(false, "NGO", "Relief", 5L),
                row(true, "Total", "Total", 15L));
        ChartPlan plan = ChartPlan.of(table);
        assertThat(plan.rows()).hasSize(3).noneMatch(Row::total);
        assertThat(plan.category()).isEqualTo(1);
        assertThat(plan.series()).isEqualTo(-1);
        assertThat(plan.values()).containsExactly(2);
        assertThat(plan.note()).isNull();
        assertThat(plan.otherFigures()).isFalse();
    }

    @Test
    void whenMostPartnerFiguresAreWithheldTheChartDrawsTheSubtotals() {
        RollupTable table = byPartner(
                row(false, "STATE", "Norway", null),
                row(false, "STATE", "Kenya", null),
                row(true, "STATE", "Total", 40L),
                row(false, "NGO", "Relief", 5L),
                row(false, "NGO", "Aid", null),
                row(true, "NGO", "Total", 9L),
                row(true, "Total", "Total", 49L));
        ChartPlan plan = ChartPlan.of(table);
        assertThat(plan.note()).isEqualTo("By partner kind: most figures per partner are suppressed (see the table).");
        assertThat(plan.category()).isZero();
        assertThat(plan.rows()).extracting(r -> r.cell(0).value()).containsExactly("STATE", "NGO");
        assertThat(plan.suppressedShare()).isZero();
    }

    @Test
    void withASeriesTheSubtotalsPerOtherDimensionOrTheTotalsOverEverySeriesStandIn() {
        RollupTable byKind = byYear(
                yearRow(false, "2025", "STATE", "Norway", null),
                yearRow(false, "2025", "STATE", "Kenya", null),
                yearRow(true, "2025", "STATE", "Total", 40L),
                yearRow(true, "2025", "Total", "Total", 40L));
        ChartPlan plan = ChartPlan.of(byKind);
        assertThat(plan.note()).isEqualTo("By partner kind: most figures per partner are suppressed (see the table).");
        assertThat(plan.category()).isZero();
        assertThat(plan.series()).isEqualTo(1);
        assertThat(plan.rows()).extracting(r -> r.cell(1).value()).containsExactly("STATE");

        RollupTable overAll = byYear(
                yearRow(false, "2025", "STATE", "Norway", null),
                yearRow(false, "2025", "STATE", "Kenya", null),
                yearRow(true, "2025", "STATE", "Total", null),
                yearRow(true, "2025", "Total", "Total", 40L));
        plan = ChartPlan.of(overAll);
        assertThat(plan.note()).isEqualTo("Totals over every partner: most figures per partner are suppressed"
                + " (see the table).");
        assertThat(plan.series()).isEqualTo(-1);
        assertThat(plan.rows()).extracting(r -> r.cell(1).value()).containsExactly("Total");
    }

    @Test
    void whenNearlyAllHintedFiguresAreWithheldOtherFiguresOfTheSameKindAreDrawn() {
        List<Column> columns = List.of(new Column("partner", "Partner", Column.Kind.TEXT),
                new Column("pledged", "Pledged", Column.Kind.COUNT),
                new Column("delivered", "Delivered", Column.Kind.COUNT));
        RollupTable table = new RollupTable("t", "T", "Q?", columns,
                List.of(new Row(List.of(Cell.of("Norway"), WITHHELD, Cell.of(3L)), false),
                        new Row(List.of(Cell.of("Kenya"), WITHHELD, Cell.of(4L)), false)),
                new Chart(Chart.Type.BAR, "partner", null, List.of("pledged")));
        ChartPlan plan = ChartPlan.of(table);
        assertThat(plan.values()).containsExactly(2);
        assertThat(plan.otherFigures()).isTrue();
        assertThat(plan.note()).isEqualTo("Delivered instead of Pledged, which disclosure control withholds.");
    }

    @Test
    void aTextFigureAfterTheNumbersIsNoDimensionToCutBy() {
        // Burden sharing's guideline ("Above" / "Below") is a figure of its row, not a way to group the table.
        List<Column> columns = List.of(new Column("partner_kind", "Partner kind", Column.Kind.TEXT),
                new Column("partner", "Partner", Column.Kind.TEXT),
                new Column("pledges", "Pledges", Column.Kind.COUNT),
                new Column("guideline", "Guideline", Column.Kind.TEXT));
        RollupTable table = new RollupTable("burden-sharing", "Burden sharing", "Who?", columns, List.of(
                new Row(List.of(Cell.of("STATE"), Cell.of("Norway"), WITHHELD, WITHHELD), false),
                new Row(List.of(Cell.of("STATE"), Cell.of("Kenya"), WITHHELD, WITHHELD), false),
                new Row(List.of(Cell.of("STATE"), Cell.of("Total"), WITHHELD, WITHHELD), true),
                new Row(List.of(Cell.of("NGO"), Cell.of("Relief"), WITHHELD, WITHHELD), false),
                new Row(List.of(Cell.of("NGO"), Cell.of("Total"), Cell.of(5L), Cell.of("Above")), true),
                new Row(List.of(Cell.of("Total"), Cell.of("Total"), Cell.of(49L), Cell.of("Below")), true)),
                new Chart(Chart.Type.BAR, "partner", null, List.of("pledges")));
        ChartPlan plan = ChartPlan.of(table);
        assertThat(plan.category()).isZero();
        assertThat(plan.note()).isEqualTo("By partner kind: most figures per partner are suppressed (see the table).");
    }

    @Test
    void noPlanWithoutTheHintsCategoryColumn() {
        List<Column> columns = List.of(new Column("partner", "Partner", Column.Kind.TEXT),
                new Column("pledges", "Pledges", Column.Kind.COUNT));
        RollupTable table = new RollupTable("t", "T", "Q?", columns,
                List.of(new Row(List.of(Cell.of("Norway"), Cell.of(1L)), false)),
                new Chart(Chart.Type.BAR, "region", null, List.of("pledges")));
        assertThat(ChartPlan.of(table)).isNull();
    }

    private static RollupTable byPartner(Row... rows) {
        List<Column> columns = List.of(new Column("partner_kind", "Partner kind", Column.Kind.TEXT),
                new Column("partner", "Partner", Column.Kind.TEXT),
                new Column("pledges", "Pledges", Column.Kind.COUNT));
        return new RollupTable("burden-sharing", "Burden sharing", "Who carries the burden?", columns,
                Arrays.asList(rows), new Chart(Chart.Type.BAR, "partner", null, List.of("pledges")));
    }

    private static RollupTable byYear(Row... rows) {
        List<Column> columns = List.of(new Column("year", "Year", Column.Kind.TEXT),
                new Column("partner_kind", "Partner kind", Column.Kind.TEXT),
                new Column("partner", "Partner", Column.Kind.TEXT),
                new Column("pledges", "Pledges", Column.Kind.COUNT));
        return new RollupTable("pledges-by-year", "Pledges by year", "Who pledged when?", columns,
                Arrays.asList(rows), new Chart(Chart.Type.STACKED_BAR, "year", "partner", List.of("pledges")));
    }

    private static Row row(boolean total, String kind, String partner, Long pledges) {
        return new Row(List.of(Cell.of(kind), Cell.of(partner), pledges == null ? WITHHELD : Cell.of(pledges)), total);
    }

    private static Row yearRow(boolean total, String year, String kind, String partner, Long pledges) {
        return new Row(List.of(Cell.of(year), Cell.of(kind), Cell.of(partner),
                pledges == null ? WITHHELD : Cell.of(pledges)), total);
    }
}
