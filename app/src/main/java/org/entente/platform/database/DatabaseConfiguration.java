package org.entente.platform.database;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import javax.sql.DataSource;
import org.entente.db.tenancy.ActorSource;
import org.entente.db.tenancy.TenantTransactionManager;
import org.flywaydb.core.api.Location;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * The one tenant-context mechanism: every transaction the app opens goes through
 * {@link TenantTransactionManager}, which sets the acting tenant and user before the first statement.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseConfiguration {

    static final String DEMO_DATA_LOCATION = "classpath:db/demo";

    /** Named transactionManager so Spring Boot's own JDBC transaction manager backs off. */
    @Bean
    TenantTransactionManager transactionManager(DataSource dataSource, ActorSource actorSource) {
        return new TenantTransactionManager(dataSource, actorSource);
    }

    /**
     * Demo tenants and members (matching the demo Keycloak realm) are loaded when
     * {@code entente.demo-data} is true; unset, they are loaded only into the embedded database.
     */
    @Bean
    FlywayConfigurationCustomizer demoDataLocation(Environment environment,
            @Value("${entente.demo-data:}") String demoData) {
        boolean embedded = !EmbeddedDatabaseConfiguration.externalDatabaseConfigured(environment);
        boolean enabled = demoData.isBlank() ? embedded : Boolean.parseBoolean(demoData);
        return configuration -> {
            if (!enabled) {
                return;
            }
            List<Location> locations = new ArrayList<>(Arrays.asList(configuration.getLocations()));
            locations.add(new Location(DEMO_DATA_LOCATION));
            configuration.locations(locations.toArray(Location[]::new));
        };
    }
}
