package org.entente.analytics.ui;

import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import java.util.List;
import java.util.function.Consumer;
import org.entente.analytics.engine.rollup.Cell;
import org.entente.analytics.engine.rollup.Chart;
import org.entente.analytics.engine.rollup.Column;
import org.entente.analytics.engine.rollup.RollupTable;
import org.entente.analytics.engine.rollup.Row;
import org.entente.platform.ui.EChart;

/**
 * One rollup: its question, its chart and its figures. Narrow tables sit beside their chart, wide ones
 * below it; suppressed figures read as a mark with the reason in the tooltip.
 */
final class RollupSection extends Div {

    /** Tables with more columns than this get the full width below the chart. */
    private static final int SIDE_BY_SIDE_COLUMNS = 5;
    private static final int ALL_ROWS_VISIBLE = 12;
    /** The burden tables' column that says whether a partner is above or below the coordinator's guideline. */
    static final String GUIDELINE = "guideline";

    private final RollupTable table;
    private final EChart chart;

    RollupSection(RollupTable table, Figures figures, Consumer<Row> onRowClick) {
        this.table = table;
        setId("section-" + table.id());
        addClassName("analytics-section");
        H2 title = new H2(table.title());
        title.setId("heading-" + table.id());
        add(title);
        if (table.question() != null && !table.question().isBlank()) {
            Paragraph question = new Paragraph(table.question());
            question.addClassName("analytics-question");
            add(question);
        }

        Div body = new Div();
        body.addClassName("analytics-body");
        if (table.columns().size() > SIDE_BY_SIDE_COLUMNS) {
            body.addClassName("stacked");
        }
        if (ChartOptions.drawable(table) && !table.rows().isEmpty()) {
            chart = new EChart("chart-" + table.id(), getTranslation("analytics.section.chartLabel", table.title()));
            if (table.chart().type() == Chart.Type.GRAPH) {
                chart.addClassName("tall");
            } else if (table.chart().type() == Chart.Type.RANKED_BAR) {
                // One readable bar per partner (top 25 and the rest): the chart grows with the ranking, full width.
                long bars = table.rows().stream().filter(r -> !r.total()).count();
                chart.addClassName("tall");
                chart.getStyle().set("height", Math.max(18, bars * 1.6 + 4) + "rem");
            } else {
                String note = ChartOptions.plan(table, getLocale()).note();
                if (note != null) {
                    Paragraph chartNote = new Paragraph(getTranslation("analytics.section.chartNote", note));
                    chartNote.addClassName("analytics-note");
                    chartNote.setId("chart-note-" + table.id());
                    add(chartNote);
                }
            }
            body.add(chart);
        } else {
            chart = null;
        }
        body.add(grid(table, figures, onRowClick, getTranslation("analytics.section.empty")));
        add(body);

        long suppressed = table.rows().stream().flatMap(r -> r.cells().stream()).filter(c -> c != null && c.isSuppressed())
                .count();
        if (suppressed > 0) {
            Paragraph note = new Paragraph(getTranslation("analytics.section.suppressed", suppressed));
            note.addClassName("analytics-note");
            add(note);
        }
    }

    /** Draws the chart; called once the section is on the page. */
    void draw() {
        if (chart != null) {
            chart.draw(ChartOptions.of(table, getLocale()), ChartOptions.format(table));
        }
    }

    EChart chart() {
        return chart;
    }

    private static Grid<Row> grid(RollupTable table, Figures figures, Consumer<Row> onRowClick, String empty) {
        Grid<Row> grid = new Grid<>();
        grid.setId("figures-" + table.id());
        grid.setAriaLabel(table.title());
        grid.addClassName("analytics-figures");
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES, GridVariant.LUMO_COLUMN_BORDERS);
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            Column column = columns.get(i);
            Grid.Column<Row> gridColumn = (GUIDELINE.equals(column.id())
                    ? grid.addComponentColumn(row -> guideline(cell(row, index), figures))
                    : grid.addColumn(row -> figures.text(cell(row, index), column.kind())))
                    .setHeader(column.label())
                    .setTooltipGenerator(row -> column.kind() == Column.Kind.TEXT
                            ? figures.text(cell(row, index), column.kind())
                            : figures.reason(cell(row, index)))
                    .setPartNameGenerator(row -> {
                        Cell cell = cell(row, index);
                        String part = cell != null && cell.isSuppressed() ? "suppressed" : null;
                        return row.total() ? (part == null ? "total" : part + " total") : part;
                    })
                    .setResizable(true);
            if (Figures.numeric(column.kind())) {
                gridColumn.setTextAlign(ColumnTextAlign.END).setAutoWidth(true).setFlexGrow(0);
            } else {
                gridColumn.setWidth("10rem").setFlexGrow(1);
            }
        }
        grid.setItems(table.rows());
        if (table.rows().size() <= ALL_ROWS_VISIBLE) {
            grid.setAllRowsVisible(true);
        } else {
            grid.setHeight("22rem");
        }
        grid.setEmptyStateText(empty);
        if (onRowClick != null) {
            grid.addItemClickListener(e -> onRowClick.accept(e.getItem()));
            grid.addClassName("clickable");
        }
        return grid;
    }

    /** "Above" / "Below" the burden guideline as a badge; a withheld mark as text; nothing without a guideline. */
    private static Span guideline(Cell cell, Figures figures) {
        if (cell == null || (!cell.isSuppressed() && cell.value() == null)) {
            return new Span();
        }
        Span mark = new Span(figures.text(cell, Column.Kind.TEXT));
        if (!cell.isSuppressed()) {
            mark.getElement().getThemeList().add("Above".equalsIgnoreCase(cell.value().toString())
                    ? "badge success small" : "badge contrast small");
        }
        return mark;
    }

    private static Cell cell(Row row, int index) {
        return index < row.cells().size() ? row.cells().get(index) : null;
    }
}
