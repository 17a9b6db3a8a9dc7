package org.entente.analytics.engine.briefing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import javax.xml.namespace.QName;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.PresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFColor;
import org.apache.poi.xddf.usermodel.XDDFLineProperties;
import org.apache.poi.xddf.usermodel.XDDFPresetLineDash;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.AxisCrossBetween;
import org.apache.poi.xddf.usermodel.chart.AxisCrosses;
import org.apache.poi.xddf.usermodel.chart.AxisPosition;
import org.apache.poi.xddf.usermodel.chart.BarDirection;
import org.apache.poi.xddf.usermodel.chart.BarGrouping;
import org.apache.poi.xddf.usermodel.chart.ChartTypes;
import org.apache.poi.xddf.usermodel.chart.DisplayBlanks;
import org.apache.poi.xddf.usermodel.chart.LegendPosition;
import org.apache.poi.xddf.usermodel.chart.MarkerStyle;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFCategoryAxis;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFDataSourcesFactory;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFNumericalDataSource;
import org.apache.poi.xddf.usermodel.chart.XDDFValueAxis;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFClientAnchor;
import org.apache.poi.xssf.usermodel.XSSFDrawing;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.xmlbeans.XmlCursor;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.EngineTexts;
import org.entente.analytics.engine.rollup.CellText;
import org.entente.analytics.engine.rollup.Chart;
import org.entente.analytics.engine.rollup.ChartPlan;
import org.entente.analytics.engine.rollup.Column;
import org.entente.analytics.engine.rollup.RollupTable;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTOverlap;

/**
 * One rollup table on its own sheet: its title and question, the figures as an Excel table (autofilter, frozen
 * header, number formats; a withheld figure reads as on the screen, e.g. {@code ✕ n<3}), a native chart beside it
 * following the table's chart hint, and below the table the chart's data: the published figures only, withheld ones
 * left blank, so that a chart never plots a mark or a zero for what disclosure control withholds.
 * <p>
 * A ranked table ({@link Chart.Type#RANKED_BAR}, the burden ranking) draws one bar per partner in the table's order
 * and its reference (the guideline) as a line across every bar; its chart stands below the table, as wide as it, so
 * that 25 partners' names can be read on a printed page.
 */
final class RollupSheet {

    /** Rows above the table: banner, title, question, note. */
    static final int HEADER_ROW = 4;
    /** The most series a chart draws (the largest ones); the table holds them all. */
    static final int MAX_SERIES = 15;
    /** The links a network's bar chart draws. */
    static final int MAX_LINKS = 15;
    private static final int CHART_COLUMNS = 10;
    private static final int CHART_ROWS = 24;
    private static final int RANKED_CHART_ROWS = 30;
    /** The guideline's line: crimson, unlike any bar of the ranking (steel blue) and the markings' banners. */
    static final byte[] REFERENCE_COLOUR = {(byte) 0xD6, 0x27, 0x28};
    /** The column whose small percentages need more decimals than the usual "0.0%". */
    static final String INTENSITY = "intensity";
    private static final byte[][] PALETTE = {
            {0x1F, 0x77, (byte) 0xB4}, {(byte) 0xFF, 0x7F, 0x0E}, {0x2C, (byte) 0xA0, 0x2C}, {(byte) 0xD6, 0x27, 0x28},
            {(byte) 0x94, 0x67, (byte) 0xBD}, {(byte) 0x8C, 0x56, 0x4B}, {(byte) 0xE3, 0x77, (byte) 0xC2},
            {0x7F, 0x7F, 0x7F}, {(byte) 0xBC, (byte) 0xBD, 0x22}, {0x17, (byte) 0xBE, (byte) 0xCF},
            {0x46, (byte) 0x82, (byte) 0xB4}, {(byte) 0xAE, (byte) 0xC7, (byte) 0xE8}, {(byte) 0xFF, (byte) 0xBB, 0x78},
            {(byte) 0x98, (byte) 0xDF, (byte) 0x8A}, {(byte) 0xFF, (byte) 0x98, (byte) 0x96}};

    private RollupSheet() {
    }

