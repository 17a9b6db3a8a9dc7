package org.entente.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
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
 * Publication consent in real browsers signed in at the real Keycloak: Norway's tenant administrator publishes to NATO
 * ACT on My organization (after a preview); NATO ACT's coordinator refreshes the snapshot and sees Norway's own figures
 * in the burden-sharing table and chart; Norway revokes (confirming); after the next refresh the coordinator no longer
 * sees them; Norway's access ledger names the coordinators' use. Whatever the demo data grants, the journey first
 * brings Norway to "not published to NATO ACT".
 */
class PublicationConsentJourneyIT extends AppIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final String NORWAY = "Kingdom of Norway";
    private static final String NATO_ACT = "NATO Allied Command Transformation";
    private static final String NATO_TICK = "publish-to-nato-act";

    @Test
    void norwayPublishesToNatoActWhoseCoordinatorSeesItsFiguresUntilNorwayRevokes() {
        try (Browser lars = new Browser(); Browser olivia = new Browser()) {
            lars.open(appUrl("/organization"));
            lars.signInAtKeycloak("lars.haugen", EntenteRealm.DEMO_PASSWORD);
            lars.waitFor(By.id("what-we-publish"));
            if (ticked(lars, NATO_TICK)) {
                press(lars, NATO_TICK);
                saveAndConfirmRevocation(lars);
            }
            waitUntil(lars, "Norway no longer publishes to NATO ACT", () -> !ticked(lars, NATO_TICK)
                    && text(lars, "granted-nato-act").equals("not published"));
            scrollTo(lars, "what-we-publish");
            lars.screenshot("90-consent-not-published");

            // The preview: Norway's own figures as NATO ACT's coordinators would see them, nobody else's.
            press(lars, "preview-nato-act");
            lars.waitFor(By.id("publication-preview"));
            lars.waitForText(By.id("publication-preview"), "What " + NATO_ACT + "'s coordinators will see of " + NORWAY);
            assertThat(text(lars, "preview-left-out")).contains("fair share");
            assertThat(rowOf(lars, "preview-burden-sharing", NORWAY)).as("Norway's own row in the preview").isPresent();
            lars.screenshot("91-consent-preview");
            lars.click("close-preview");
            new WebDriverWait(lars.driver(), PATIENCE)
                    .until(ExpectedConditions.invisibilityOfElementLocated(By.id("publication-preview")));

            // Publish to NATO ACT.
            String versionBefore = text(lars, "publication-version");
            press(lars, NATO_TICK);
            press(lars, "save-publication");
            waitUntil(lars, "Norway publishes to NATO ACT", () -> ticked(lars, NATO_TICK)
                    && text(lars, "granted-nato-act").startsWith("published since")
                    && !text(lars, "publication-version").equals(versionBefore));
            assertThat(text(lars, "publication-version")).contains("last changed by Lars Haugen");
            assertThat(lars.gridCells()).contains("Published to", NATO_ACT);
            scrollTo(lars, "what-we-publish");
            lars.screenshot("92-consent-published");

            // NATO ACT's coordinator refreshes and sees Norway's own figures, in the table and in the chart.
            olivia.open(appUrl("/analytics"));
            olivia.signInAtKeycloak("olivia.grant", EntenteRealm.DEMO_PASSWORD);
            olivia.waitForText(By.id("analytics-scope"), "Federation view");
            String published = refresh(olivia);
            List<String> norway = rowOf(olivia, "figures-burden-sharing", NORWAY)
                    .orElseThrow(() -> new AssertionError("Norway has no row in the burden-sharing table"));
            assertThat(norway).as("Norway's row, published by its consent").noneMatch(cell -> cell.startsWith("✕"));
            List<String> charts = chartsNaming(olivia, NORWAY);
            assertThat(charts).as("a burden chart draws Norway").isNotEmpty();
            scrollTo(olivia, charts.getFirst().replaceFirst("^chart-", "section-"));
            olivia.screenshot("93-consent-coordinator-sees-norway-chart");
            showRow(olivia, "figures-burden-sharing", NORWAY);
            olivia.screenshot("94-consent-coordinator-sees-norway-row");

            // Norway revokes, confirming what that means.
            press(lars, NATO_TICK);
            press(lars, "save-publication");
            lars.waitFor(By.id("confirm-revoke-text"));
            assertThat(text(lars, "confirm-revoke-text")).startsWith(NATO_ACT
                    + "'s coordinators will no longer see your organization's own figures unsuppressed, from the next "
                    + "snapshot refresh.");
            lars.screenshot("95-consent-confirm-revoke");
            press(lars, "confirm-stop-publishing");
            waitUntil(lars, "Norway no longer publishes to NATO ACT", () -> !ticked(lars, NATO_TICK)
                    && text(lars, "granted-nato-act").equals("not published"));

            // After the next refresh NATO ACT's coordinator no longer sees Norway's own figures.
            refresh(olivia);
            Optional<List<String>> after = rowOf(olivia, "figures-burden-sharing", NORWAY);
            if (after.isPresent()) {
                assertThat(after.get()).as("Norway's row, its figures withheld").anyMatch(cell -> cell.startsWith("✕"));
                showRow(olivia, "figures-burden-sharing", NORWAY);
            } else {
                // Collapsed with the other states that do not publish to NATO ACT.
                showRow(olivia, "figures-burden-sharing", "State", "Other partners (");
            }
            assertThat(chartsNaming(olivia, NORWAY)).as("no burden chart draws Norway any more").isEmpty();
            olivia.screenshot("96-consent-coordinator-after-revocation");

            // Norway's access ledger: NATO ACT's coordinators were shown Norway's figures from the first snapshot.
            lars.open(appUrl("/access-ledger"));
            lars.waitFor(By.id("consent-ledger"));
            java.util.regex.Matcher when = java.util.regex.Pattern.compile("\\d{1,2} \\w{3} \\d{4}, \\d\\d:\\d\\d:\\d\\d UTC")
                    .matcher(published);
            assertThat(when.find()).as("the snapshot's time in \"" + published + "\"").isTrue();
            String snapshot = when.group();
            waitUntil(lars, "the consent use in Norway's ledger", () -> rowOf(lars, "consent-uses", snapshot)
                    .filter(row -> row.contains(NATO_ACT) && row.contains("Analytics screen")).isPresent());
            scrollTo(lars, "consent-ledger");
            lars.screenshot("97-consent-ledger");
        }
    }

    // ------------------------------------------------------------------ steps

    private static void saveAndConfirmRevocation(Browser browser) {
        press(browser, "save-publication");
        press(browser, "confirm-stop-publishing");
    }

    /** Refreshes the snapshot and waits for the figures of the new one; returns its "as of" text. */
    private static String refresh(Browser browser) {
        scrollTo(browser, "analytics-as-of"); // the header, with the button
        String before = text(browser, "analytics-as-of");
        browser.click("refresh-analytics");
        new WebDriverWait(browser.driver(), PATIENCE).until(d -> {
            String now = text(browser, "analytics-as-of");
            return now.startsWith("as of") && !now.equals(before);
        });
        browser.waitFor(By.id("figures-burden-sharing"));
        return text(browser, "analytics-as-of");
    }

    /** Clicks the element once it is in the middle of the window: a long page puts it under the fold otherwise. */
    private static void press(Browser browser, String id) {
        WebElement element = browser.waitFor(By.id(id));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        browser.click(id);
    }

    // ------------------------------------------------------------------ reading the page

    private static boolean ticked(Browser browser, String id) {
        return browser.waitFor(By.id(id)).getAttribute("checked") != null;
    }

    private static String text(Browser browser, String id) {
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeScript(
                "const e = document.getElementById(arguments[0]); return e ? e.textContent.trim() : '';", id));
    }

    private static void waitUntil(Browser browser, String what, java.util.function.BooleanSupplier condition) {
        // The section is built anew after a save: an element read just before that is stale, so read it again.
        new WebDriverWait(browser.driver(), PATIENCE).withMessage(what)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> condition.getAsBoolean());
    }

    private static void scrollTo(Browser browser, String id) {
        WebElement element = new WebDriverWait(browser.driver(), PATIENCE)
                .until(ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'})", element);
    }

    /**
     * The texts of the first row of grid {@code gridId} with cells that read each of {@code texts}, scrolling through
     * the grid (it renders only the rows in view); empty when no row has them.
     */
    @SuppressWarnings("unchecked")
    private static Optional<List<String>> rowOf(Browser browser, String gridId, String... texts) {
        JavascriptExecutor js = (JavascriptExecutor) browser.driver();
        long size = ((Number) js.executeScript("return document.getElementById(arguments[0]).size || 0", gridId))
                .longValue();
        for (long index = 0; index < Math.max(size, 1); index += 5) {
            js.executeScript("document.getElementById(arguments[0]).scrollToIndex(arguments[1])", gridId, index);
            List<List<String>> rows = new WebDriverWait(browser.driver(), PATIENCE).until(d -> (List<List<String>>)
                    js.executeScript("""
                            const grid = document.getElementById(arguments[0]);
                            if (grid.hasAttribute('loading')) return null;
                            const rows = [...grid.shadowRoot.querySelectorAll('tbody#items tr')]
                                .filter(tr => !tr.hidden && tr.offsetParent !== null)
                                .map(tr => [...tr.querySelectorAll('td slot')].map(slot => {
                                    const cell = slot.assignedElements()[0];
                                    return cell ? cell.textContent.trim() : '';
                                }));
                            return rows.some(cells => cells.every(c => c === '')) ? null : rows;""", gridId));
            for (List<String> row : rows) {
                if (java.util.Arrays.stream(texts).allMatch(text -> row.stream().anyMatch(cell -> cell.contains(text)))) {
                    return Optional.of(row);
                }
            }
        }
        return Optional.empty();
    }

    /** Scrolls the page to grid {@code gridId} and the grid to its first row with cells that read {@code texts}. */
    private static void showRow(Browser browser, String gridId, String... texts) {
        assertThat(rowOf(browser, gridId, texts)).as(List.of(texts) + " in " + gridId).isPresent();
        ((JavascriptExecutor) browser.driver()).executeScript("""
                const grid = document.getElementById(arguments[0]);
                grid.scrollIntoView({block: 'start'});
                const texts = arguments[1];
                const row = [...grid.shadowRoot.querySelectorAll('tbody#items tr')].find(tr => {
                    const cells = [...tr.querySelectorAll('td slot')]
                        .map(slot => slot.assignedElements()[0]).map(cell => cell ? cell.textContent : '');
                    return texts.every(text => cells.some(cell => cell.includes(text)));
                });
                if (row) row.scrollIntoView({block: 'center'});""", gridId, List.of(texts));
    }

    /** The ids of the burden charts whose categories name {@code partner} with a value drawn for it. */
    @SuppressWarnings("unchecked")
    private static List<String> chartsNaming(Browser browser, String partner) {
        return new WebDriverWait(browser.driver(), PATIENCE).until(d -> (List<String>) ((JavascriptExecutor) d)
                .executeScript("""
                        const partner = arguments[0];
                        const found = [];
                        for (const el of document.querySelectorAll('[id^="chart-burden"]')) {
                          const chart = window.echarts && echarts.getInstanceByDom(el);
                          if (!chart) return null;
                          const option = chart.getOption();
                          const axes = [...(option.xAxis || []), ...(option.yAxis || [])];
                          for (const axis of axes) {
                            const index = (axis.data || []).map(v => typeof v === 'object' ? v.value : v).indexOf(partner);
                            if (index < 0) continue;
                            const drawn = option.series.some(s => {
                              const v = (s.data || [])[index];
                              const value = v && typeof v === 'object' ? v.value : v;
                              return typeof value === 'number' || (Array.isArray(value) && value.some(x => typeof x === 'number'));
                            });
                            if (drawn) found.push(el.id);
                          }
                        }
                        return found;""", partner));
    }
}
