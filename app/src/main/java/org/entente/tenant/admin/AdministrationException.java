package org.entente.tenant.admin;

/** An administration request that was refused or failed; the message is meant for the administrator. */
public class AdministrationException extends RuntimeException {

    public AdministrationException(String message) {
        super(message);
    }

    public AdministrationException(String message, Throwable cause) {
        super(message, cause);
    }
}
