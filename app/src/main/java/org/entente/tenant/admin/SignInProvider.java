package org.entente.tenant.admin;

/**
 * An identity provider linked to an organization, as its administrators see it (never the client secret).
 *
 * @param redirectWhenEmailMatches Keycloak sends someone whose e-mail is in {@code emailDomain} straight to it
 * @param hiddenOnLoginPage        not offered as a button on the general login page
 */
public record SignInProvider(String alias, String displayName, String emailDomain, boolean redirectWhenEmailMatches,
        boolean hiddenOnLoginPage, String authorizationUrl, String issuer, String clientId, boolean enabled) {
}
