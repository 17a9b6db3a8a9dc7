package org.entente.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;
import org.entente.keycloak.EntenteRealm;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * Three partner organizations in three real browsers: Norway creates an initiative and invites Kenya,
 * Kenya accepts, Norway's already-open page shows it without a reload, and NATO sees none of it.
 */
class CollaborationJourneyIT extends AppIntegrationTest {

    @Test
    void aLeadInvitesAPartnerWhoAcceptsWhileAThirdTenantSeesNothing() {
        String title = "Northern Shield " + UUID.randomUUID().toString().substring(0, 6);
        try (Browser norway = new Browser(); Browser kenya = new Browser(); Browser nato = new Browser()) {
            norway.open(appUrl("/workstreams"));
            norway.signInAtKeycloak("ingrid.solberg", EntenteRealm.DEMO_PASSWORD);
            norway.click("new-workstream");
            norway.type("workstream-title", title);
            norway.type("workstream-description", "Multinational maritime exercise in the Norwegian Sea.");
            norway.choose("initiative-mechanism", "Joint exercise");
            norway.screenshot("30-new-initiative");
            norway.click("save-workstream");
            norway.waitForText(By.id("workstream-heading"), title);
            String url = norway.driver().getCurrentUrl();
            String path = url.substring(url.indexOf("/workstream/"));

            norway.openTab("Participants");
            norway.choose("invite-partner", "Republic of Kenya (kenya)");
            norway.click("invite");
            norway.waitForText(By.id("participants"), "invited");
            norway.screenshot("31-kenya-invited");

            kenya.open(appUrl("/"));
            kenya.signInAtKeycloak("amina.odhiambo", EntenteRealm.DEMO_PASSWORD);
            kenya.waitForText(By.id("invitations"), title);
            kenya.screenshot("32-kenya-dashboard-invitation");
            kenya.open(appUrl(path));
            kenya.click("accept-invitation");
            kenya.waitFor(By.id("workstream-tabs"));
            kenya.screenshot("33-kenya-accepted");

            // Norway's page was open all along: the push brings Kenya's acceptance without a reload.
            norway.waitForText(By.id("participants"), "accepted");
            norway.screenshot("34-norway-sees-acceptance-live");
            assertThat(norway.gridCells()).contains("Republic of Kenya");

            nato.open(appUrl(path));
            nato.signInAtKeycloak("claire.dubois", EntenteRealm.DEMO_PASSWORD);
            nato.waitFor(By.id("workstream-not-found"));
            assertThat(nato.driver().getPageSource()).doesNotContain(title);
            nato.open(appUrl("/workstreams"));
            nato.type("workstream-search", title);
            nato.waitFor(By.id("workstreams"));
            assertThat(nato.driver().getPageSource()).doesNotContain(title);
            nato.open(appUrl("/"));
            nato.waitFor(By.id("invitations"));
            assertThat(nato.driver().getPageSource()).doesNotContain(title);
            nato.screenshot("35-nato-sees-nothing");
        }
    }
}
