package org.entente.db.embedded;

import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs Entente's Flyway migrations the one way code generation, tests and the embedded default
 * all need: as the owner role, with the placeholder {@code app_role} naming the runtime role that
 * migrations grant rights to, and {@code analytics_role} naming the read-only role of the
 * analytics snapshot (column SELECT grants only; skipped with a notice if that role is missing).
 */
public final class SchemaMigration {

    /** The Flyway placeholder the migrations use in their GRANT statements. */
    public static final String APP_ROLE_PLACEHOLDER = "app_role";

    /** The Flyway placeholder naming the analytics snapshot's role (V30). */
    public static final String ANALYTICS_ROLE_PLACEHOLDER = "analytics_role";

    private SchemaMigration() {
    }

    /**
     * Migrates the database at {@code url} to the latest version, with the analytics role
     * {@value LocalPostgres#ANALYTICS_USER}.
     *
     * @see #migrate(String, String, String, String, String, List)
     */
    public static MigrateResult migrate(String url, String user, String password, String appRole, String... locations) {
        return migrate(url, user, password, appRole, LocalPostgres.ANALYTICS_USER, List.of(locations));
    }

    /**
     * Migrates the database at {@code url} to the latest version.
     *
     * @param user      the owner role: it will own every object the migrations create
     * @param appRole   the runtime role, substituted for {@code ${app_role}}
     * @param analyticsRole the analytics snapshot's role, substituted for {@code ${analytics_role}}
     * @param locations Flyway locations, e.g. {@code classpath:db/migration} or
     *                  {@code filesystem:/path/to/db/migration}
     * @return Flyway's summary (number of migrations executed, versions)
     */
    public static MigrateResult migrate(String url, String user, String password, String appRole,
                                        String analyticsRole, List<String> locations) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(url, user, password)
                .locations(locations.toArray(String[]::new))
                .placeholders(Map.of(APP_ROLE_PLACEHOLDER, appRole, ANALYTICS_ROLE_PLACEHOLDER, analyticsRole))
                .load()
                .migrate();
    }
}
