package org.entente.keycloak.testing;

import java.nio.file.Path;

import org.entente.keycloak.KeycloakServer;

/**
 * One real Keycloak per test JVM, started on first use with fresh data (the realm imported anew) on a free
 * port, and stopped by the launcher's shutdown hook when the JVM exits. All integration tests of a run share
 * it, so Keycloak starts once per failsafe/surefire JVM.
 *
 * <p>Outage tests {@link #stop()} it; the next {@link #shared()} starts it again on the same port with the data it
 * had (users, organizations and sessions the earlier tests made), so the app's issuer stays valid. That warm
 * restart takes about half a minute.
 *
 * <p>Data and log: {@code target/keycloak-it} of the module running the tests (Maven's {@code basedir}), or
 * the folder named by the system property {@code entente.keycloak.test-data}.
 */
public final class KeycloakTestServer {

    private static KeycloakServer shared;

    private KeycloakTestServer() {
    }

    public static synchronized KeycloakServer shared() {
        if (shared == null) {
            shared = KeycloakServer.start(new KeycloakServer.Options(0, dataDirectory(), true, null));
        } else if (!shared.isRunning()) {
            shared.close();
            shared = KeycloakServer.start(new KeycloakServer.Options(shared.httpPort(), dataDirectory(), false, null));
        }
        return shared;
    }

    /**
     * Stops the shared Keycloak for real (its process ends, its port closes). Call {@link #shared()} in a finally
     * block to bring it back for the tests that follow.
     */
    public static synchronized void stop() {
        if (shared != null) {
            shared.close();
        }
    }

    private static Path dataDirectory() {
        String configured = System.getProperty("entente.keycloak.test-data");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured);
        }
        return Path.of(System.getProperty("basedir", System.getProperty("user.dir")), "target", "keycloak-it");
    }
}
