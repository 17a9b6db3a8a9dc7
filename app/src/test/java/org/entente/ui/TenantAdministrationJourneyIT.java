package org.entente.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.db.embedded.LocalPostgres;
import org.entente.tenant.TenantService;
import org.entente.tenant.admin.TenantAdministration;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.entente.testing.SuperuserDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** The administration screens in real Chromium, signed in through the real Keycloak login page. */
class TenantAdministrationJourneyIT extends AppIntegrationTest {

    private static final UUID AU_PSD = UUID.fromString("0a000000-0000-4000-8000-000000000005");

    @Autowired
    TenantAdministration administration;

    @Autowired
    TenantService tenants;

    @Autowired
    LocalPostgres postgres;

    @Test
    void aSuspensionReachesAnAlreadySignedInBrowserOnItsNextAction() {
        SignedInUser pat = SignedInAs.user(tenants, UUID.fromString("0b000000-0000-4000-8000-000000000012"), "pat.ops",
                "Pat Ops", "pat.ops@demo.entente.org", java.util.Set.of("platform-admin"), null);
        try (Browser browser = new Browser()) {
            browser.open(appUrl("/"));
            browser.signInAtKeycloak("fatou.diallo", EntenteRealm.DEMO_PASSWORD);
            browser.waitForText(By.id("current-organization"), "African Union Peace and Security Department");
            browser.screenshot("10-signed-in-before-suspension");

            SignedInAs.run(pat, () -> administration.suspend(AU_PSD));

            // The next action in the open session: a click in the navigation, no new sign-in.
            browser.waitForClickable(By.cssSelector("#main-navigation vaadin-side-nav-item")).click();
            browser.waitForText(By.id("access-problem-heading"), "Organization suspended");
            browser.screenshot("11-suspended-in-open-session");
            assertThat(browser.driver().getPageSource())
                    .contains("African Union Peace and Security Department is suspended");
        } finally {
            SignedInAs.run(pat, () -> administration.reactivate(AU_PSD));
        }
    }

    @Test
    void thePlatformAdministratorWithoutOrganizationManagesTenants() {
        String alias = "harbour-" + UUID.randomUUID().toString().substring(0, 6);
        try (Browser browser = new Browser()) {
            browser.open(appUrl("/"));
            browser.signInAtKeycloak("pat.ops", EntenteRealm.DEMO_PASSWORD);
            // With the demo history's dozens of partners a given row may sit under the fold: wait for the list,
            // then find Norway through the search.
            browser.waitForText(By.id("tenants"), "active");
            assertThat(browser.driver().getCurrentUrl()).contains("/tenants");
            assertThat(browser.driver().findElement(By.id("main-navigation")).getText()).contains("Tenants")
                    .doesNotContain("My organization").doesNotContain("Workstreams")
                    .doesNotContain("Members");
            assertThat(browser.waitFor(By.id("email-off")).getText()).startsWith("E-mail is off");
            browser.screenshot("12-tenants");
            browser.waitFor(By.cssSelector("#tenant-search input")).sendKeys("norway");
            browser.waitForText(By.id("tenants"), "Kingdom of Norway");
            browser.waitFor(By.cssSelector("#tenant-search input")).clear();

            browser.waitForClickable(By.id("new-tenant")).click();
            browser.waitFor(By.cssSelector("#tenant-name input")).sendKeys("Harbour Authority " + alias);
            browser.driver().findElement(By.cssSelector("#tenant-alias input")).sendKeys(alias);
            browser.driver().findElement(By.cssSelector("#tenant-kind input")).sendKeys("Academia", Keys.ENTER);
            browser.driver().findElement(By.cssSelector("#tenant-region input")).sendKeys("North Sea");
            browser.driver().findElement(By.cssSelector("#tenant-capacity input")).sendKeys("2.5");
            browser.driver().findElement(By.cssSelector("#tenant-domains input")).sendKeys(alias + ".example.org");
            browser.screenshot("13-new-tenant-dialog");
            browser.waitForClickable(By.id("save-tenant")).click();
            // Narrow the list to the new tenant first: with many tenants its row may sit under the fold.
            browser.waitFor(By.cssSelector("#tenant-search input")).sendKeys(alias);
            browser.waitForText(By.id("tenants"), "Harbour Authority " + alias);
            browser.screenshot("14-tenant-created");

            browser.waitForClickable(By.id("suspend-" + alias)).click();
            browser.waitForText(By.id("status-" + alias), "suspended");

            browser.waitFor(By.cssSelector("#tenant-search input")).clear();
            browser.waitFor(By.cssSelector("#tenant-search input")).sendKeys("norway");
            browser.waitForText(By.id("tenants"), "Kingdom of Norway");
            assertThat(browser.gridCells()).contains("Kingdom of Norway").doesNotContain("Republic of Kenya");
            browser.screenshot("15-tenants-filtered");
        }
    }

