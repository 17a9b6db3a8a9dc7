package org.entente.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.entente.db.embedded.LocalPostgres;
import org.entente.initiative.Mechanism;
import org.entente.keycloak.EntenteRealm;
import org.entente.keycloak.KeycloakServer;
import org.entente.keycloak.testing.KeycloakTestServer;
import org.entente.platform.keycloak.KeycloakAdminClient;
import org.entente.tenant.TenantKind;
import org.entente.tenant.TenantService;
import org.entente.tenant.admin.AdministrationException;
import org.entente.tenant.admin.Invitation;
import org.entente.tenant.admin.MemberAdministration;
import org.entente.tenant.admin.TenantAdministration;
import org.entente.tenant.admin.TenantDraft;
import org.entente.tenant.admin.TenantRole;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.entente.testing.DemoActors;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The shared Keycloak stopped for real (its process ends) while people are signed in: they go on working; a new
 * browser gets the app's own "sign-in is temporarily unavailable" page (HTTP 503) instead of a connection error;
 * administration that needs Keycloak says so and changes nothing; signing out ends the app session and says that
 * Keycloak's session could not be ended. Once Keycloak is back, sign-in works again without restarting the app.
 * Keycloak is started again in a finally block, on the same port with its data, for the tests that follow.
 */
class KeycloakOutageIT extends AppIntegrationTest {

    private static final UUID PAT_OPS = UUID.fromString("0b000000-0000-4000-8000-000000000012");
    private static final UUID LARS_HAUGEN = UUID.fromString("0b000000-0000-4000-8000-000000000002");

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    WorkstreamService workstreams;
    @Autowired
    TenantAdministration administration;
    @Autowired
    MemberAdministration members;
    @Autowired
    TenantService tenants;
    @Autowired
    KeycloakAdminClient keycloak;
    @Autowired
    LocalPostgres postgres;
    @Autowired
    PlatformTransactionManager transactionManager;

    @Test
    void signedInPeopleGoOnWorkingNewSignInsGetAClearPageAndAdministrationChangesNothing() throws Exception {
        SignedInUser pat = SignedInAs.user(tenants, PAT_OPS, "pat.ops", "Pat Ops", "pat.ops@demo.entente.org",
                Set.of("platform-admin"), null);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String title = "Outage Watch " + suffix;
        Workstream watch = new DemoActors(transactionManager).as(DemoActors.NORWAY, () -> workstreams.create(
                new WorkstreamDraft(title, "Keeps working while Keycloak is down.", Releasability.PARTICIPANTS,
                        List.of(), "North Sea", null, null,
                        new KindDetails.Initiative(Mechanism.MARITIME_SECURITY, List.of("Radar")))));
        String workstreamPath = "/workstream/" + watch.id();
        UUID existing = SignedInAs.call(pat, () -> administration.create(new TenantDraft("Outage Stays " + suffix,
                "outage-stays-" + suffix, TenantKind.NGO, null, null, List.of())));
        String refusedAlias = "outage-new-" + suffix;

        try (Browser member = new Browser(); Browser admin = new Browser(); Browser newcomer = new Browser()) {
            member.open(appUrl(workstreamPath));
            member.signInAtKeycloak("ingrid.solberg", EntenteRealm.DEMO_PASSWORD);
            member.waitForText(By.id("workstream-heading"), title);
            admin.open(appUrl("/"));
            admin.signInAtKeycloak("pat.ops", EntenteRealm.DEMO_PASSWORD);
            admin.waitForText(By.id("tenants"), "active");

            KeycloakServer server = KeycloakTestServer.shared();
            KeycloakTestServer.stop();
            try {
                assertThat(server.isRunning()).isFalse();
                outage(member, newcomer, admin, server.baseUrl(), pat, existing, refusedAlias, title, workstreamPath,
                        suffix);
            } finally {
                KeycloakTestServer.shared();
            }

            // Back: sign-in works again without restarting the app, and nothing reached Keycloak meanwhile.
            assertThat(KeycloakTestServer.shared().httpPort()).isEqualTo(server.httpPort());
            newcomer.click("sign-in-again");
            newcomer.signInAtKeycloak("claire.dubois", EntenteRealm.DEMO_PASSWORD);
            newcomer.waitFor(By.id("main-navigation"));
            assertThat(keycloak.organizationByAlias(refusedAlias)).isEmpty();
            KeycloakAdminClient.Organization stays = keycloak.organization(existing).orElseThrow();
            assertThat(stays.enabled()).isTrue();
            assertThat(stays.name()).isEqualTo("Outage Stays " + suffix);
            assertThat(keycloak.userByEmail(invitedEmail(suffix))).isEmpty();
        }
    }

