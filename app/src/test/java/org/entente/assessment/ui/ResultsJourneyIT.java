package org.entente.assessment.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.math.BigDecimal;
import org.entente.assessment.Direction;
import org.entente.assessment.Disaggregation;
import org.entente.assessment.Frequency;
import org.entente.assessment.Indicator;
import org.entente.assessment.IndicatorDraft;
import org.entente.assessment.IndicatorUnit;
import org.entente.assessment.MeasurementDraft;
import org.entente.assessment.Objective;
import org.entente.assessment.ResultsService;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.TenantScope;
import org.entente.initiative.Mechanism;
import org.entente.keycloak.EntenteRealm;
import org.entente.testing.Zips;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.entente.testing.DemoActors;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Participant.ParticipantRole;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamService;
import org.entente.workstream.WorkstreamStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Monitoring in two real browsers. Norway leads an active initiative Kenya has joined, and defines an indicator that
 * Kenya is responsible for, on its Results tab; the last quarter has no value, so the indicator shows
 * "Measurement overdue". Kenya finds it under "Measurements due" on its home page, is refused a percentage of 250 at
 * the field, and enters 50 %. Norway's page, open all along, shows the new point in the chart and the status
 * "On track" without a reload. Norway corrects the value (the earlier one is kept and listed), records a periodic
 * assessment with a rating and a recommendation Kenya owns, and Kenya marks it done; the IATI export downloads.
 */
