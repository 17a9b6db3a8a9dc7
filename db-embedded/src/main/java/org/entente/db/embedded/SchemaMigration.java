package org.entente.db.embedded;

import java.util.Map;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * Runs Entente's Flyway migrations the one way code generation, tests and the embedded default
 * all need: as the owner role, with the placeholder {@code app_role} naming the runtime role that
 * migrations grant rights to.
 */
public final class SchemaMigration {

    /** The Flyway placeholder the migrations use in their GRANT statements. */
    public static final String APP_ROLE_PLACEHOLDER = "app_role";

    private SchemaMigration() {
    }

    /**
     * Migrates the database at {@code url} to the latest version.
     *
     * @param user      the owner role: it will own every object the migrations create
     * @param appRole   the runtime role, substituted for {@code ${app_role}}
     * @param locations Flyway locations, e.g. {@code classpath:db/migration} or
     *                  {@code filesystem:/path/to/db/migration}
     * @return Flyway's summary (number of migrations executed, versions)
     */
    public static MigrateResult migrate(String url, String user, String password, String appRole, String... locations) {
        return Flyway.configure(SchemaMigration.class.getClassLoader())
                .dataSource(url, user, password)
                .locations(locations)
                .placeholders(Map.of(APP_ROLE_PLACEHOLDER, appRole))
                .load()
                .migrate();
    }
}
