package org.entente.db;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.UUID;
import java.util.stream.Stream;
import org.entente.db.embedded.LocalPostgres;
import org.entente.db.embedded.SchemaMigration;

/**
 * One real PostgreSQL 18 per test JVM (data under target/test-postgres, wiped at start), migrated
 * as the owner role; tests query it as the runtime role like the app does.
 */
public final class TestDatabase {

    public static final String MIGRATIONS = "classpath:db/migration";
    public static final String DEMO_DATA = "classpath:db/demo";

    private static LocalPostgres postgres;
    private static HikariDataSource appPool;

    private TestDatabase() {
    }

    public static synchronized LocalPostgres postgres() {
        if (postgres == null) {
            Path data = Path.of("target", "test-postgres", "data");
            deleteRecursively(data);
            postgres = LocalPostgres.start(data, 0);
            SchemaMigration.migrate(postgres.jdbcUrl(), postgres.ownerUser(), postgres.ownerPassword(),
                    postgres.appUser(), MIGRATIONS);
            Runtime.getRuntime().addShutdownHook(new Thread(TestDatabase::stop, "test-postgres-stop"));
        }
        return postgres;
    }

    /** A small pool of runtime-role connections, shared by the tests. */
    public static synchronized HikariDataSource appPool() {
        if (appPool == null) {
            appPool = pool(4);
        }
        return appPool;
    }

    /** A separate pool of runtime-role connections; close it after use. */
    public static HikariDataSource pool(int size) {
        LocalPostgres db = postgres();
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(db.jdbcUrl());
        config.setUsername(db.appUser());
        config.setPassword(db.appPassword());
        config.setMaximumPoolSize(size);
        config.setMinimumIdle(1);
        return new HikariDataSource(config);
    }

    public static Connection owner() throws SQLException {
        LocalPostgres db = postgres();
        return DriverManager.getConnection(db.jdbcUrl(), db.ownerUser(), db.ownerPassword());
    }

    public static Connection app() throws SQLException {
        LocalPostgres db = postgres();
        return DriverManager.getConnection(db.jdbcUrl(), db.appUser(), db.appPassword());
    }

    /** A connection as the analytics snapshot's role (BYPASSRLS, column SELECT grants only). */
    public static Connection analytics() throws SQLException {
        LocalPostgres db = postgres();
        return DriverManager.getConnection(db.jdbcUrl(), db.analyticsUser(), db.analyticsPassword());
    }

    /** A connection as the bootstrap superuser to another database of the same server (zonky's initdb trusts local ones). */
    public static Connection superuser(String database) throws SQLException {
        return DriverManager.getConnection(url(database), "postgres", "");
    }

    /** The JDBC URL of another database of the same server. */
    public static String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres().port() + "/" + database;
    }

    /** A unique, valid tenant alias, so tests never depend on each other's rows. */
    public static String uniqueAlias(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    /** Provisions a new tenant through provision_tenant as the runtime role; returns its id. */
    public static UUID provisionTenant(String alias) {
        return provisionTenant(alias, "NGO");
    }

    /** Provisions a new tenant of the given kind (STATE, NGO, ...) through provision_tenant; returns its id. */
    public static UUID provisionTenant(String alias, String kind) {
        try (Connection app = app();
             CallableStatement call = app.prepareCall("select tenant_id from provision_tenant(?, ?, ?, ?)")) {
            call.setString(1, alias);
            call.setString(2, "Test tenant " + alias);
            call.setString(3, kind);
            call.setString(4, "Test region");
            try (ResultSet rows = call.executeQuery()) {
                rows.next();
                return rows.getObject(1, UUID.class);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not provision test tenant " + alias, e);
        }
    }

    /** The SQLSTATE of the first SQLException in a cause chain, or null. */
    public static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return sql.getSQLState();
            }
        }
        return null;
    }

    static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static synchronized void stop() {
        if (appPool != null) {
            appPool.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
