package org.entente.analytics;

import java.nio.file.Path;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the Analytics workspace ({@code entente.analytics.*} in application.yml).
 *
 * @param datasource      where the snapshot reads PostgreSQL, as its own read-only role (may be a replica)
 * @param refreshInterval how often the snapshot is taken again on its own
 * @param minimumPartners k of the disclosure control: a figure the viewer cannot fully see needs k partners
 * @param dominanceLimit  the largest partner's share above which such a figure is withheld
 * @param directory       where the DuckDB snapshot files and their Parquet copy live
 */
@ConfigurationProperties("entente.analytics")
public record AnalyticsProperties(@DefaultValue Datasource datasource,
        @DefaultValue("PT15M") Duration refreshInterval,
        @DefaultValue("3") int minimumPartners,
        @DefaultValue("0.85") double dominanceLimit,
        Path directory) {

    static final String PREFIX = "entente.analytics.";

    /**
     * @param url      blank: the embedded PostgreSQL, or the URL of {@code spring.datasource.url} when the
     *                 app runs on an external database
     * @param username the analytics role (LOGIN, BYPASSRLS, column SELECT grants only)
     * @param password its password
     */
    public record Datasource(String url, @DefaultValue("entente_analytics") String username, String password) {
    }
}