    /**
     * What a chart draws: categories × series, null where nothing is published; {@code format} is the number format
     * of the drawn figures; {@code reference} a line drawn across every category (null: none).
     */
    record Plan(String categoryLabel, List<String> categories, List<String> series, Double[][] values,
                Column.Kind kind, String note, String format, Reference reference) {

        Plan(String categoryLabel, List<String> categories, List<String> series, Double[][] values, Column.Kind kind,
             String note) {
            this(categoryLabel, categories, series, values, kind, note, Styles.format(kind), null);
        }
    }

    /** A constant drawn as a line across the chart, e.g. the burden guideline's target intensity. */
    record Reference(String label, double value) {
    }

    static void write(XSSFSheet sheet, RollupTable table, Layout layout, Styles styles, AnalyticsSettings settings,
                      Function<Object, String> labels) {
        List<Column> columns = table.columns();
        layout.mark(sheet, Math.max(columns.size(), 8), styles);
        Row titleRow = sheet.createRow(1);
        titleRow.setHeightInPoints(24);
        Layout.text(titleRow.createCell(0), table.title(), styles.title);
        Layout.text(sheet.createRow(2).createCell(0), table.question(), styles.subtitle);

        long suppressed = table.rows().stream().flatMap(r -> r.cells().stream())
                .filter(c -> c != null && c.isSuppressed()).count();
        Plan plan = table.rows().isEmpty() ? null : plan(table, labels, layout.locale());
        List<String> notes = new ArrayList<>();
        if (suppressed > 0) {
            notes.add(layout.t("rollupSheet.suppressed", suppressed));
        }
        if (plan != null && plan.note() != null) {
            notes.add(plan.note());
        }
        if (!notes.isEmpty()) {
            Layout.text(sheet.createRow(3).createCell(0), String.join(" ", notes), styles.note);
        }

        Row header = sheet.createRow(HEADER_ROW);
        List<String> names = new ArrayList<>();
        for (int c = 0; c < columns.size(); c++) {
            String name = columns.get(c).label();
            while (names.contains(name)) {
                name = name + " ";   // table column names must be unique
            }
            names.add(name);
            Layout.text(header.createCell(c), name, styles.header);
        }
        int[] widths = new int[columns.size()];
        for (int c = 0; c < columns.size(); c++) {
            widths[c] = Math.max(10, Math.min(40, columns.get(c).label().length() + 2));
        }
        if (table.rows().isEmpty()) {
            Layout.text(sheet.createRow(HEADER_ROW + 1).createCell(0), layout.t("rollupSheet.empty"), styles.note);
            setWidths(sheet, widths);
            return;
        }
        int r = HEADER_ROW + 1;
        for (org.entente.analytics.engine.rollup.Row row : table.rows()) {
            Row excel = sheet.createRow(r++);
            for (int c = 0; c < columns.size(); c++) {
                Column column = columns.get(c);
                org.entente.analytics.engine.rollup.Cell value = c < row.cells().size() ? row.cells().get(c) : null;
                Cell cell = excel.createCell(c);
                int width = figure(cell, value, column.kind(), format(table, c), row.total(), styles, settings,
                        labels, layout.locale());
                widths[c] = Math.max(widths[c], Math.min(48, width + 2));
            }
        }
        int lastRow = r - 1;
        AreaReference area = new AreaReference(new CellReference(HEADER_ROW, 0),
                new CellReference(lastRow, columns.size() - 1), org.apache.poi.ss.SpreadsheetVersion.EXCEL2007);
        XSSFTable excelTable = sheet.createTable(area);
        String tableName = "T_" + table.id().replaceAll("[^A-Za-z0-9]", "_");
        excelTable.setName(tableName);
        excelTable.setDisplayName(tableName);
        excelTable.updateHeaders();
        excelTable.setStyleName("TableStyleLight9");
        excelTable.getCTTable().getTableStyleInfo().setShowRowStripes(true);
        if (!excelTable.getCTTable().isSetAutoFilter()) {
            excelTable.getCTTable().addNewAutoFilter();
        }
        excelTable.getCTTable().getAutoFilter().setRef(area.formatAsString());
        sheet.createFreezePane(0, HEADER_ROW + 1);
        setWidths(sheet, widths);

        if (plan != null && !plan.categories().isEmpty() && !plan.series().isEmpty()) {
            if (table.chart().type() == Chart.Type.RANKED_BAR) {
                // Below the table, as wide as it (at least the usual chart's width), its data below the chart. Printed,
                // the chart starts a page of its own: 25 partners' bars and names need the page's height.
                int top = lastRow + 2;
                sheet.setRowBreak(lastRow + 1);
                int dataRow = top + RANKED_CHART_ROWS + 2;
                writeChartData(sheet, plan, dataRow, styles, layout);
                chart(sheet, table, plan, dataRow, 0, top, Math.max(columns.size(), CHART_COLUMNS), RANKED_CHART_ROWS,
                        layout);
            } else {
                int dataRow = lastRow + 3;
                writeChartData(sheet, plan, dataRow, styles, layout);
                chart(sheet, table, plan, dataRow, columns.size() + 1, HEADER_ROW + 1, CHART_COLUMNS, CHART_ROWS,
                        layout);
            }
        }
    }

