package org.entente.tenant.admin;

/**
 * An identity provider linked to an organization, as its administrators see it (never the client secret).
 *
 * @param redirectWhenEmailMatches Keycloak sends someone whose e-mail is in {@code emailDomain} straight to it
 * @param hiddenOnLoginPage        not offered as a button on the general login page
 * @param authorizationUrl         where people are sent to sign in (OpenID Connect authorization or SAML single
 *                                 sign-on address)
 * @param issuer                   the OpenID Connect issuer or the SAML entity id of the provider
 * @param clientId                 the OpenID Connect client Keycloak is at the provider; null for SAML
 * @param protocol                 {@code oidc} or {@code saml}
 */
public record SignInProvider(String alias, String displayName, String emailDomain, boolean redirectWhenEmailMatches,
        boolean hiddenOnLoginPage, String authorizationUrl, String issuer, String clientId, boolean enabled,
        String protocol) {

    public boolean saml() {
        return SignInProviders.SAML.equals(protocol);
    }
}
