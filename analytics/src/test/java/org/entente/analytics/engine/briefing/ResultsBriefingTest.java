package org.entente.analytics.engine.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.analytics.engine.briefing.BriefingFixture.UNITY;
import static org.entente.analytics.engine.briefing.BriefingWriterTest.allText;
import static org.entente.analytics.engine.briefing.BriefingWriterTest.assertOneChartThatPlotsOnlyPublishedFigures;
import static org.entente.analytics.engine.briefing.BriefingWriterTest.assertTableEqualsTheScreen;
import static org.entente.analytics.engine.briefing.BriefingWriterTest.sheetNames;
import static org.entente.analytics.engine.briefing.BriefingWriterTest.text;

import java.nio.file.Path;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.entente.analytics.engine.Analytics;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.rollup.RollupTable;
import org.entente.analytics.engine.snapshot.SnapshotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The results rollup in the workbooks (rollup fixture as a snapshot file, reopened with POI): the Results review
 * briefing holds exactly the five results tables, as the screen shows them under disclosure control, with their
 * charts and what each counts on Notes; the Full briefing has a "Results" sheet among its tables.
 */
class ResultsBriefingTest {

    private static final AnalyticsSettings SETTINGS = AnalyticsSettings.defaults();
    private static final Viewer COORDINATOR = Viewer.federation(UNITY);
    private static final List<String> RESULTS_SHEETS = List.of("Results", "Results by region", "Results by lead",
            "Assessments and recommendations", "Recommendations by lead");

    @TempDir
    Path directory;

    @Test
    void theResultsReviewHoldsTheResultsTablesAsTheScreenShowsThem() throws Exception {
        BriefingFixture.snapshot(directory);
        try (SnapshotStore store = new SnapshotStore(directory)) {
            AnalyticsReport report = new Analytics(store, SETTINGS).report(COORDINATOR, null);
            BriefingFixture.Written written = BriefingFixture.write(new BriefingWriter(SETTINGS), store,
                    BriefingFixture.request(BriefingKind.RESULTS_REVIEW, null, COORDINATOR), null);
            assertThat(BriefingKind.RESULTS_REVIEW.title()).isEqualTo("Results review");
            assertThat(BriefingKind.RESULTS_REVIEW.slug()).isEqualTo("results-review");
            try (XSSFWorkbook workbook = written.workbook()) {
                List<String> names = sheetNames(workbook);
                assertThat(names.subList(2, names.size() - 3)).containsExactlyElementsOf(RESULTS_SHEETS);
                assertThat(names).doesNotContain("Burden sharing", "Portfolio", "Milestones");
                List<String> ids = List.of("results", "results-by-region", "results-by-lead", "recommendations",
                        "recommendations-by-lead");
                for (int i = 0; i < ids.size(); i++) {
                    RollupTable table = report.table(ids.get(i)).orElseThrow();
                    XSSFSheet sheet = workbook.getSheet(RESULTS_SHEETS.get(i));
                    assertThat(text(sheet, 1, 0)).isEqualTo(table.title());
                    assertThat(text(sheet, 2, 0)).isEqualTo(table.question());
                    assertTableEqualsTheScreen(sheet, table);
                    assertOneChartThatPlotsOnlyPublishedFigures(sheet, table);
                }
                // The coordinator's grand total: nine indicators, three of them on track (ResultsRollupTest).
                XSSFSheet results = workbook.getSheet("Results");
                RollupTable table = report.table("results").orElseThrow();
                int total = table.rows().size() - 1;
                assertThat(text(results, 5 + total, 0)).isEqualTo("Total");
                assertThat(results.getRow(5 + total).getCell(table.columnIndex("indicators")).getNumericCellValue())
                        .isEqualTo(9.0);
                assertThat(results.getRow(5 + total).getCell(table.columnIndex("on_track")).getNumericCellValue())
                        .isEqualTo(3.0);
                // Withheld figures are marked, never numbers: the initiatives of two leads.
                int initiatives = table.rows().indexOf(table.rows().stream()
                        .filter(r -> "INITIATIVE".equals(r.cells().get(0).value())
                                && RollupTable.TOTAL.equals(r.cells().get(1).value())).findFirst().orElseThrow());
                assertThat(results.getRow(5 + initiatives).getCell(table.columnIndex("off_track")).getCellType())
                        .isEqualTo(CellType.STRING);

                // The statuses in their own colours: on track green, off track red (not the palette's blue, green).
                var bars = results.getDrawingPatriarch().getCharts().getFirst().getChartSeries().getFirst();
                List<String> fills = new java.util.ArrayList<>();
                for (int s = 0; s < bars.getSeriesCount(); s++) {
                    var fill = (org.apache.poi.xddf.usermodel.XDDFSolidFillProperties)
                            bars.getSeries(s).getShapeProperties().getFillProperties();
                    fills.add(java.util.HexFormat.of().withUpperCase().formatHex(
                            ((org.apache.poi.xddf.usermodel.XDDFColorRgbBinary) fill.getColor()).getValue()));
                }
                assertThat(fills).containsExactly("2E7D32", "F9A825", "C62828", "9E9E9E", "CFD8DC");

                String notes = allText(workbook.getSheet("Notes"));
                assertThat(notes).contains("on track (at most ten points of the way behind a straight path")
                        .contains("Assessments made in the years");
                assertThat(allText(workbook.getSheet("Cover"))).contains("Results review").contains("Results by lead");
                assertThat(workbook.getProperties().getCoreProperties().getKeywords()).endsWith("results-review");
                assertThat(written.result().marking()).isEqualTo("PRIVATE");
            }
        }
    }

    @Test
    void theFullBriefingHasAResultsSheet() throws Exception {
        BriefingFixture.snapshot(directory);
        try (SnapshotStore store = new SnapshotStore(directory)) {
            BriefingFixture.Written written = BriefingFixture.write(new BriefingWriter(SETTINGS), store,
                    BriefingFixture.request(BriefingKind.FULL, null, COORDINATOR), null);
            try (XSSFWorkbook workbook = written.workbook()) {
                assertThat(sheetNames(workbook)).containsSubsequence("Milestones by lead", "Results", "Results by region",
                        "Results by lead", "Assessments and recommendations", "Recommendations by lead",
                        "Data completeness");
                assertThat(text(workbook.getSheet("Results"), 2, 0)).isEqualTo("Are we achieving what we set out to do?");
            }
        }
    }
}
