package org.entente.platform.security;

/** Start-up failure: the configured OpenID Connect issuer did not answer with its configuration. */
public class IdentityProviderUnreachableException extends RuntimeException {

    private final String issuerUri;

    IdentityProviderUnreachableException(String issuerUri, Throwable cause) {
        super("Cannot read the OpenID Connect configuration of issuer " + issuerUri, cause);
        this.issuerUri = issuerUri;
    }

    public String issuerUri() {
        return issuerUri;
    }
}
