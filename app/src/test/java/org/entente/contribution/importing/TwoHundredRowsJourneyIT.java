package org.entente.contribution.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testing.DemoActors.NORWAY;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.entente.contribution.Contribution;
import org.entente.contribution.ContributionDraft;
import org.entente.contribution.ContributionService;
import org.entente.initiative.Mechanism;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.importing.ImportPlan;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.entente.testing.DemoActors;
import org.entente.testing.Eventually;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 20's "done when", in the browser: ingrid.solberg downloads the contributions template, fills 200 rows (three of
 * them wrong), sees the preview explain the wrong rows and refuse to import, fixes them, imports all 200 at once, and
 * finds them in the Contributions tab; after the coordinator refreshes the snapshot, her analytics' pledged total has
 * grown by exactly what she imported.
 */
class TwoHundredRowsJourneyIT extends AppIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);
    private static final int ROWS = 200;
    /** Rows (1-based, under the header) filled wrong: an ambiguous number, an unknown type, a date as text. */
    private static final Map<Integer, int[]> WRONG = Map.of(17, new int[] {ImportColumn.PLEDGED.ordinal()},
            88, new int[] {ImportColumn.TYPE.ordinal()}, 150, new int[] {ImportColumn.PLEDGED_ON.ordinal()});

    @Autowired
    ContributionImporter importer;
    @Autowired
    ContributionService contributions;
    @Autowired
    WorkstreamService workstreams;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void ingridImportsTwoHundredRowsFixingTheWrongOnesFirst() throws Exception {
        DemoActors actors = new DemoActors(transactionManager);
        String title = "Two hundred pledges " + UUID.randomUUID().toString().substring(0, 8);
        Workstream w = actors.as(NORWAY, () -> workstreams.create(new WorkstreamDraft(title, "A year of fuel",
                Releasability.PARTICIPANTS, List.of(), "North Sea", LocalDate.now().withDayOfYear(1), null,
                new KindDetails.Initiative(Mechanism.CAPACITY_BUILDING, List.of()))));
        Path downloads = Files.createTempDirectory("two-hundred-downloads");
        Path wrongFile = downloads.resolveSibling(downloads.getFileName() + "-wrong.xlsx");
        Path fixedFile = downloads.resolveSibling(downloads.getFileName() + "-fixed.xlsx");

        try (Browser olivia = new Browser(); Browser ingrid = new Browser(downloads)) {
            olivia.open(appUrl("/analytics"));
            olivia.signInAtKeycloak("olivia.grant", EntenteRealm.DEMO_PASSWORD);
            refresh(olivia);
            ingrid.open(appUrl("/analytics"));
            ingrid.signInAtKeycloak("ingrid.solberg", EntenteRealm.DEMO_PASSWORD);
            long pledgedBefore = euros(ingrid.waitFor(By.cssSelector("#kpi-pledged-eur .kpi-value")).getText());

            ingrid.open(appUrl("/workstream/" + w.id()));
            ingrid.click("tab-contributions");
            ingrid.click("import-contributions");
            ingrid.click("contribution-template");
            Path template = Eventually.value("the downloaded template", PATIENCE, () -> downloaded(downloads));
            Files.write(wrongFile, filled(Files.readAllBytes(template), true));
            Files.write(fixedFile, filled(Files.readAllBytes(template), false));

            upload(ingrid, wrongFile);
            ingrid.waitForText(By.id("contribution-import-summary"), "197 new, 0 updated, 0 unchanged, 3 with errors");
            assertThat(ingrid.driver().findElement(By.id("apply-contribution-import")).getDomAttribute("disabled"))
                    .as("Import while rows have errors").isNotNull();
            ingrid.screenshot("64-two-hundred-rows-three-wrong");
            // The preview the page shows, row by row: the three wrong rows, each on its column.
            ImportPlan<ContributionDraft, Contribution> preview = actors.as(NORWAY,
                    () -> importer.preview(w.ref(), "wrong.xlsx", read(wrongFile)));
            assertThat(preview.rows().stream().filter(r -> !r.problems().isEmpty())
                    .map(r -> r.line() - 1 + ":" + r.problems().getFirst().column()).toList())
                    .containsExactly("17:PLEDGED", "88:TYPE", "150:PLEDGED_ON");
            assertThat(preview.rows().get(16).problems().getFirst().text().in(Locale.UK)).contains("could be read two ways");

            upload(ingrid, fixedFile);
            ingrid.waitForText(By.id("contribution-import-summary"), "200 new, 0 updated, 0 unchanged, 0 with errors");
            assertThat(actors.as(NORWAY, () -> contributions.of(w.ref()))).as("nothing before the confirmation").isEmpty();
            ingrid.click("apply-contribution-import");
            ingrid.waitForText(By.id("contributions"), "Fuel tranche");
            ingrid.screenshot("65-two-hundred-rows-imported");
            List<Contribution> stored = actors.as(NORWAY, () -> contributions.of(w.ref()));
            assertThat(stored).hasSize(ROWS);
            BigDecimal imported = stored.stream().map(Contribution::pledgedEur).reduce(BigDecimal.ZERO, BigDecimal::add);
            assertThat(imported).isEqualByComparingTo(BigDecimal.valueOf(sumOfPledges()));

            refresh(olivia);
            ingrid.open(appUrl("/analytics"));
            long pledgedAfter = euros(ingrid.waitFor(By.cssSelector("#kpi-pledged-eur .kpi-value")).getText());
            assertThat(pledgedAfter - pledgedBefore).as("the analytics after a refresh").isEqualTo(sumOfPledges());
            ingrid.screenshot("66-two-hundred-rows-in-analytics");
        }
    }

    /** The template with 200 rows on its Contributions sheet; with {@code wrong}, three of them filled wrong. */
    private static byte[] filled(byte[] template, boolean wrong) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new java.io.ByteArrayInputStream(template));
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            XSSFSheet sheet = workbook.getSheetAt(0);
            for (int i = 1; i <= ROWS; i++) {
                Row row = sheet.createRow(i);
                row.createCell(ImportColumn.REFERENCE.ordinal()).setCellValue(String.format("NO-FUEL-%03d", i));
                row.createCell(ImportColumn.TYPE.ordinal()).setCellValue(wrong && i == 88 ? "GIFT" : "FUNDING");
                row.createCell(ImportColumn.DESCRIPTION.ordinal()).setCellValue("Fuel tranche " + i);
                row.createCell(ImportColumn.UNIT.ordinal()).setCellValue("EUR");
                if (wrong && i == 17) {
                    row.createCell(ImportColumn.PLEDGED.ordinal()).setCellValue("2,500");
                } else {
                    row.createCell(ImportColumn.PLEDGED.ordinal()).setCellValue(pledge(i));
                }
                if (wrong && i == 150) {
                    row.createCell(ImportColumn.PLEDGED_ON.ordinal()).setCellValue("31/12/2026");
                }
                row.createCell(ImportColumn.RELEASABILITY.ordinal()).setCellValue("PARTICIPANTS");
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long pledge(int row) {
        return 1000L + row;
    }

    private static long sumOfPledges() {
        long sum = 0;
        for (int i = 1; i <= ROWS; i++) {
            sum += pledge(i);
        }
        return sum;
    }

    private static Optional<Path> downloaded(Path directory) {
        try (Stream<Path> files = Files.list(directory)) {
            return files.filter(f -> f.toString().endsWith(".xlsx")).findFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] read(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "€12,345,678" as a number of euros. */
    private static long euros(String text) {
        return Long.parseLong(text.replaceAll("[^0-9]", ""));
    }

    /** The coordinator takes a new snapshot and waits for its figures. */
    private static void refresh(Browser olivia) {
        JavascriptExecutor js = (JavascriptExecutor) olivia.driver();
        WebElement button = olivia.waitFor(By.id("refresh-analytics"));
        js.executeScript("arguments[0].scrollIntoView({block: 'center'})", button);
        String before = String.valueOf(js.executeScript(
                "const e = document.getElementById('analytics-as-of'); return e ? e.textContent.trim() : '';"));
        olivia.click("refresh-analytics");
        new WebDriverWait(olivia.driver(), PATIENCE).until(d -> {
            String now = String.valueOf(js.executeScript(
                    "const e = document.getElementById('analytics-as-of'); return e ? e.textContent.trim() : '';"));
            return now.startsWith("as of") && !now.equals(before);
        });
    }

    private static void upload(Browser browser, Path file) {
        WebElement upload = browser.waitFor(By.id("contribution-upload"));
        WebElement input = (WebElement) ((JavascriptExecutor) browser.driver()).executeScript(
                "return arguments[0].querySelector('input[type=file]') "
                        + "|| arguments[0].shadowRoot.querySelector('input[type=file]');", upload);
        input.sendKeys(file.toAbsolutePath().toString());
    }
}
