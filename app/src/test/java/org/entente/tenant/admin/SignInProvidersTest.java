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
                "https://a.example/token", "http://a.example:8080/jwks", null, "entente", "s3cret",
                "norway.demo.entente.org"), NORWAY);
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
                        .containsEntry("discoveryUrl", "Enter an http:// or https:// address (at most 2,000 plain "
                                + "characters, no user name or password in it).")
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
    void onlyAbsoluteHttpAddressesWithAHostAndNoCredentialsPass() {
        assertThat(SignInProviders.httpUrl("https://idp.example/realms/x")).isTrue();
        assertThat(SignInProviders.httpUrl("HTTP://idp.example")).isTrue();
        for (String bad : List.of("ftp://idp.example", "file:///etc/passwd", "javascript:alert(1)", "//idp.example",
                "https://user:pw@idp.example/", "https://idp.example/#frag", "https://idp.example/a b",
                "https://idp.exa\u200Bmple/", "https:///path", "https://" + "a".repeat(2000) + ".example")) {
            assertThat(SignInProviders.httpUrl(bad)).as(bad).isFalse();
        }
    }
}
