package org.entente.testing;

import java.nio.file.Path;

/**
 * The integration tests' data folder (embedded PostgreSQL, snapshots, briefings, Vaadin's generated files): one per
 * failsafe fork ({@code entente.it.data-dir}, set in app/pom.xml to target/it-data-<fork>), so that the forks, each
 * with its own database, Keycloak and app, never share a file.
 */
public final class ItData {

    private ItData() {
    }

    public static Path dir() {
        return Path.of(System.getProperty("entente.it.data-dir", "target/it-data")).toAbsolutePath();
    }
}
