package org.entente.analytics;

/** The snapshot cannot be read right now; the message says why, for the page to show. */
public class AnalyticsUnavailable extends RuntimeException {

    public AnalyticsUnavailable(String message) {
        super(message);
    }
}
