package org.entente.tenant.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.tenant.admin.AdministrationTestSupport.KENYA;
import static org.entente.tenant.admin.AdministrationTestSupport.LARS_HAUGEN;
import static org.entente.tenant.admin.AdministrationTestSupport.NORWAY;
import static org.entente.tenant.admin.AdministrationTestSupport.PAT_OPS;
import static org.entente.tenant.admin.AdministrationTestSupport.unique;

import java.util.List;
import java.util.UUID;
import org.entente.db.embedded.LocalPostgres;
import org.entente.keycloak.testing.KeycloakTestServer;
import org.entente.platform.keycloak.KeycloakAdminClient;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.platform.validation.InvalidInput;
import org.entente.tenant.TenantService;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.entente.testing.SuperuserDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A partner's own identity provider, end to end against the real Keycloak: a second realm of the same server plays
 * the partner's OpenID Connect provider; the platform administrator links it to Kenya's organization; a person of
 * Kenya's domain signs in identity-first (e-mail), is sent to the partner realm, signs in there, comes back and
 * lands in Kenya's tenant, seeing Kenya's people and nobody else's.
 */
class PartnerSignInIT extends AppIntegrationTest {

    static final String KENYA_DOMAIN = "kenya.demo.entente.org";
    static final String NORWAY_DOMAIN = "norway.demo.entente.org";

    @Autowired
    SignInProviders providers;

    @Autowired
    TenantService tenants;

    @Autowired
    KeycloakAdminClient keycloak;

    @Autowired
    LocalPostgres postgres;

    SuperuserDatabase database;
    SignedInUser pat;
    SignedInUser lars;

    @BeforeEach
    void signIn() {
        database = new SuperuserDatabase(postgres);
        pat = AdministrationTestSupport.patOps(tenants);
        lars = AdministrationTestSupport.larsHaugen(tenants);
    }

