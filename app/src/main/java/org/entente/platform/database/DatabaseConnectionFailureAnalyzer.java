package org.entente.platform.database;

import java.sql.SQLException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.core.env.Environment;

/** Turns "cannot connect to the configured PostgreSQL" into one message naming the settings to fix. */
class DatabaseConnectionFailureAnalyzer extends AbstractFailureAnalyzer<SQLException> {

    private final Environment environment;

    DatabaseConnectionFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, SQLException cause) {
        String state = cause.getSQLState();
        // 08: connection exceptions, 28: authentication, 3D: database does not exist.
        if (state == null || !(state.startsWith("08") || state.startsWith("28") || state.startsWith("3D"))) {
            return null;
        }
        String url = environment.getProperty("spring.datasource.url", "(embedded)");
        return new FailureAnalysis(
                "Entente cannot connect to its PostgreSQL database at " + url + ": " + cause.getMessage(),
                "Fix spring.datasource.url (and spring.datasource.username / spring.datasource.password for the "
                        + "runtime role, spring.flyway.user / spring.flyway.password for the owner role), "
                        + "or remove spring.datasource.url to run on the embedded PostgreSQL.",
                rootFailure);
    }
}
