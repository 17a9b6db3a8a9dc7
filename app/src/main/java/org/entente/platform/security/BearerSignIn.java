package org.entente.platform.security;

import java.util.Set;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.stereotype.Component;

/**
 * A bearer token of the realm (a partner system's API client, client credentials) as the same {@link SignedInUser} a
 * browser sign-in makes: the organization claim Keycloak signed decides the tenant through
 * {@code TenantService.signIn}, exactly as at sign-in, so {@link CurrentUser}, the tenant transaction manager and every
 * service check work unchanged. Nothing of the request but the verified token is read.
 */
@Component
public class BearerSignIn {

    /** The claim Keycloak writes the OAuth2 client of a token into (client credentials: the API client). */
    public static final String CLIENT_CLAIM = "azp";

    private final SignInUserService signIns;
    private final ClientRegistration realm;

    BearerSignIn(SignInUserService signIns, ClientRegistrationRepository registrations) {
        this.signIns = signIns;
        this.realm = registrations.findByRegistrationId(IdentityProviderConfiguration.REGISTRATION_ID);
    }

    /**
     * Verifies signatures with the realm's published keys (fetched when the first token comes, so the app starts while
     * Keycloak is down) and checks expiry and that the realm issued the token.
     */
    public JwtDecoder decoder() {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSetUri(realm.getProviderDetails().getJwkSetUri()).build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithIssuer(realm.getProviderDetails().getIssuerUri()));
        return decoder;
    }

    /**
     * The principal of a verified access token. Its tenant is {@code Affiliated} only when the token carries exactly
     * one organization; the caller refuses anything else.
     *
     * @throws IllegalArgumentException when the token has no subject or no preferred_username (the realm's profile
     *                                  scope, which every API client gets by default)
     */
    public SignedInUser signIn(Jwt token) {
        OidcIdToken claims = new OidcIdToken(token.getTokenValue(), token.getIssuedAt(), token.getExpiresAt(),
                token.getClaims());
        DefaultOidcUser user = new DefaultOidcUser(Set.of(new SimpleGrantedAuthority("SCOPE_api")), claims,
                "preferred_username");
        return signIns.signedIn(user);
    }
}
