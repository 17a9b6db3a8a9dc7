package org.entente.analytics;

/** The analytics datasource is missing or misconfigured; the message names the setting to fix. */
public class AnalyticsSetupProblem extends RuntimeException {

    public AnalyticsSetupProblem(String message) {
        super(message);
    }

    public AnalyticsSetupProblem(String message, Throwable cause) {
        super(message, cause);
    }
}
