package org.entente.analytics.engine.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.analytics.engine.briefing.BriefingFixture.UNITY;
import static org.entente.analytics.engine.briefing.BriefingWriterTest.allText;
import static org.entente.analytics.engine.briefing.BriefingWriterTest.sheetNames;
import static org.entente.analytics.engine.briefing.BriefingWriterTest.text;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFColorRgbBinary;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.BurdenGuideline;
import org.entente.analytics.engine.ConsentingPartner;
import org.entente.analytics.engine.TestPostgres;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.disclosure.SuppressionReason;
import org.entente.analytics.engine.rollup.Chart;
import org.entente.analytics.engine.rollup.Column;
import org.entente.analytics.engine.rollup.RollupSuite;
import org.entente.analytics.engine.rollup.RollupTable;
import org.entente.analytics.engine.snapshot.SnapshotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Burden sharing briefing's ranking, guideline and consent, written from a hand-made report (the fixture's
 * snapshot, with a ranking and consent the test sets): reopened with POI, and drawn by LibreOffice.
 */
class BriefingRankingTest {

    private static final AnalyticsSettings SETTINGS = AnalyticsSettings.defaults();
    private static final Viewer COORDINATOR = Viewer.federation(UNITY);
    private static final double TARGET = 0.0005;
    private static final BurdenGuideline GUIDELINE = new BurdenGuideline(Map.of(2023, TARGET, 2024, TARGET));
    private static final List<String> RANKED = List.of("Norland", "Westmark", "Arland", "Borduria", "Ostia",
            "Carpania");
    private static final Double[] INTENSITIES = {0.00125, 0.0008, 0.0003, 0.0002, 0.0001, null};
    private static final ConsentingPartner ARLAND = new ConsentingPartner(BriefingFixture.ARLAND, "Arland");
    private static final ConsentingPartner NORLAND = new ConsentingPartner(
            UUID.fromString("00000000-0000-0000-0000-0000000000d1"), "Norland");
    private static final ConsentingPartner WESTMARK = new ConsentingPartner(
            UUID.fromString("00000000-0000-0000-0000-0000000000d2"), "Westmark");
    private static final String ARLAND_NOTE = "Capacity of Arland for 2024 is the 2023 figure.";
    private static final String OSTIA_NOTE = "Capacity of Ostia for 2023 is the 2024 figure.";
    /** The bars' colour (the first series of every chart) and the guideline's. */
    private static final int[] BAR = {0x1F, 0x77, 0xB4};
    private static final int[] LINE = {0xD6, 0x27, 0x28};

    @TempDir
    Path directory;

