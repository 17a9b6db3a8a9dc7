package org.entente.platform.validation;

/** The signed-in tenant may not do this (or cannot see the record at all). */
public class NotAllowed extends RuntimeException {

    public NotAllowed(String message) {
        super(message);
    }
}
