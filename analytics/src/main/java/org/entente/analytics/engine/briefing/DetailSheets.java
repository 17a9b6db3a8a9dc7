package org.entente.analytics.engine.briefing;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.LongConsumer;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.entente.analytics.engine.EngineTexts;
import org.entente.analytics.engine.SqlScript;

/**
 * The detail sheets: every contribution and workstream the viewer's organization may see in the scope
 * ({@code detail.sql}), streamed from one DuckDB result set into SXSSF sheets row by row: memory does not grow with
 * the number of rows (SXSSF keeps a window of rows, the result set streams). The same code fills an in-memory
 * XSSF workbook for the benchmark's comparison ({@link BriefingWriter#inMemory()}). A sheet holds at most
 * {@code rowsPerSheet} data rows; the rest continue on "Contributions (2)", "Contributions (3)", ...
 */
final class DetailSheets {

    static final String CONTRIBUTIONS = "Contributions";
    static final String WORKSTREAMS = "Workstreams";

    /** The detail sheets' names in the workbook's language. */
    static String contributions(Locale locale) {
        return EngineTexts.text(locale, "sheet.contributions");
    }

    static String workstreams(Locale locale) {
        return EngineTexts.text(locale, "sheet.workstreams");
    }
    static final List<String> SQL = SqlScript.load("/org/entente/analytics/engine/briefing/detail.sql");

    /** The headings' keys ({@code detail.header.<key>}), in column order. */
    private static final String[] CONTRIBUTION_HEADERS = {"workstream", "lead", "contributor", "kind", "type", "unit",
            "pledgedEur", "deliveredEur", "pledgedOn", "deliveredOn", "releasability"};
    private static final int[] CONTRIBUTION_WIDTHS = {40, 26, 26, 26, 12, 14, 16, 16, 13, 13, 24};
    private static final String[] WORKSTREAM_HEADERS = {"title", "kind", "status", "lead", "region", "start", "end",
            "releasability"};
    private static final int[] WORKSTREAM_WIDTHS = {48, 26, 12, 26, 16, 13, 13, 24};
    /** Excel's date serial is days since 1899-12-30 (for dates from 1900-03-01 on). */
    private static final String EXCEL_DAYS = " - DATE '1899-12-30'";
    private static final int PROGRESS_EVERY = 20_000;
    /**
     * Up to this many rows a detail sheet is sorted; DuckDB holds a sorted result whole (some 250 MB for a million
     * contributions), an unsorted one streams.
     */
    static final long SORTED_ROWS = 100_000;
    /** Workstream titles remembered (the rows of a workstream usually follow each other). */
    private static final int TITLES_CACHED = 65_536;

    /** What the detail sheets will hold, counted before writing (the banner shows the marking first). */
    record Counts(long contributions, long workstreams, int rank) {
    }