    /**
     * The number format of column {@code c}: its kind's, except an intensity (delivered ÷ capacity, often well below
     * 0.1 %), whose percentages get the decimals its smallest published figure needs.
     */
    static String format(RollupTable table, int c) {
        Column column = table.columns().get(c);
        if (column.kind() != Column.Kind.PERCENT || !INTENSITY.equals(column.id())) {
            return Styles.format(column.kind());
        }
        double smallest = table.rows().stream().map(r -> c < r.cells().size() ? plotted(r.cells().get(c)) : null)
                .filter(v -> v != null && v != 0).mapToDouble(Math::abs).min().orElse(Double.NaN);
        return Styles.percent(Styles.percentDecimals(smallest));
    }

    /** Writes one table cell as the screen shows it; returns the width of its text in characters. */
    private static int figure(Cell cell, org.entente.analytics.engine.rollup.Cell value, Column.Kind kind,
                              String format, boolean total, Styles styles, AnalyticsSettings settings,
                              Function<Object, String> labels, Locale locale) {
        if (value != null && value.isSuppressed()) {
            String mark = CellText.mark(value.suppressed(), settings, locale);
            Layout.text(cell, mark, styles.suppressed(total));
            return mark.length();
        }
        Object v = value == null ? null : value.value();
        if (v == null) {
            Layout.text(cell, "–", kind == Column.Kind.TEXT ? styles.text(total, "–") : styles.suppressed(total));
            return 1;
        }
        if (kind != Column.Kind.TEXT && v instanceof Number number) {
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(format.equals(Styles.format(kind)) ? styles.figure(kind, total)
                    : styles.figure(format, total));
            return kind == Column.Kind.MONEY_EUR ? 14 : 9;
        }
        String text = kind == Column.Kind.TEXT ? labels.apply(v) : v.toString();
        Layout.text(cell, text, styles, total);
        return text.length();
    }

    private static void setWidths(XSSFSheet sheet, int[] widths) {
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
    }

    // ------------------------------------------------------------------------------------------ chart

    /**
     * The chart's categories and series from the table's chart hint (GRAPH: the strongest links as bars). Which rows
     * and columns it draws is chosen as on the Analytics screen: the hint's detail rows, or, when disclosure control
     * withholds most of them, the subtotals that say more (and said so in the note): see {@link ChartPlan}.
     */
    static Plan plan(RollupTable table, Function<Object, String> labels) {
        return plan(table, labels, Locale.UK);
    }