class ResultsJourneyIT extends AppIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @Autowired
    WorkstreamService workstreams;
    @Autowired
    ResultsService results;
    @Autowired
    PlatformTransactionManager transactionManager;

    @TempDir
    Path downloads;

    @Test
    void aPartnersMeasurementReachesTheLeadsOpenChartLiveAndAnAssessmentFollows() throws Exception {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String title = "Boarding readiness " + marker;
        String objective = "Partner boarding teams can operate together " + marker;
        String definition = "Kenyan boarding teams certified to the common standard " + marker;
        LocalDate today = LocalDate.now();
        LocalDate baselineDate = today.minusYears(1);
        LocalDate targetDate = today.plusYears(1);
        Workstream exercise = as(DemoActors.NORWAY, () -> workstreams.create(new WorkstreamDraft(title,
                "Certification of boarding teams.", Releasability.PARTICIPANTS, List.of(), "Indian Ocean",
                baselineDate, targetDate, new KindDetails.Initiative(Mechanism.MARITIME_SECURITY, List.of(objective)))));
        as(DemoActors.NORWAY, () -> {
            workstreams.invite(exercise.ref(), DemoActors.KENYA.tenantId(), ParticipantRole.CONTRIBUTOR);
            return null;
        });
        as(DemoActors.KENYA, () -> {
            workstreams.respond(exercise.ref(), true);
            return null;
        });
        Workstream approved = as(DemoActors.NORWAY, () -> workstreams.changeStatus(exercise, WorkstreamStatus.APPROVED));
        as(DemoActors.NORWAY, () -> workstreams.changeStatus(approved, WorkstreamStatus.ACTIVE));
        String path = "/workstream/" + exercise.id();
        Periods.Period due = Periods.before(Frequency.QUARTERLY, Periods.containing(Frequency.QUARTERLY, today));

        try (Browser norway = new Browser(downloads); Browser kenya = new Browser()) {
            // The lead defines the indicator on the objective the initiative was created with.
            norway.open(appUrl(path));
            norway.signInAtKeycloak("ingrid.solberg", EntenteRealm.DEMO_PASSWORD);
            norway.waitForText(By.id("workstream-heading"), title);
            norway.openTab("Results");
            norway.waitForText(By.id("results"), objective);
            assertThat(norway.driver().findElement(By.id("results-summary")).getText()).isEqualTo("No indicators yet.");
            norway.screenshot("results-01-objective-without-indicators");
            norway.waitForClickable(By.cssSelector(".define-indicator")).click();
            norway.waitFor(By.id("indicator-dialog"));
            norway.type("indicator-definition", definition);
            select(norway, "indicator-unit", "Percent");
            norway.type("indicator-baseline-value", "20");
            typeDate(norway, "indicator-baseline-date", baselineDate);
            reveal(norway, "indicator-target-value");
            norway.type("indicator-target-value", "80");
            typeDate(norway, "indicator-target-date", targetDate);
            choose(norway, "indicator-responsible", "Republic of Kenya");
            norway.screenshot("results-02-define-indicator-dialog");
            norway.click("save-indicator");
            WebElement card = norway.waitFor(By.cssSelector(".indicator-card"));
            String key = card.getDomAttribute("id").substring("indicator-".length());
            norway.waitForText(By.id("indicator-status-" + key), "Measurement overdue");
            assertThat(norway.driver().findElement(By.id("indicator-status-" + key)).getText())
                    .contains("Not measured yet");
            assertThat(norway.driver().findElement(By.id("indicator-due-" + key)).getText())
                    .contains("Responsible: Republic of Kenya").contains("due now: " + Periods.label(due));
            waitUntil(norway, d -> measuredPoints(norway, key).isEmpty());
            norway.screenshot("results-03-indicator-defined-overdue");

            // The responsible partner finds it on its home page and goes to the Results tab from there.
            kenya.open(appUrl("/"));
            kenya.signInAtKeycloak("amina.odhiambo", EntenteRealm.DEMO_PASSWORD);
            kenya.waitForText(By.id("measurements-due"), definition);
            assertThat(kenya.gridCells()).contains(title, Periods.label(due));
            reveal(kenya, "measurements-due-section");
            kenya.screenshot("results-04-kenya-home-measurements-due");
            WebElement row = kenya.waitFor(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + definition
                    + "']"));
            ((JavascriptExecutor) kenya.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", row);
            kenya.waitForClickable(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + definition + "']"))
                    .click();
            kenya.waitForText(By.id("workstream-heading"), title);
            kenya.waitFor(By.id("enter-measurement-" + key));
            assertThat(selectedTab(kenya)).isEqualTo("Results");

            // A percentage of 250 is refused at the field; 50 % for the due quarter is entered.
            press(kenya, "enter-measurement-" + key);
            kenya.waitFor(By.id("measurement-dialog"));
            assertThat(kenya.driver().findElement(By.id("measurement-period")).getText())
                    .as("the period is preset to the one due").contains(Periods.label(due));
            kenya.type("measurement-value", "250");
            kenya.type("measurement-source", "Certification board minutes");
            kenya.click("save-measurement");
            waitUntil(kenya, d -> d.findElement(By.id("measurement-value")).getDomAttribute("invalid") != null
                    && d.findElement(By.id("measurement-value")).getText().contains("between 0 and 100"));
            kenya.screenshot("results-05-kenya-percentage-out-of-range");
            kenya.type("measurement-value", "50");
            kenya.type("measurement-note", "Six of twelve teams certified after the spring course.");
            kenya.screenshot("results-06-kenya-enter-measurement");
            kenya.click("save-measurement");
            waitUntil(kenya, d -> d.findElements(By.id("measurement-dialog")).isEmpty());
            kenya.waitFor(By.cssSelector("#indicator-status-" + key + " [data-status='ON_TRACK']"));

            // The lead's page was open all along: the push brings the point and the status, on the same tab.
            norway.waitFor(By.cssSelector("#indicator-status-" + key + " [data-status='ON_TRACK']"));
            waitUntil(norway, d -> measuredPoints(norway, key).size() == 1);
            assertThat(measuredPoints(norway, key)).containsExactly(50.0);
            assertThat(norway.driver().findElement(By.id("indicator-status-" + key)).getText())
                    .doesNotContain("Measurement overdue");
            assertThat(norway.driver().findElement(By.id("indicator-progress-" + key)).getText())
                    .startsWith("50 % of the way");
            assertThat(selectedTab(norway)).isEqualTo("Results");
            reveal(norway, "indicator-" + key);
            norway.screenshot("results-07-norway-sees-measurement-live");

            // The lead corrects the value; the correction dialog lists the value it replaced.
            press(norway, "measurements-" + key);
            norway.waitFor(By.id("measurements"));
            norway.waitForClickable(By.cssSelector("#measurements .correct-measurement")).click();
            norway.waitFor(By.id("measurement-history"));
            norway.type("measurement-value", "55");
            norway.click("save-measurement");
            waitUntil(norway, d -> measuredPoints(norway, key).equals(List.of(55.0)));
            press(norway, "measurements-" + key);
            norway.waitForClickable(By.cssSelector("#measurements .correct-measurement")).click();
            norway.waitForText(By.id("measurement-corrections"), "50 %");
            assertThat(norway.driver().findElement(By.id("measurement-history")).getText()).contains("Now: 55 %");
            norway.screenshot("results-08-correction-keeps-the-earlier-value");
            norway.click("cancel-measurement");

            // A periodic assessment with a rating and a recommendation Kenya owns; Kenya marks it done.
            press(norway, "add-assessment");
            norway.waitFor(By.id("assessment-dialog"));
            norway.type("assessment-findings", "Certification is on course; instructors are the bottleneck.");
            select(norway, "assessment-rating-1", "4 – largely met");
            reveal(norway, "add-recommendation");
            norway.click("add-recommendation");
            reveal(norway, "recommendation-text-1");
            norway.type("recommendation-text-1", "Train two more instructors " + marker);
            choose(norway, "recommendation-owner-1", "Republic of Kenya");
            typeDate(norway, "recommendation-due-1", today.plusMonths(3));
            norway.screenshot("results-09-add-assessment-dialog");
            norway.click("save-assessment");
            norway.waitForText(By.id("assessments"), "Periodic assessment");
            assertThat(norway.driver().findElement(By.id("assessments")).getText())
                    .contains("1 open recommendation").contains("Train two more instructors " + marker)
                    .contains("4 of 5");
            reveal(norway, "assessments");
            norway.screenshot("results-10-assessment-recorded");

            kenya.waitForText(By.id("assessments"), "Train two more instructors " + marker);
            WebElement mark = kenya.waitFor(By.cssSelector("#assessments .mark-recommendation"));
            ((JavascriptExecutor) kenya.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'});", mark);
            kenya.waitForClickable(By.cssSelector("#assessments .mark-recommendation")).click();
            kenya.waitForText(By.id("assessments"), "Done");
            norway.waitForText(By.id("assessments"), "Done");
            assertThat(norway.driver().findElement(By.id("assessments")).getText()).doesNotContain("open recommendation");
            reveal(kenya, "assessments");
            kenya.screenshot("results-11-kenya-marked-recommendation-done");

            // The IATI export downloads with its label beside it (their content is ResultsExport's and
            // ExportLabelsIT's business).
            press(norway, "export-iati");
            Path file = waitForDownload(".iati.zip");
            Map<String, byte[]> entries = Zips.entries(Files.readAllBytes(file));
            assertThat(entries.keySet()).hasSize(2).allMatch(name -> name.contains(".iati.xml"));
            assertThat(new String(entries.values().iterator().next(), StandardCharsets.UTF_8))
                    .contains("iati-activities").contains(definition);
        }
    }

    /**
     * Values typed by unit, seen by the lead and a participant: a yes/no indicator takes a radio choice, a 1–5 scale a
     * select, an indicator measured by partner draws one line per partner beside the totals and asks whom a value
     * is for; the participant sees the tab without the lead's actions.
     */
    @Test
    void valuesAreTypedByUnitAndPartnersGetTheirOwnLines() {
        String marker = UUID.randomUUID().toString().substring(0, 6);
        String title = "Harbour security " + marker;
        LocalDate today = LocalDate.now();
        LocalDate baselineDate = today.minusYears(1);
        Workstream exercise = as(DemoActors.NORWAY, () -> workstreams.create(new WorkstreamDraft(title,
                "Harbour security exercises.", Releasability.PARTICIPANTS, List.of(), "Indian Ocean", baselineDate,
                today.plusYears(1), new KindDetails.Initiative(Mechanism.MARITIME_SECURITY,
                        List.of("Harbour security plans are in force " + marker, "Crews share one picture " + marker)))));
        as(DemoActors.NORWAY, () -> {
            workstreams.invite(exercise.ref(), DemoActors.KENYA.tenantId(), ParticipantRole.CONTRIBUTOR);
            return null;
        });
        as(DemoActors.KENYA, () -> {
            workstreams.respond(exercise.ref(), true);
            return null;
        });
        Workstream approved = as(DemoActors.NORWAY, () -> workstreams.changeStatus(exercise, WorkstreamStatus.APPROVED));
        as(DemoActors.NORWAY, () -> workstreams.changeStatus(approved, WorkstreamStatus.ACTIVE));
        List<Objective> objectives = as(DemoActors.NORWAY, () -> results.objectives(exercise.ref()));
        Indicator plan = define(exercise, objectives.get(0), "Harbour security plan adopted " + marker,
                IndicatorUnit.YES_NO, Disaggregation.NONE, BigDecimal.ZERO, BigDecimal.ONE, baselineDate,
                DemoActors.NORWAY.tenantId());
        Indicator drills = define(exercise, objectives.get(0), "Readiness of harbour guards " + marker,
                IndicatorUnit.SCALE_1_5, Disaggregation.NONE, BigDecimal.valueOf(2), BigDecimal.valueOf(5), baselineDate,
                DemoActors.KENYA.tenantId());
        Indicator reports = define(exercise, objectives.get(1), "Shared contact reports per quarter " + marker,
                IndicatorUnit.NUMBER, Disaggregation.BY_PARTNER, BigDecimal.valueOf(10), BigDecimal.valueOf(60),
                baselineDate, DemoActors.NORWAY.tenantId());
        Periods.Period first = Periods.containing(Frequency.QUARTERLY, baselineDate.plusMonths(3));
        Periods.Period second = Periods.after(Frequency.QUARTERLY, first);
        for (Periods.Period period : List.of(first, second)) {
            int step = period == first ? 1 : 2;
            measure(reports, period, null, 10 + 12 * step);
            measure(reports, period, DemoActors.KENYA.tenantId(), 4 + 5 * step);
            measure(reports, period, DemoActors.NORWAY.tenantId(), 6 + 7 * step);
        }
        measure(drills, first, null, 3);
        String path = "/workstream/" + exercise.id();

        try (Browser norway = new Browser(); Browser kenya = new Browser()) {
            norway.open(appUrl(path));
            norway.signInAtKeycloak("ingrid.solberg", EntenteRealm.DEMO_PASSWORD);
            norway.waitForText(By.id("workstream-heading"), title);
            norway.openTab("Results");
            String byPartner = reports.id().toString();
            norway.waitFor(By.id("indicator-chart-" + byPartner));
            waitUntil(norway, d -> seriesNames(norway, byPartner).contains("Republic of Kenya"));
            assertThat(seriesNames(norway, byPartner)).contains("Measured", "Path to target", "Target", "Baseline",
                    "Kingdom of Norway", "Republic of Kenya");
            assertThat(measuredPoints(norway, byPartner)).containsExactly(22.0, 34.0);
            assertThat(norway.driver().findElement(By.id("results-summary")).getText()).startsWith("3 indicators:");
            norway.screenshot("results-20-three-units-and-partner-lines");
            reveal(norway, "indicator-" + byPartner);
            norway.screenshot("results-21-partner-lines");

            press(norway, "enter-measurement-" + plan.id());
            norway.waitFor(By.cssSelector("#measurement-value vaadin-radio-button"));
            assertThat(norway.driver().findElement(By.id("measurement-value")).getText()).contains("Yes").contains("No");
            norway.screenshot("results-22-yes-no-value");
            norway.click("cancel-measurement");
            waitUntil(norway, d -> d.findElements(By.id("measurement-dialog")).isEmpty());

            press(norway, "enter-measurement-" + byPartner);
            norway.waitFor(By.id("measurement-partner"));
            assertThat(norway.driver().findElement(By.id("measurement-partner")).getText())
                    .contains("Total (all partners)");
            norway.screenshot("results-23-value-for-a-partner");
            norway.click("cancel-measurement");
            waitUntil(norway, d -> d.findElements(By.id("measurement-dialog")).isEmpty());

            press(norway, "measurements-" + byPartner);
            norway.waitFor(By.id("measurements"));
            assertThat(norway.gridCells()).contains(Periods.label(first), Periods.label(second), "Total",
                    "Republic of Kenya", "34");
            norway.screenshot("results-24-measurements-list");
            norway.click("close-measurements");

            // The participant: values for the indicator it is responsible for, none of the lead's actions.
            kenya.open(appUrl(path));
            kenya.signInAtKeycloak("amina.odhiambo", EntenteRealm.DEMO_PASSWORD);
            kenya.waitForText(By.id("workstream-heading"), title);
            kenya.openTab("Results");
            kenya.waitFor(By.id("indicator-" + drills.id()));
            assertThat(kenya.driver().findElements(By.id("enter-measurement-" + drills.id()))).hasSize(1);
            assertThat(kenya.driver().findElements(By.id("enter-measurement-" + plan.id()))).isEmpty();
            assertThat(kenya.driver().findElements(By.id("add-objective"))).isEmpty();
            assertThat(kenya.driver().findElements(By.cssSelector(".define-indicator"))).isEmpty();
            assertThat(kenya.driver().findElements(By.id("add-assessment"))).isEmpty();
            press(kenya, "enter-measurement-" + drills.id());
            kenya.waitFor(By.cssSelector("vaadin-select#measurement-value"));
            select(kenya, "measurement-value", "4 of 5");
            kenya.screenshot("results-25-kenya-scale-value");
            kenya.click("save-measurement");
            waitUntil(kenya, d -> d.findElements(By.id("measurement-dialog")).isEmpty());
            // Seen where the page holds it (the card may lie outside the scrolled view, which hides it from getText).
            waitUntil(norway, d -> textOf(norway, "indicator-progress-" + drills.id()).contains("Latest 4 of 5"));
            kenya.screenshot("results-26-kenya-participant-view");
        }
    }

    /**
     * The demo data as ingrid.solberg finds it (read only: other tests count on the demo history): Exercise Blue
     * Horizon 2026's Results tab draws its indicators with their statuses, the boarding-teams indicator waits for
     * November, which she may enter (the dialog opens on that month and is cancelled), and her home page lists it.
     */
    @Test
    void theLeadFindsTheDemoInitiativesIndicatorsAndTheMonthSheMayEnter() {
        String blueHorizon = "/workstream/0c000000-0000-4000-8000-000000000001";
        String boarding = "1d000000-0000-4000-8000-000000000101";
        try (Browser norway = new Browser()) {
            norway.open(appUrl(blueHorizon));
            norway.signInAtKeycloak("ingrid.solberg", EntenteRealm.DEMO_PASSWORD);
            norway.waitForText(By.id("workstream-heading"), "Exercise Blue Horizon 2026");
            norway.openTab("Results");
            norway.waitFor(By.id("indicator-" + boarding));
            waitUntil(norway, d -> !measuredPoints(norway, boarding).isEmpty()
                    && !measuredPoints(norway, boarding).equals(List.of(-1.0)));
            List<String> statuses = norway.driver().findElements(By.cssSelector(".indicator-status")).stream()
                    .map(e -> e.getDomAttribute("data-status")).distinct().toList();
            assertThat(statuses).as("a mix a coordinator would recognise").contains("ON_TRACK", "OFF_TRACK");
            norway.screenshot("results-30-demo-blue-horizon");
            reveal(norway, "indicator-" + boarding);
            norway.screenshot("results-31-demo-blue-horizon-indicators");
            reveal(norway, "assessments");
            norway.screenshot("results-32-demo-assessments");

            LocalDate today = LocalDate.now();
            Periods.Period due = Periods.before(Frequency.MONTHLY, Periods.containing(Frequency.MONTHLY, today));
            // The demo ages with the calendar (the view computes "overdue" as of today; in December 2026 November is
            // due): once the indicator's life is over nothing is due, and there is no dialog to look at.
            if (textOf(norway, "indicator-status-" + boarding).contains("Measurement overdue")) {
                press(norway, "enter-measurement-" + boarding);
                norway.waitFor(By.id("measurement-dialog"));
                assertThat(norway.driver().findElement(By.id("measurement-period")).getText())
                        .contains(Periods.label(due));
                norway.screenshot("results-33-demo-enter-the-due-month");
                norway.click("cancel-measurement");
                waitUntil(norway, d -> d.findElements(By.id("measurement-dialog")).isEmpty());

                norway.open(appUrl("/"));
                norway.waitForText(By.id("measurements-due"), "Exercise Blue Horizon 2026");
                reveal(norway, "measurements-due-section");
                norway.screenshot("results-34-demo-home-measurements-due");
            }
        }
    }

    private Indicator define(Workstream workstream, Objective objective, String definition, IndicatorUnit unit,
            Disaggregation disaggregation, BigDecimal baseline, BigDecimal target, LocalDate baselineDate,
            UUID responsible) {
        return as(DemoActors.NORWAY, () -> results.defineIndicator(workstream.ref(), new IndicatorDraft(objective.id(),
                definition, unit, Direction.HIGHER, disaggregation, baseline, baselineDate, target,
                baselineDate.plusYears(2), Frequency.QUARTERLY, responsible, Releasability.PARTICIPANTS, List.of())));
    }

    private void measure(Indicator indicator, Periods.Period period, UUID partner, int value) {
        as(DemoActors.NORWAY, () -> results.enterMeasurement(indicator, new MeasurementDraft(period.start(),
                period.end(), partner, BigDecimal.valueOf(value), "Harbour log", null)));
    }

    @SuppressWarnings("unchecked")
    private static List<String> seriesNames(Browser browser, String key) {
        Object names = ((JavascriptExecutor) browser.driver()).executeScript(
                "const el = document.getElementById('indicator-chart-' + arguments[0]);"
                        + "const c = el && window.echarts && echarts.getInstanceByDom(el); if (!c) return [];"
                        + "return c.getOption().series.map(s => s.name);", key);
        return (List<String>) names;
    }

    /** The values of the chart's "Measured" series, as ECharts in the browser holds them. */
    @SuppressWarnings("unchecked")
    private static List<Double> measuredPoints(Browser browser, String key) {
        Object values = ((JavascriptExecutor) browser.driver()).executeScript(
                "const el = document.getElementById('indicator-chart-' + arguments[0]);"
                        + "const c = el && window.echarts && echarts.getInstanceByDom(el); if (!c) return null;"
                        + "const s = c.getOption().series.find(x => x.name === 'Measured');"
                        + "return s.data.map(p => p.value[1]);", key);
        return values == null ? List.of(-1.0) : ((List<Object>) values).stream()
                .map(v -> ((Number) v).doubleValue()).toList();
    }

    private static String textOf(Browser browser, String id) {
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeScript(
                "const el = document.getElementById(arguments[0]); return el ? el.textContent : '';", id));
    }

    private static String selectedTab(Browser browser) {
        return browser.driver().findElement(By.xpath("//vaadin-tab[@selected]")).getText();
    }

    /** Brings a field of a tall dialog into view (its content scrolls) before it is used. */
    private static void reveal(Browser browser, String id) {
        new WebDriverWait(browser.driver(), PATIENCE)
                .until(org.openqa.selenium.support.ui.ExpectedConditions.presenceOfElementLocated(By.id(id)));
        ((JavascriptExecutor) browser.driver()).executeScript(
                "document.getElementById(arguments[0]).scrollIntoView({block: 'center'});", id);
    }

    /** Clicks a button of the page, brought into view first (the page scrolls inside the app layout). */
    private static void press(Browser browser, String id) {
        // The page may rebuild under the click (the push of a change this page made itself follows its own refresh):
        // then the click lands on the old element or on the layout moving; it is tried again on the new one.
        new WebDriverWait(browser.driver(), PATIENCE)
                .ignoring(org.openqa.selenium.ElementClickInterceptedException.class)
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(d -> {
                    reveal(browser, id);
                    d.findElement(By.id(id)).click();
                    return true;
                });
    }

    /** Picks a combo box item, replacing what the field held. */
    private static void choose(Browser browser, String id, String label) {
        reveal(browser, id);
        browser.waitFor(By.cssSelector("#" + id + " input")).sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        browser.choose(id, label);
        waitUntil(browser, d -> label.equals(d.findElement(By.cssSelector("#" + id + " input")).getDomProperty("value")));
    }

    /** Picks an item of a Vaadin select by its label. */
    private static void select(Browser browser, String id, String label) {
        reveal(browser, id);
        browser.click(id);
        browser.waitForClickable(By.xpath("//vaadin-select-item[normalize-space(.)='" + label + "']")).click();
        waitUntil(browser, d -> d.findElement(By.id(id)).getText().contains(label));
    }

    /** The dialogs' date pickers take ISO dates. */
    private static void typeDate(Browser browser, String id, LocalDate date) {
        reveal(browser, id);
        WebElement input = browser.waitFor(By.cssSelector("#" + id + " input"));
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.BACK_SPACE);
        input.sendKeys(date.toString(), Keys.ENTER);
        waitUntil(browser, d -> date.toString().equals(d.findElement(By.id(id)).getDomProperty("value")));
    }

    private static void waitUntil(Browser browser, java.util.function.Function<WebDriver, Boolean> condition) {
        new WebDriverWait(browser.driver(), PATIENCE).until(condition::apply);
    }

    private Path waitForDownload(String suffix) {
        return org.entente.testing.Eventually.value("a downloaded " + suffix + " file", PATIENCE, () -> {
            try (Stream<Path> files = Files.list(downloads)) {
                return files.filter(f -> f.toString().endsWith(suffix)).findFirst();
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    private <T> T as(Actor actor, Supplier<T> work) {
        return TenantScope.callAs(actor, () -> new TransactionTemplate(transactionManager).execute(status -> work.get()));
    }
}