    @Test
    void aPersonOfThePartnersOwnProviderSignsInIdentityFirstAndLandsInTheirTenantOnly() {
        String alias = unique("kenya-idp");
        String email = unique("wanjiru.kamau") + "@" + KENYA_DOMAIN;
        UUID brokered = null;
        try (PartnerRealm partner = PartnerRealm.create(KeycloakTestServer.shared(), unique("kenya-mod"), email,
                "Wanjiru", "Kamau")) {
            try {
                SignInProvider linked = SignedInAs.call(pat, () -> providers.link(KENYA, SignInProviderDraft.discovered(
                        alias, "Kenya Ministry of Defence", partner.discoveryUrl(), PartnerRealm.BROKER_CLIENT_ID,
                        PartnerRealm.BROKER_CLIENT_SECRET, KENYA_DOMAIN)));
                assertThat(linked.emailDomain()).isEqualTo(KENYA_DOMAIN);
                assertThat(linked.redirectWhenEmailMatches()).isTrue();
                assertThat(linked.hiddenOnLoginPage()).isTrue();
                assertThat(linked.issuer()).as("read from the discovery document").isEqualTo(partner.issuer());
                assertThat(linked.clientId()).isEqualTo(PartnerRealm.BROKER_CLIENT_ID);
                assertThat(SignedInAs.call(pat, () -> providers.of(KENYA))).extracting(SignInProvider::alias)
                        .containsExactly(alias);
                assertThat(database.query("select tenant_id, actor_id from audit_event where action = ? and entity_id = ?",
                        SignInProviders.LINKED, alias)).containsExactly(List.of(KENYA, PAT_OPS));

                try (Browser browser = new Browser()) {
                    browser.open(appUrl("/"));
                    browser.waitFor(By.id("username")).sendKeys(email);
                    browser.click("kc-login");
                    // Identity-first: the e-mail's domain is Kenya's, whose provider redirects: the partner realm asks.
                    new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60))
                            .until(d -> d.getCurrentUrl().contains("/realms/" + partner.name() + "/"));
                    browser.screenshot("partner-idp-01-partner-login");
                    browser.signInAtKeycloak(email, PartnerRealm.PASSWORD);
                    // Keycloak's first broker login asks only for what the provider did not send (it sends all).
                    new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60)).until(d ->
                            !d.findElements(By.id("current-organization")).isEmpty()
                                    || !d.findElements(By.id("kc-idp-review-profile-form")).isEmpty());
                    if (!browser.driver().findElements(By.id("kc-idp-review-profile-form")).isEmpty()) {
                        browser.screenshot("partner-idp-01b-review-profile");
                        browser.driver().findElement(By.cssSelector("#kc-idp-review-profile-form [type=submit]")).click();
                    }
                    browser.waitForText(By.id("current-organization"), "Republic of Kenya");
                    browser.open(appUrl("/organization"));
                    browser.waitForText(By.id("members"), "Amina Odhiambo");
                    browser.screenshot("partner-idp-02-landed-in-kenya");
                    assertThat(browser.gridCells()).contains("Wanjiru Kamau", "Amina Odhiambo")
                            .doesNotContain("Lars Haugen", "Ingrid Solberg");
                    assertThat(browser.driver().getPageSource()).doesNotContain("Kingdom of Norway", "Lars Haugen");
                    assertThat(browser.driver().findElement(By.id("my-roles")).getText()).contains("member");
                }

                var account = keycloak.userByEmail(email).orElseThrow();
                brokered = account.id();
                assertThat(keycloak.organizationsOf(brokered)).extracting(o -> o.alias()).containsExactly("kenya");
                assertThat(database.query("select tenant_id, status from member where id = ?", brokered))
                        .as("provisioned at first sign-in, in Kenya only").containsExactly(List.of(KENYA, "ACTIVE"));

                SignedInAs.run(pat, () -> providers.unlink(KENYA, alias));
                assertThat(keycloak.identityProvider(alias)).isEmpty();
                assertThat(SignedInAs.call(pat, () -> providers.of(KENYA))).isEmpty();
                assertThat(database.query("select tenant_id, actor_id from audit_event where action = ? and entity_id = ?",
                        SignInProviders.UNLINKED, alias)).containsExactly(List.of(KENYA, PAT_OPS));
            } finally {
                removeQuietly(KENYA, alias);
                if (brokered != null) {
                    keycloak.deleteUser(brokered);
                    database.update("update member set status = 'REMOVED' where id = ?", brokered);
                }
            }
        }
    }

    @Test
    void aTenantAdminLinksAndUnlinksTheirOwnOrganizationsProviderOnly() {
        String alias = unique("norway-idp");
        try {
            SignInProvider linked = SignedInAs.call(lars, () -> providers.linkToMyOrganization(explicit(alias,
                    NORWAY_DOMAIN)));
            assertThat(linked.alias()).isEqualTo(alias);
            assertThat(linked.authorizationUrl()).isEqualTo("https://login.norway.example/authorize");
            assertThat(keycloak.identityProvider(alias).orElseThrow().organizationId()).isEqualTo(NORWAY.toString());
            assertThat(SignedInAs.call(lars, () -> providers.ofMyOrganization())).extracting(SignInProvider::alias)
                    .containsExactly(alias);
            assertThat(SignedInAs.call(pat, () -> providers.of(NORWAY))).extracting(SignInProvider::alias)
                    .containsExactly(alias);
            assertThat(database.query("select tenant_id, actor_id from audit_event where action = ? and entity_id = ?",
                    SignInProviders.LINKED, alias)).containsExactly(List.of(NORWAY, LARS_HAUGEN));

            assertThatThrownBy(() -> SignedInAs.run(lars, () -> providers.linkToMyOrganization(explicit(
                    unique("norway-second"), NORWAY_DOMAIN))))
                    .isInstanceOf(AdministrationException.class)
                    .hasMessage("This organization already signs in through " + alias + ". Unlink it first: Entente "
                            + "links one identity provider per organization.");
            // The tenant admin names no tenant: the platform's per-tenant entry points are refused.
            assertThatThrownBy(() -> SignedInAs.call(lars, () -> providers.of(KENYA)))
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
            assertThatThrownBy(() -> SignedInAs.run(lars, () -> providers.unlink(NORWAY, alias)))
                    .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);

            SignedInAs.run(lars, () -> providers.unlinkFromMyOrganization(alias));
            assertThat(keycloak.identityProvider(alias)).isEmpty();
            assertThat(database.query("select tenant_id, actor_id from audit_event where action = ? and entity_id = ?",
                    SignInProviders.UNLINKED, alias)).containsExactly(List.of(NORWAY, LARS_HAUGEN));
        } finally {
            removeQuietly(NORWAY, alias);
        }
    }

    @Test
    void aDomainOfAnotherOrganizationAndAnUnreadableDiscoveryAddressAreRefusedWithAFieldMessage() {
        assertThatThrownBy(() -> SignedInAs.run(lars, () -> providers.linkToMyOrganization(explicit(
                unique("norway-idp"), KENYA_DOMAIN))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsEntry(
                        "emailDomain", "The domain must be one of the organization's e-mail domains (" + NORWAY_DOMAIN
                                + ")."));
        String alias = unique("norway-idp");
        assertThatThrownBy(() -> SignedInAs.run(lars, () -> providers.linkToMyOrganization(
                SignInProviderDraft.discovered(alias, null, KeycloakTestServer.shared().baseUrl()
                        + "/realms/no-such-realm/.well-known/openid-configuration", "entente", "secret", NORWAY_DOMAIN))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("discoveryUrl"));
        assertThat(keycloak.identityProvider(alias)).isEmpty();
    }

    static SignInProviderDraft explicit(String alias, String domain) {
        return new SignInProviderDraft(alias, "Norwegian Armed Forces", null, "https://login.norway.example/authorize",
                "https://login.norway.example/token", "https://login.norway.example/jwks",
                "https://login.norway.example", "entente", "s3cret-value", domain);
    }

    /** Unlinks and deletes the provider if a failed assertion left it. */
    private void removeQuietly(UUID organization, String alias) {
        try {
            keycloak.unlinkOrganizationIdentityProvider(organization, alias);
        } catch (RuntimeException e) {
            // not linked (any more)
        }
        try {
            keycloak.deleteIdentityProvider(alias);
        } catch (RuntimeException e) {
            // gone already
        }
    }
}
