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
import org.entente.keycloak.EntenteRealm;
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
 * the partner's OpenID Connect provider; the platform administrator links it to Kenya's organization on Tenants, and
 * Norway's tenant admin one to Norway's on Members; a person of the organization's domain signs in identity-first
 * (e-mail), is sent to the partner realm, signs in there, comes back and lands in their tenant, seeing its people and
 * nobody else's. Reconciliation reports such a person once their link to the provider is gone. A SAML provider is
 * made from the partner realm's SAML metadata and linked, and a person signs in through it the same way.
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

    @Autowired
    Reconciliation reconciliation;

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
                // The platform administrator links it on Tenants → Kenya → Sign-in.
                try (Browser admin = new Browser()) {
                    admin.open(appUrl("/tenants"));
                    admin.signInAtKeycloak("pat.ops", EntenteRealm.DEMO_PASSWORD);
                    admin.waitFor(By.cssSelector("#tenant-search input")).sendKeys("kenya");
                    admin.waitForText(By.id("tenants"), "Republic of Kenya");
                    admin.click("sign-in-kenya");
                    admin.waitFor(By.id("sign-in-providers"));
                    clickInView(admin, "add-sign-in-provider");
                    admin.type("provider-alias", alias);
                    admin.type("provider-name", "Kenya Ministry of Defence");
                    admin.type("provider-discovery-url", partner.discoveryUrl());
                    admin.type("provider-client-id", PartnerRealm.BROKER_CLIENT_ID);
                    admin.type("provider-client-secret", PartnerRealm.BROKER_CLIENT_SECRET);
                    admin.type("provider-domain", KENYA_DOMAIN);
                    admin.screenshot("partner-idp-00-platform-admin-adds-kenyas-provider");
                    admin.click("save-sign-in-provider");
                    admin.waitForText(By.id("sign-in-providers"), alias);
                    admin.screenshot("partner-idp-00b-kenyas-provider-linked");
                }
                SignInProvider linked = SignedInAs.call(pat, () -> providers.of(KENYA)).getFirst();
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

                // Reconciliation: linked, nothing to report; once the link is gone, reported (not repaired).
                String username = account.username();
                assertThat(linkGone(SignedInAs.call(pat, () -> reconciliation.reconcileNow()), "kenya"))
                        .doesNotContain(username);
                keycloak.removeFederatedIdentity(brokered, alias);
                assertThat(SignedInAs.call(pat, () -> reconciliation.reconcileNow()).drifts()).filteredOn(d ->
                                d.kind() == Reconciliation.DriftKind.MEMBER_PROVIDER_LINK_GONE && d.subject().equals(username))
                        .singleElement().satisfies(d -> {
                            assertThat(d.tenantAlias()).isEqualTo("kenya");
                            assertThat(d.repaired()).isFalse();
                            assertThat(d.detail().toString()).contains("no longer linked to " + alias);
                        });
                assertThat(database.query("select status from member where id = ?", brokered))
                        .as("reported only").containsExactly(List.of("ACTIVE"));

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

    @Test
    void norwaysTenantAdminAddsTheProviderOnMembersAndAPersonOfNorwaySignsInThroughIt() {
        String alias = unique("norway-idp");
        String email = unique("kari.nordmann") + "@" + NORWAY_DOMAIN;
        UUID brokered = null;
        try (PartnerRealm partner = PartnerRealm.create(KeycloakTestServer.shared(), unique("norway-mod"), email,
                "Kari", "Nordmann");
                Browser lars = new Browser()) {
            try {
                lars.open(appUrl("/members"));
                lars.signInAtKeycloak("lars.haugen", EntenteRealm.DEMO_PASSWORD);
                lars.waitFor(By.id("sign-in-providers"));
                clickInView(lars, "add-sign-in-provider");
                // Field checks: plain http to another machine, and a domain that is not Norway's.
                lars.type("provider-alias", alias);
                lars.type("provider-name", "Norwegian Armed Forces");
                lars.type("provider-discovery-url", "http://login.norway.example/.well-known/openid-configuration");
                lars.type("provider-client-id", PartnerRealm.BROKER_CLIENT_ID);
                lars.type("provider-client-secret", PartnerRealm.BROKER_CLIENT_SECRET);
                lars.type("provider-domain", KENYA_DOMAIN);
                clickInView(lars, "save-sign-in-provider");
                new WebDriverWait(lars.driver(), java.time.Duration.ofSeconds(60)).until(d ->
                        d.findElement(By.id("provider-discovery-url")).getDomAttribute("invalid") != null
                                && d.findElement(By.id("provider-domain")).getDomAttribute("invalid") != null);
                assertThat(lars.driver().findElement(By.id("provider-discovery-url")).getText())
                        .contains("Enter an https:// address");
                assertThat(lars.driver().findElement(By.id("provider-domain")).getText())
                        .contains("one of the organization's e-mail domains (" + NORWAY_DOMAIN + ")");
                lars.screenshot("partner-idp-10-tenant-admin-field-messages");
                assertThat(keycloak.identityProvider(alias)).as("nothing made in Keycloak").isEmpty();

                lars.type("provider-discovery-url", partner.discoveryUrl());
                lars.type("provider-domain", NORWAY_DOMAIN);
                clickInView(lars, "save-sign-in-provider");
                new WebDriverWait(lars.driver(), java.time.Duration.ofSeconds(60))
                        .until(d -> d.findElements(By.id("sign-in-provider-dialog")).isEmpty());
                lars.waitForText(By.id("sign-in-providers"), alias);
                lars.screenshot("partner-idp-11-linked-on-members");
                assertThat(lars.driver().findElement(By.id("sign-in-providers")).getText())
                        .contains(NORWAY_DOMAIN, "OpenID Connect", partner.issuer());
                assertThat(keycloak.identityProvider(alias).orElseThrow().organizationId())
                        .isEqualTo(NORWAY.toString());
                assertThat(database.query("select tenant_id, actor_id from audit_event where action = ? and entity_id = ?",
                        SignInProviders.LINKED, alias)).containsExactly(List.of(NORWAY, LARS_HAUGEN));

                try (Browser kari = new Browser()) {
                    kari.open(appUrl("/"));
                    kari.waitFor(By.id("username")).sendKeys(email);
                    kari.click("kc-login");
                    new WebDriverWait(kari.driver(), java.time.Duration.ofSeconds(60))
                            .until(d -> d.getCurrentUrl().contains("/realms/" + partner.name() + "/"));
                    kari.signInAtKeycloak(email, PartnerRealm.PASSWORD);
                    new WebDriverWait(kari.driver(), java.time.Duration.ofSeconds(60)).until(d ->
                            !d.findElements(By.id("current-organization")).isEmpty()
                                    || !d.findElements(By.id("kc-idp-review-profile-form")).isEmpty());
                    if (!kari.driver().findElements(By.id("kc-idp-review-profile-form")).isEmpty()) {
                        kari.driver().findElement(By.cssSelector("#kc-idp-review-profile-form [type=submit]")).click();
                    }
                    kari.waitForText(By.id("current-organization"), "Kingdom of Norway");
                    kari.open(appUrl("/organization"));
                    kari.waitForText(By.id("members"), "Lars Haugen");
                    kari.screenshot("partner-idp-12-landed-in-norway");
                    assertThat(kari.gridCells()).contains("Kari Nordmann", "Lars Haugen")
                            .doesNotContain("Amina Odhiambo");
                    assertThat(kari.driver().getPageSource()).doesNotContain("Republic of Kenya", "Amina Odhiambo");
                }
                brokered = keycloak.userByEmail(email).orElseThrow().id();
                assertThat(database.query("select tenant_id, status from member where id = ?", brokered))
                        .containsExactly(List.of(NORWAY, "ACTIVE"));

                // Unlinking asks first, then the provider is gone in Keycloak and the section offers adding again.
                lars.open(appUrl("/members"));
                clickInView(lars, "unlink-" + alias);
                lars.waitFor(By.id("confirm-unlink-provider"));
                lars.screenshot("partner-idp-13-unlink-confirmation");
                assertThat(keycloak.identityProvider(alias)).as("nothing happens before the confirmation").isPresent();
                lars.waitForClickable(By.cssSelector("[slot='confirm-button']")).click();
                lars.waitFor(By.id("add-sign-in-provider"));
                assertThat(keycloak.identityProvider(alias)).isEmpty();
                assertThat(database.query("select tenant_id, actor_id from audit_event where action = ? and entity_id = ?",
                        SignInProviders.UNLINKED, alias)).containsExactly(List.of(NORWAY, LARS_HAUGEN));

                // Kari came in through the provider, which is gone: reconciliation reports her.
                String username = keycloak.userByEmail(email).orElseThrow().username();
                assertThat(SignedInAs.call(pat, () -> reconciliation.reconcileNow()).drifts()).filteredOn(d ->
                                d.kind() == Reconciliation.DriftKind.MEMBER_PROVIDER_LINK_GONE && d.subject().equals(username))
                        .singleElement().satisfies(d -> assertThat(d.detail().toString())
                                .contains("which is no longer linked"));
            } finally {
                removeQuietly(NORWAY, alias);
                if (brokered != null) {
                    keycloak.deleteUser(brokered);
                    database.update("update member set status = 'REMOVED' where id = ?", brokered);
                }
            }
        }
    }

    @Test
    void aSamlProviderIsMadeFromThePartnersMetadataAndLinkedToTheOrganization() {
        String alias = unique("norway-saml");
        try (PartnerRealm partner = PartnerRealm.create(KeycloakTestServer.shared(), unique("norway-saml-idp"),
                unique("saml.person") + "@" + NORWAY_DOMAIN, "Saml", "Person")) {
            try {
                SignInProvider linked = SignedInAs.call(lars, () -> providers.linkToMyOrganization(
                        SignInProviderDraft.saml(alias, "Norway SAML", partner.samlMetadataUrl(), NORWAY_DOMAIN)));
                assertThat(linked.saml()).isTrue();
                assertThat(linked.issuer()).as("the entity id from the metadata").isEqualTo(partner.issuer());
                assertThat(linked.authorizationUrl()).as("the single sign-on address from the metadata")
                        .isEqualTo(partner.issuer() + "/protocol/saml");
                assertThat(linked.clientId()).isNull();
                assertThat(linked.emailDomain()).isEqualTo(NORWAY_DOMAIN);
                assertThat(linked.redirectWhenEmailMatches()).isTrue();
                assertThat(linked.hiddenOnLoginPage()).isTrue();
                KeycloakAdminClient.IdentityProvider made = keycloak.identityProvider(alias).orElseThrow();
                assertThat(made.providerId()).isEqualTo("saml");
                assertThat(made.organizationId()).isEqualTo(NORWAY.toString());
                assertThat(made.setting("signingCertificate")).as("answers are checked against the metadata's key")
                        .isNotBlank();
                assertThat(made.setting("validateSignature")).isEqualTo("true");
                assertThat(made.setting("nameIDPolicyFormat")).isEqualTo(SignInProviders.SAML_EMAIL_NAME_ID);
                assertThat(database.query("select tenant_id, actor_id, details->'after'->>'protocol' from audit_event "
                        + "where action = ? and entity_id = ?", SignInProviders.LINKED, alias))
                        .containsExactly(List.of(NORWAY, LARS_HAUGEN, "saml"));

                SignedInAs.run(lars, () -> providers.unlinkFromMyOrganization(alias));
                assertThat(keycloak.identityProvider(alias)).isEmpty();
            } finally {
                removeQuietly(NORWAY, alias);
            }
        }
        String unreadable = unique("norway-saml");
        assertThatThrownBy(() -> SignedInAs.run(lars, () -> providers.linkToMyOrganization(SignInProviderDraft.saml(
                unreadable, null, KeycloakTestServer.shared().baseUrl() + "/realms/no-such-realm/protocol/saml/descriptor",
                NORWAY_DOMAIN))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsOnlyKeys(
                        "samlMetadataUrl"));
        assertThat(keycloak.identityProvider(unreadable)).isEmpty();
    }

    @Test
    void aPersonOfNorwaySignsInThroughTheSamlProviderEndToEnd() {
        String alias = unique("norway-saml");
        String email = unique("ola.saml") + "@" + NORWAY_DOMAIN;
        UUID brokered = null;
        try (PartnerRealm partner = PartnerRealm.create(KeycloakTestServer.shared(), unique("norway-saml-idp"), email,
                "Ola", "Saml")) {
            try {
                SignedInAs.run(lars, () -> providers.linkToMyOrganization(SignInProviderDraft.saml(alias,
                        "Norway SAML", partner.samlMetadataUrl(), NORWAY_DOMAIN)));
                try (Browser browser = new Browser()) {
                    browser.open(appUrl("/"));
                    browser.waitFor(By.id("username")).sendKeys(email);
                    browser.click("kc-login");
                    new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60))
                            .until(d -> d.getCurrentUrl().contains("/realms/" + partner.name() + "/"));
                    browser.signInAtKeycloak(email, PartnerRealm.PASSWORD);
                    new WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(60)).until(d ->
                            !d.findElements(By.id("current-organization")).isEmpty()
                                    || !d.findElements(By.id("kc-idp-review-profile-form")).isEmpty());
                    if (!browser.driver().findElements(By.id("kc-idp-review-profile-form")).isEmpty()) {
                        // SAML attributes are not mapped to names by Entente: Keycloak asks for what is missing.
                        fillIfEmpty(browser, "firstName", "Ola");
                        fillIfEmpty(browser, "lastName", "Saml");
                        browser.screenshot("partner-idp-20-saml-review-profile");
                        browser.driver().findElement(By.cssSelector("#kc-idp-review-profile-form [type=submit]"))
                                .click();
                    }
                    browser.waitForText(By.id("current-organization"), "Kingdom of Norway");
                    browser.open(appUrl("/organization"));
                    browser.waitForText(By.id("members"), "Lars Haugen");
                    browser.screenshot("partner-idp-21-saml-landed-in-norway");
                    assertThat(browser.gridCells()).contains("Ola Saml", "Lars Haugen").doesNotContain("Amina Odhiambo");
                }
                brokered = keycloak.userByEmail(email).orElseThrow().id();
                assertThat(keycloak.federatedIdentities(brokered)).extracting(
                        KeycloakAdminClient.FederatedIdentity::identityProvider).containsExactly(alias);
                assertThat(database.query("select tenant_id, status from member where id = ?", brokered))
                        .containsExactly(List.of(NORWAY, "ACTIVE"));
            } finally {
                removeQuietly(NORWAY, alias);
                if (brokered != null) {
                    keycloak.deleteUser(brokered);
                    database.update("update member set status = 'REMOVED' where id = ?", brokered);
                }
            }
        }
    }

    private static void fillIfEmpty(Browser browser, String id, String value) {
        for (org.openqa.selenium.WebElement field : browser.driver().findElements(By.id(id))) {
            if (field.getDomProperty("value") == null || field.getDomProperty("value").isEmpty()) {
                field.sendKeys(value);
            }
        }
    }

    /** Scrolls the element to the middle of the page first: the Sign-in section sits below the people list. */
    private static void clickInView(Browser browser, String id) {
        org.openqa.selenium.WebElement element = browser.waitFor(By.id(id));
        ((org.openqa.selenium.JavascriptExecutor) browser.driver())
                .executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
        browser.waitForClickable(By.id(id)).click();
    }

    private static List<String> linkGone(Reconciliation.Report report, String tenantAlias) {
        return report.drifts().stream().filter(d -> d.kind() == Reconciliation.DriftKind.MEMBER_PROVIDER_LINK_GONE
                && d.tenantAlias().equals(tenantAlias)).map(Reconciliation.Drift::subject).toList();
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
