package org.entente.platform.keycloak;

import org.springframework.http.HttpStatus;

/** Keycloak answered a request with an error status. */
public class KeycloakRequestException extends RuntimeException {

    private final HttpStatus status;
    private final String body;

    public KeycloakRequestException(HttpStatus status, String body, Throwable cause) {
        super("Keycloak answered " + status + ": " + body, cause);
        this.status = status;
        this.body = body;
    }

    public HttpStatus status() {
        return status;
    }

    public String body() {
        return body;
    }

    public boolean isConflict() {
        return status == HttpStatus.CONFLICT;
    }

    public boolean isNotFound() {
        return status == HttpStatus.NOT_FOUND;
    }
}
