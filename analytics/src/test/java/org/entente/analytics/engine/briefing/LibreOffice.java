package org.entente.analytics.engine.briefing;

import static org.assertj.core.api.Assertions.fail;

import java.awt.image.BufferedImage;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.entente.analytics.engine.TestPostgres;

/**
 * A workbook in a real client: headless LibreOffice converts it (to PDF, or back to xlsx), poppler turns the PDF into
 * text and pictures. Needs soffice, pdftotext, pdfinfo and pdftoppm (.ci/run installs them); without them a test
 * fails, it never skips.
 */
final class LibreOffice {

    private LibreOffice() {
    }

    /** Fails (never skips) when the tools are missing. */
    static void require() {
        require("soffice", "libreoffice-calc-nogui");
        require("pdftotext", "poppler-utils");
        require("pdftoppm", "poppler-utils");
        require("pdfinfo", "poppler-utils");
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
    static void convert(Path work, String format, Path outDir, Path file) throws Exception {
        Path profile = work.resolve("lo-profile-" + UUID.randomUUID());
        try {
            run(work, "soffice", "-env:UserInstallation=" + profile.toUri(), "--headless", "--norestore",
                    "--convert-to", format, "--outdir", outDir.toString(), file.toString());
        } finally {
            TestPostgres.deleteRecursively(profile);
        }
    }

    static int pages(Path work, Path pdf) throws Exception {
        for (String line : run(work, "pdfinfo", pdf.toString()).split("\n")) {
            if (line.startsWith("Pages:")) {
                return Integer.parseInt(line.substring(6).strip());
            }
        }
        throw new AssertionError("pdfinfo says no page count for " + pdf);
    }

    /** The first page whose text contains {@code text}. */
    static int pageWith(Path work, Path pdf, String text) throws Exception {
        int pages = pages(work, pdf);
        for (int page = 1; page <= pages; page++) {
            if (pageText(work, pdf, page).contains(text)) {
                return page;
            }
        }
        throw new AssertionError("no page of " + pdf + " says \"" + text + "\"");
    }

    static String pageText(Path work, Path pdf, int page) throws Exception {
        return run(work, "pdftotext", "-f", "" + page, "-l", "" + page, pdf.toString(), "-");
    }

    /** The picture of {@code page} that {@code pdftoppm -png ... dir/page} wrote. */
    static Path picture(Path dir, int page) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().matches("page-0*" + page + "\\.png")).findFirst()
                    .orElseThrow(() -> new AssertionError("no picture of page " + page + " in " + dir));
        }
    }

    /** Pixels within 16 of {@code rgb} in each channel. */
    static int pixelsOf(Path png, int[] rgb) throws IOException {
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

    static String run(Path work, String... command) throws Exception {
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
