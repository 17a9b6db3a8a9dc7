package org.entente.tenant.admin;

/**
 * What an administrator types to let an organization's people sign in with the organization's own identity provider.
 * OpenID Connect: either the provider's discovery address ({@code …/.well-known/openid-configuration}), or its
 * authorization, token and key (JWKS) addresses, and the client Keycloak is registered as at the provider. SAML 2.0:
 * the address of the provider's metadata (its entity descriptor); no client secret. Both: the e-mail domain the
 * provider serves (one of the organization's domains), whether Keycloak sends someone with an e-mail in that domain
 * straight to it, and whether it is hidden from the general login page.
 *
 * @param alias                    Keycloak's name of the provider: lower-case letters, digits and hyphens
 * @param displayName              what the login page would call it (it is usually hidden from the general login page)
 * @param samlMetadataUrl          set for a SAML provider, null for OpenID Connect
 * @param redirectWhenEmailMatches identity-first sign-in sends a person whose e-mail is in the domain to the provider
 * @param hiddenOnLoginPage        no button for it on the general login page
 */
public record SignInProviderDraft(String alias, String displayName, String discoveryUrl, String authorizationUrl,
        String tokenUrl, String jwksUrl, String issuer, String clientId, String clientSecret, String emailDomain,
        String samlMetadataUrl, boolean redirectWhenEmailMatches, boolean hiddenOnLoginPage) {

    /** An OpenID Connect provider, redirecting when the e-mail matches and hidden from the login page. */
    public SignInProviderDraft(String alias, String displayName, String discoveryUrl, String authorizationUrl,
            String tokenUrl, String jwksUrl, String issuer, String clientId, String clientSecret, String emailDomain) {
        this(alias, displayName, discoveryUrl, authorizationUrl, tokenUrl, jwksUrl, issuer, clientId, clientSecret,
                emailDomain, null, true, true);
    }

    /** A provider described by its discovery document. */
    public static SignInProviderDraft discovered(String alias, String displayName, String discoveryUrl, String clientId,
            String clientSecret, String emailDomain) {
        return new SignInProviderDraft(alias, displayName, discoveryUrl, null, null, null, null, clientId, clientSecret,
                emailDomain);
    }

    /** A SAML 2.0 provider described by its metadata, redirecting when the e-mail matches, hidden from the login page. */
    public static SignInProviderDraft saml(String alias, String displayName, String metadataUrl, String emailDomain) {
        return new SignInProviderDraft(alias, displayName, null, null, null, null, null, null, null, emailDomain,
                metadataUrl, true, true);
    }

    public boolean isSaml() {
        return samlMetadataUrl != null && !samlMetadataUrl.isBlank();
    }

    @Override
    public String toString() {
        // The secret stays out of logs and test names.
        return "SignInProviderDraft[" + alias + ", " + emailDomain + (isSaml() ? ", SAML" : "") + "]";
    }
}
