package org.entente.testing;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.entente.Application;
import org.entente.db.embedded.LocalPostgres;
import org.entente.keycloak.testing.KeycloakTestServer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Another app instance in the test JVM, on a port of its own, over the same PostgreSQL (as the runtime role; the
 * first instance migrated it) and the same Keycloak: what a second replica behind a load balancer is. Close it at the
 * end of the test class.
 */
public final class SecondInstance {

    private SecondInstance() {
    }

    /**
     * @param name  names its data folder (the fork's data folder + "-{name}"): its own snapshot, as each replica has
     * @param extra more {@code key=value} properties, e.g. a shared briefings folder
     */
    public static ConfigurableApplicationContext start(LocalPostgres postgres, String name, String... extra) {
        Path dataDir = Path.of(ItData.dir() + "-" + name);
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "spring.main.banner-mode=off",
                "spring.datasource.url=" + postgres.jdbcUrl(),
                "spring.datasource.username=" + postgres.appUser(),
                "spring.datasource.password=" + postgres.appPassword(),
                "spring.flyway.enabled=false",
                "entente.data-dir=" + dataDir,
                "entente.identity.issuer-uri=" + KeycloakTestServer.shared().issuerUri(),
                // Its schedules stay quiet unless a test fires them.
                "entente.analytics.refresh-interval=PT24H",
                "entente.briefings.schedule-check=PT24H",
                "vaadin.project.basedir=" + dataDir.resolve("vaadin"),
                "vaadin.devmode.devTools.enabled=false",
                "vaadin.devmode.usageStatistics.enabled=false",
                "vaadin.launch-browser=false"));
        properties.addAll(List.of(extra));
        return new SpringApplicationBuilder(Application.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
    }
}
