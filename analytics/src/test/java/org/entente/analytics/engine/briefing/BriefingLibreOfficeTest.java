package org.entente.analytics.engine.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.NumberFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
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
        require("soffice", "libreoffice-calc-nogui");
        require("pdftotext", "poppler-utils");
        require("pdftoppm", "poppler-utils");
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
        soffice(out, "pdf", pdfDir, xlsx);
        Path pdf = pdfDir.resolve("entente-full-2025-07-01.pdf");
        assertThat(pdf).exists();
        String text = run(out, "pdftotext", "-layout", pdf.toString(), "-");
        assertThat(text).contains(result.marking() + " — the most restrictive marking");
        assertThat(text.split(java.util.regex.Pattern.quote(result.marking()), -1).length - 1)
                .as("the marking on every page (banner, header, footer)").isGreaterThanOrEqualTo(2 * pages(out, pdf));
        BigDecimal pledged = (BigDecimal) report.kpi("pledged-eur").orElseThrow().value().value();
        assertThat(text).contains("Key figures").contains("Pledged")
                .contains("€" + NumberFormat.getIntegerInstance(Locale.UK).format(pledged));
        assertThat(text).contains("Burden sharing by year").contains("Collaboration network").contains("Notes");
        for (String payload : List.of("=HYPERLINK(\"http://x\",\"y\")", "+cmd", "@SUM(A1)", "-1+1")) {
            assertThat(text).as("shown literally").contains(payload);
        }

        // Every page as a picture; the chart of the portfolio (published figures for the coordinator) draws bars.
        run(out, "pdftoppm", "-png", "-r", "60", pdf.toString(), out.resolve("page").toString());
        int portfolio = pageWith(out, pdf, "Mechanism / area / type");   // the portfolio table's header
        Path picture = picture(out, portfolio);
        assertThat(pixelsOf(picture, FIRST_SERIES)).as("bars drawn on %s", picture).isGreaterThan(150);

        // LibreOffice's own xlsx of it: the payloads are still strings, nothing became a formula.
        Path again = Files.createDirectories(out.resolve("resaved"));
        soffice(out, "xlsx", again, xlsx);
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

    private static void require(String tool, String debianPackage) {
        for (String dir : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (Files.isExecutable(Path.of(dir, tool))) {
                return;
            }
        }
        fail(tool + " is not installed, so the briefing cannot be checked in a real client: apt-get install -y "
                + debianPackage + " (.ci/run installs it when missing).");
    }

    /** Headless LibreOffice with a private profile, so that parallel runs do not share (and lock) one. */
    private static void soffice(Path work, String format, Path outDir, Path file) throws Exception {
        Path profile = work.resolve("lo-profile-" + UUID.randomUUID());
        try {
            run(work, "soffice", "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
                    "--convert-to", format, "--outdir", outDir.toString(), file.toString());
        } finally {
            TestPostgres.deleteRecursively(profile);
        }
    }

    private static int pages(Path work, Path pdf) throws Exception {
        for (String line : run(work, "pdfinfo", pdf.toString()).split("\n")) {
            if (line.startsWith("Pages:")) {
                return Integer.parseInt(line.substring(6).strip());
            }
        }
        throw new AssertionError("pdfinfo says no page count for " + pdf);
    }

    private static int pageWith(Path work, Path pdf, String text) throws Exception {
        int pages = pages(work, pdf);
        for (int page = 1; page <= pages; page++) {
            String pageText = run(work, "pdftotext", "-f", "" + page, "-l", "" + page, pdf.toString(), "-");
            if (pageText.contains(text)) {
                return page;
            }
        }
        throw new AssertionError("no page of " + pdf + " says \"" + text + "\"");
    }

    private static Path picture(Path dir, int page) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("page-0*" + page + "\\.png")).findFirst()
                    .orElseThrow(() -> new AssertionError("no picture of page " + page + " in " + dir));
        }
    }

    private static int pixelsOf(Path png, int[] rgb) throws IOException {
        BufferedImage image = ImageIO.read(png.toFile());
        int count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int p = image.getRGB(x, y);
                if (Math.abs(((p >> 16) & 0xFF) - rgb[0]) < 16 && Math.abs(((p >> 8) & 0xFF) - rgb[1]) < 16
                        && Math.abs((p & 0xFF) - rgb[2]) < 16) {
                    count++;
                }
            }
        }
        return count;
    }

    private static String run(Path work, String... command) throws Exception {
        Path log = Files.createTempFile(work, "run", ".out");
        Process process = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!process.waitFor(180, TimeUnit.SECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(String.join(" ", command) + " did not finish within 180 s");
        }
        String output = Files.readString(log, StandardCharsets.UTF_8);
        Files.delete(log);
        if (process.exitValue() != 0) {
            throw new AssertionError(String.join(" ", command) + " failed (" + process.exitValue() + "): " + output);
        }
        return output;
    }
}