    private final Workbook workbook;
    private final Layout layout;
    private final Styles styles;
    private final int rowsPerSheet;
    private final Function<Object, String> labels;
    private final Map<String, String> labelCache = new HashMap<>();
    private final UUID viewerTenant;
    private final WorkstreamTitles titles;
    private final ExportLedger ledger;
    private final LongConsumer rowsWritten;
    private final Map<List<UUID>, String> titleCache = new LinkedHashMap<>(256, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<List<UUID>, String> eldest) {
            return size() > TITLES_CACHED;
        }
    };
    private long written;
    private UUID lastTenant;
    private UUID lastWorkstream;
    private String lastTitle;

    DetailSheets(Workbook workbook, Layout layout, Styles styles, int rowsPerSheet,
                 Function<Object, String> labels, UUID viewerTenant, WorkstreamTitles titles, ExportLedger ledger,
                 LongConsumer rowsWritten) {
        this.workbook = workbook;
        this.layout = layout;
        this.styles = styles;
        this.rowsPerSheet = rowsPerSheet;
        this.labels = labels;
        this.viewerTenant = viewerTenant;
        this.titles = titles;
        this.ledger = ledger;
        this.rowsWritten = rowsWritten;
    }

    static Counts count(Connection duckdb) throws SQLException {
        long contributions;
        long workstreams;
        int rank;
        try (Statement statement = duckdb.createStatement();
             ResultSet rs = statement.executeQuery("""
                     SELECT (SELECT count(*) FROM briefing_contribution),
                            (SELECT count(*) FROM briefing_workstream),
                            GREATEST(COALESCE((SELECT max(releasability_rank) FROM briefing_contribution), 0),
                                     COALESCE((SELECT max(releasability_rank) FROM briefing_workstream), 0))""")) {
            rs.next();
            contributions = rs.getLong(1);
            workstreams = rs.getLong(2);
            rank = rs.getInt(3);
        }
        return new Counts(contributions, workstreams, rank);
    }

    /** The sheets {@code rows} rows take: "Contributions", "Contributions (2)", ... (one sheet when empty). */
    static List<String> names(String base, long rows, int rowsPerSheet) {
        long sheets = Math.max(1, (rows + rowsPerSheet - 1) / rowsPerSheet);
        List<String> names = new ArrayList<>();
        for (long i = 1; i <= sheets; i++) {
            names.add(i == 1 ? base : base + " (" + i + ")");
        }
        return names;
    }

    /**
     * @param rows how many there are (from {@link #count}): up to {@value #SORTED_ROWS} come sorted by lead and
     *             workstream; more come in the snapshot's order, since DuckDB would hold them all to sort them
     */
    long contributions(Connection duckdb, long rows) throws SQLException {
        String sql = "SELECT tenant_id, workstream_id, id, contributor_tenant_id, lead_name, contributor_name,"
                + " workstream_kind, type, unit, pledged_eur, delivered_eur, pledged_on" + EXCEL_DAYS + ","
                + " delivered_on" + EXCEL_DAYS + ", releasability FROM briefing_contribution"
                + (rows <= SORTED_ROWS ? " ORDER BY lead_name, tenant_id, workstream_id, pledged_on, id" : "");
        return stream(duckdb, sql, contributions(layout.locale()), CONTRIBUTION_HEADERS, CONTRIBUTION_WIDTHS,
                layout.t("detail.noContributions"), (rs, row) -> {
                    UUID lead = rs.getObject(1, UUID.class);
                    UUID workstream = rs.getObject(2, UUID.class);
                    UUID contributor = rs.getObject(4, UUID.class);
                    text(row, 0, title(lead, workstream));
                    text(row, 1, rs.getString(5));
                    text(row, 2, rs.getString(6));
                    text(row, 3, label(rs.getString(7)));
                    text(row, 4, label(rs.getString(8)));
                    text(row, 5, rs.getString(9));
                    number(row, 6, rs, 10, styles.moneyCents);
                    number(row, 7, rs, 11, styles.moneyCents);
                    number(row, 8, rs, 12, styles.date);
                    number(row, 9, rs, 13, styles.date);
                    text(row, 10, Markings.text(rs.getString(14), layout.locale()));
                    if (!viewerTenant.equals(contributor)) {
                        ledger.exported(lead, workstream, rs.getObject(3, UUID.class));
                    }
                });
    }

    long workstreams(Connection duckdb, long rows) throws SQLException {
        String sql = "SELECT tenant_id, id, kind, status, lead_name, region, start_date" + EXCEL_DAYS + ","
                + " end_date" + EXCEL_DAYS + ", releasability FROM briefing_workstream"
                + (rows <= SORTED_ROWS ? " ORDER BY lead_name, tenant_id, start_date, id" : "");
        return stream(duckdb, sql, workstreams(layout.locale()), WORKSTREAM_HEADERS, WORKSTREAM_WIDTHS,
                layout.t("detail.noWorkstreams"), (rs, row) -> {
                    text(row, 0, title(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)));
                    text(row, 1, label(rs.getString(3)));
                    text(row, 2, label(rs.getString(4)));
                    text(row, 3, rs.getString(5));
                    text(row, 4, label(rs.getString(6)));
                    number(row, 5, rs, 7, styles.date);
                    number(row, 6, rs, 8, styles.date);
                    text(row, 7, Markings.text(rs.getString(9), layout.locale()));
                });
    }

    @FunctionalInterface
    private interface RowWriter {
        void write(ResultSet rs, Row row) throws SQLException;
    }

    private long stream(Connection duckdb, String sql, String base, String[] headers, int[] widths, String emptyText,
                        RowWriter writer) throws SQLException {
        long rows = 0;
        int sheetNumber = 1;
        Sheet sheet = sheet(base, headers);
        int next = 2;
        try (Statement statement = duckdb.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            while (rs.next()) {
                if (next - 2 == rowsPerSheet) {
                    finish(sheet, widths, next - 1);
                    sheet = sheet(base + " (" + ++sheetNumber + ")", headers);
                    next = 2;
                }
                writer.write(rs, sheet.createRow(next++));
                rows++;
                if (++written % PROGRESS_EVERY == 0) {
                    if (Thread.currentThread().isInterrupted()) {
                        throw new BriefingFailedException(layout.t("failure.cancelled"));
                    }
                    rowsWritten.accept(written);
                }
            }
        }
        if (rows == 0) {
            Layout.text(sheet.createRow(2).createCell(0), emptyText, styles.note);
        }
        finish(sheet, widths, Math.max(next - 1, 1));
        rowsWritten.accept(written);
        return rows;
    }

    private Sheet sheet(String name, String[] headers) {
        Sheet sheet = workbook.createSheet(name);
        layout.mark(sheet, headers.length, styles);
        Row header = sheet.createRow(1);
        for (int c = 0; c < headers.length; c++) {
            Layout.text(header.createCell(c), layout.t("detail.header." + headers[c]), styles.header);
        }
        sheet.createFreezePane(0, 2);
        sheet.setRepeatingRows(new CellRangeAddress(1, 1, 0, headers.length - 1));
        return sheet;
    }

    /**
     * Autofilter and column widths, once the rows are written: with column definitions in place, SXSSF looks up
     * every new cell's column style in them (a quarter of the time for a million rows).
     */
    private static void finish(Sheet sheet, int[] widths, int lastRow) {
        sheet.setAutoFilter(new CellRangeAddress(1, lastRow, 0, widths.length - 1));
        for (int c = 0; c < widths.length; c++) {
            sheet.setColumnWidth(c, widths[c] * 256);
        }
    }

    private void text(Row row, int column, String value) {
        if (value != null && !value.isEmpty()) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);   // always a string: never a formula
            if (Styles.formulaLike(value)) {
                cell.setCellStyle(styles.text(false, value));
            }
        }
    }

    private static void number(Row row, int column, ResultSet rs, int index, XSSFCellStyle style) throws SQLException {
        double value = rs.getDouble(index);
        if (!rs.wasNull()) {
            Cell cell = row.createCell(column);
            cell.setCellValue(value);
            cell.setCellStyle(style);
        }
    }

    private String label(String code) {
        if (code == null) {
            return null;
        }
        return labelCache.computeIfAbsent(code, c -> labels.apply(c));
    }

    private String title(UUID tenant, UUID workstream) {
        if (workstream.equals(lastWorkstream) && tenant.equals(lastTenant)) {
            return lastTitle;   // rows come sorted by workstream
        }
        lastTenant = tenant;
        lastWorkstream = workstream;
        lastTitle = lookUp(tenant, workstream);
        return lastTitle;
    }

    private String lookUp(UUID tenant, UUID workstream) {
        List<UUID> key = List.of(tenant, workstream);
        String cached = titleCache.get(key);
        if (cached == null && !titleCache.containsKey(key)) {
            cached = titles.title(tenant, workstream);
            titleCache.put(key, cached);
        }
        return Objects.requireNonNullElse(cached, "");
    }
}
