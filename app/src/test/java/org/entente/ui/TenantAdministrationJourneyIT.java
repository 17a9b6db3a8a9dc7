package org.entente.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.UUID;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.TenantService;
import org.entente.tenant.admin.TenantAdministration;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/** The administration screens in real Chromium, signed in through the real Keycloak login page. */
class TenantAdministrationJourneyIT extends AppIntegrationTest {

    private static final UUID AU_PSD = UUID.fromString("0a000000-0000-4000-8000-000000000005");

    @Autowired
    TenantAdministration administration;

    @Autowired
    TenantService tenants;

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
    void aTenantAdminSeesOnlyTheirOwnPeopleAndNoPlatformScreens() {
        try (Browser browser = new Browser()) {
            browser.open(appUrl("/members"));
            browser.signInAtKeycloak("lars.haugen", EntenteRealm.DEMO_PASSWORD);
            browser.waitForText(By.id("managed-members"), "Ingrid Solberg");
            assertThat(browser.gridCells()).contains("Ingrid Solberg", "Lars Haugen")
                    .doesNotContain("Amina Odhiambo", "Claire Dubois");
            assertThat(browser.driver().findElement(By.id("main-navigation")).getText()).contains("Members")
                    .doesNotContain("Tenants");
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