    static Plan plan(RollupTable table, Function<Object, String> labels, Locale locale) {
        Chart hint = table.chart();
        if (hint == null) {
            return null;
        }
        if (hint.type() == Chart.Type.GRAPH) {
            List<org.entente.analytics.engine.rollup.Row> rows = table.rows().stream().filter(r -> !r.total()).toList();
            return links(table, rows, labels, locale);
        }
        if (hint.type() == Chart.Type.RANKED_BAR) {
            return ranked(table, labels, locale);
        }
        ChartPlan selection = ChartPlan.of(table, locale);
        if (selection == null) {
            return null;
        }
        int category = selection.category();
        int seriesColumn = selection.series();
        List<Integer> values = selection.values();
        List<String> categories = new ArrayList<>(new LinkedHashSet<>(
                selection.rows().stream().map(r -> label(r.cells().get(category), labels, locale)).toList()));
        if (!categories.isEmpty() && categories.stream().allMatch(c -> c.matches("\\d{4}(-\\d{2})?"))) {
            Collections.sort(categories);   // years and months read left to right
        }
        Map<String, Map<String, Double>> series = new LinkedHashMap<>();
        for (org.entente.analytics.engine.rollup.Row row : selection.rows()) {
            String cat = label(row.cells().get(category), labels, locale);
            for (int v : values) {
                String name;
                if (seriesColumn >= 0) {
                    String s = label(row.cells().get(seriesColumn), labels, locale);
                    name = values.size() == 1 ? s : s + " — " + table.columns().get(v).label();
                } else {
                    name = table.columns().get(v).label();
                }
                series.computeIfAbsent(name, n -> new LinkedHashMap<>()).putIfAbsent(cat, plotted(row.cells().get(v)));
            }
        }
        List<String> notes = new ArrayList<>();
        if (selection.note() != null) {
            notes.add(selection.otherFigures() ? EngineTexts.text(locale, "rollupSheet.chartDraws", selection.note())
                    : selection.note());
        }
        List<String> names = new ArrayList<>(series.keySet());
        if (names.size() > MAX_SERIES) {
            names.sort(Comparator.comparingDouble((String n) -> -series.get(n).values().stream()
                    .filter(java.util.Objects::nonNull).mapToDouble(Math::abs).sum()));
            notes.add(EngineTexts.text(locale, "rollupSheet.largestSeries", MAX_SERIES, names.size()));
            List<String> kept = names.subList(0, MAX_SERIES);
            names = new ArrayList<>(series.keySet().stream().filter(kept::contains).toList());
        }
        Double[][] grid = new Double[names.size()][categories.size()];
        for (int s = 0; s < names.size(); s++) {
            Map<String, Double> byCategory = series.get(names.get(s));
            for (int c = 0; c < categories.size(); c++) {
                grid[s][c] = byCategory.get(categories.get(c));
            }
        }
        return new Plan(table.columns().get(category).label(), categories, names, grid,
                table.columns().get(values.getFirst()).kind(), notes.isEmpty() ? null : String.join(" ", notes));
    }

    /**
     * One bar per partner in the table's (ranked) order, withheld figures as gaps; the rest row ("Other partners
     * (n)", a total) stays in the table only. The reference becomes a line of the same value at every partner.
     */
    private static Plan ranked(RollupTable table, Function<Object, String> labels, Locale locale) {
        Chart hint = table.chart();
        int category = table.columnIndex(hint.categoryColumn());
        int value = table.columnIndex(hint.valueColumns().getFirst());
        if (category < 0 || value < 0) {
            return null;
        }
        List<org.entente.analytics.engine.rollup.Row> rows = table.rows().stream().filter(r -> !r.total()).toList();
        Column column = table.columns().get(value);
        Double[][] grid = new Double[1][rows.size()];
        List<String> categories = new ArrayList<>();
        int withheld = 0;
        for (int i = 0; i < rows.size(); i++) {
            categories.add(label(rows.get(i).cells().get(category), labels, locale));
            grid[0][i] = plotted(rows.get(i).cells().get(value));
            withheld += rows.get(i).cells().get(value).isSuppressed() ? 1 : 0;
        }
        Reference reference = hint.referenceLine() == null ? null : new Reference(
                hint.referenceLabel() == null || hint.referenceLabel().isBlank()
                        ? EngineTexts.text(locale, "rollupSheet.guideline") : hint.referenceLabel(),
                hint.referenceLine());
        List<String> notes = new ArrayList<>();
        if (rows.isEmpty()) {
            // Nobody of the kind is named (no consent, records not all visible): no chart, and the sheet says why.
            return new Plan(table.columns().get(category).label(), List.of(), List.of(column.label()), grid,
                    column.kind(), EngineTexts.text(locale, "rollupSheet.ranked.nobody"),
                    Styles.format(column.kind()), null);
        }
        String by = column.label().toLowerCase(Locale.ROOT);
        notes.add(withheld > 0 ? EngineTexts.text(locale, "rollupSheet.ranked.withheld", rows.size(), by, withheld)
                : EngineTexts.text(locale, "rollupSheet.ranked", rows.size(), by));
        notes.add(EngineTexts.text(locale, reference == null ? "rollupSheet.ranked.noLine" : "rollupSheet.ranked.line"));
        if (rows.size() < table.rows().size()) {
            notes.add(EngineTexts.text(locale, "rollupSheet.ranked.remainder"));
        }
        String format = Styles.format(column.kind());
        if (column.kind() == Column.Kind.PERCENT) {
            double smallest = java.util.stream.Stream.concat(java.util.Arrays.stream(grid[0]),
                            reference == null ? java.util.stream.Stream.empty()
                                    : java.util.stream.Stream.of(reference.value()))
                    .filter(v -> v != null && v != 0).mapToDouble(Math::abs).min().orElse(Double.NaN);
            format = Styles.percent(Styles.percentDecimals(smallest));
        }
        return new Plan(table.columns().get(category).label(), categories, List.of(column.label()), grid,
                column.kind(), String.join(" ", notes), format, reference);
    }

