package org.entente.analytics;

import java.nio.file.Path;
import org.entente.analytics.engine.Analytics;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.snapshot.SnapshotStore;
import org.entente.db.embedded.LocalPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.scheduling.annotation.EnableScheduling;

/**
 * Wires the analytics engine (module {@code analytics}, no Spring inside) into the app: its own read-only
 * connection to PostgreSQL, the snapshot store under {@code entente.analytics.directory}, and the report
 * facade with the disclosure settings.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AnalyticsProperties.class)
@EnableScheduling
class AnalyticsConfiguration {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsConfiguration.class);

    /**
     * The URL: {@code entente.analytics.datasource.url} if set (e.g. a read replica); else the app's own
     * {@code spring.datasource.url}; else the embedded PostgreSQL. The role is always the analytics role.
     */
    @Bean(destroyMethod = "close")
    AnalyticsSource analyticsSource(AnalyticsProperties properties, Environment environment,
            ObjectProvider<LocalPostgres> embedded) {
        AnalyticsProperties.Datasource settings = properties.datasource();
        String url = blank(settings.url()) ? environment.getProperty("spring.datasource.url", "") : settings.url();
        if (blank(url)) {
            LocalPostgres postgres = embedded.getIfAvailable();
            url = postgres == null ? "" : postgres.jdbcUrl();
        }
        log.info("Analytics snapshot reads {} as role {}", blank(url) ? "(no URL)" : url, settings.username());
        return new AnalyticsSource(url, settings.username(), settings.password());
    }

    @Bean(destroyMethod = "close")
    SnapshotStore snapshotStore(AnalyticsProperties properties) {
        Path directory = properties.directory() == null ? Path.of(".data", "analytics") : properties.directory();
        return new SnapshotStore(directory.toAbsolutePath().normalize());
    }

    @Bean
    Analytics analytics(SnapshotStore store, AnalyticsProperties properties) {
        return new Analytics(store, new AnalyticsSettings(properties.minimumPartners(), properties.dominanceLimit()));
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
