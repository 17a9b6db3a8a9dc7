package org.entente.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Where users sign in. With {@code issuer-uri} blank the app starts the demo Keycloak itself
 * (dev only); otherwise it uses the configured OpenID Connect issuer and starts nothing.
 */
@ConfigurationProperties("entente.identity")
public record IdentityProperties(String issuerUri, String clientId, String clientSecret, int embeddedPort) {

    static final String ISSUER_PROPERTY = "entente.identity.issuer-uri";

    boolean externalIssuerConfigured() {
        return issuerUri != null && !issuerUri.isBlank();
    }
}