    @Test
    void thePlatformAdministratorKeepsCapacityByYearAndLoadsAFile() throws Exception {
        SuperuserDatabase database = new SuperuserDatabase(postgres);
        database.update("delete from tenant_capacity where year >= 2090");
        java.nio.file.Path file = java.nio.file.Files.createTempFile("capacity-", ".csv");
        try (Browser browser = new Browser()) {
            browser.driver().manage().window().setSize(new Dimension(1440, 900));
            browser.open(appUrl("/tenants"));
            browser.signInAtKeycloak("pat.ops", EntenteRealm.DEMO_PASSWORD);
            browser.waitForText(By.id("tenants"), "active");
            browser.waitFor(By.cssSelector("#tenant-search input")).sendKeys("norway");
            browser.waitForText(By.id("tenants"), "Kingdom of Norway");

            // One year by hand: add, see it with its source and editor, delete it after confirming.
            browser.click("capacity-norway");
            browser.waitFor(By.id("capacity-dialog"));
            browser.type("capacity-year", "2099");
            browser.type("capacity-eur", "482500000000");
            browser.type("capacity-source", "Journey test figure (made up)");
            browser.click("save-capacity");
            browser.waitForText(By.id("capacities"), "Journey test figure (made up)");
            assertThat(browser.gridCells()).contains("2099", "€482,500,000,000").anyMatch(c -> c.startsWith("Pat Ops, "));
            browser.screenshot("19-capacity-dialog");
            browser.click("delete-capacity-2099");
            browser.waitForClickable(By.cssSelector("[slot='confirm-button']")).click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> database.query(
                    "select count(*) from tenant_capacity where year = 2099").getFirst().getFirst().equals(0L));
            browser.click("close-capacity");

            // A file: a bad line refuses it whole, naming line and column; a good one is shown, then loaded.
            java.nio.file.Files.writeString(file, "alias,year,amount,currency,source\n"
                    + "norway,2098,1000000,NOK,Journey test (made up)\n"
                    + "kenya,2098,12x,EUR,Journey test (made up)\n");
            browser.click("load-capacities");
            upload(browser, file);
            browser.waitForText(By.id("capacity-import-problems"), "Line 3, column amount");
            browser.screenshot("20-capacity-file-refused");
            assertThat(database.query("select count(*) from tenant_capacity where year >= 2090"))
                    .containsExactly(java.util.List.of(0L));

            java.nio.file.Files.writeString(file, "alias,year,amount,currency,source\n"
                    + "norway,2098,1000000,NOK,Journey test (made up)\n"
                    + "kenya,2098,1200,EUR,Journey test (made up)\n");
            browser.driver().findElement(By.id("cancel-capacity-import")).click();
            browser.click("load-capacities");
            upload(browser, file);
            browser.waitForText(By.id("capacity-import-summary"), "2 new, 0 replaced, 0 unchanged, for 2 organizations");
            assertThat(browser.gridCells()).contains("Kingdom of Norway", "1,000,000 NOK", "€86,000", "new");
            browser.screenshot("21-capacity-file-summary");
            assertThat(database.query("select count(*) from tenant_capacity where year >= 2090"))
                    .as("nothing is stored before the confirmation").containsExactly(java.util.List.of(0L));
            browser.click("apply-capacity-import");
            new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).until(d -> database.query(
                    "select count(*) from tenant_capacity where year = 2098").getFirst().getFirst().equals(2L));
            assertThat(database.query("select capacity_eur from tenant_capacity where year = 2098 order by capacity_eur"))
                    .containsExactly(java.util.List.of(new java.math.BigDecimal("1200.00")),
                            java.util.List.of(new java.math.BigDecimal("86000.00")));
        } finally {
            database.update("delete from tenant_capacity where year >= 2090");
            java.nio.file.Files.deleteIfExists(file);
        }
    }

    /** Hands a file to the open dialog's upload (its file input lives in the component's shadow root). */
    private static void upload(Browser browser, java.nio.file.Path file) {
        WebElement upload = browser.waitFor(By.id("capacity-upload"));
        WebElement input = (WebElement) ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                "return arguments[0].querySelector('input[type=file]') "
                        + "|| arguments[0].shadowRoot.querySelector('input[type=file]');", upload);
        input.sendKeys(file.toAbsolutePath().toString());
    }

    @Test
    void aTenantAdminSeesOnlyTheirOwnPeopleAndNoPlatformScreens() {
        try (Browser browser = new Browser()) {
            browser.open(appUrl("/members"));
            browser.signInAtKeycloak("lars.haugen", EntenteRealm.DEMO_PASSWORD);
            browser.waitForText(By.id("managed-members"), "Ingrid Solberg");
            assertThat(browser.gridCells()).contains("Ingrid Solberg", "Lars Haugen")
                    .doesNotContain("Amina Odhiambo", "Claire Dubois");
            assertThat(browser.driver().findElement(By.id("main-navigation")).getText()).contains("Members")
                    .doesNotContain("Tenants");
            // This context has no mail server: the admin is told, and there are no e-mail invitations to list.
            assertThat(browser.waitFor(By.id("email-off")).getText()).startsWith("E-mail is off");
            assertThat(browser.driver().findElements(By.id("pending-invitations-section")))
                    .noneMatch(WebElement::isDisplayed);
            browser.screenshot("16-members-of-norway");

            browser.open(appUrl("/tenants"));
            awaitRenderedPage(browser);
            browser.waitFor(By.id("page-unavailable"));
            assertThat(browser.driver().findElements(By.id("tenants"))).isEmpty();
            assertThat(browser.driver().getPageSource()).doesNotContain("Republic of Kenya");
            browser.screenshot("17-tenant-admin-cannot-open-tenants");
        }
    }

    @Test
    void aMemberWhoIsNotTenantAdminHasNoMembersScreen() {
        try (Browser browser = new Browser()) {
            browser.open(appUrl("/"));
            browser.signInAtKeycloak("ingrid.solberg", EntenteRealm.DEMO_PASSWORD);
            browser.waitForText(By.id("current-organization"), "Kingdom of Norway");
            assertThat(browser.driver().findElement(By.id("main-navigation")).getText()).doesNotContain("Members")
                    .doesNotContain("Tenants");
            browser.open(appUrl("/members"));
            awaitRenderedPage(browser);
            browser.waitFor(By.id("page-unavailable"));
            browser.screenshot("18-member-cannot-open-members");
            assertThat(browser.driver().findElements(By.id("managed-members"))).isEmpty();
            assertThat(browser.driver().findElements(By.id("invite"))).isEmpty();
        }
    }

    /** Vaadin renders after the page loads: wait until the page shows some text (a view or the refusal). */
    private static void awaitRenderedPage(Browser browser) {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(driver -> !driver.findElement(By.tagName("body")).getText().isBlank());
    }
}
