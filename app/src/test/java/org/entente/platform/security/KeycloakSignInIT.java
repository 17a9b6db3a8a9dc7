package org.entente.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.entente.keycloak.EntenteRealm;
import org.entente.keycloak.KeycloakServer;
import org.entente.keycloak.testing.AuthorizationCodeLogin;
import org.entente.keycloak.testing.KeycloakTestServer;
import org.entente.tenant.Affiliation;
import org.entente.tenant.OrganizationRef;
import org.entente.tenant.SignIn;
import org.entente.tenant.TenantService;
import org.entente.testing.AppIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/** Real tokens from the real Keycloak, read the way the app reads them at sign-in. */
class KeycloakSignInIT extends AppIntegrationTest {

    private static final UUID NORWAY = UUID.fromString("0a000000-0000-4000-8000-000000000001");
    private static final UUID INGRID = UUID.fromString("0b000000-0000-4000-8000-000000000001");

    @Autowired
    TenantService tenants;

    @Test
    void aMemberTokensOrganizationClaimMapsToItsTenant() {
        SignIn signIn = signInWithRealToken("ingrid.solberg");

        assertThat(signIn.memberId()).isEqualTo(INGRID);
        assertThat(signIn.username()).isEqualTo("ingrid.solberg");
        assertThat(signIn.displayName()).isEqualTo("Ingrid Solberg");
        assertThat(signIn.roles()).contains("member").doesNotContain("tenant-admin", "platform-admin");
        assertThat(signIn.organizations()).extracting(OrganizationRef::alias).containsExactly("norway");

        assertThat(tenants.signIn(signIn)).isEqualTo(new Affiliation.Affiliated(NORWAY, "norway"));
    }

    @Test
    void realmRolesArriveInTheRolesClaim() {
        SignIn signIn = signInWithRealToken("lars.haugen");

        assertThat(signIn.roles()).containsExactlyInAnyOrder("member", "tenant-admin");
        assertThat(signIn.organizations()).extracting(OrganizationRef::alias).containsExactly("norway");
    }

    @Test
    void aTokenWithoutOrganizationClaimGivesNoTenant() {
        SignIn signIn = signInWithRealToken("guest.unaffiliated");

        assertThat(signIn.organizations()).isEmpty();
        assertThat(tenants.signIn(signIn)).isEqualTo(new Affiliation.Unaffiliated());
    }

    @Test
    void eachDemoOrganizationMapsToItsOwnTenant() {
        Affiliation kenya = tenants.signIn(signInWithRealToken("amina.odhiambo"));
        Affiliation alliance = tenants.signIn(signInWithRealToken("claire.dubois"));

        assertThat(kenya).isEqualTo(new Affiliation.Affiliated(
                UUID.fromString("0a000000-0000-4000-8000-000000000002"), "kenya"));
        assertThat(alliance).isEqualTo(new Affiliation.Affiliated(
                UUID.fromString("0a000000-0000-4000-8000-000000000003"), "nato-act"));
    }

    private SignIn signInWithRealToken(String username) {
        KeycloakServer keycloak = KeycloakTestServer.shared();
        AuthorizationCodeLogin.Tokens tokens = AuthorizationCodeLogin.login(keycloak.issuerUri(),
                EntenteRealm.APP_CLIENT_ID, EntenteRealm.APP_CLIENT_SECRET, appUrl(EntenteRealm.REDIRECT_PATH),
                EntenteRealm.APP_SCOPES, username, EntenteRealm.DEMO_PASSWORD);
        OidcIdToken idToken = new OidcIdToken(tokens.idToken(), Instant.now(), Instant.now().plusSeconds(300),
                tokens.idTokenClaims());
        return SignInUserService.signInOf(new DefaultOidcUser(List.of(), idToken));
    }
}