    /** Excel has no network chart: the strongest links (by the hint's weight) as bars, said so on the sheet. */
    private static Plan links(RollupTable table, List<org.entente.analytics.engine.rollup.Row> rows,
                              Function<Object, String> labels, Locale locale) {
        Chart hint = table.chart();
        int source = table.columnIndex(hint.categoryColumn());
        int target = table.columnIndex(hint.seriesColumn());
        int weight = table.columnIndex(hint.valueColumns().getFirst());
        if (source < 0 || target < 0 || weight < 0) {
            return null;
        }
        record Link(String name, double weight) {
        }
        List<Link> links = new ArrayList<>();
        for (org.entente.analytics.engine.rollup.Row row : rows) {
            Double value = plotted(row.cells().get(weight));
            Object from = row.cells().get(source).value();
            Object to = row.cells().get(target).value();
            if (value != null && from != null && to != null) {
                links.add(new Link(labels.apply(from) + " – " + labels.apply(to), value));
            }
        }
        links.sort(Comparator.comparingDouble(l -> -l.weight()));
        List<Link> drawn = links.subList(0, Math.min(MAX_LINKS, links.size()));
        Double[][] grid = new Double[1][drawn.size()];
        for (int i = 0; i < drawn.size(); i++) {
            grid[0][i] = drawn.get(i).weight();
        }
        String weightLabel = table.columns().get(weight).label();
        return new Plan(EngineTexts.text(locale, "rollupSheet.links.link"), drawn.stream().map(Link::name).toList(),
                List.of(weightLabel), grid, table.columns().get(weight).kind(),
                EngineTexts.text(locale, "rollupSheet.links.note", drawn.size(), weightLabel.toLowerCase(Locale.ROOT),
                        links.size(), EngineTexts.textOr(locale, "table.partner-degree.title", "Partners' connections")));
    }

    private static String label(org.entente.analytics.engine.rollup.Cell cell, Function<Object, String> labels,
                                Locale locale) {
        return cell == null || cell.value() == null ? EngineTexts.text(locale, "rollupSheet.none")
                : labels.apply(cell.value());
    }

    /** The number a chart plots, or null for a gap (withheld or missing). */
    private static Double plotted(org.entente.analytics.engine.rollup.Cell cell) {
        if (cell == null || cell.isSuppressed() || !(cell.value() instanceof Number number)) {
            return null;
        }
        return number.doubleValue();
    }

