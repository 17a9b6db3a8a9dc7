package org.entente.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.entente.keycloak.EntenteRealm;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Excel briefing in a real browser: olivia.grant (coordinator) generates the Full briefing from the Analytics page,
 * watches its progress, downloads the workbook (checked with POI), finds it in the Briefings list and hears of it from
 * the bell; a member sees no briefing panel.
 */
class BriefingJourneyIT extends AppIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @Test
    void aCoordinatorGeneratesTheFullBriefingDownloadsItAndFindsItInTheList() throws Exception {
        Path downloads = Files.createTempDirectory("entente-downloads-");
        try (Browser olivia = new Browser(downloads)) {
            olivia.open(appUrl("/analytics"));
            olivia.signInAtKeycloak("olivia.grant", EntenteRealm.DEMO_PASSWORD);
            olivia.waitForText(By.id("analytics-scope"), "Federation view");
            if (!olivia.driver().findElements(By.id("analytics-empty")).isEmpty()) {
                olivia.click("refresh-analytics"); // a fresh data folder: take the first snapshot
            }
            olivia.waitFor(By.id("analytics-kpis"));
            WebElement panel = olivia.waitFor(By.id("briefing-panel"));
            scrollTo(olivia, panel);
            assertThat(olivia.driver().findElement(By.id("briefing-kind")).getText()).contains("Full briefing");
            assertThat(olivia.driver().findElement(By.id("briefing-scope")).getText())
                    .contains("all years, all regions, all partner kinds");
            olivia.screenshot("80-briefing-panel");

            olivia.click("generate-briefing");
            new WebDriverWait(olivia.driver(), Duration.ofSeconds(30), Duration.ofMillis(50))
                    .until(d -> !d.findElements(By.id("briefing-progress")).isEmpty()
                            && d.findElement(By.id("briefing-progress")).isDisplayed());
            assertThat(olivia.driver().findElement(By.id("briefing-step")).getText()).contains("Full briefing");
            olivia.screenshot("81-briefing-progress");

            WebElement download = new WebDriverWait(olivia.driver(), PATIENCE)
                    .until(ExpectedConditions.visibilityOfElementLocated(By.id("download-briefing")));
            String fileName = download.getText().strip();
            assertThat(fileName).matches("entente-full-\\d{4}-\\d{2}-\\d{2}\\.xlsx");
            assertThat(olivia.driver().findElement(By.id("briefing-ready")).getText()).contains("is ready")
                    .contains("snapshot as of");
            olivia.screenshot("82-briefing-ready");

            download.click();
            Path file = new WebDriverWait(olivia.driver(), Duration.ofSeconds(60)).until(d -> downloaded(downloads, fileName));
            try (InputStream content = Files.newInputStream(file); XSSFWorkbook workbook = new XSSFWorkbook(content)) {
                List<String> sheets = new ArrayList<>();
                workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
                assertThat(sheets).startsWith("Cover", "Key figures").contains("Notes", "Contributions", "Workstreams");
                assertThat(sheets.size()).as(sheets.toString()).isGreaterThan(10);
                String marking = workbook.getProperties().getCustomProperties().getProperty("Marking").getLpwstr();
                assertThat(marking).isNotBlank();
                for (Sheet sheet : workbook) {
                    assertThat(sheet.getHeader().getCenter() + sheet.getHeader().getLeft() + sheet.getHeader().getRight())
                            .as("header of %s", sheet.getSheetName()).contains(marking);
                }
            }

            // A monthly subscription to the same briefing.
            scrollTo(olivia, olivia.waitFor(By.id("subscribe-briefing")));
            olivia.click("subscribe-briefing");
            olivia.waitFor(By.id("subscription-frequency"));
            olivia.waitForClickable(By.xpath("//vaadin-radio-button[contains(., 'Monthly')]")).click();
            olivia.screenshot("85-subscribe-dialog");
            olivia.click("confirm-subscription");
            // (invisibilityOfElementLocated: the dialog may leave the page between finding it and asking if it shows)
            new WebDriverWait(olivia.driver(), PATIENCE).until(ExpectedConditions.invisibilityOfElementLocated(
                    By.id("subscription-dialog")));

            // The list has the briefing, to download again, and the subscription.
            scrollTo(olivia, olivia.waitFor(By.id("all-briefings")));
            olivia.click("all-briefings");
            olivia.waitFor(By.id("briefings"));
            new WebDriverWait(olivia.driver(), PATIENCE).until(d -> olivia.gridCells().stream()
                    .anyMatch(text -> text.startsWith("Ready")));
            assertThat(olivia.gridCells()).anyMatch(text -> text.contains("Full briefing")
                    && text.contains("all years, all regions, all partner kinds"));
            assertThat(olivia.driver().findElements(By.cssSelector("#briefings a[download]"))).isNotEmpty();
            assertThat(olivia.gridCells()).contains("Monthly (on the 1st of every month)");
            olivia.screenshot("83-briefings-list");

            // Deleting the subscription asks first.
            WebElement delete = olivia.waitFor(By.cssSelector("#briefing-subscriptions .delete-subscription"));
            scrollTo(olivia, delete);
            delete.click();
            new WebDriverWait(olivia.driver(), PATIENCE).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                    "const c = document.getElementById('confirm-delete-subscription'); return !!c && c.opened === true;")));
            Thread.sleep(300); // the overlay fades in
            olivia.screenshot("86-confirm-delete-subscription");
            olivia.waitForClickable(By.xpath("//vaadin-button[normalize-space(.)='Delete']")).click();
            new WebDriverWait(olivia.driver(), PATIENCE).until(d -> !olivia.gridCells()
                    .contains("Monthly (on the 1st of every month)"));

            // And the bell said so.
            olivia.waitFor(By.id("notification-count"));
            olivia.click("notification-bell");
            olivia.waitForText(By.id("notification-list"), "Briefing ready");
            assertThat(olivia.driver().findElement(By.id("notification-list")).getText()).contains(fileName);
            olivia.screenshot("84-bell-briefing-ready");
        }

        try (Browser ingrid = new Browser()) {
            ingrid.open(appUrl("/analytics"));
            ingrid.signInAtKeycloak("ingrid.solberg", EntenteRealm.DEMO_PASSWORD);
            ingrid.waitForText(By.id("analytics-scope"), "Your organization's view");
            assertThat(ingrid.driver().findElements(By.id("briefing-panel"))).isEmpty();
            assertThat(ingrid.driver().findElement(By.id("main-navigation")).getText()).doesNotContain("Briefings");
        }
    }

    private static Path downloaded(Path directory, String fileName) {
        Path file = directory.resolve(fileName);
        try (Stream<Path> files = Files.list(directory)) {
            boolean partial = files.anyMatch(f -> f.getFileName().toString().endsWith(".crdownload"));
            return !partial && Files.isRegularFile(file) && Files.size(file) > 0 ? file : null;
        } catch (java.io.IOException e) {
            return null;
        }
    }

    private static void scrollTo(Browser browser, WebElement element) {
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }
}
