package org.entente.api.clients;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import org.entente.api.ApiCalls;
import org.entente.db.embedded.LocalPostgres;
import org.entente.keycloak.EntenteRealm;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.entente.testing.SuperuserDatabase;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Norway's tenant administrator manages an API client on Members in a real browser: creates it (the secret is shown
 * once and works at Keycloak's token endpoint), rotates it (the old secret stops working), revokes it after a
 * confirmation (no more tokens; the row stays, marked revoked).
 */
class ApiClientsJourneyIT extends AppIntegrationTest {

    @Autowired
    LocalPostgres postgres;

    @Test
    void lars_creates_rotates_and_revokes_an_api_client() {
        String name = "Ledger sync " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser lars = new Browser()) {
            lars.open(appUrl("/members"));
            lars.signInAtKeycloak("lars.haugen", EntenteRealm.DEMO_PASSWORD);
            inView(lars, "api-client-name");
            lars.type("api-client-name", name);
            inView(lars, "create-api-client");
            clickInView(lars, "create-api-client");

            lars.waitFor(By.id("api-client-secret-dialog"));
            String clientId = value(lars, "api-client-id");
            String secret = value(lars, "api-client-secret");
            lars.screenshot("api-clients-1-secret-shown-once");
            assertThat(clientId).startsWith("entente-api-norway-");
            assertThat(ApiCalls.tokenRequest(clientId, secret).status()).isEqualTo(200);
            lars.click("close-api-client-secret");
            dialogsClosed(lars);
            lars.waitForText(By.id("api-client-grid"), name);
            assertThat(lars.driver().getPageSource()).as("the secret is not on the page any more").doesNotContain(secret);

            select(lars, name);
            clickInView(lars, "rotate-api-client");
            lars.waitFor(By.id("api-client-secret-dialog"));
            String rotated = value(lars, "api-client-secret");
            assertThat(rotated).isNotEqualTo(secret);
            assertThat(ApiCalls.tokenRequest(clientId, secret).status()).isIn(400, 401);
            assertThat(ApiCalls.tokenRequest(clientId, rotated).status()).isEqualTo(200);
            lars.click("close-api-client-secret");
            dialogsClosed(lars);

            select(lars, name);
            clickInView(lars, "revoke-api-client");
            lars.waitFor(By.id("confirm-revoke-api-client"));
            lars.screenshot("api-clients-2-revoke-confirmation");
            assertThat(ApiCalls.tokenRequest(clientId, rotated).status()).as("nothing before the confirmation")
                    .isEqualTo(200);
            lars.waitForClickable(By.cssSelector("[slot='confirm-button']")).click();
            // (other revoked clients of Norway may be in the grid already: wait for this one's own confirmation)
            lars.waitForText(By.tagName("vaadin-notification-card"), "Revoked: " + name);
            lars.screenshot("api-clients-3-revoked");
            assertThat(ApiCalls.tokenRequest(clientId, rotated).status()).isIn(400, 401);
        }
        assertThat(new SuperuserDatabase(postgres).query(
                "select revoked_at is not null, rotated_at is not null from api_client where display_name = ?", name))
                .containsExactly(List.of(true, true));
    }

    @Test
    void aMemberWhoIsNoAdministratorSeesNoApiClients() {
        try (Browser ingrid = new Browser()) {
            ingrid.open(appUrl("/organization"));
            ingrid.signInAtKeycloak("ingrid.solberg", EntenteRealm.DEMO_PASSWORD);
            ingrid.waitFor(By.id("members"));
            assertThat(ingrid.driver().findElements(By.id("api-clients"))).isEmpty();
            assertThat(ingrid.driver().findElements(By.id("create-api-client"))).isEmpty();
        }
    }

    private static void inView(Browser browser, String id) {
        WebElement element = browser.waitFor(By.id(id));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
    }

    private static void clickInView(Browser browser, String id) {
        inView(browser, id);
        browser.waitForClickable(By.id(id)).click();
    }

    private static void dialogsClosed(Browser browser) {
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10)).until(d -> Boolean.TRUE.equals(
                ((JavascriptExecutor) d).executeScript(
                        "return document.querySelectorAll('vaadin-dialog[opened], vaadin-dialog-overlay[opened]').length === 0")));
    }

    private static String value(Browser browser, String id) {
        WebElement input = browser.waitFor(By.cssSelector("#" + id + " input"));
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> !input.getDomProperty("value").isBlank());
        return input.getDomProperty("value");
    }

    private static void select(Browser browser, String name) {
        WebElement cell = browser.waitFor(By.xpath("//vaadin-grid-cell-content[normalize-space(.)='" + name + "']"));
        ((JavascriptExecutor) browser.driver()).executeScript("arguments[0].scrollIntoView({block: 'center'})", cell);
        cell.click();
        new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                .until(d -> d.findElement(By.id("rotate-api-client")).isEnabled()
                        && d.findElement(By.id("rotate-api-client")).getDomAttribute("disabled") == null);
    }
}