    private static void writeChartData(XSSFSheet sheet, Plan plan, int first, Styles styles, Layout layout) {
        Layout.text(sheet.createRow(first - 1).createCell(0), layout.t("rollupSheet.chartData"), styles.note);
        Row header = sheet.createRow(first);
        header.setHeightInPoints(60);   // series names wrap within the table's column widths
        Layout.text(header.createCell(0), plan.categoryLabel(), styles.header);
        for (int s = 0; s < plan.series().size(); s++) {
            Layout.text(header.createCell(s + 1), plan.series().get(s), styles.header);
        }
        int referenceColumn = plan.series().size() + 1;
        if (plan.reference() != null) {
            Layout.text(header.createCell(referenceColumn), plan.reference().label(), styles.header);
        }
        org.apache.poi.xssf.usermodel.XSSFCellStyle style = plan.format().equals(Styles.format(plan.kind()))
                ? styles.figure(plan.kind(), false) : styles.figure(plan.format(), false);
        for (int c = 0; c < plan.categories().size(); c++) {
            Row row = sheet.createRow(first + 1 + c);
            Layout.text(row.createCell(0), plan.categories().get(c), styles, false);
            for (int s = 0; s < plan.series().size(); s++) {
                Double value = plan.values()[s][c];
                if (value != null) {
                    Cell cell = row.createCell(s + 1);
                    cell.setCellValue(value);
                    cell.setCellStyle(style);
                }
            }
            if (plan.reference() != null) {
                Cell cell = row.createCell(referenceColumn);
                cell.setCellValue(plan.reference().value());
                cell.setCellStyle(style);
            }
        }
    }

    /**
     * The colour the table's chart gives the value column a series is named after (a status: on track green), else
     * {@code palette}.
     */
    static byte[] colour(RollupTable table, String series, byte[] palette) {
        if (table.chart().seriesColumn() != null) {
            return palette;
        }
        for (Column column : table.columns()) {
            String hex = column.label().equals(series) ? table.chart().colourOf(column.id()) : null;
            if (hex != null) {
                int rgb = Integer.parseInt(hex.substring(1), 16);
                return new byte[] {(byte) (rgb >> 16), (byte) (rgb >> 8), (byte) rgb};
            }
        }
        return palette;
    }

