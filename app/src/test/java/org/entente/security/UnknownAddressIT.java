package org.entente.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.entente.keycloak.EntenteRealm;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * An address that is no page (a typo, a stale link, a workstream id that is not one): a signed-in person gets the
 * app's own "Page not available", not the browser's bare "HTTP ERROR 403" (Vaadin 25 denies unknown paths by
 * default); someone not signed in is sent to sign in first.
 */
class UnknownAddressIT extends AppIntegrationTest {

    @Test
    void aSignedInPersonGetsTheAppsOwnPageForAnAddressThatIsNoPage() {
        try (Browser browser = new Browser()) {
            browser.open(appUrl("/no-such-page"));
            assertThat(browser.driver().getCurrentUrl()).as("not signed in: to Keycloak first").contains("/realms/");
            browser.signInAtKeycloak("lars.haugen", EntenteRealm.DEMO_PASSWORD);
            browser.waitForText(By.cssSelector("#page-unavailable h1"), "Page not available");

            for (String path : new String[] {"/no-such-page", "/workstreams/not-a-workstream-id", "/analytics/x/y"}) {
                browser.open(appUrl(path));
                browser.waitForText(By.cssSelector("#page-unavailable h1"), "Page not available");
                assertThat(browser.driver().getPageSource()).as(path).doesNotContain("HTTP ERROR 403");
            }
            browser.screenshot("unknown-address");
        }
    }
}
