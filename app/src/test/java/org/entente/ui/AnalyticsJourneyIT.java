package org.entente.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.entente.db.embedded.LocalPostgres;
import org.entente.keycloak.EntenteRealm;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.entente.testing.SuperuserDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The Analytics workspace in a real browser: a coordinator sees the federation with its charts drawn and a
 * suppressed figure with its reason, refreshes and watches the progress; a partner member sees only her
 * organization's figures and no refresh. At 1440 px the coordinator reads the ranked burden chart against her
 * organization's guideline, which she sets on the page.
 */
class AnalyticsJourneyIT extends AppIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final java.util.UUID NATO_ACT = java.util.UUID.fromString("0a000000-0000-4000-8000-000000000003");

    @Autowired
    LocalPostgres postgres;

    @Test
    void aCoordinatorReadsTheRankedBurdenChartAgainstTheGuidelineSheSetsAt1440Pixels() {
        SuperuserDatabase database = new SuperuserDatabase(postgres);
        List<List<Object>> demoGuideline = database.query(
                "select year, target_intensity, set_by, set_at from burden_guideline where tenant_id = ?", NATO_ACT);
        try (Browser olivia = new Browser()) {
            olivia.driver().manage().window().setSize(new Dimension(1440, 900));
            olivia.open(appUrl("/analytics"));
            olivia.signInAtKeycloak("olivia.grant", EntenteRealm.DEMO_PASSWORD);
            olivia.waitForText(By.id("analytics-scope"), "Federation view");
            if (!olivia.driver().findElements(By.id("analytics-empty")).isEmpty()) {
                olivia.click("refresh-analytics"); // a fresh data folder: take the first snapshot
            }
            waitForChartsDrawn(olivia);

            // What the figures rest on: the consent state, whose figures consent publishes, the guideline.
            assertThat(text(olivia, "analytics-consent-state")).startsWith("Consent as of the snapshot of ");
            assertThat(text(olivia, "analytics-published-by-consent")).isNotBlank();
            assertThat(text(olivia, "analytics-guideline")).startsWith("Guideline (target share of capacity delivered): ");
            scrollTo(olivia, By.id("analytics-kpis"));
            olivia.screenshot("77-analytics-consent-guideline-notes");

            // She adds a year to the guideline: a bad value is named at its field, a good one is saved.
            clickInView(olivia, "edit-guideline");
            olivia.waitFor(By.id("guideline-dialog"));
            int rows = olivia.driver().findElements(By.cssSelector("#guideline-rows vaadin-integer-field")).size();
            clickInView(olivia, "guideline-add-year");
            String added = "guideline-target-" + rows;
            olivia.type(added, "lots");
            clickInView(olivia, "save-guideline");
            new WebDriverWait(olivia.driver(), PATIENCE).until(d -> d.findElement(By.id(added))
                    .getDomAttribute("invalid") != null);
            assertThat(olivia.driver().findElement(By.id(added)).getText()).contains("is not a percent");
            olivia.screenshot("78-analytics-guideline-dialog");
            olivia.type(added, "0.004");
            clickInView(olivia, "save-guideline");
            new WebDriverWait(olivia.driver(), PATIENCE).until(d -> d.findElements(By.id("guideline-dialog")).isEmpty());
            olivia.waitForText(By.id("analytics-guideline"), ": 0.0040 %");

            // The ranked chart: one bar per partner, the guideline as a labelled line, wide enough to read.
            scrollTo(olivia, By.id("section-burden-ranking"));
            olivia.waitFor(By.cssSelector("#chart-burden-ranking canvas"));
            new WebDriverWait(olivia.driver(), PATIENCE).until(d -> ((JavascriptExecutor) d).executeScript(
                    "const c = echarts.getInstanceByDom(document.getElementById('chart-burden-ranking'));"
                            + "return c && c.getOption().series[0].markLine ? true : null;"));
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> drawn = (java.util.Map<String, Object>) ((JavascriptExecutor) olivia.driver())
                    .executeScript("const el = document.getElementById('chart-burden-ranking');"
                            + "const o = echarts.getInstanceByDom(el).getOption();"
                            + "return {width: el.clientWidth, height: el.clientHeight, bars: o.yAxis[0].data.length,"
                            + " line: o.series[0].markLine.data[0].name, at: o.series[0].markLine.data[0].xAxis};");
            assertThat(((Number) drawn.get("width")).intValue()).as("the chart spans the page").isGreaterThan(1000);
            assertThat(((Number) drawn.get("bars")).intValue()).isBetween(2, 26);
            assertThat((String) drawn.get("line")).startsWith("Guideline ");
            assertThat(((Number) drawn.get("height")).intValue())
                    .as("about 25 px a bar").isGreaterThanOrEqualTo(((Number) drawn.get("bars")).intValue() * 20);
            // Drawn where it belongs: red pixels down the chart at the guideline's x, which is not the axis' zero.
            @SuppressWarnings("unchecked")
            java.util.Map<String, Object> line = (java.util.Map<String, Object>) ((JavascriptExecutor) olivia.driver())
                    .executeScript("const el = document.getElementById('chart-burden-ranking');"
                            + "const c = echarts.getInstanceByDom(el); const o = c.getOption();"
                            + "const x = Math.round(c.convertToPixel({xAxisIndex: 0}, o.series[0].markLine.data[0].xAxis));"
                            + "const zero = Math.round(c.convertToPixel({xAxisIndex: 0}, 0));"
                            + "const canvas = el.querySelector('canvas'); const ctx = canvas.getContext('2d');"
                            + "const dpr = canvas.width / el.clientWidth; let red = 0, rows = 0;"
                            + "for (let y = 40; y < el.clientHeight - 40; y += 8) { rows++;"
                            + "  for (let dx = -2; dx <= 2; dx++) {"
                            + "    const p = ctx.getImageData(Math.round((x + dx) * dpr), Math.round(y * dpr), 1, 1).data;"
                            + "    if (p[0] > 150 && p[1] < 100 && p[2] < 100) { red++; break; } } }"
                            + "return {x: x, zero: zero, red: red, rows: rows};");
            assertThat(((Number) line.get("x")).intValue()).as("the guideline is off the axis' zero: " + line)
                    .isGreaterThan(((Number) line.get("zero")).intValue() + 20);
            assertThat(((Number) line.get("red")).intValue()).as("the guideline is drawn: " + line)
                    .isGreaterThan(((Number) line.get("rows")).intValue() * 3 / 4);
            olivia.screenshot("79-analytics-burden-ranking");
            assertThat(olivia.gridCells()).anyMatch(c -> c.equals("Above") || c.equals("Below"));

            // The by-kind view stays, below.
            scrollTo(olivia, By.id("section-burden-sharing"));
            olivia.waitFor(By.cssSelector("#chart-burden-sharing canvas"));
            olivia.screenshot("80-analytics-burden-by-kind");
        } finally {
            database.update("delete from burden_guideline where tenant_id = ?", NATO_ACT);
            for (List<Object> row : demoGuideline) {
                database.update("insert into burden_guideline (tenant_id, year, target_intensity, set_by, set_at) "
                        + "values (?, ?, ?, ?, ?)", NATO_ACT, row.get(0), row.get(1), row.get(2), row.get(3));
            }
        }
    }

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

    /** Clicks a button after scrolling it to the middle of its scrolling box (the page, or a tall dialog). */
    private static void clickInView(Browser browser, String id) {
        WebElement element = browser.waitFor(By.id(id));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        browser.waitForClickable(By.id(id)).click();
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
