package org.entente.tenant.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.platform.keycloak.KeycloakAdminClient.Domain;
import org.entente.platform.keycloak.KeycloakAdminClient.Organization;
import org.entente.platform.validation.InvalidInput;
import org.junit.jupiter.api.Test;

/** The settings of a partner's identity provider are checked field by field before Keycloak is asked anything. */
class SignInProvidersTest {

    static final Organization NORWAY = new Organization(UUID.randomUUID(), "Kingdom of Norway", "norway", true, null,
            List.of(new Domain("norway.demo.entente.org", false)), Map.of());

    @Test
    void aDiscoveryAddressOrTheThreeEndpointsClientAndOneOfTheOrganizationsDomainsAreEnough() {
        SignInProviderDraft valid = SignInProviders.validate(SignInProviderDraft.discovered(" norway-idp ", "  ",
                "https://login.norway.example/.well-known/openid-configuration", "entente", "s3cret",
                "Norway.Demo.Entente.org"), NORWAY);
        assertThat(valid.alias()).isEqualTo("norway-idp");
        assertThat(valid.displayName()).as("the alias when no name is given").isEqualTo("norway-idp");
        assertThat(valid.emailDomain()).isEqualTo("norway.demo.entente.org");

        SignInProviders.validate(new SignInProviderDraft("norway-idp", "Forsvaret", null, "https://a.example/auth",
                "https://a.example/token", "http://localhost:8080/jwks", null, "entente", "s3cret",
                "norway.demo.entente.org"), NORWAY);
    }

    @Test
    void aSamlProviderNeedsItsMetadataAddressAndDomainOnlyAndKeepsTheChosenRedirectAndVisibility() {
        SignInProviderDraft valid = SignInProviders.validate(new SignInProviderDraft("norway-saml", null, null, null,
                null, null, null, null, null, "norway.demo.entente.org", " https://idp.norway.example/saml/metadata ",
                false, false), NORWAY);
        assertThat(valid.isSaml()).isTrue();
        assertThat(valid.samlMetadataUrl()).isEqualTo("https://idp.norway.example/saml/metadata");
        assertThat(valid.redirectWhenEmailMatches()).isFalse();
        assertThat(valid.hiddenOnLoginPage()).isFalse();

        assertThatThrownBy(() -> SignInProviders.validate(new SignInProviderDraft("norway-saml", null,
                "https://idp.norway.example/.well-known/openid-configuration", null, null, null, null, "entente",
                "s3cret", "norway.demo.entente.org", "https://idp.norway.example/saml/metadata", true, true), NORWAY))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsOnly(Map.entry(
                        "samlMetadataUrl", "A SAML provider takes only its metadata address: leave the OpenID Connect "
                                + "addresses and client empty.")));
        assertThatThrownBy(() -> SignInProviders.validate(SignInProviderDraft.saml("norway-saml", null,
                "http://idp.norway.example/saml/metadata", "norway"), NORWAY))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("samlMetadataUrl", "emailDomain")
                        .containsEntry("emailDomain", "Enter a domain name such as ministry.example.org."));
    }

    @Test
    void everyBadFieldIsNamedWithItsOwnMessage() {
        assertThatThrownBy(() -> SignInProviders.validate(new SignInProviderDraft("Norway IdP", "Bell\u0007",
                "javascript:alert(1)", null, null, null, null, "has space", "", "kenya.demo.entente.org"), NORWAY))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors())
                        .containsEntry("alias", "The short name takes 2 to 63 lower-case letters, digits or hyphens, "
                                + "starting with a letter or digit.")
                        .containsEntry("displayName", "Remove the control characters or broken symbols: they cannot be "
                                + "stored.")
                        .containsEntry("discoveryUrl", "Enter an https:// address (http:// only on this machine, such "
                                + "as localhost): at most 2,000 plain characters, no user name or password in it.")
                        .containsEntry("clientId", "Enter the client id: 1 to 255 visible characters, no spaces.")
                        .containsEntry("clientSecret", "Enter the client secret: 1 to 512 visible characters, no spaces.")
                        .containsEntry("emailDomain", "The domain must be one of the organization's e-mail domains "
                                + "(norway.demo.entente.org)."));
    }

    @Test
    void endpointsNeedAllThreeAndNotTogetherWithADiscoveryAddress() {
        assertThatThrownBy(() -> SignInProviders.validate(new SignInProviderDraft("norway-idp", null, null,
                "https://a.example/auth", null, null, null, "entente", "s", "norway.demo.entente.org"), NORWAY))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors())
                        .containsOnlyKeys("tokenUrl", "jwksUrl"));
        assertThatThrownBy(() -> SignInProviders.validate(new SignInProviderDraft("norway-idp", null,
                "https://a.example/.well-known/openid-configuration", "https://a.example/auth", null, null, null,
                "entente", "s", "norway.demo.entente.org"), NORWAY))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("discoveryUrl"));
        assertThatThrownBy(() -> SignInProviders.validate(new SignInProviderDraft("norway-idp", null, null, null, null,
                null, null, "entente", "s", "norway.demo.entente.org"), NORWAY))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("discoveryUrl"));
    }

    @Test
    void onlyAbsoluteHttpsAddressesWithAHostAndNoCredentialsPassAndPlainHttpOnlyToThisMachine() {
        for (String good : List.of("https://idp.example/realms/x", "HTTPS://idp.example", "http://localhost:8180/realms/x",
                "HTTP://LOCALHOST/x", "http://127.0.0.1:8180/realms/x", "http://[::1]:8180/x", "http://kc.localhost/x")) {
            assertThat(SignInProviders.providerAddress(good)).as(good).isTrue();
        }
        for (String bad : List.of("http://idp.example", "http://localhost.evil.example/", "http://127.0.0.1.evil.example/",
                "http://10.0.0.1/", "ftp://idp.example", "file:///etc/passwd", "javascript:alert(1)", "//idp.example",
                "https://user:pw@idp.example/", "https://idp.example/#frag", "https://idp.example/a b",
                "https://idp.exa\u200Bmple/", "https:///path", "https://" + "a".repeat(2000) + ".example")) {
            assertThat(SignInProviders.providerAddress(bad)).as(bad).isFalse();
        }
    }
}
