package org.entente.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.ConsentingPartner;
import org.entente.analytics.engine.rollup.Cell;
import org.entente.analytics.engine.rollup.RollupTable;
import org.entente.analytics.engine.rollup.Row;
import org.entente.db.embedded.LocalPostgres;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.TenantService;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.entente.testing.DemoActors;
import org.entente.testing.Eventually;
import org.entente.testing.Refreshes;
import org.entente.testing.SuperuserDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The analytics end of the results journey (issue #17): an indicator a lead defines, and then measures, shows in the
 * coordinator's "Results by lead" after a refresh, on the service and on the page. The lead is a demo state that
 * publishes its own figures to NATO ACT (olivia.grant's organization); the indicator is PRIVATE to it, so NATO ACT
 * sees it only as that lead's own figure, published by its consent (and the ledger hears of it). The figures are
 * compared before and after, so whatever indicators the demo data hold, the change is this one's.
 */
class ResultsAnalyticsIT extends AppIntegrationTest {

    private static final UUID OLIVIA_GRANT = UUID.fromString("0b000000-0000-4000-8000-000000000005");
    private static final Duration PATIENCE = Duration.ofSeconds(120);
    private static final Path SHOTS = Path.of("/work/plan/shots");

    @Autowired
    AnalyticsService analytics;
    @Autowired
    TenantService tenants;
    @Autowired
    LocalPostgres postgres;

    /** The workstream the test measures on: an initiative of a state that consented to NATO ACT. */
    private record Lead(UUID tenant, UUID workstream, String name, String region) {
    }

    @Test
    void anIndicatorAndItsMeasurementShowInTheCoordinatorsResultsAfterARefresh() {
        SuperuserDatabase database = new SuperuserDatabase(postgres);
        SignedInUser olivia = SignedInAs.user(tenants, OLIVIA_GRANT, "olivia.grant", "Olivia Grant",
                "olivia.grant@nato-act.demo.entente.org", Set.of("member", "coordinator"), "nato-act");
        List<Object> found = database.query("""
                select w.tenant_id, w.id, t.name, w.region
                  from workstream w
                  join tenant t on t.id = w.tenant_id
                  join publication_consent c on c.tenant_id = w.tenant_id and c.grantee_tenant_id = ?
                 where w.kind = 'INITIATIVE' and w.region is not null and t.kind = 'STATE'
                 order by t.alias, w.id limit 1""", DemoActors.NATO.tenantId()).getFirst();
        Lead lead = new Lead((UUID) found.get(0), (UUID) found.get(1), (String) found.get(2), (String) found.get(3));
        UUID objective = null;
        try {
            Map<String, Long> before = leadRow(snapshotFor(olivia), lead);

            // The lead defines an indicator: 10 % -> 90 % from two years ago to a year ago. Not measured yet.
            objective = (UUID) database.query("insert into objective (tenant_id, workstream_id, text) values (?, ?,"
                    + " 'ResultsAnalyticsIT') returning id", lead.tenant(), lead.workstream()).getFirst().getFirst();
            UUID indicator = (UUID) database.query("""
                    insert into indicator (tenant_id, workstream_id, objective_id, definition, unit, baseline_value,
                                           baseline_date, target_value, target_date, frequency, responsible_tenant_id,
                                           releasability)
                    values (?, ?, ?, 'ResultsAnalyticsIT', 'PERCENT', 10, current_date - 730, 90, current_date - 365,
                            'QUARTERLY', ?, 'PRIVATE') returning id""",
                    lead.tenant(), lead.workstream(), objective, lead.tenant()).getFirst().getFirst();
            AnalyticsReport defined = snapshotFor(olivia);
            Map<String, Long> afterDefining = leadRow(defined, lead);
            assertThat(afterDefining.get("indicators")).isEqualTo(before.get("indicators") + 1);
            assertThat(afterDefining.get("not_measured")).isEqualTo(before.get("not_measured") + 1);
            assertThat(afterDefining.get("off_track")).isEqualTo(before.get("off_track"));
            assertThat(defined.publishedByConsent()).extracting(ConsentingPartner::tenantId).contains(lead.tenant());

            // A value of 20 %, far short of the target whose date has passed: off track.
            database.update("""
                    insert into measurement (tenant_id, workstream_id, indicator_id, period_start, period_end, value,
                                             entered_by_tenant_id, entered_by)
                    values (?, ?, ?, current_date - 500, current_date - 470, 20, ?, 'ResultsAnalyticsIT')""",
                    lead.tenant(), lead.workstream(), indicator, lead.tenant());
            Map<String, Long> afterMeasuring = leadRow(snapshotFor(olivia), lead);
            assertThat(afterMeasuring.get("indicators")).isEqualTo(afterDefining.get("indicators"));
            assertThat(afterMeasuring.get("not_measured")).isEqualTo(before.get("not_measured"));
            assertThat(afterMeasuring.get("off_track")).isEqualTo(before.get("off_track") + 1);
            assertThat(afterMeasuring.get("workstreams_off_track")).isPositive();

            // On the page: the coordinator's Analytics, cut to the lead's region, to initiatives and to states.
            try (Browser browser = new Browser()) {
                browser.driver().manage().window().setSize(new Dimension(1440, 1000));
                browser.open(appUrl("/analytics"));
                browser.signInAtKeycloak("olivia.grant", EntenteRealm.DEMO_PASSWORD);
                browser.waitForText(By.id("analytics-scope"), "Federation view");
                browser.choose("filter-region", lead.region());
                browser.choose("filter-workstream-kind", "Shared initiative");
                browser.choose("filter-partner-kind", "State");
                scrollTo(browser, "section-results-by-lead");
                new WebDriverWait(browser.driver(), PATIENCE).until(d -> !d.findElements(
                        By.cssSelector("#chart-results-by-lead canvas")).isEmpty());
                new WebDriverWait(browser.driver(), PATIENCE).until(d -> rowText(browser, "figures-results-by-lead",
                        lead.name()) != null);
                List<String> row = rowText(browser, "figures-results-by-lead", lead.name());
                // lead kind, lead, indicators, on track, at risk, off track, ...
                assertThat(row.get(1)).isEqualTo(lead.name());
                assertThat(row.get(5)).as("off track on the page").isNotBlank().doesNotStartWith("✕");
                assertThat(text(browser, "heading-results-by-lead")).isEqualTo("Results by lead");
                shot(browser, "n17-analytics-results-by-lead");
                scrollTo(browser, "section-results");
                new WebDriverWait(browser.driver(), PATIENCE).until(d -> !d.findElements(
                        By.cssSelector("#chart-results canvas")).isEmpty());
                assertThat(text(browser, "section-results")).contains("Are we achieving what we set out to do?");
                shot(browser, "n17-analytics-results");
            }
        } finally {
            if (objective != null) {
                database.update("delete from objective where tenant_id = ? and workstream_id = ? and id = ?",
                        lead.tenant(), lead.workstream(), objective);
            }
        }
    }

    /** Refreshes the snapshot and reads the coordinator's report on it. */
    private AnalyticsReport snapshotFor(SignedInUser olivia) {
        Eventually.value("no refresh running", Duration.ofMinutes(3),
                () -> analytics.refreshing() ? Optional.empty() : Optional.of(true));
        java.time.Instant asked = Refreshes.now();
        CompletableFuture<RefreshEvent> outcome = new CompletableFuture<>();
        try (AutoCloseable watch = analytics.watch(event -> {
            if (Refreshes.endsOneAskedSince(event, asked)) {
                outcome.complete(event);
            }
        })) {
            SignedInAs.run(olivia, analytics::refresh);
            RefreshEvent result = outcome.get(180, TimeUnit.SECONDS);
            assertThat(result).as(result.toString()).isInstanceOf(RefreshEvent.Finished.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return SignedInAs.call(olivia, () -> analytics.report(AnalyticsFilter.everything())).orElseThrow();
    }

    /** The lead's published figures in Results by lead (all zero without a row: no indicators yet). */
    private static Map<String, Long> leadRow(AnalyticsReport report, Lead lead) {
        RollupTable table = report.table("results-by-lead").orElseThrow();
        int name = table.columnIndex("lead");
        Map<String, Long> figures = new LinkedHashMap<>();
        List<String> columns = List.of("indicators", "not_measured", "off_track", "workstreams_off_track");
        Row row = table.rows().stream().filter(r -> !r.total() && lead.name().equals(r.cells().get(name).value()))
                .findFirst().orElse(null);
        for (String column : columns) {
            if (row == null) {
                figures.put(column, 0L);
                continue;
            }
            Cell cell = row.cells().get(table.columnIndex(column));
            assertThat(cell.isSuppressed()).as("%s of %s: published by its consent", column, lead.name()).isFalse();
            figures.put(column, ((Number) cell.value()).longValue());
        }
        return figures;
    }

    /** The texts of the grid row whose cells include {@code name}, or null while it is not rendered. */
    @SuppressWarnings("unchecked")
    private static List<String> rowText(Browser browser, String gridId, String name) {
        return (List<String>) ((JavascriptExecutor) browser.driver()).executeScript("""
                const grid = document.getElementById(arguments[0]);
                if (!grid) return null;
                for (const tr of grid.shadowRoot.querySelectorAll('tbody#items tr')) {
                  const texts = [...tr.querySelectorAll('slot')].map(s => {
                    const cell = s.assignedElements()[0];
                    return cell ? cell.textContent.trim() : '';
                  });
                  if (texts.includes(arguments[1])) return texts;
                }
                return null;""", gridId, name);
    }

    private static String text(Browser browser, String id) {
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeScript(
                "const e = document.getElementById(arguments[0]); return e ? e.textContent.trim() : '';", id));
    }

    private static void scrollTo(Browser browser, String id) {
        new WebDriverWait(browser.driver(), PATIENCE).withMessage(() -> id + " among the sections " + sections(browser))
                .until(d -> !d.findElements(By.id(id)).isEmpty());
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'start'})",
                browser.driver().findElement(By.id(id)));
    }

    private static Object sections(Browser browser) {
        return ((JavascriptExecutor) browser.driver()).executeScript("return [...document.querySelectorAll("
                + "'.analytics-section')].map(s => s.id + ' ' + s.offsetHeight + ' ' + getComputedStyle(s).display)");
    }

    /** A screenshot under target/screenshots, and a copy for the plan's pictures when that folder exists. */
    private static void shot(Browser browser, String name) {
        Path picture = browser.screenshot(name);
        if (Files.isDirectory(SHOTS)) {
            try {
                Files.copy(picture, SHOTS.resolve(picture.getFileName()), StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }
    }
}
