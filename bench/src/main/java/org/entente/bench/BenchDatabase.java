package org.entente.bench;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import org.entente.db.embedded.LocalPostgres;
import org.entente.db.embedded.SchemaMigration;

/**
 * The benchmark's own embedded PostgreSQL 18, migrated like the app's (schema, grants, demo organizations and
 * their demo history), before the generator adds the scaled data.
 */
public final class BenchDatabase implements AutoCloseable {

    /** The embedded cluster's bootstrap superuser: the loader and the "RLS off" comparisons connect as it. */
    public static final String SUPERUSER = "postgres";

    private final LocalPostgres postgres;

    private BenchDatabase(LocalPostgres postgres) {
        this.postgres = postgres;
    }

    /** Starts PostgreSQL on a fresh folder and migrates it with the demo data. */
    public static BenchDatabase start(Path dataDirectory) {
        LocalPostgres postgres = LocalPostgres.start(dataDirectory, 0);
        try {
            SchemaMigration.migrate(postgres.jdbcUrl(), postgres.ownerUser(), postgres.ownerPassword(),
                    postgres.appUser(), postgres.analyticsUser(), List.of("classpath:db/migration", "classpath:db/demo"));
        } catch (RuntimeException e) {
            postgres.close();
            throw e;
        }
        return new BenchDatabase(postgres);
    }

    public LocalPostgres postgres() {
        return postgres;
    }

    public String jdbcUrl() {
        return postgres.jdbcUrl();
    }

    /** As the superuser, whom row-level security does not restrict (loading, oracles, RLS-off comparisons). */
    public Connection superuser() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), SUPERUSER, "");
    }

    /** As the app's runtime role: row-level security applies, nothing is visible until a tenant is set. */
    public Connection app() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.appUser(), postgres.appPassword());
    }

    /** As the analytics snapshot's role (BYPASSRLS, SELECT on the analytics columns only). */
    public Connection analytics() throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.analyticsUser(), postgres.analyticsPassword());
    }

    @Override
    public void close() {
        postgres.close();
    }
}
