package org.entente.platform.security;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an unreachable OpenID Connect issuer into one message naming the setting to fix. */
class IdentityProviderFailureAnalyzer extends AbstractFailureAnalyzer<IdentityProviderUnreachableException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, IdentityProviderUnreachableException cause) {
        Throwable reason = cause.getCause() != null ? cause.getCause() : cause;
        return new FailureAnalysis(
                "Entente cannot reach its identity provider at " + cause.issuerUri() + ": " + reason.getMessage(),
                "Fix " + IdentityProperties.ISSUER_PROPERTY + " (environment variable ENTENTE_IDENTITY_ISSUER_URI): "
                        + "it must be the issuer URI of a reachable Keycloak realm, e.g. "
                        + "https://keycloak.example.org/realms/entente. Leave it empty to start the demo Keycloak.",
                rootFailure);
    }
}
