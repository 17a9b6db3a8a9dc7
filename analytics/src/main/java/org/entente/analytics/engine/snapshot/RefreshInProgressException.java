package org.entente.analytics.engine.snapshot;

/** A refresh was asked for while another one runs; it was not started. */
public class RefreshInProgressException extends RuntimeException {

    public RefreshInProgressException(String message) {
        super(message);
    }
}
