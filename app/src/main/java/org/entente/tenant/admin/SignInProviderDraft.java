package org.entente.tenant.admin;

/**
 * What an administrator types to let an organization's people sign in with the organization's own OpenID Connect
 * provider: either the provider's discovery address ({@code …/.well-known/openid-configuration}), or its
 * authorization, token and key (JWKS) addresses; the client Keycloak is registered as at the provider; and the
 * e-mail domain the provider serves (one of the organization's domains).
 *
 * @param alias       Keycloak's name of the provider: lower-case letters, digits and hyphens
 * @param displayName what the login page would call it (it is hidden from the general login page)
 */
public record SignInProviderDraft(String alias, String displayName, String discoveryUrl, String authorizationUrl,
        String tokenUrl, String jwksUrl, String issuer, String clientId, String clientSecret, String emailDomain) {

    /** A provider described by its discovery document. */
    public static SignInProviderDraft discovered(String alias, String displayName, String discoveryUrl, String clientId,
            String clientSecret, String emailDomain) {
        return new SignInProviderDraft(alias, displayName, discoveryUrl, null, null, null, null, clientId, clientSecret,
                emailDomain);
    }

    @Override
    public String toString() {
        // The secret stays out of logs and test names.
        return "SignInProviderDraft[" + alias + ", " + emailDomain + "]";
    }
}
