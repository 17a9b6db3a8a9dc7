package org.entente.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.entente.keycloak.EntenteRealm;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The Analytics workspace in a real browser: a coordinator sees the federation with its charts drawn and a
 * suppressed figure with its reason, refreshes and watches the progress; a partner member sees only her
 * organization's figures and no refresh.
 */
class AnalyticsJourneyIT extends AppIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);

    @Test
    void aCoordinatorSeesTheFederationAndRefreshesWhileAMemberSeesHerOrganization() {
        try (Browser olivia = new Browser()) {
            olivia.open(appUrl("/analytics"));
            olivia.signInAtKeycloak("olivia.grant", EntenteRealm.DEMO_PASSWORD);
            olivia.waitForText(By.id("analytics-scope"), "Federation view");
            if (!olivia.driver().findElements(By.id("analytics-empty")).isEmpty()) {
                olivia.click("refresh-analytics"); // a fresh data folder: take the first snapshot
            }
            waitForChartsDrawn(olivia);
            olivia.screenshot("70-analytics-coordinator");
            assertThat(olivia.driver().findElement(By.id("analytics-marking")).getText())
                    .matches("(PRIVATE|REL TO .+) — the most restrictive marking of the records behind these figures");
            assertThat(olivia.driver().findElement(By.id("suppression-legend")).getText())
                    .contains("✕ n<3").contains("fewer than 3 partners");

            // A suppressed figure, shown as such, with its reason in the tooltip.
            WebElement suppressed = new WebDriverWait(olivia.driver(), PATIENCE).until(d -> d
                    .findElements(By.tagName("vaadin-grid-cell-content")).stream()
                    .filter(c -> c.getText().startsWith("✕ n<3")).findFirst().orElse(null));
            ((JavascriptExecutor) olivia.driver()).executeScript(
                    "arguments[0].scrollIntoView({block: 'center'})", suppressed);
            new Actions(olivia.driver()).moveToElement(suppressed).perform();
            new WebDriverWait(olivia.driver(), Duration.ofSeconds(15)).until(d -> Boolean.TRUE.equals(
                    ((JavascriptExecutor) d).executeScript("return [...document.querySelectorAll('vaadin-tooltip')]"
                            + ".some(t => t.opened && t.textContent.includes('Suppressed: fewer than 3 partners'))")));
            sleep(500); // the tooltip fades in
            olivia.screenshot("71-analytics-suppressed-cell");

            // Refresh: the progress bar, then a new "as of".
            scrollTo(olivia, By.id("analytics-as-of"));
            String before = text(olivia, "analytics-as-of");
            olivia.click("refresh-analytics");
            new WebDriverWait(olivia.driver(), Duration.ofSeconds(30), Duration.ofMillis(50))
                    .until(d -> d.findElement(By.id("refresh-progress")).isDisplayed());
            olivia.screenshot("72-analytics-refreshing");
            new WebDriverWait(olivia.driver(), PATIENCE).until(d -> {
                String now = text(olivia, "analytics-as-of");
                return now.startsWith("as of") && !now.equals(before);
            });
            assertThat(olivia.driver().findElement(By.id("refresh-progress")).isDisplayed()).isFalse();
            waitForChartsDrawn(olivia);
            olivia.screenshot("73-analytics-refreshed");

            if (Boolean.getBoolean("analytics.screenshots.sections")) { // one picture per rollup, to look at them all
                for (WebElement section : olivia.driver().findElements(By.cssSelector(".analytics-section"))) {
                    ((JavascriptExecutor) olivia.driver()).executeScript(
                            "arguments[0].scrollIntoView({block: 'start'})", section);
                    olivia.screenshot("79-" + section.getAttribute("id"));
                }
            }
            // The network is drawn as a graph; a portfolio row opens the workstream list filtered to it.
            scrollTo(olivia, By.id("chart-collaboration-network"));
            olivia.screenshot("74-analytics-network");
            scrollTo(olivia, By.id("section-portfolio"));
            olivia.waitFor(By.cssSelector("#chart-portfolio canvas"));
            olivia.screenshot("75-analytics-portfolio");
            clickFirstBodyCell(olivia, "figures-portfolio");
            new WebDriverWait(olivia.driver(), PATIENCE).until(d -> d.getCurrentUrl().contains("/workstreams?"));
            olivia.waitFor(By.id("workstreams"));
            assertThat(olivia.driver().getCurrentUrl()).contains("kind=").contains("status=");
            olivia.screenshot("76-workstreams-drilled-down");
        }

        try (Browser ingrid = new Browser()) {
            ingrid.open(appUrl("/analytics"));
            ingrid.signInAtKeycloak("ingrid.solberg", EntenteRealm.DEMO_PASSWORD);
            ingrid.waitForText(By.id("analytics-scope"), "Your organization's view");
            assertThat(ingrid.driver().findElement(By.id("analytics-scope")).getText()).contains("Kingdom of Norway");
            waitForChartsDrawn(ingrid);
            assertThat(ingrid.driver().findElements(By.id("refresh-analytics")))
                    .allSatisfy(button -> assertThat(button.isDisplayed()).isFalse());
            assertThat(ingrid.gridCells()).noneMatch(text -> text.startsWith("✕"));
            ingrid.screenshot("77-analytics-member");
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /** Every chart element holds the canvas ECharts drew into. */
    private static void waitForChartsDrawn(Browser browser) {
        new WebDriverWait(browser.driver(), PATIENCE).until(d -> {
            List<WebElement> charts = d.findElements(By.cssSelector(".analytics-chart"));
            return !charts.isEmpty() && charts.stream().allMatch(c -> !c.findElements(By.tagName("canvas")).isEmpty());
        });
    }

    private static String text(Browser browser, String id) {
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeScript(
                "const e = document.getElementById(arguments[0]); return e ? e.textContent.trim() : '';", id));
    }

    private static void scrollTo(Browser browser, By locator) {
        WebElement element = new WebDriverWait(browser.driver(), PATIENCE)
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(locator));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
    }

    /** Clicks the first cell of the first body row (Vaadin's grid cells live in the light DOM). */
    private static void clickFirstBodyCell(Browser browser, String gridId) {
        WebElement cell = (WebElement) ((JavascriptExecutor) browser.driver()).executeScript(
                "const grid = document.getElementById(arguments[0]);"
                        + "const row = grid.shadowRoot.querySelector('tbody#items tr');"
                        + "const slot = row.querySelector('td slot');"
                        + "return slot.assignedElements()[0];", gridId);
        cell.click();
    }
}
