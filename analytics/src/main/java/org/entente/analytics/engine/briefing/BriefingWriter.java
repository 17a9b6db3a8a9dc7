package org.entente.analytics.engine.briefing;

import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.zip.Deflater;
import org.apache.commons.compress.archivers.zip.ZipArchiveOutputStream;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.BurdenGuideline;
import org.entente.analytics.engine.EngineTexts;
import org.entente.analytics.engine.InvalidFilterException;
import org.entente.analytics.engine.SqlScript;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.Visibility;
import org.entente.analytics.engine.rollup.CellText;
import org.entente.analytics.engine.rollup.RollupSuite;
import org.entente.analytics.engine.rollup.RollupTable;
import org.entente.analytics.engine.snapshot.NoSnapshotException;
import org.entente.analytics.engine.snapshot.SnapshotInfo;
import org.entente.analytics.engine.snapshot.SnapshotReader;
import org.entente.analytics.engine.snapshot.SnapshotStore;
import org.entente.label.standard.ConfidentialityLabel;
import org.entente.label.standard.LabelBinding;
import org.entente.label.standard.LabelPolicy;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes an Excel briefing (xlsx): Cover, Key figures, one sheet per rollup table of the briefing (native chart and
 * Excel table), Notes, and the detail sheets (Contributions, Workstreams; streamed, continued past the row limit).
 * Every sheet carries the workbook's marking in a banner row and in its printed header and footer; the document
 * properties carry it too (category, keywords, custom property "Marking").
 * <p>
 * Everything comes from ONE {@link SnapshotReader}: a refresh meanwhile does not mix two snapshots. The figures are
 * the screen's ({@link RollupSuite} for the request's viewer, under disclosure control for a coordinator's federation
 * view); the detail rows are what the viewer's organization may see (member view). Text is only ever written as
 * string cells, so no partner or workstream name becomes a formula. Thread-safe: one writer may serve concurrent
 * calls, each with its own reader.
 */
public final class BriefingWriter {

    /** Excel's 1,048,576 rows per sheet less the banner and header rows of a detail sheet. */
    public static final int MAX_ROWS_PER_SHEET = 1_048_574;
    /** SXSSF keeps this many rows of a streamed sheet in memory. */
    private static final int ROW_WINDOW = 200;

    private static final Logger log = LoggerFactory.getLogger(BriefingWriter.class);

    private final AnalyticsSettings settings;
    /** The figures' source for a workbook's language. */
    private final Function<Locale, Reports> reports;
    private final int rowsPerSheet;
    private final Function<Object, String> labels;
    private final boolean streaming;
    private final LabelPolicy labelPolicy;

    /** Where the figures come from: the rollup suite on the snapshot; a test may hand in reports it made itself. */
    @FunctionalInterface
    interface Reports {
        AnalyticsReport run(Connection duckdb, SnapshotInfo snapshot, Viewer viewer, AnalyticsFilter filter,
                            BurdenGuideline guideline) throws SQLException;
    }

    public BriefingWriter(AnalyticsSettings settings) {
        this(settings, suite(settings), MAX_ROWS_PER_SHEET, null, true, LabelPolicy.DEFAULT);
    }

