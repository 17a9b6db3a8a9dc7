package org.entente.bench.app;

import java.time.Duration;
import org.entente.bench.BenchContext;
import org.entente.keycloak.KeycloakServer;

/**
 * The one real Keycloak of a bench run (the demo realm, fresh data on a free port), shared by P4–P6: the app
 * needs an issuer to start, and P6 signs its browsers in through its login page.
 */
public final class BenchKeycloak implements AutoCloseable {

    private final KeycloakServer server;
    private final Duration startup;

    private BenchKeycloak(KeycloakServer server, Duration startup) {
        this.server = server;
        this.startup = startup;
    }

    /** The run's Keycloak, started on first use. */
    public static BenchKeycloak of(BenchContext context) {
        return context.shared(BenchKeycloak.class, () -> {
            BenchProgress.say("starting Keycloak …");
            long t0 = System.nanoTime();
            KeycloakServer server = KeycloakServer.start(new KeycloakServer.Options(0,
                    context.workDirectory().resolve("keycloak"), true, null));
            BenchKeycloak keycloak = new BenchKeycloak(server, Duration.ofNanos(System.nanoTime() - t0));
            BenchProgress.say("Keycloak ready at %s in %s", server.issuerUri(), keycloak.startup);
            return keycloak;
        });
    }

    public String issuerUri() {
        return server.issuerUri();
    }

    /** How long the start took (not part of any measurement; printed and noted). */
    public Duration startup() {
        return startup;
    }

    @Override
    public void close() {
        server.close();
    }
}
