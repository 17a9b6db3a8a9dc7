package org.entente.db.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL 18 started from the embedded binaries on Maven Central (zonky), for jOOQ code
 * generation, tests and the app's embedded default when no datasource is configured.
 *
 * <p>The data directory is kept: starting again on the same directory reuses its data, a fresh or
 * empty directory gets {@code initdb}. On every start the database {@value #DATABASE} and its three
 * roles are ensured (created if missing, attributes re-asserted), so the app never runs with more
 * rights than intended even on an old data directory:
 * <ul>
 *   <li>{@value #OWNER_USER} owns the database and schema {@code public}; migrations run as it.
 *       Not superuser, so forced row-level security applies to it too.</li>
 *   <li>{@value #APP_USER} is the runtime role: no superuser, no BYPASSRLS, owns nothing, only
 *       CONNECT here; migrations grant it what it may do.</li>
 *   <li>{@value #ANALYTICS_USER} is the analytics snapshot's role: BYPASSRLS (the snapshot reads
 *       every tenant's rows and applies the visibility rule itself), otherwise like the runtime
 *       role: no superuser, owns nothing, only CONNECT here; migrations grant it SELECT on exactly
 *       the columns analytics needs.</li>
 * </ul>
 * The server listens on localhost only and trusts local connections (zonky's initdb uses
 * {@code -A trust}); the passwords exist so configuration looks the same as for a real server.
 */
public final class LocalPostgres implements AutoCloseable {

    public static final String DATABASE = "entente";
    public static final String OWNER_USER = "entente_owner";
    public static final String OWNER_PASSWORD = "entente_owner_dev";
    public static final String APP_USER = "entente_app";
    public static final String APP_PASSWORD = "entente_app_dev";
    public static final String ANALYTICS_USER = "entente_analytics";
    public static final String ANALYTICS_PASSWORD = "entente_analytics_dev";

    /** The bootstrap superuser zonky's initdb creates; used only here to set up roles and database. */
    private static final String SUPERUSER = "postgres";

    private final Path data;
    /** The port of the first start, kept so a restart serves the same JDBC URL (pools reconnect to it). */
    private final int port;
    private volatile EmbeddedPostgres postgres;

    private LocalPostgres(Path data, EmbeddedPostgres postgres) {
        this.data = data;
        this.postgres = postgres;
        this.port = postgres.getPort();
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory} (created if missing, kept afterwards) and ensures
     * database and roles.
     *
     * @param port TCP port on localhost, or 0 for any free port
     * @throws IllegalStateException if another process already runs a server on this directory
     */
    public static LocalPostgres start(Path dataDirectory, int port) {
        Path data = dataDirectory.toAbsolutePath().normalize();
        LocalPostgres local = new LocalPostgres(data, launch(data, port));
        try {
            local.ensureDatabaseAndRoles();
        } catch (SQLException | RuntimeException e) {
            local.close();
            throw new IllegalStateException("Could not prepare database " + DATABASE + " in " + data, e);
        }
        return local;
    }

    /**
     * Stops the server as an outage would (fast shutdown: sessions are ended, open transactions roll
     * back); the data directory and this object stay, so {@link #startAgain()} brings the same
     * database back. For fault tests.
     */
    public synchronized void stop() {
        close();
    }

    /**
     * Starts the server again after {@link #stop()} (or a crash) on the same data directory and the same
     * port, so clients configured with {@link #jdbcUrl()} reconnect. Harmless if it is running.
     */
    public synchronized void startAgain() {
        if (running()) {
            return;
        }
        postgres = launch(data, port);
    }

    /** Whether the server answers connections now. */
    public boolean running() {
        try (Connection ignored = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "")) {
            return true;
        } catch (SQLException e) {
            return false;
        }
    }

    private static EmbeddedPostgres launch(Path data, int port) {
        // zonky unpacks its binaries into a working directory, /tmp by default; keep them next to
        // the data instead, so a project's files stay in the project's folder.
        Path binaries = data.getParent().resolve("embedded-pg");
        try {
            Files.createDirectories(data);
            Files.createDirectories(binaries);
            return EmbeddedPostgres.builder()
                    .setDataDirectory(data)
                    .setCleanDataDirectory(false)
                    .setOverrideWorkingDirectory(binaries.toFile())
                    .setPort(port)
                    // Portable, ICU-free Unicode semantics for upper()/lower() whatever the host locale.
                    .setLocaleConfig("locale-provider", "builtin")
                    .setLocaleConfig("builtin-locale", "C.UTF-8")
                    .setLocaleConfig("locale", "C")
                    .setServerConfig("listen_addresses", "localhost")
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start embedded PostgreSQL in " + data, e);
        }
    }

    /** JDBC URL of database {@value #DATABASE}; pass user and password separately. */
    public String jdbcUrl() {
        return jdbcUrl(DATABASE);
    }

    public int port() {
        return port;
    }

    public String ownerUser() {
        return OWNER_USER;
    }

    public String ownerPassword() {
        return OWNER_PASSWORD;
    }

    public String appUser() {
        return APP_USER;
    }

    public String appPassword() {
        return APP_PASSWORD;
    }

    public String analyticsUser() {
        return ANALYTICS_USER;
    }

    public String analyticsPassword() {
        return ANALYTICS_PASSWORD;
    }

    /** Stops PostgreSQL (fast shutdown); the data directory is kept. Calling it twice is harmless. */
    @Override
    public void close() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not stop embedded PostgreSQL", e);
        }
    }

    private String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port() + "/" + database;
    }

    private void ensureDatabaseAndRoles() throws SQLException {
        try (Connection admin = DriverManager.getConnection(jdbcUrl("postgres"), SUPERUSER, "")) {
            ensureRole(admin, OWNER_USER, OWNER_PASSWORD, false);
            ensureRole(admin, APP_USER, APP_PASSWORD, false);
            ensureRole(admin, ANALYTICS_USER, ANALYTICS_PASSWORD, true);
            if (!exists(admin, "select 1 from pg_database where datname = ?", DATABASE)) {
                execute(admin, "create database " + DATABASE + " owner " + OWNER_USER + " encoding 'UTF8'");
            }
            execute(admin, "alter database " + DATABASE + " owner to " + OWNER_USER);
            // Nobody connects unless granted: the roles above, and the superuser.
            execute(admin, "revoke all on database " + DATABASE + " from public");
            execute(admin, "grant connect on database " + DATABASE + " to " + APP_USER);
            execute(admin, "grant connect on database " + DATABASE + " to " + ANALYTICS_USER);
        }
        try (Connection admin = DriverManager.getConnection(jdbcUrl(DATABASE), SUPERUSER, "")) {
            // The owner creates objects in public; the app role gets only what migrations grant.
            execute(admin, "alter schema public owner to " + OWNER_USER);
            execute(admin, "revoke create on schema public from public");
        }
    }

    /**
     * Creates the role if missing, and on every start re-asserts its attributes: no elevated one
     * except BYPASSRLS where asked for.
     */
    private static void ensureRole(Connection admin, String role, String password, boolean bypassRls)
            throws SQLException {
        String attributes = " login nosuperuser " + (bypassRls ? "bypassrls" : "nobypassrls")
                + " nocreatedb nocreaterole noreplication inherit password '" + password + "'";
        if (exists(admin, "select 1 from pg_roles where rolname = ?", role)) {
            execute(admin, "alter role " + role + attributes);
        } else {
            execute(admin, "create role " + role + attributes);
        }
    }

    private static boolean exists(Connection connection, String sql, String value) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(sql)) {
            query.setString(1, value);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next();
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
