package org.entente.keycloak.testing;

import java.nio.file.Path;

import org.entente.keycloak.KeycloakServer;

/**
 * One real Keycloak per test JVM, started on first use with fresh data (the realm imported anew) on a free
 * port, and stopped by the launcher's shutdown hook when the JVM exits. All integration tests of a run share
 * it, so Keycloak starts once per failsafe/surefire JVM.
 *
 * <p>Data and log: {@code target/keycloak-it} of the module running the tests (Maven's {@code basedir}), or
 * the folder named by the system property {@code entente.keycloak.test-data}.
 */
public final class KeycloakTestServer {

    private static KeycloakServer shared;

    private KeycloakTestServer() {
    }

    public static synchronized KeycloakServer shared() {
        if (shared == null || !shared.isRunning()) {
            shared = KeycloakServer.start(new KeycloakServer.Options(0, dataDirectory(), true, null));
        }
        return shared;
    }

    private static Path dataDirectory() {
        String configured = System.getProperty("entente.keycloak.test-data");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target", "keycloak-it");
    }
}
