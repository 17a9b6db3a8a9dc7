package org.entente.analytics.engine.briefing;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
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
import org.openxmlformats.schemas.drawingml.x2006.chart.CTBarChart;
import org.openxmlformats.schemas.drawingml.x2006.chart.CTOverlap;
import org.apache.xmlbeans.XmlCursor;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.rollup.CellText;
import org.entente.analytics.engine.rollup.ChartPlan;
import org.entente.analytics.engine.rollup.Chart;
import org.entente.analytics.engine.rollup.Column;
import org.entente.analytics.engine.rollup.RollupTable;

/**
 * One rollup table on its own sheet: its title and question, the figures as an Excel table (autofilter, frozen
 * header, number formats; a withheld figure reads as on the screen, e.g. {@code ✕ n<3}), a native chart beside it
 * following the table's chart hint, and below the table the chart's data: the published figures only, withheld ones
 * left blank, so that a chart never plots a mark or a zero for what disclosure control withholds.
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
    private static final byte[][] PALETTE = {
            {0x1F, 0x77, (byte) 0xB4}, {(byte) 0xFF, 0x7F, 0x0E}, {0x2C, (byte) 0xA0, 0x2C}, {(byte) 0xD6, 0x27, 0x28},
            {(byte) 0x94, 0x67, (byte) 0xBD}, {(byte) 0x8C, 0x56, 0x4B}, {(byte) 0xE3, 0x77, (byte) 0xC2},
            {0x7F, 0x7F, 0x7F}, {(byte) 0xBC, (byte) 0xBD, 0x22}, {0x17, (byte) 0xBE, (byte) 0xCF},
            {0x46, (byte) 0x82, (byte) 0xB4}, {(byte) 0xAE, (byte) 0xC7, (byte) 0xE8}, {(byte) 0xFF, (byte) 0xBB, 0x78},
            {(byte) 0x98, (byte) 0xDF, (byte) 0x8A}, {(byte) 0xFF, (byte) 0x98, (byte) 0x96}};

    private RollupSheet() {
    }

    /** What a chart draws: categories × series, null where nothing is published. */
    record Plan(String categoryLabel, List<String> categories, List<String> series, Double[][] values,
                Column.Kind kind, String note) {
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
        Plan plan = table.rows().isEmpty() ? null : plan(table, labels);
        List<String> notes = new ArrayList<>();
        if (suppressed > 0) {
            notes.add(suppressed + (suppressed == 1 ? " figure is" : " figures are")
                    + " suppressed by disclosure control (✕; the legend is on the Notes sheet).");
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
            Layout.text(sheet.createRow(HEADER_ROW + 1).createCell(0), "No figures for this scope.", styles.note);
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
                int width = figure(cell, value, column.kind(), row.total(), styles, settings, labels);
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
            int dataRow = lastRow + 3;
            writeChartData(sheet, plan, dataRow, styles);
            chart(sheet, table, plan, dataRow, columns.size() + 1);
        }
    }

    /** Writes one table cell as the screen shows it; returns the width of its text in characters. */
    private static int figure(Cell cell, org.entente.analytics.engine.rollup.Cell value, Column.Kind kind,
                              boolean total, Styles styles, AnalyticsSettings settings,
                              Function<Object, String> labels) {
        if (value != null && value.isSuppressed()) {
            String mark = CellText.mark(value.suppressed(), settings);
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
            cell.setCellStyle(styles.figure(kind, total));
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
        Chart hint = table.chart();
        if (hint == null) {
            return null;
        }
        if (hint.type() == Chart.Type.GRAPH) {
            List<org.entente.analytics.engine.rollup.Row> rows = table.rows().stream().filter(r -> !r.total()).toList();
            return links(table, rows, labels);
        }
        ChartPlan selection = ChartPlan.of(table);
        if (selection == null) {
            return null;
        }
        int category = selection.category();
        int seriesColumn = selection.series();
        List<Integer> values = selection.values();
        List<String> categories = new ArrayList<>(new LinkedHashSet<>(
                selection.rows().stream().map(r -> label(r.cells().get(category), labels)).toList()));
        if (!categories.isEmpty() && categories.stream().allMatch(c -> c.matches("\\d{4}(-\\d{2})?"))) {
            Collections.sort(categories);   // years and months read left to right
        }
        Map<String, Map<String, Double>> series = new LinkedHashMap<>();
        for (org.entente.analytics.engine.rollup.Row row : selection.rows()) {
            String cat = label(row.cells().get(category), labels);
            for (int v : values) {
                String name;
                if (seriesColumn >= 0) {
                    String s = label(row.cells().get(seriesColumn), labels);
                    name = values.size() == 1 ? s : s + " — " + table.columns().get(v).label();
                } else {
                    name = table.columns().get(v).label();
                }
                series.computeIfAbsent(name, n -> new LinkedHashMap<>()).putIfAbsent(cat, plotted(row.cells().get(v)));
            }
        }
        List<String> notes = new ArrayList<>();
        if (selection.note() != null) {
            notes.add(selection.otherFigures() ? "The chart draws " + selection.note() : selection.note());
        }
        List<String> names = new ArrayList<>(series.keySet());
        if (names.size() > MAX_SERIES) {
            names.sort(Comparator.comparingDouble((String n) -> -series.get(n).values().stream()
                    .filter(java.util.Objects::nonNull).mapToDouble(Math::abs).sum()));
            notes.add("The chart draws the " + MAX_SERIES + " largest of " + names.size()
                    + " series; the table holds them all.");
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

    /** Excel has no network chart: the strongest links (by the hint's weight) as bars, said so on the sheet. */
    private static Plan links(RollupTable table, List<org.entente.analytics.engine.rollup.Row> rows,
                              Function<Object, String> labels) {
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
        return new Plan("Link", drawn.stream().map(Link::name).toList(), List.of(weightLabel), grid,
                table.columns().get(weight).kind(),
                "Excel draws no network: the chart shows the " + drawn.size() + " strongest links by "
                        + weightLabel.toLowerCase(java.util.Locale.ROOT) + " (of " + links.size()
                        + " published); the sheet \"Partners' connections\" counts each partner's links.");
    }

    private static String label(org.entente.analytics.engine.rollup.Cell cell, Function<Object, String> labels) {
        return cell == null || cell.value() == null ? "(none)" : labels.apply(cell.value());
    }

    /** The number a chart plots, or null for a gap (withheld or missing). */
    private static Double plotted(org.entente.analytics.engine.rollup.Cell cell) {
        if (cell == null || cell.isSuppressed() || !(cell.value() instanceof Number number)) {
            return null;
        }
        return number.doubleValue();
    }

    private static void writeChartData(XSSFSheet sheet, Plan plan, int first, Styles styles) {
        Layout.text(sheet.createRow(first - 1).createCell(0),
                "Chart data: the published figures the chart draws; withheld figures are left blank here"
                        + " (the table above shows why).", styles.note);
        Row header = sheet.createRow(first);
        header.setHeightInPoints(60);   // series names wrap within the table's column widths
        Layout.text(header.createCell(0), plan.categoryLabel(), styles.header);
        for (int s = 0; s < plan.series().size(); s++) {
            Layout.text(header.createCell(s + 1), plan.series().get(s), styles.header);
        }
        for (int c = 0; c < plan.categories().size(); c++) {
            Row row = sheet.createRow(first + 1 + c);
            Layout.text(row.createCell(0), plan.categories().get(c), styles, false);
            for (int s = 0; s < plan.series().size(); s++) {
                Double value = plan.values()[s][c];
                if (value != null) {
                    Cell cell = row.createCell(s + 1);
                    cell.setCellValue(value);
                    cell.setCellStyle(styles.figure(plan.kind(), false));
                }
            }
        }
    }

    private static void chart(XSSFSheet sheet, RollupTable table, Plan plan, int dataRow, int column) {
        XSSFDrawing drawing = sheet.createDrawingPatriarch();
        XSSFClientAnchor anchor = drawing.createAnchor(0, 0, 0, 0, column, HEADER_ROW + 1, column + CHART_COLUMNS,
                HEADER_ROW + 1 + CHART_ROWS);
        XSSFChart chart = drawing.createChart(anchor);
        chart.setTitleText(table.title());
        chart.setTitleOverlay(false);
        chart.setPlotOnlyVisibleCells(false);
        if (plan.series().size() > 1) {
            chart.getOrAddLegend().setPosition(LegendPosition.BOTTOM);
        }
        XDDFCategoryAxis x = chart.createCategoryAxis(AxisPosition.BOTTOM);
        XDDFValueAxis y = chart.createValueAxis(AxisPosition.LEFT);
        y.setCrosses(AxisCrosses.AUTO_ZERO);
        y.setCrossBetween(AxisCrossBetween.BETWEEN);
        y.setNumberFormat(axisFormat(plan.kind()));
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
            XDDFSolidFillProperties fill = new XDDFSolidFillProperties(XDDFColor.from(PALETTE[s % PALETTE.length]));
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
        chart.displayBlanksAs(DisplayBlanks.GAP);
        if (type == Chart.Type.STACKED_BAR) {
            overlapFully(chart);
        }
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
