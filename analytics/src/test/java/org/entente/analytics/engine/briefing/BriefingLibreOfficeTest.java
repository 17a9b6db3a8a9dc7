package org.entente.analytics.engine.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.entente.analytics.engine.Analytics;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.TestPostgres;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.snapshot.SnapshotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Full briefing in a real client: headless LibreOffice converts it to PDF (marking, a key figure, sheet titles,
 * the payload names shown literally), the PDF's pages become PNGs (kept under target/briefing-libreoffice/ to look
 * at) and the chart pages must show bars; LibreOffice's own re-save of the workbook keeps every payload a string.
 * Needs soffice, pdftotext and pdftoppm (.ci/run installs them); without them the test fails, it never skips.
 */
class BriefingLibreOfficeTest {

    /** The first palette colour (the first series of every chart): steel blue 1F77B4. */
    private static final int[] FIRST_SERIES = {0x1F, 0x77, 0xB4};

    @TempDir
    Path snapshots;

    @Test
    void theFullBriefingOpensInLibreOfficeWithItsMarkingFiguresAndBars() throws Exception {
        LibreOffice.require();
        Path out = TestPostgres.freshDirectory("briefing-libreoffice");
        BriefingFixture.payloadSnapshot(snapshots);
        Viewer coordinator = Viewer.federation(BriefingFixture.UNITY);
        Path xlsx = out.resolve("entente-full-2025-07-01.xlsx");
        AnalyticsReport report;
        BriefingResult result;
        try (SnapshotStore store = new SnapshotStore(snapshots)) {
            report = new Analytics(store, AnalyticsSettings.defaults()).report(coordinator, null);
            BriefingFixture.Written written = BriefingFixture.write(new BriefingWriter(AnalyticsSettings.defaults()),
                    store, BriefingFixture.request(BriefingKind.FULL, null, coordinator),
                    BriefingFixture.titles(BriefingFixture.PAYLOAD_TITLES));
            Files.write(xlsx, written.bytes());
            result = written.result();
        }

        Path pdfDir = Files.createDirectories(out.resolve("pdf"));
        LibreOffice.convert(out, "pdf", pdfDir, xlsx);
        Path pdf = pdfDir.resolve("entente-full-2025-07-01.pdf");
        assertThat(pdf).exists();
        String text = LibreOffice.run(out, "pdftotext", "-layout", pdf.toString(), "-");
        assertThat(text).contains(result.marking() + " — the most restrictive marking");
        assertThat(text.split(java.util.regex.Pattern.quote(result.marking()), -1).length - 1)
                .as("the marking on every page (banner, header, footer)").isGreaterThanOrEqualTo(2 * LibreOffice.pages(out, pdf));
        BigDecimal pledged = (BigDecimal) report.kpi("pledged-eur").orElseThrow().value().value();
        assertThat(text).contains("Key figures").contains("Pledged")
                .contains("€" + NumberFormat.getIntegerInstance(Locale.UK).format(pledged));
        assertThat(text).contains("Burden sharing by year").contains("Collaboration network").contains("Notes");
        for (String payload : List.of("=HYPERLINK(\"http://x\",\"y\")", "+cmd", "@SUM(A1)", "-1+1")) {
            assertThat(text).as("shown literally").contains(payload);
        }

        // Every page as a picture; the chart of the portfolio (published figures for the coordinator) draws bars.
        LibreOffice.run(out, "pdftoppm", "-png", "-r", "60", pdf.toString(), out.resolve("page").toString());
        int portfolio = LibreOffice.pageWith(out, pdf, "Mechanism / area / type");   // the portfolio table's header
        Path picture = LibreOffice.picture(out, portfolio);
        assertThat(LibreOffice.pixelsOf(picture, FIRST_SERIES)).as("bars drawn on %s", picture).isGreaterThan(150);

        // LibreOffice's own xlsx of it: the payloads are still strings, nothing became a formula.
        Path again = Files.createDirectories(out.resolve("resaved"));
        LibreOffice.convert(out, "xlsx", again, xlsx);
        Set<String> seen = new HashSet<>();
        try (XSSFWorkbook workbook = new XSSFWorkbook(again.resolve(xlsx.getFileName()).toFile())) {
            for (Sheet sheet : workbook) {
                for (Row row : sheet) {
                    for (Cell cell : row) {
                        assertThat(cell.getCellType()).as("%s!%s after LibreOffice", sheet.getSheetName(),
                                cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                        if (cell.getCellType() == CellType.STRING) {
                            seen.add(cell.getStringCellValue());
                        }
                    }
                }
            }
        }
        assertThat(seen).containsAll(List.of("=HYPERLINK(\"http://x\",\"y\")", "+cmd", "@SUM(A1)", "-1+1", "\tx"));
        assertThat(seen).as("a leading CR survives as a line break at worst")
                .containsAnyOf("\rx", "\nx", "\r\nx");
    }
}
