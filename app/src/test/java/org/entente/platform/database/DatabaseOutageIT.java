package org.entente.platform.database;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import javax.sql.DataSource;
import org.entente.db.embedded.LocalPostgres;
import org.entente.keycloak.EntenteRealm;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.entente.testing.SuperuserDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.FluentWait;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * PostgreSQL stops while a person is signed in and saving: the save in flight leaves nothing behind, the
 * page and the next navigation say the database is temporarily unavailable (no error page), and once
 * PostgreSQL is back the same browser session works again without restarting the app.
 */
class DatabaseOutageIT extends AppIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    /** The create transaction has written its workstream and audit rows and now waits for the activity table. */
    private static final String WAITING_SAVE = """
            where not waiting.granted and waiting.relation = 'activity'::regclass and session.usename = 'entente_app'
              and exists (select 1 from pg_locks held where held.pid = waiting.pid and held.granted
                          and held.relation = 'workstream'::regclass and held.mode = 'RowExclusiveLock')
              and exists (select 1 from pg_locks held where held.pid = waiting.pid and held.granted
                          and held.relation = 'audit_event'::regclass and held.mode = 'RowExclusiveLock')
            """;

    /** Whether it waits so. */
    private static final String CREATE_WAITS_FOR_ACTIVITY = """
            select count(*) from pg_locks waiting join pg_stat_activity session on session.pid = waiting.pid
            """ + WAITING_SAVE;

    /** Ends that transaction's server process, as a crash would, while the table is still held. */
    private static final String CUT_THE_WAITING_SAVE = """
            select pg_terminate_backend(waiting.pid) from pg_locks waiting join pg_stat_activity session on session.pid = waiting.pid
            """ + WAITING_SAVE;

    @Autowired
    LocalPostgres postgres;

    @Autowired
    DataSource dataSource;

    @Test
    void aSaveCutByTheOutageLeavesNothingThePagesSaySoAndTheSessionWorksAgainWhenTheDatabaseIsBack() throws Exception {
        String title = "Outage drill " + UUID.randomUUID().toString().substring(0, 8);
        SuperuserDatabase database = new SuperuserDatabase(postgres);
        try (Browser browser = new Browser()) {
            browser.open(appUrl("/workstreams"));
            browser.signInAtKeycloak("ingrid.solberg", EntenteRealm.DEMO_PASSWORD);
            browser.waitFor(By.id("workstreams"));
            fillNewWorkstream(browser, title);

            // A superuser holds the activity table, so the save stops at a known point: after inserting the
            // workstream, its lead participation, details and audit event, before its activity entry.
            try (Connection blocker = DriverManager.getConnection(postgres.jdbcUrl(), "postgres", "")) {
                blocker.setAutoCommit(false);
                try (Statement lock = blocker.createStatement()) {
                    lock.execute("lock table activity in share mode");
                }
                browser.click("save-workstream");
                waitUntil(() -> count(database, CREATE_WAITS_FOR_ACTIVITY) == 1);
                // The save's own server process is ended first, while the blocker still holds the table: stopping
                // the server alone ends both at once, and the save could slip through to its commit in between.
                try (Statement cut = blocker.createStatement()) {
                    cut.execute(CUT_THE_WAITING_SAVE);
                }
                postgres.stop();
            }

            // The dialog stays, with what was typed, and says nothing was saved.
            waitUntil(browser, () -> notificationText(browser).contains("temporarily unavailable"));
            assertThat(notificationText(browser)).contains("nothing was saved");
            assertThat(browser.driver().findElement(By.cssSelector("#workstream-title input")).getDomProperty("value"))
                    .isEqualTo(title);
            browser.screenshot("outage-01-save-not-completed");
            assertNoErrorPage(browser);

            // Navigating while the database is down, within the open page and by reloading: the app's own
            // page saying so, not an error page.
            browser.waitForClickable(By.xpath("//vaadin-button[normalize-space(.)='Cancel']")).click();
            browser.waitForClickable(By.cssSelector("#main-navigation vaadin-side-nav-item[path='organization']"))
                    .click();
            browser.waitForText(By.id("database-unavailable-heading"), "Database temporarily unavailable");
            assertThat(browser.driver().findElement(By.id("database-unavailable")).getText())
                    .contains("Try again in a moment");
            browser.screenshot("outage-02-page-while-database-down");
            assertNoErrorPage(browser);
            browser.open(appUrl("/workstreams"));
            browser.waitForText(By.id("database-unavailable-heading"), "Database temporarily unavailable");
            assertNoErrorPage(browser);

            postgres.startAgain();
            // Wholly absent: none of the rows written before the cut survived.
            assertThat(count(database, "select count(*) from workstream where title = ?", title)).isZero();
            assertThat(count(database, "select count(*) from audit_event where entity_type = 'workstream' "
                    + "and details::text like ?", "%" + title + "%")).isZero();
            assertThat(count(database, "select count(*) from activity where summary like ?", "%" + title + "%"))
                    .isZero();

            // The same browser session works again: try again, read, move on, save.
            browser.waitForClickable(By.linkText("Try again")).click();
            browser.waitFor(By.id("workstreams"));
            browser.waitForClickable(By.cssSelector("#main-navigation vaadin-side-nav-item[path='organization']"))
                    .click();
            browser.waitForText(By.id("organization-name"), "Kingdom of Norway");
            browser.waitForClickable(By.cssSelector("#main-navigation vaadin-side-nav-item[path='workstreams']"))
                    .click();
            browser.waitFor(By.id("workstreams"));
            fillNewWorkstream(browser, title);
            browser.click("save-workstream");
            browser.waitForText(By.id("workstream-heading"), title);
            browser.screenshot("outage-03-saved-after-restart");

            // Wholly there: the workstream with its lead participation, audit event and activity entry.
            UUID id = (UUID) database.query("select id from workstream where title = ?", title).getFirst().getFirst();
            assertThat(count(database, "select count(*) from participation where workstream_id = ? and role = 'LEAD'",
                    id)).isEqualTo(1);
            assertThat(count(database, "select count(*) from audit_event where entity_type = 'workstream' "
                    + "and entity_id = ? and action = 'CREATE'", id.toString())).isEqualTo(1);
            assertThat(count(database, "select count(*) from activity where workstream_id = ? and verb = 'created'",
                    id)).isEqualTo(1);
        } finally {
            // Every other test in this JVM uses this PostgreSQL and the app's pool.
            postgres.startAgain();
            waitUntil(this::poolAnswers);
        }
    }

    private static void fillNewWorkstream(Browser browser, String title) {
        browser.click("new-workstream");
        browser.type("workstream-title", title);
        browser.type("workstream-description", "Checks what a database outage does to a save in flight.");
        browser.choose("initiative-mechanism", "Joint exercise");
    }

    private static String notificationText(Browser browser) {
        return browser.driver().findElements(By.tagName("vaadin-notification-card")).stream()
                .map(card -> card.getText()).reduce("", (a, b) -> a + " " + b);
    }

    private static void assertNoErrorPage(Browser browser) {
        assertThat(browser.driver().getPageSource())
                .doesNotContain("Internal error", "Something went wrong", "Exception", "at org.");
    }

    private boolean poolAnswers() {
        try (Connection connection = dataSource.getConnection()) {
            return connection.isValid(2);
        } catch (SQLException e) {
            return false;
        }
    }

    private static long count(SuperuserDatabase database, String sql, Object... parameters) {
        return ((Number) database.query(sql, parameters).getFirst().getFirst()).longValue();
    }

    private static void waitUntil(BooleanSupplier condition) {
        new FluentWait<>(condition).withTimeout(PATIENCE).pollingEvery(Duration.ofMillis(100))
                .until(BooleanSupplier::getAsBoolean);
    }

    private static void waitUntil(Browser browser, BooleanSupplier condition) {
        new WebDriverWait(browser.driver(), PATIENCE).until(driver -> condition.getAsBoolean());
    }
}
