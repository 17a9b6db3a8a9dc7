package org.entente.platform.keycloak;

/** Keycloak did not answer (connection refused, timeout): nothing was done on its side by this call. */
public class KeycloakUnavailableException extends RuntimeException {

    public KeycloakUnavailableException(String serverUri, Throwable cause) {
        super("Keycloak is not reachable at " + serverUri + ". Nothing was changed; try again when it is back.", cause);
    }
}
