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
 * The same briefing asked for in French (issue #18) is French in POI and in LibreOffice alike: sheet names, titles,
 * headers and marking in French, figures still numeric cells with their formats, every chart with its alt text, no
 * merged cell in a table. Needs soffice, pdftotext and pdftoppm (.ci/run installs them); without them the test fails,
 * it never skips.
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

    @Test
    void aFrenchBriefingIsFrenchInPoiAndInLibreOffice() throws Exception {
        LibreOffice.require();
        Path out = TestPostgres.freshDirectory("briefing-libreoffice-fr");
        BriefingFixture.payloadSnapshot(snapshots);
        Viewer coordinator = Viewer.federation(BriefingFixture.UNITY);
        Path xlsx = out.resolve("entente-full-2025-07-01.xlsx");
        BriefingRequest english = BriefingFixture.request(BriefingKind.FULL, null, coordinator);
        BriefingRequest request = new BriefingRequest(english.kind(), english.scope(), english.viewer(),
                english.organizationName(), english.generatedBy(), english.generatedAt(), english.guideline(),
                Locale.FRANCE);
        BriefingFixture.Written written;
        try (SnapshotStore store = new SnapshotStore(snapshots)) {
            written = BriefingFixture.write(new BriefingWriter(AnalyticsSettings.defaults()), store, request,
                    BriefingFixture.titles(BriefingFixture.PAYLOAD_TITLES));
            Files.write(xlsx, written.bytes());
        }
        assertThat(written.result().marking()).isIn("PRIVÉ", "COMMUNICABLE AUX PARTENAIRES DÉSIGNÉS",
                "COMMUNICABLE AUX PARTICIPANTS", "COMMUNICABLE À TOUS LES PARTENAIRES");
        assertThat(written.steps()).anySatisfy(step -> assertThat(step).endsWith("Note prête"));

        try (XSSFWorkbook workbook = written.workbook()) {
            List<String> names = new java.util.ArrayList<>();
            workbook.forEach(sheet -> names.add(sheet.getSheetName()));
            assertThat(names).startsWith("Page de garde", "Chiffres clés")
                    .contains("Partage des charges", "Réseau de collaboration", "Notes", "Contributions", "Chantiers")
                    .doesNotContain("Cover", "Key figures", "Workstreams")
                    .allSatisfy(name -> assertThat(name.length()).as(name).isLessThanOrEqualTo(31));
            assertThat(new HashSet<>(names)).as("unique sheet names").hasSameSizeAs(names);
            assertThat(workbook.getSheet("Page de garde").getRow(2).getCell(0).getStringCellValue())
                    .isEqualTo("Note complète");
            Sheet burden = workbook.getSheet("Partage des charges");
            assertThat(burden.getRow(1).getCell(0).getStringCellValue()).isEqualTo("Partage des charges");
            List<String> headers = new java.util.ArrayList<>();
            burden.getRow(RollupSheet.HEADER_ROW).forEach(cell -> headers.add(cell.getStringCellValue()));
            assertThat(headers).contains("Type de partenaire", "Partenaire", "Annoncé (EUR)", "Fourni (EUR)",
                    "Taux de réalisation", "Ligne directrice");
            int pledged = headers.indexOf("Annoncé (EUR)");
            long numeric = 0;
            for (int r = RollupSheet.HEADER_ROW + 1; r <= burden.getLastRowNum(); r++) {
                Row row = burden.getRow(r);
                Cell cell = row == null ? null : row.getCell(pledged);
                if (cell != null && cell.getCellType() == CellType.NUMERIC) {
                    numeric++;
                    assertThat(cell.getCellStyle().getDataFormatString()).as("a number format, not text")
                            .isNotEqualTo("@").isNotEqualTo("General");
                }
            }
            assertThat(numeric).as("pledged EUR are numbers").isPositive();
            assertThat(workbook.getSheet("Chiffres clés").getRow(RollupSheet.HEADER_ROW).getCell(0)
                    .getStringCellValue()).isEqualTo("Chiffre");
            List<String> detail = new java.util.ArrayList<>();
            workbook.getSheet("Contributions").getRow(1).forEach(cell -> detail.add(cell.getStringCellValue()));
            assertThat(detail).startsWith("Chantier", "Chef de file", "Contributeur").contains("Communicabilité");
            for (Sheet sheet : workbook) {
                // Tables start at their header row; only the banner above them spans cells.
                assertThat(((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getMergedRegions())
                        .as("%s: no merged cells below the banner", sheet.getSheetName())
                        .allSatisfy(region -> assertThat(region.getFirstRow()).isZero());
                var drawing = ((org.apache.poi.xssf.usermodel.XSSFSheet) sheet).getDrawingPatriarch();
                if (drawing != null) {
                    // A chart read back sits in a graphic frame of the drawing; its alt text is the frame's.
                    for (var shape : drawing.getShapes()) {
                        if (shape instanceof org.apache.poi.xssf.usermodel.XSSFGraphicFrame frame) {
                            assertThat(frame.getCTGraphicalObjectFrame().getNvGraphicFramePr().getCNvPr().getDescr())
                                    .as("%s: the chart's alt text", sheet.getSheetName()).startsWith("Graphique «");
                        }
                    }
                }
            }
        }

        Path pdfDir = Files.createDirectories(out.resolve("pdf"));
        LibreOffice.convert(out, "pdf", pdfDir, xlsx);
        String text = LibreOffice.run(out, "pdftotext", "-layout",
                pdfDir.resolve("entente-full-2025-07-01.pdf").toString(), "-");
        assertThat(text).contains(written.result().marking() + " — le marquage le plus restrictif")
                .contains("Chiffres clés").contains("Partage des charges par année").contains("Réseau de collaboration")
                .contains("Mécanisme / domaine / type").doesNotContain("Key figures").doesNotContain("Snapshot as of");
        // LibreOffice's own xlsx of it keeps the French sheet names and the figures as numbers.
        Path again = Files.createDirectories(out.resolve("resaved"));
        LibreOffice.convert(out, "xlsx", again, xlsx);
        try (XSSFWorkbook workbook = new XSSFWorkbook(again.resolve(xlsx.getFileName()).toFile())) {
            assertThat(workbook.getSheet("Chiffres clés")).isNotNull();
            Sheet burden = workbook.getSheet("Partage des charges");
            boolean number = false;
            for (Row row : burden) {
                for (Cell cell : row) {
                    number |= row.getRowNum() > RollupSheet.HEADER_ROW && cell.getCellType() == CellType.NUMERIC;
                }
            }
            assertThat(number).as("figures stay numeric after LibreOffice").isTrue();
        }
    }
}