    /** {@code labels} null: the engine's own ({@link CellText#label(Object, Locale)}) in the workbook's language. */
    private BriefingWriter(AnalyticsSettings settings, Function<Locale, Reports> reports, int rowsPerSheet,
                           Function<Object, String> labels, boolean streaming, LabelPolicy labelPolicy) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.reports = Objects.requireNonNull(reports, "reports");
        this.rowsPerSheet = rowsPerSheet;
        this.labels = labels;
        this.streaming = streaming;
        this.labelPolicy = Objects.requireNonNull(labelPolicy, "labelPolicy");
    }

    private static Function<Locale, Reports> suite(AnalyticsSettings settings) {
        RollupSuite suite = new RollupSuite(Objects.requireNonNull(settings, "settings"));
        // The briefing is never a preview: the snapshot's consent state, no override.
        return locale -> (duckdb, snapshot, viewer, filter, guideline) -> suite.run(duckdb, snapshot, viewer, filter,
                guideline, null, locale);
    }

    /** The same writer with its figures from {@code reports} (tests: a hand-made report on a real snapshot). */
    BriefingWriter withReports(Reports reports) {
        Objects.requireNonNull(reports, "reports");
        return new BriefingWriter(settings, locale -> reports, rowsPerSheet, labels, streaming, labelPolicy);
    }

    /** At most {@code rows} data rows per detail sheet (default and maximum {@value #MAX_ROWS_PER_SHEET}). */
    public BriefingWriter withRowsPerSheet(int rows) {
        if (rows < 1 || rows > MAX_ROWS_PER_SHEET) {
            throw new IllegalArgumentException("rows per sheet must be between 1 and " + MAX_ROWS_PER_SHEET
                    + ", not " + rows);
        }
        return new BriefingWriter(settings, reports, rows, labels, streaming, labelPolicy);
    }

    /**
     * How codes read ({@code RND_PROJECT} → "Joint R&D project"); any other value (a name) must come back as it is.
     * Default {@link CellText#label(Object, Locale)} in the workbook's language; the app passes the labels its screens
     * use, in the requester's language.
     */
    public BriefingWriter withLabels(Function<Object, String> labels) {
        Objects.requireNonNull(labels, "labels");
        return new BriefingWriter(settings, reports, rowsPerSheet, value -> value == null ? "" : labels.apply(value),
                streaming, labelPolicy);
    }

    /**
     * The same workbook with the detail rows held in memory (plain XSSF) instead of streamed through SXSSF. Exists
     * only for the benchmark (issue #9, P3), which compares the heap of both builds; its heap grows with the rows,
     * so the app never uses it.
     */
    public BriefingWriter inMemory() {
        return new BriefingWriter(settings, reports, rowsPerSheet, labels, false, labelPolicy);
    }

    /** The policy and classification of the confidentiality label every workbook carries (default {@link LabelPolicy#DEFAULT}). */
    public BriefingWriter withLabelPolicy(LabelPolicy policy) {
        return new BriefingWriter(settings, reports, rowsPerSheet, labels, streaming,
                Objects.requireNonNull(policy, "policy"));
    }

    /**
     * Opens ONE SnapshotReader for the whole workbook (never mixes two snapshots), runs the rollups on it for
     * request.viewer() (federation view under disclosure control for coordinators, exactly as the screen, with the
     * snapshot's consent state and the burden figures measured against request.guideline()), the KPIs of the
     * previous period, and streams the detail rows (member-mode v_contribution / v_workstream of the viewer's
     * tenant = every record the organization may see). Writes to {@code out} (not closed); on any failure throws
     * {@link BriefingFailedException} (user-readable message) and the caller discards the output. The result names
     * the organizations whose own figures the workbook publishes by their consent (the caller writes their access
     * ledgers).
     *
     * @param titles   workstream titles for the detail rows (null: none)
     * @param ledger   told about each detail row that is another tenant's contribution (null: nobody)
     * @param progress told how far it is (null: nobody)
     */
    public BriefingResult write(SnapshotStore store, BriefingRequest request, WorkstreamTitles titles,
                                ExportLedger ledger, BriefingProgress progress, OutputStream out) {
        Objects.requireNonNull(store, "store");
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(out, "out");
        BriefingProgress report = progress == null ? BriefingProgress.NONE : progress;
        Locale locale = request.language();
        try {
            report.progress(0.01, EngineTexts.text(locale, "progress.opening"));
            try (SnapshotReader reader = store.open()) {
                return write(reader, request, titles == null ? WorkstreamTitles.NONE : titles,
                        ledger == null ? ExportLedger.NONE : ledger, report, out);
            }
        } catch (BriefingFailedException e) {
            throw e;
        } catch (NoSnapshotException e) {
            throw new BriefingFailedException(e.getMessage() == null || EngineTexts.french(locale)
                    ? EngineTexts.text(locale, "failure.noSnapshot") : e.getMessage(), e);
        } catch (InvalidFilterException e) {
            throw new BriefingFailedException(EngineTexts.text(locale, "failure.scope", e.text().in(locale)), e);
        } catch (SQLException e) {
            log.warn("Briefing {} failed reading the snapshot", request.kind(), e);
            throw new BriefingFailedException(EngineTexts.text(locale, "failure.figures", firstLine(e.getMessage())),
                    e);
        } catch (IOException | UncheckedIOException e) {
            log.warn("Briefing {} failed writing the workbook", request.kind(), e);
            throw new BriefingFailedException(EngineTexts.text(locale, "failure.workbook", firstLine(e.getMessage())),
                    e);
        } catch (RuntimeException e) {
            log.warn("Briefing {} failed", request.kind(), e);
            throw new BriefingFailedException(EngineTexts.text(locale, "failure.other",
                    e.getMessage() == null ? e.getClass().getSimpleName() : firstLine(e.getMessage())), e);
        }
    }

    private BriefingResult write(SnapshotReader reader, BriefingRequest request, WorkstreamTitles titles,
                                 ExportLedger ledger, BriefingProgress progress, OutputStream out)
            throws SQLException, IOException {
        Connection duckdb = reader.connection();
        SnapshotInfo snapshot = reader.info();
        AnalyticsFilter scope = request.scope();
        Locale locale = request.language();
        Function<Object, String> labels = this.labels != null ? this.labels : value -> CellText.label(value, locale);
        Reports reports = this.reports.apply(locale);

        progress.progress(0.05, EngineTexts.text(locale, "progress.figures"));
        AnalyticsReport figures = reports.run(duckdb, snapshot, request.viewer(), scope, request.guideline());
        KeyFigures.Periods periods = KeyFigures.periods(scope, snapshot.asOf(), locale);
        progress.progress(0.20, EngineTexts.text(locale, "progress.previous"));
        AnalyticsReport current = periods.current() == null ? null
                : reports.run(duckdb, snapshot, request.viewer(), periods.current(), request.guideline());
        AnalyticsReport previous = periods.previous() == null ? null
                : reports.run(duckdb, snapshot, request.viewer(), periods.previous(), request.guideline());
        Consent consent = Consent.of(snapshot, figures, current, previous);

        progress.progress(0.30, EngineTexts.text(locale, "progress.counting"));
        Visibility.apply(duckdb, Viewer.organization(request.viewer().tenantId()));
        createFilter(duckdb, scope);
        SqlScript.execute(duckdb, DetailSheets.SQL);
        DetailSheets.Counts counts = DetailSheets.count(duckdb);

        int rank = Math.max(counts.rank(), Math.max(Markings.rank(figures.marking()),
                Math.max(current == null ? 0 : Markings.rank(current.marking()),
                        previous == null ? 0 : Markings.rank(previous.marking()))));
        String marking = Markings.workbookText(rank, locale);
        List<RollupTable> tables = figures.tables().stream().filter(t -> request.kind().includes(t.id())).toList();
        boolean empty = counts.contributions() == 0 && counts.workstreams() == 0 && figures.marking() == null
                && figures.tables().stream().flatMap(t -> t.rows().stream()).flatMap(r -> r.cells().stream())
                        .noneMatch(c -> c != null && c.isSuppressed());

        // Every sheet's name is known before the first is written: the cover lists them all.
        List<String> sheetNames = new ArrayList<>();
        List<TextSheets.Entry> contents = new ArrayList<>();
        String cover = TextSheets.cover(locale);
        String keyFigures = KeyFigures.sheet(locale);
        String notes = TextSheets.notes(locale);
        String contributionsSheet = DetailSheets.contributions(locale);
        String workstreamsSheet = DetailSheets.workstreams(locale);
        sheetNames.add(cover);
        add(sheetNames, contents, keyFigures, EngineTexts.text(locale, "contents.keyFigures"));
        List<String> tableSheets = new ArrayList<>();
        Set<String> taken = new HashSet<>(List.of(cover.toLowerCase(Locale.ROOT),
                keyFigures.toLowerCase(Locale.ROOT), notes.toLowerCase(Locale.ROOT),
                contributionsSheet.toLowerCase(Locale.ROOT), workstreamsSheet.toLowerCase(Locale.ROOT)));
        for (RollupTable table : tables) {
            String name = sheetName(table, taken, locale);
            tableSheets.add(name);
            add(sheetNames, contents, name, table.question());
        }
        add(sheetNames, contents, notes, EngineTexts.text(locale, "contents.notes"));
        List<String> contributionSheets = DetailSheets.names(contributionsSheet, counts.contributions(),
                rowsPerSheet);
        for (String name : contributionSheets) {
            add(sheetNames, contents, name, EngineTexts.text(locale, "contents.contributions", counts.contributions()));
        }
        List<String> workstreamSheets = DetailSheets.names(workstreamsSheet, counts.workstreams(), rowsPerSheet);
        for (String name : workstreamSheets) {
            add(sheetNames, contents, name, EngineTexts.text(locale, "contents.workstreams", counts.workstreams()));
        }

        String title = request.kind().title(locale) + (request.organizationName().isBlank() ? ""
                : " — " + shorten(request.organizationName(), 60));
        String asOf = TextSheets.TIME.format(snapshot.takenAt());
        String scopeText = Scope.text(scope, labels, locale);
        progress.progress(0.35, EngineTexts.text(locale, "progress.charts"));
        XSSFWorkbook xssf = new XSSFWorkbook();
        SXSSFWorkbook workbook = null;
        try {
            Styles styles = new Styles(xssf, Math.max(1, rank));
            Layout layout = new Layout(marking, title, asOf, locale);
            TextSheets.cover(xssf.createSheet(cover), request, scopeText, asOf, marking, empty, settings,
                    contents, figures, consent, layout, styles);
            KeyFigures.write(xssf.createSheet(keyFigures), figures, periods, current, previous, layout, styles,
                    settings);
            for (int i = 0; i < tables.size(); i++) {
                RollupSheet.write(xssf.createSheet(tableSheets.get(i)), tables.get(i), layout, styles, settings, labels);
            }
            TextSheets.notes(xssf.createSheet(notes), tables, periods, rowsPerSheet, settings, request,
                    figures, consent, layout, styles);
            properties(xssf, request, scopeText, snapshot, marking, locale);

            workbook = streaming ? new FastZipWorkbook(xssf) : null;
            long total = Math.max(1, counts.contributions() + counts.workstreams());
            DetailSheets details = new DetailSheets(streaming ? workbook : xssf, layout, styles, rowsPerSheet, labels,
                    request.viewer().tenantId(), titles, ledger,
                    rows -> progress.progress(0.40 + 0.50 * rows / total,
                            EngineTexts.text(locale, "progress.detailRows", rows, total)));
            progress.progress(0.40, EngineTexts.text(locale, "progress.detail"));
            long contributions = details.contributions(duckdb, counts.contributions());
            long workstreams = details.workstreams(duckdb, counts.workstreams());
            progress.progress(0.92, EngineTexts.text(locale, "progress.saving"));
            ConfidentialityLabel label = label(request, rank);
            LabelBinding.bind(xssf, label);
            if (workbook != null) {
                workbook.write(out);
            } else {
                // POI saves into a zip stream it is given, so the in-memory build deflates as fast as the streamed one.
                try (ZipArchiveOutputStream zip = new ZipArchiveOutputStream(new FilterOutputStream(out) {
                    @Override
                    public void write(byte[] bytes, int offset, int length) throws IOException {
                        out.write(bytes, offset, length);
                    }

                    @Override
                    public void close() throws IOException {
                        flush();   // the caller's stream stays open
                    }
                })) {
                    zip.setLevel(Deflater.BEST_SPEED);
                    xssf.write(zip);
                }
            }
            out.flush();
            progress.progress(1.0, EngineTexts.text(locale, "progress.ready"));
            return new BriefingResult(marking, snapshot, contributions + workstreams, sheetNames, empty,
                    consent.publishedByConsent(), label);
        } finally {
            if (workbook != null) {
                workbook.dispose();   // deletes the temporary files of the streamed sheets
                workbook.close();
            } else {
                xssf.close();
            }
        }
    }

    /**
     * The workbook's machine-readable label: the releasability code of its visible marking (the same rank), released to
     * the organization it was written for. A briefing joins records of many workstreams, each released to its own
     * organizations, with figures other organizations published to this one by consent (which they gave to it, not
     * to its partners): the one organization to which all of it is released is the requester's, whatever the rank.
     */
    private ConfidentialityLabel label(BriefingRequest request, int rank) {
        String organization = request.organizationName().isBlank() ? request.viewer().tenantId().toString()
                : request.organizationName();
        return ConfidentialityLabel.of(labelPolicy, Markings.code(Math.max(1, rank)), List.of(organization),
                request.generatedAt());
    }

    private static void add(List<String> names, List<TextSheets.Entry> contents, String name, String about) {
        names.add(name);
        contents.add(new TextSheets.Entry(name, about));
    }

    static String sheetName(RollupTable table, Set<String> taken) {
        return sheetName(table, taken, Locale.UK);
    }

    /**
     * A sheet name from the table's title, or the bundle's shorter name for it ({@code sheet.<table id>}): at most 31
     * characters, none of []:*?/\ ({@link WorkbookUtil#createSafeSheetName}), unique in the workbook.
     */
    static String sheetName(RollupTable table, Set<String> taken, Locale locale) {
        String name = EngineTexts.has("sheet." + table.id()) ? EngineTexts.text(locale, "sheet." + table.id())
                : table.title();
        if (name.length() > 31 && name.matches(".+\\([^()]*\\)")) {
            // "Burden ranking (Intergovernmental organization)": the sheet's title keeps the qualifier, the tab drops it.
            name = name.substring(0, name.lastIndexOf('(')).strip();
        }
        name = WorkbookUtil.createSafeSheetName(name, ' ').strip();
        String unique = name;
        for (int i = 2; taken.contains(unique.toLowerCase(Locale.ROOT)); i++) {
            String suffix = " (" + i + ")";
            unique = name.substring(0, Math.min(name.length(), 31 - suffix.length())) + suffix;
        }
        taken.add(unique.toLowerCase(Locale.ROOT));
        return unique;
    }

    private static void createFilter(Connection duckdb, AnalyticsFilter scope) throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP TABLE briefing_filter (year_from INTEGER, year_to INTEGER,"
                    + " region VARCHAR, partner_kind VARCHAR, workstream_kind VARCHAR)");
        }
        try (PreparedStatement insert = duckdb.prepareStatement("INSERT INTO briefing_filter VALUES (?, ?, ?, ?, ?)")) {
            if (scope.yearFrom() == null) {
                insert.setNull(1, Types.INTEGER);
            } else {
                insert.setInt(1, scope.yearFrom());
            }
            if (scope.yearTo() == null) {
                insert.setNull(2, Types.INTEGER);
            } else {
                insert.setInt(2, scope.yearTo());
            }
            insert.setString(3, scope.region());
            insert.setString(4, scope.partnerKind());
            insert.setString(5, scope.workstreamKind());
            insert.executeUpdate();
        }
    }

    private static void properties(XSSFWorkbook workbook, BriefingRequest request, String scopeText,
                                   SnapshotInfo snapshot, String marking, Locale locale) {
        POIXMLProperties properties = workbook.getProperties();
        POIXMLProperties.CoreProperties core = properties.getCoreProperties();
        core.setTitle("Entente — " + request.kind().title(locale));
        core.setSubjectProperty(scopeText);
        core.setCreator(request.generatedBy().isBlank() ? "Entente" : request.generatedBy());
        core.setCategory(marking);
        core.setKeywords(EngineTexts.text(locale, "properties.keywords", marking, request.kind().slug()));
        core.setDescription(EngineTexts.text(locale, "properties.description", marking,
                TextSheets.TIME.format(snapshot.takenAt()), scopeText));
        // The workbook's language: Excel and screen readers read its text in it.
        core.getUnderlyingProperties().setLanguageProperty(locale.toLanguageTag());
        core.setCreated(Optional.of(Date.from(request.generatedAt())));
        properties.getExtendedProperties().getUnderlyingProperties().setApplication("Entente");
        if (!request.organizationName().isBlank()) {
            properties.getExtendedProperties().getUnderlyingProperties().setCompany(request.organizationName());
        }
        POIXMLProperties.CustomProperties custom = properties.getCustomProperties();
        // The custom properties' names stay English: programs read them (the marking above all).
        custom.addProperty("Marking", marking);
        custom.addProperty("Briefing", request.kind().title(locale));
        custom.addProperty("Scope", scopeText);
        custom.addProperty("Snapshot as of", TextSheets.TIME.format(snapshot.takenAt()));
    }

    private static String shorten(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "unknown cause";
        }
        String line = message.strip();
        int end = line.indexOf('\n');
        return end < 0 ? line : line.substring(0, end).strip();
    }

    /**
     * SXSSF over the small XSSF sheets; the zip is deflated at the fastest level (the detail sheets dominate the
     * time to save, and their XML compresses well at any level).
     */
    private static final class FastZipWorkbook extends SXSSFWorkbook {

        FastZipWorkbook(XSSFWorkbook workbook) {
            super(workbook, ROW_WINDOW, false, false);
        }

        @Override
        protected ZipArchiveOutputStream createArchiveOutputStream(OutputStream stream) {
            ZipArchiveOutputStream zip = super.createArchiveOutputStream(stream);
            zip.setLevel(Deflater.BEST_SPEED);
            return zip;
        }
    }
}