    private void outage(Browser member, Browser newcomer, Browser admin, String keycloakUrl, SignedInUser pat,
            UUID existing, String refusedAlias, String title, String workstreamPath, String suffix) throws Exception {
        SuperuserDatabase database = new SuperuserDatabase(postgres);
        // 1. The member goes on working: full page loads, navigation, a comment saved and read back.
        String comment = "Radar picture shared while the identity service is down " + suffix;
        member.open(appUrl("/workstreams"));
        member.waitFor(By.id("workstreams"));
        member.open(appUrl(workstreamPath));
        member.waitForText(By.id("workstream-heading"), title);
        member.openTab("Discussion");
        member.type("comment-body", comment);
        member.waitFor(By.cssSelector("#comment-body textarea")).sendKeys(Keys.chord(Keys.CONTROL, Keys.ENTER));
        member.waitForText(By.id("discussion-thread"), comment);
        member.open(appUrl(workstreamPath));
        member.openTab("Discussion");
        member.waitForText(By.id("discussion-thread"), comment);
        member.screenshot("keycloak-down-member-works");

        // 2. A new browser gets the app's page, and the HTTP answers say 503, not a redirect into nothing.
        newcomer.open(appUrl("/workstreams"));
        newcomer.waitForText(By.id("sign-in-unavailable"), "Sign-in is temporarily unavailable");
        assertThat(newcomer.driver().getCurrentUrl()).isEqualTo(appUrl("/sign-in-unavailable"));
        assertThat(newcomer.driver().findElement(By.id("sign-in-unavailable")).getText())
                .contains("cannot reach the identity service (Keycloak)",
                        "If you are already signed in elsewhere, you can go on working there.",
                        "Try again in a few minutes.");
        newcomer.screenshot("keycloak-down-sign-in-unavailable");
        HttpResponse<Void> login = get("/oauth2/authorization/keycloak");
        assertThat(login.statusCode()).isEqualTo(302);
        assertThat(login.headers().firstValue("Location")).hasValue(appUrl("/sign-in-unavailable"));
        HttpResponse<Void> page = get("/sign-in-unavailable");
        assertThat(page.statusCode()).isEqualTo(503);
        assertThat(page.headers().firstValue("Retry-After")).isPresent();

        // 3. Administration that needs Keycloak says so and changes nothing, in the browser and the service.
        admin.waitFor(By.cssSelector("#tenant-search input")).sendKeys("outage");  // the page still works
        admin.waitForText(By.id("tenants"), "Outage Stays " + suffix);
        admin.waitForClickable(By.id("new-tenant")).click();
        admin.waitFor(By.cssSelector("#tenant-name input")).sendKeys("Outage New " + suffix);
        admin.driver().findElement(By.cssSelector("#tenant-alias input")).sendKeys(refusedAlias);
        admin.driver().findElement(By.cssSelector("#tenant-kind input")).sendKeys("Academia", Keys.ENTER);
        admin.waitForClickable(By.id("save-tenant")).click();
        admin.waitForText(By.tagName("vaadin-notification-card"), "Keycloak is not reachable at "
                + keycloakUrl + ". Nothing was changed; try again when it is back.");
        admin.screenshot("keycloak-down-admin-told");
        assertThatThrownBy(() -> SignedInAs.run(pat, () -> administration.offboard(existing)))
                .isInstanceOf(AdministrationException.class)
                .hasMessageContaining("Keycloak is not reachable")
                .hasMessageContaining("The tenant is unchanged in Entente");
        assertThatThrownBy(() -> SignedInAs.run(pat, () -> administration.update(existing, new TenantDraft(
                "Outage Renamed " + suffix, "outage-stays-" + suffix, TenantKind.NGO, null, null, List.of()))))
                .isInstanceOf(AdministrationException.class)
                .hasMessageStartingWith("Keycloak is not reachable at " + keycloakUrl);
        SignedInUser lars = SignedInAs.user(tenants, LARS_HAUGEN, "lars.haugen", "Lars Haugen",
                "lars.haugen@norway.demo.entente.org", Set.of("member", "tenant-admin"), "norway");
        assertThatThrownBy(() -> SignedInAs.call(lars, () -> members.invite(new Invitation(invitedEmail(suffix), "Out",
                "Age", TenantRole.MEMBER))))
                .isInstanceOf(AdministrationException.class)
                .hasMessageContaining("Keycloak is not reachable at " + keycloakUrl);
        assertThat(database.query("select 1 from tenant where alias = ?", refusedAlias)).isEmpty();
        assertThat(database.query("select status, name from tenant where id = ?", existing))
                .containsExactly(List.of("ACTIVE", "Outage Stays " + suffix));
        assertThat(database.query("select 1 from member where email = ?", invitedEmail(suffix))).isEmpty();

        // 4. Signing out still ends the app session; the page says Keycloak could not be told.
        member.waitForClickable(By.cssSelector("#user-menu vaadin-menu-bar-button")).click();
        member.waitForClickable(By.id("sign-out")).click();
        member.waitForText(By.id("sign-in-unavailable"), "Signed out of Entente");
        assertThat(member.driver().findElement(By.id("sign-in-unavailable")).getText())
                .contains("Close this browser", "Sign-in is temporarily unavailable");
        member.screenshot("keycloak-down-signed-out");
        member.open(appUrl(workstreamPath));
        member.waitForText(By.id("sign-in-unavailable"), "Sign-in is temporarily unavailable");
        assertThat(member.driver().getPageSource()).doesNotContain(title);
    }

    private static String invitedEmail(String suffix) {
        return "outage-" + suffix + "@norway.demo.entente.org";
    }

    private HttpResponse<Void> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(appUrl(path))).GET().build(),
                HttpResponse.BodyHandlers.discarding());
    }
}
