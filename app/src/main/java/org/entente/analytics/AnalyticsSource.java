package org.entente.analytics;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import javax.sql.DataSource;

/**
 * The snapshot's own way into PostgreSQL: a small, read-only Hikari pool ({@value #POOL_NAME}) as the
 * analytics role. Deliberately not a {@link DataSource} bean: the app's primary pool, Flyway and jOOQ never
 * see it, and Spring Boot's own datasource set-up is not disturbed. The pool opens on first use, so a
 * missing or misconfigured role never stops the app from starting; {@link #check()} and
 * {@link #explain(Throwable)} turn what PostgreSQL says into the setting to fix.
 */
public final class AnalyticsSource implements AutoCloseable {

    static final String POOL_NAME = "entente-analytics";

    /** The tables the snapshot reads; the role needs SELECT on (some of) their columns. */
    private static final List<String> TABLES = List.of("tenant", "workstream", "participation", "initiative",
            "rnd_project", "work_package", "deliverable", "engagement", "contribution", "milestone", "activity");

    private final String url;
    private final String username;
    private final HikariDataSource pool;

    AnalyticsSource(String url, String username, String password) {
        this.url = url;
        this.username = username;
        pool = new HikariDataSource(); // no-argument constructor: the pool starts on the first getConnection()
        pool.setPoolName(POOL_NAME);
        pool.setJdbcUrl(url);
        pool.setUsername(username);
        pool.setPassword(password);
        pool.setReadOnly(true);
        pool.setMaximumPoolSize(2);
        pool.setMinimumIdle(0);
        pool.setIdleTimeout(60_000);
        pool.setConnectionTimeout(10_000);
    }

    public DataSource dataSource() {
        return pool;
    }

    public String url() {
        return url;
    }

    public String username() {
        return username;
    }

    /**
     * Connects once and checks what the snapshot relies on: the role signs in, bypasses row-level security
     * (otherwise the snapshot would silently miss other tenants' rows) and may read every snapshot table.
     *
     * @throws AnalyticsSetupProblem naming the setting to fix
     */
    void check() {
        if (url == null || url.isBlank()) {
            throw new AnalyticsSetupProblem(PROPERTY_URL + ": not set, and there is neither spring.datasource.url "
                    + "nor an embedded database to fall back on.");
        }
        try (Connection connection = pool.getConnection()) {
            try (PreparedStatement statement = connection.prepareStatement(
                    "select rolbypassrls from pg_roles where rolname = current_user");
                    ResultSet row = statement.executeQuery()) {
                if (row.next() && !row.getBoolean(1)) {
                    throw new AnalyticsSetupProblem(PROPERTY_USERNAME + ": role " + username
                            + " cannot bypass row-level security (it needs BYPASSRLS), so a snapshot would miss other "
                            + "organizations' rows. Point it at the analytics role (see deploy/postgres-init.sql).");
                }
            }
            for (String table : TABLES) {
                try (PreparedStatement statement = connection.prepareStatement(
                        "select to_regclass(?) is not null and has_any_column_privilege(to_regclass(?), 'SELECT')")) {
                    statement.setString(1, "public." + table);
                    statement.setString(2, "public." + table);
                    try (ResultSet row = statement.executeQuery()) {
                        if (row.next() && !row.getBoolean(1)) {
                            throw new AnalyticsSetupProblem(cannotRead("table " + table));
                        }
                    }
                }
            }
        } catch (SQLException e) {
            throw new AnalyticsSetupProblem(explain(e), e);
        } catch (RuntimeException e) {
            if (e instanceof AnalyticsSetupProblem) {
                throw e;
            }
            throw new AnalyticsSetupProblem(explain(e), e);
        }
    }

    static final String PROPERTY_URL = AnalyticsProperties.PREFIX + "datasource.url";
    static final String PROPERTY_USERNAME = AnalyticsProperties.PREFIX + "datasource.username";
    static final String PROPERTY_PASSWORD = AnalyticsProperties.PREFIX + "datasource.password";

    /**
     * What went wrong, as one sentence that starts with the setting to fix when it is a setting; otherwise
     * the failure's own (user-readable) message.
     */
    String explain(Throwable failure) {
        SQLException sql = sqlCause(failure);
        String state = sql == null ? null : sql.getSQLState();
        String detail = sql == null ? failure.getMessage() : firstLine(sql.getMessage());
        if (state != null) {
            if (state.equals("28P01")) {
                return PROPERTY_PASSWORD + ": PostgreSQL at " + url + " refused the password of role " + username
                        + " (" + detail + ").";
            }
            if (state.startsWith("28")) {
                return PROPERTY_USERNAME + ": role " + username + " cannot sign in to " + url
                        + " — it is missing, may not log in, or may not connect to the database (" + detail
                        + "). Create it as deploy/postgres-init.sql does.";
            }
            if (state.equals("42501")) {
                return cannotRead(detail);
            }
            if (state.equals("3D000")) {
                return PROPERTY_URL + ": the database in " + url + " does not exist (" + detail + ").";
            }
            if (state.startsWith("08")) {
                return PROPERTY_URL + ": cannot reach PostgreSQL at " + url + " (" + detail + ").";
            }
        }
        return detail == null || detail.isBlank() ? failure.getClass().getSimpleName() : detail;
    }

    private String cannotRead(String what) {
        return PROPERTY_USERNAME + ": role " + username + " cannot read " + what
                + ". As the schema owner, run: SELECT grant_analytics_read('" + username + "');";
    }

    private static SQLException sqlCause(Throwable failure) {
        SQLException found = null;
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                found = sql;
                if (sql.getSQLState() != null) {
                    return sql;
                }
            }
        }
        return found;
    }

    private static String firstLine(String message) {
        if (message == null) {
            return null;
        }
        String line = message.lines().findFirst().orElse("");
        return line.startsWith("ERROR: ") ? line.substring("ERROR: ".length()) : line;
    }

    @Override
    public void close() {
        pool.close();
    }
}
