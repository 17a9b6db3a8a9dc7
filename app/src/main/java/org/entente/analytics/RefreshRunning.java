package org.entente.analytics;

/** A refresh was asked for while one runs: it is not started a second time. */
public class RefreshRunning extends RuntimeException {

    public RefreshRunning(String message) {
        super(message);
    }
}
