package org.entente.ui;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.db.embedded.LocalPostgres;
import org.entente.keycloak.EntenteRealm;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.entente.testing.SuperuserDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/** Partner staff in real Chromium, signing in through the real Keycloak login page. */
class WalkingSkeletonJourneyIT extends AppIntegrationTest {

    @Autowired
    LocalPostgres postgres;

    @Test
    void aMemberSeesTheirOwnOrganizationNoOtherTenantsMembersAndSignsOut() {
        try (Browser browser = new Browser()) {
            browser.open(appUrl("/"));
            browser.waitFor(By.id("username"));
            browser.screenshot("01-keycloak-login");

            browser.signInAtKeycloak("ingrid.solberg", EntenteRealm.DEMO_PASSWORD);
            browser.waitForText(By.id("current-organization"), "Kingdom of Norway");
            browser.open(appUrl("/organization"));
            browser.waitForText(By.id("organization-name"), "Kingdom of Norway");
            browser.waitForText(By.id("members"), "Lars Haugen");
            browser.screenshot("02-my-organization");

            assertThat(browser.driver().findElement(By.id("current-organization")).getText())
                    .isEqualTo("Kingdom of Norway");
            assertThat(browser.driver().findElement(By.id("organization-kind")).getText()).isEqualTo("State");
            assertThat(browser.driver().findElement(By.id("my-roles")).getText()).contains("member");
            assertThat(browser.gridCells()).contains("Ingrid Solberg", "Lars Haugen", "ingrid.solberg")
                    .doesNotContain("Amina Odhiambo", "Claire Dubois", "amina.odhiambo", "Olivia Grant");
            assertThat(browser.driver().getPageSource()).doesNotContain("Amina Odhiambo", "Republic of Kenya");
            assertThat(browser.driver().findElement(By.id("main-navigation")).getText()).contains("My organization");

            browser.waitForClickable(By.cssSelector("#user-menu vaadin-menu-bar-button")).click();
            browser.waitForClickable(By.id("sign-out")).click();
            browser.waitFor(By.id("username"));
            browser.screenshot("03-signed-out");

            // The Keycloak session ended too: opening the app asks for credentials again.
            browser.open(appUrl("/"));
            browser.waitFor(By.id("username"));
            assertThat(browser.driver().getCurrentUrl()).contains("/realms/entente/");
            browser.screenshot("04-login-again");
        }
    }

    @Test
    void aUserWithoutOrganizationGetsTheNoOrganizationPage() {
        try (Browser browser = new Browser()) {
            browser.open(appUrl("/"));
            browser.signInAtKeycloak("guest.unaffiliated", EntenteRealm.DEMO_PASSWORD);
            browser.waitForText(By.id("access-problem-heading"), "No organization");
            browser.screenshot("05-no-organization");

            assertThat(browser.driver().getPageSource()).doesNotContain("Kingdom of Norway")
                    .doesNotContain("Exception");
            assertThat(browser.driver().findElements(By.id("members"))).isEmpty();
        }
    }

    @Test
    void aMemberOfASuspendedOrganizationGetsTheSuspendedPage() {
        SuperuserDatabase database = new SuperuserDatabase(postgres);
        database.update("update tenant set status = 'SUSPENDED' where alias = 'delft-defence-lab'");
        try (Browser browser = new Browser()) {
            browser.open(appUrl("/"));
            browser.signInAtKeycloak("pieter.devries", EntenteRealm.DEMO_PASSWORD);
            browser.waitForText(By.id("access-problem-heading"), "Organization suspended");
            browser.screenshot("06-organization-suspended");

            assertThat(browser.driver().getPageSource()).contains("Delft Defence Research Lab is suspended");
            assertThat(browser.driver().findElements(By.id("members"))).isEmpty();
        } finally {
            database.update("update tenant set status = 'ACTIVE' where alias = 'delft-defence-lab'");
        }
    }
}