    @Test
    void theRankedChartDrawsEachPartnerInRankOrderAndTheGuidelineAsALine() throws IOException {
        BriefingFixture.Written written = writeBurdenBriefing(ranking(TARGET), GUIDELINE);
        assertThat(written.result().publishedByConsent()).as("the union over the scope's and the periods' reports")
                .containsExactly(ARLAND, NORLAND, WESTMARK);
        try (XSSFWorkbook workbook = written.workbook()) {
            List<String> names = sheetNames(workbook);
            assertThat(names).allSatisfy(n -> assertThat(n.length()).as(n).isLessThanOrEqualTo(31));
            assertThat(names.get(2)).as("the ranking is the first figure sheet").isEqualTo("Burden ranking");
            XSSFSheet sheet = workbook.getSheet("Burden ranking");
            BriefingWriterTest.assertTableEqualsTheScreen(sheet, ranking(TARGET));
            BriefingWriterTest.assertOneChartThatPlotsOnlyPublishedFigures(sheet, ranking(TARGET));

            // The table holds the remainder row, bold as a total, its figures numbers.
            Row rest = sheet.getRow(5 + RANKED.size());
            assertThat(rest.getCell(0).getStringCellValue()).isEqualTo("Other partners (3)");
            assertThat(rest.getCell(1).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(rest.getCell(3).getNumericCellValue()).isEqualTo(0.0001);
            assertThat(workbook.getFontAt(rest.getCell(1).getCellStyle().getFontIndex()).getBold()).isTrue();
            // Intensities are small fractions: they keep two significant digits (0.0001 → 0.010%).
            DataFormatter formatter = new DataFormatter(Locale.UK);
            assertThat(formatter.formatCellValue(sheet.getRow(5).getCell(3))).isEqualTo("0.125%");
            assertThat(formatter.formatCellValue(rest.getCell(3))).isEqualTo("0.010%");
            assertThat(sheet.getRow(5 + 5).getCell(3).getStringCellValue()).isEqualTo("✕ n<3");

            XSSFChart chart = sheet.getDrawingPatriarch().getCharts().getFirst();
            var area = chart.getCTChart().getPlotArea();
            assertThat(area.getBarChartList()).hasSize(1);
            assertThat(area.getLineChartList()).hasSize(1);
            assertThat(area.getBarChartArray(0).getVaryColors().getVal()).isFalse();
            assertThat(area.getLineChartArray(0).getVaryColors().getVal()).isFalse();
            assertThat(area.getBarChartArray(0).getAxIdList()).extracting(a -> a.getVal())
                    .containsExactlyElementsOf(area.getLineChartArray(0).getAxIdList().stream().map(a -> a.getVal())
                            .toList());

            XDDFBarChartData bars = (XDDFBarChartData) chart.getChartSeries().stream()
                    .filter(XDDFBarChartData.class::isInstance).findFirst().orElseThrow();
            assertThat(bars.getSeriesCount()).isEqualTo(1);
            XDDFChartData.Series bar = bars.getSeries(0);
            assertThat(strings(sheet, bar.getCategoryData().getDataRangeReference()))
                    .as("categories in ranked order, without the remainder").containsExactlyElementsOf(RANKED);
            assertThat(numbers(sheet, bar.getValuesData().getDataRangeReference()))
                    .as("the withheld intensity is a gap").containsExactly(INTENSITIES);
            assertThat(colour(bar.getShapeProperties().getFillProperties())).isEqualTo(bytes(BAR));

            XDDFLineChartData lines = (XDDFLineChartData) chart.getChartSeries().stream()
                    .filter(XDDFLineChartData.class::isInstance).findFirst().orElseThrow();
            assertThat(lines.getSeriesCount()).isEqualTo(1);
            XDDFLineChartData.Series line = (XDDFLineChartData.Series) lines.getSeries(0);
            assertThat(line.getCTLineSer().getTx().getStrRef().getStrCache().getPtArray(0).getV())
                    .isEqualTo("Guideline 0.050 %");
            assertThat(strings(sheet, line.getCategoryData().getDataRangeReference())).containsExactlyElementsOf(RANKED);
            assertThat(numbers(sheet, line.getValuesData().getDataRangeReference()))
                    .as("a constant at the guideline under every partner").hasSize(RANKED.size())
                    .allSatisfy(v -> assertThat(v).isEqualTo(TARGET));
            assertThat(colour(line.getShapeProperties().getLineProperties().getFillProperties()))
                    .isEqualTo(bytes(LINE));
            assertThat(line.getShapeProperties().getLineProperties().getWidth()).isEqualTo(2.5);

            String cover = allText(workbook.getSheet("Cover"));
            assertThat(cover).contains(TextSheets.CONSENT_STATE + "\n2025-06-30 08:00 UTC (the snapshot's")
                    .contains("3 organizations' own figures are published by their consent (named on Notes).")
                    .contains(TextSheets.GUIDELINE + "\n2 of 5 partners above the guideline of 0.050 % of capacity"
                            + " (1 more ranked but not compared: intensity withheld or no capacity)");

            XSSFSheet notes = workbook.getSheet("Notes");
            List<String> published = new ArrayList<>();
            boolean in = false;
            for (Row row : notes) {
                String label = text(notes, row.getRowNum(), 0);
                if (TextSheets.PUBLISHED_BY_CONSENT.equals(label)) {
                    in = true;
                } else if (in && label != null && !label.isEmpty()) {
                    break;
                } else if (in) {
                    published.add(text(notes, row.getRowNum(), 1));
                }
            }
            assertThat(published).containsExactly("The own figures of these organizations are published because they"
                    + " consented to Unity Alliance (consent state of 2025-06-30 08:00 UTC):", "Arland", "Norland",
                    "Westmark");
            assertThat(allText(notes)).contains("never lifts row-level security")
                    .contains("Other partners (n)\nPartners that did not consent to your organization")
                    .contains(TextSheets.CONSENT_STATE + "\n2025-06-30 08:00 UTC: the snapshot's.")
                    .contains("(2023: 0.050 %, 2024: 0.050 %)")
                    .contains("Above the guideline\n2 of 5 partners above the guideline of 0.050 % of capacity")
                    .contains("Note\n" + ARLAND_NOTE + "\nNote\n" + OSTIA_NOTE + "\n")
                    .doesNotContain("Note\n" + ARLAND_NOTE + "\nNote\n" + ARLAND_NOTE);
        }
    }

    @Test
    void withoutAGuidelineTheRankingDrawsItsBarsAlone() throws IOException {
        BriefingFixture.Written written = writeBurdenBriefing(ranking(null), BurdenGuideline.none());
        try (XSSFWorkbook workbook = written.workbook()) {
            XSSFSheet sheet = workbook.getSheet("Burden ranking");
            BriefingWriterTest.assertOneChartThatPlotsOnlyPublishedFigures(sheet, ranking(null));
            var area = sheet.getDrawingPatriarch().getCharts().getFirst().getCTChart().getPlotArea();
            assertThat(area.getBarChartList()).hasSize(1);
            assertThat(area.getLineChartList()).isEmpty();
            assertThat(text(sheet, 3, 0)).contains("No guideline is set, so no line is drawn.");
            assertThat(allText(workbook.getSheet("Cover"))).doesNotContain(TextSheets.GUIDELINE + "\n");
            assertThat(allText(workbook.getSheet("Notes"))).contains(TextSheets.GUIDELINE + "\nNone is set");
        }
    }

    /**
     * The same workbook in LibreOffice: the ranking's chart has a page of its own, with the bars (steel blue) and the
     * guideline's line (crimson) drawn. The pictures stay under target/analytics-tests/briefing-ranking/.
     */
    @Test
    void libreOfficeDrawsTheBarsAndTheGuidelineLine() throws Exception {
        LibreOffice.require();
        Path out = TestPostgres.freshDirectory("briefing-ranking");
        Path xlsx = out.resolve("entente-burden-sharing-2025-07-01.xlsx");
        Files.write(xlsx, writeBurdenBriefing(ranking(TARGET), GUIDELINE).bytes());
        Path pdfDir = Files.createDirectories(out.resolve("pdf"));
        LibreOffice.convert(out, "pdf", pdfDir, xlsx);
        Path pdf = pdfDir.resolve("entente-burden-sharing-2025-07-01.pdf");
        assertThat(pdf).exists();

        // The ranking's table is on one page; the chart starts the next (LibreOffice keeps the clipped chart's text in
        // the table's page too, so the pages are told apart by their pictures).
        int table = LibreOffice.pageWith(out, pdf, "Other partners (3)");
        int chart = table + 1;
        assertThat(LibreOffice.pageText(out, pdf, chart)).contains("Burden ranking").contains("Norland")
                .contains("Carpania").contains("Guideline 0.050 %").contains("Chart data");

        LibreOffice.run(out, "pdftoppm", "-png", "-r", "60", "-f", "" + table, "-l", "" + chart, pdf.toString(),
                out.resolve("page").toString());
        Path picture = LibreOffice.picture(out, chart);
        assertThat(LibreOffice.pixelsOf(picture, BAR)).as("bars drawn on %s", picture).isGreaterThan(2_000);
        assertThat(LibreOffice.pixelsOf(picture, LINE)).as("the guideline drawn on %s", picture).isGreaterThan(150);
        Path tablePicture = LibreOffice.picture(out, table);
        assertThat(LibreOffice.pixelsOf(tablePicture, BAR)).as("no bar on the table's page %s", tablePicture)
                .isLessThan(50);
        assertThat(LibreOffice.pixelsOf(tablePicture, LINE)).as("no guideline on the table's page %s", tablePicture)
                .isLessThan(20);
    }

    @Test
    void aLongRankingTitleLosesItsQualifierOnTheTabOnly() {
        java.util.Set<String> taken = new java.util.HashSet<>();
        assertThat(BriefingWriter.sheetName(titled("Burden ranking (State)"), taken)).isEqualTo("Burden ranking (State)");
        assertThat(BriefingWriter.sheetName(titled("Burden ranking (Humanitarian / disaster response)"), taken))
                .isEqualTo("Burden ranking");
        assertThat(BriefingWriter.sheetName(titled("Burden ranking (Intergovernmental organization)"), taken))
                .isEqualTo("Burden ranking (2)");
    }

    private static RollupTable titled(String title) {
        RollupTable ranking = ranking(TARGET);
        return new RollupTable(ranking.id(), title, ranking.question(), ranking.columns(), ranking.rows(),
                ranking.chart());
    }

    /**
     * End to end on the rollup fixture (its capacities: Arland 50,000 a year, Borduria 30,000 from 2024 only, Carpania
     * 20,000): Arland and Borduria consent to Unity Alliance, whose guideline is 0.5 % for 2022 to 2024. The screen's
     * ranking (Analytics) is the sheet's; by hand: Borduria (2,500 delivered ÷ 60,000) and Arland (950 ÷ 150,000) are
     * named, both
     * above the guideline, Carpania is the rest of the states; both consenting states have records Unity may not see
     * (c4, c5), so both are published by consent.
     */
    @Test
    void theBurdenBriefingFollowsTheScreenWithConsentAndAGuideline() throws IOException {
        BriefingFixture.snapshot(directory,
                "INSERT INTO publication_consent VALUES ('" + BriefingFixture.ARLAND + "', '" + UNITY
                        + "', TIMESTAMPTZ '2025-06-01 09:00:00+00')",
                "INSERT INTO publication_consent VALUES ('" + BriefingFixture.BORDURIA + "', '" + UNITY
                        + "', TIMESTAMPTZ '2025-06-02 09:00:00+00')");
        BurdenGuideline guideline = new BurdenGuideline(Map.of(2022, 0.005, 2023, 0.005, 2024, 0.005));
        try (SnapshotStore store = new SnapshotStore(directory)) {
            AnalyticsReport screen = new org.entente.analytics.engine.Analytics(store, SETTINGS)
                    .report(COORDINATOR, null, guideline);
            RollupTable ranking = screen.table("burden-ranking").orElseThrow();
            assertThat(ranking.chart().referenceLine()).isEqualTo(0.005);
            BriefingFixture.Written written = BriefingFixture.write(new BriefingWriter(SETTINGS), store,
                    new BriefingRequest(BriefingKind.BURDEN_SHARING, null, COORDINATOR, "Unity Alliance",
                            "Olivia Grant", BriefingFixture.GENERATED, guideline), null);
            assertThat(written.result().publishedByConsent()).extracting(ConsentingPartner::name)
                    .containsExactly("Arland", "Borduria");
            try (XSSFWorkbook workbook = written.workbook()) {
                XSSFSheet sheet = workbook.getSheetAt(2);
                assertThat(text(sheet, 1, 0)).isEqualTo(ranking.title());
                assertThat(sheet.getSheetName().length()).isLessThanOrEqualTo(31);
                BriefingWriterTest.assertTableEqualsTheScreen(sheet, ranking);
                BriefingWriterTest.assertOneChartThatPlotsOnlyPublishedFigures(sheet, ranking);
                assertThat(allText(sheet)).contains("Other partners (1)");

                XSSFChart chart = sheet.getDrawingPatriarch().getCharts().getFirst();
                XDDFChartData.Series bar = chart.getChartSeries().stream()
                        .filter(XDDFBarChartData.class::isInstance).findFirst().orElseThrow().getSeries(0);
                assertThat(strings(sheet, bar.getCategoryData().getDataRangeReference()))
                        .containsExactly("Borduria", "Arland");
                assertThat(numbers(sheet, bar.getValuesData().getDataRangeReference()))
                        .containsExactly(2500.0 / 60000, 950.0 / 150000);
                XDDFChartData.Series line = chart.getChartSeries().stream()
                        .filter(XDDFLineChartData.class::isInstance).findFirst().orElseThrow().getSeries(0);
                assertThat(numbers(sheet, line.getValuesData().getDataRangeReference()))
                        .containsExactly(0.005, 0.005);

                assertThat(allText(workbook.getSheet("Cover")))
                        .contains(TextSheets.CONSENT_STATE + "\n2025-06-30 08:00 UTC (the snapshot's")
                        .contains("2 organizations' own figures are published by their consent")
                        .contains(TextSheets.GUIDELINE + "\n2 of 2 partners above the guideline of 0.5 % of capacity");
                String notes = allText(workbook.getSheet("Notes"));
                assertThat(notes).contains("consented to Unity Alliance (consent state of 2025-06-30 08:00 UTC):"
                        + "\n\nArland\n\nBorduria\n");
                assertThat(screen.notes()).as("Borduria's 2022 and 2023 capacities are its 2024 figure").isNotEmpty();
                for (String note : screen.notes()) {
                    assertThat(notes).contains("Note\n" + note);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------------- fixture

    /**
     * The Burden sharing briefing for the coordinator, its figures the suite's on the fixture with the ranking
     * replaced by {@code ranking}, and consent and notes set per report: the scope's report publishes Arland and
     * Norland by consent, the last complete year's Arland, the year before's Westmark.
     */
    private BriefingFixture.Written writeBurdenBriefing(RollupTable ranking, BurdenGuideline requested) {
        BriefingFixture.snapshot(directory);
        RollupSuite suite = new RollupSuite(SETTINGS);
        BriefingWriter.Reports reports = (duckdb, snapshot, viewer, filter, guideline) -> {
            AnalyticsReport real = suite.run(duckdb, snapshot, viewer, filter, guideline, null);
            List<RollupTable> tables = new ArrayList<>(real.tables().stream()
                    .filter(t -> !t.id().equals(ranking.id())).toList());
            tables.addFirst(ranking);
            List<ConsentingPartner> consenting = filter.equals(AnalyticsFilter.everything())
                    ? List.of(NORLAND, ARLAND)
                    : Integer.valueOf(2024).equals(filter.yearFrom()) ? List.of(ARLAND) : List.of(WESTMARK);
            List<String> notes = filter.equals(AnalyticsFilter.everything()) ? List.of(ARLAND_NOTE)
                    : List.of(ARLAND_NOTE, OSTIA_NOTE);
            return new AnalyticsReport(real.snapshot(), real.viewer(), real.filter(), real.kpis(), tables,
                    real.marking(), guideline, consenting, notes);
        };
        try (SnapshotStore store = new SnapshotStore(directory)) {
            BriefingRequest request = new BriefingRequest(BriefingKind.BURDEN_SHARING, null, COORDINATOR,
                    "Unity Alliance", "Olivia Grant", BriefingFixture.GENERATED, requested);
            return BriefingFixture.write(new BriefingWriter(SETTINGS).withReports(reports), store, request, null);
        }
    }

    /**
     * Six states ranked by intensity (Carpania's withheld, so last), then the rest of the kind; the guideline at
     * {@code target} (null: none set).
     */
    static RollupTable ranking(Double target) {
        List<Column> columns = List.of(new Column("partner", "Partner", Column.Kind.TEXT),
                new Column("delivered_eur", "Delivered (EUR)", Column.Kind.MONEY_EUR),
                new Column("capacity_eur", "Capacity (EUR)", Column.Kind.MONEY_EUR),
                new Column("intensity", "Intensity", Column.Kind.PERCENT),
                new Column("share_of_delivered", "Share of delivered", Column.Kind.PERCENT),
                new Column("fair_share", "Fair share", Column.Kind.PERCENT),
                new Column("burden_ratio", "Burden ratio", Column.Kind.RATIO),
                new Column("guideline", "Guideline", Column.Kind.TEXT));
        long[] delivered = {5_000_000, 2_000_000, 300_000, 100_000, 40_000};
        long[] capacity = {4_000_000_000L, 2_500_000_000L, 1_000_000_000L, 500_000_000L, 400_000_000L};
        List<org.entente.analytics.engine.rollup.Row> rows = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            rows.add(new org.entente.analytics.engine.rollup.Row(List.of(cell(RANKED.get(i)), money(delivered[i]),
                    money(capacity[i]), cell(INTENSITIES[i]), cell(delivered[i] / 7_530_000.0),
                    cell(capacity[i] / 9_300_000_000.0), cell(INTENSITIES[i] / 0.00081),
                    cell(target == null ? null : INTENSITIES[i] > target ? "Above" : "Below")), false));
        }
        var withheld = org.entente.analytics.engine.rollup.Cell.suppressed(SuppressionReason.TOO_FEW_PARTNERS);
        rows.add(new org.entente.analytics.engine.rollup.Row(List.of(cell("Carpania"), withheld, money(900_000_000L),
                withheld, withheld, cell(900_000_000 / 9_300_000_000.0), withheld, withheld), false));
        rows.add(new org.entente.analytics.engine.rollup.Row(List.of(cell("Other partners (3)"), money(90_000),
                money(900_000_000L), cell(0.0001), cell(90_000 / 7_530_000.0), cell(0.1), cell(0.1 / 0.1),
                cell(target == null ? null : "Below")), true));
        return new RollupTable("burden-ranking", "Burden ranking",
                "Who carries the burden, measured against their capacity?", columns, rows,
                new Chart(Chart.Type.RANKED_BAR, "partner", null, List.of("intensity"), target,
                        target == null ? null : "Guideline 0.050 %"));
    }

    private static org.entente.analytics.engine.rollup.Cell cell(Object value) {
        return org.entente.analytics.engine.rollup.Cell.of(value);
    }

    private static org.entente.analytics.engine.rollup.Cell money(long eur) {
        return cell(BigDecimal.valueOf(eur).setScale(2));
    }

    private static List<String> strings(XSSFSheet sheet, String range) {
        List<String> values = new ArrayList<>();
        for (CellReference ref : new AreaReference(range, SpreadsheetVersion.EXCEL2007).getAllReferencedCells()) {
            values.add(sheet.getRow(ref.getRow()).getCell(ref.getCol()).getStringCellValue());
        }
        return values;
    }

    /** The numbers a series plots; null for a blank (a gap). */
    private static List<Double> numbers(XSSFSheet sheet, String range) {
        List<Double> values = new ArrayList<>();
        for (CellReference ref : new AreaReference(range, SpreadsheetVersion.EXCEL2007).getAllReferencedCells()) {
            Cell cell = sheet.getRow(ref.getRow()).getCell(ref.getCol());
            values.add(cell == null || cell.getCellType() == CellType.BLANK ? null : cell.getNumericCellValue());
        }
        return values;
    }

    private static byte[] colour(Object fill) {
        assertThat(fill).isInstanceOf(XDDFSolidFillProperties.class);
        return ((XDDFColorRgbBinary) ((XDDFSolidFillProperties) fill).getColor()).getValue();
    }

    private static byte[] bytes(int[] rgb) {
        return new byte[] {(byte) rgb[0], (byte) rgb[1], (byte) rgb[2]};
    }
}