    /** The chart, its top left corner at ({@code column}, {@code row}), {@code columns} × {@code rows} cells. */
    private static void chart(XSSFSheet sheet, RollupTable table, Plan plan, int dataRow, int column, int row,
                              int columns, int rows, Layout layout) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, column, row, column + columns, row + rows);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(table.title());
        // The chart's alternative text, read by screen readers and shown by Excel's "Alt Text" pane.
        var name = chart.getGraphicFrame().getCTGraphicalObjectFrame().getNvGraphicFramePr().getCNvPr();
        name.setTitle(table.title());
        name.setDescr(layout.t("rollupSheet.chartDescription", table.title(), String.join(", ", plan.series()),
                plan.categoryLabel()));
        chart.setTitleOverlay(false);
        chart.setPlotOnlyVisibleCells(false);
        if (plan.series().size() > 1 || plan.reference() != null) {
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        }
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setCrossBetween(AxisCrossBetween.BETWEEN);
        y.setNumberFormat(plan.format().equals(Styles.format(plan.kind())) ? axisFormat(plan.kind()) : plan.format());
        XDDFLineProperties grid = new XDDFLineProperties(new XDDFSolidFillProperties(
                XDDFColor.from(new byte[] {(byte) 0xD9, (byte) 0xD9, (byte) 0xD9})));
        grid.setPresetDash(new XDDFPresetLineDash(PresetLineDash.SOLID));
        y.getOrAddMajorGridProperties().setLineProperties(grid);

        int last = dataRow + plan.categories().size();
        XDDFDataSource<String> categories = XDDFDataSourcesFactory.fromStringCellRange(sheet,
                new CellRangeAddress(dataRow + 1, last, 0, 0));
        Chart.Type type = table.chart().type();
        XDDFChartData data = chart.createData(type == Chart.Type.LINE ? ChartTypes.LINE : ChartTypes.BAR, x, y);
        // LibreOffice draws no bars unless colours are fixed per series and not varied per point.
        data.setVaryColors(false);
        for (int s = 0; s < plan.series().size(); s++) {
            XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                    new CellRangeAddress(dataRow + 1, last, s + 1, s + 1));
            XDDFChartData.Series series = data.addSeries(categories, values);
            series.setTitle(plan.series().get(s), new CellReference(sheet.getSheetName(), dataRow, s + 1, true, true));
            XDDFSolidFillProperties fill = new XDDFSolidFillProperties(XDDFColor.from(
                    colour(table, plan.series().get(s), PALETTE[s % PALETTE.length])));
            if (series instanceof XDDFLineChartData.Series line) {
                line.setSmooth(false);
                line.setMarkerStyle(MarkerStyle.CIRCLE);
                XDDFLineProperties stroke = new XDDFLineProperties(fill);
                stroke.setWidth(2.0);
                line.setLineProperties(stroke);
                line.setFillProperties(fill);
            } else {
                series.setFillProperties(fill);
            }
        }
        if (data instanceof XDDFBarChartData bar) {
            bar.setBarDirection(BarDirection.COL);
            if (type == Chart.Type.STACKED_BAR) {
                bar.setBarGrouping(BarGrouping.STACKED);
            } else {
                bar.setBarGrouping(BarGrouping.CLUSTERED);
            }
            bar.setGapWidth(60);
        }
        chart.plot(data);
        if (plan.reference() != null) {
            reference(chart, sheet, plan, categories, dataRow, x, y);
        }
        chart.displayBlanksAs(DisplayBlanks.GAP);
        if (type == Chart.Type.STACKED_BAR) {
            overlapFully(chart);
        }
    }

    /**
     * The reference as a line series over the same axes as the bars: one value per category, all the reference's.
     * Its colour and width are explicit, or LibreOffice draws nothing (as with the bars' fills).
     */
    private static void reference(XSSFChart chart, XSSFSheet sheet, Plan plan, XDDFDataSource<String> categories,
                                  int dataRow, XDDFCategoryAxis x, XDDFValueAxis y) {
        int column = plan.series().size() + 1;
        XDDFLineChartData line = (XDDFLineChartData) chart.createData(ChartTypes.LINE, x, y);
        line.setVaryColors(false);
        XDDFNumericalDataSource<Double> values = XDDFDataSourcesFactory.fromNumericCellRange(sheet,
                new CellRangeAddress(dataRow + 1, dataRow + plan.categories().size(), column, column));
        XDDFLineChartData.Series series = (XDDFLineChartData.Series) line.addSeries(categories, values);
        series.setTitle(plan.reference().label(), new CellReference(sheet.getSheetName(), dataRow, column, true, true));
        series.setSmooth(false);
        XDDFSolidFillProperties fill = new XDDFSolidFillProperties(XDDFColor.from(REFERENCE_COLOUR));
        XDDFLineProperties stroke = new XDDFLineProperties(fill);
        stroke.setWidth(2.5);
        stroke.setPresetDash(new XDDFPresetLineDash(PresetLineDash.DASH));
        series.setLineProperties(stroke);
        // A line through one point is no line: a single partner gets a dash-shaped marker instead.
        series.setMarkerStyle(plan.categories().size() == 1 ? MarkerStyle.DASH : MarkerStyle.NONE);
        if (plan.categories().size() == 1) {
            series.setMarkerSize((short) 20);
        }
        chart.plot(line);
    }

    /**
     * Stacked bars need {@code <c:overlap val="100"/>}, or Excel draws each series beside the last. Set through the XML
     * cursor: poi-ooxml-lite lacks the schema type behind {@code XDDFBarChartData.setOverlap}.
     */
    private static void overlapFully(XSSFChart chart) {
        for (CTBarChart bar : chart.getCTChart().getPlotArea().getBarChartArray()) {
            CTOverlap overlap = bar.isSetOverlap() ? bar.getOverlap() : bar.addNewOverlap();
            try (XmlCursor cursor = overlap.newCursor()) {
                cursor.setAttributeText(new QName("val"), "100");
            }
        }
    }

    private static String axisFormat(Column.Kind kind) {
        return switch (kind) {
            case MONEY_EUR -> Styles.MONEY;
            case PERCENT -> "0%";
            case COUNT -> Styles.COUNT;
            case RATIO -> Styles.RATIO;
            default -> "General";
        };
    }
}
