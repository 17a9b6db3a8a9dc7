package org.entente.analytics.engine.snapshot;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * The PostgreSQL side of a refresh: one connection in a REPEATABLE READ READ ONLY transaction, rolled back at the end.
 * The first connection ({@link #open}) exports its snapshot ({@code pg_export_snapshot()}); a second one
 * ({@link #join}) imports it ({@code SET TRANSACTION SNAPSHOT}), so both read the database as of the same moment and
 * may share the tables. Tables leave PostgreSQL through {@code COPY (SELECT ...) TO STDOUT (FORMAT csv)} in UTC and
 * ISO dates, the form DuckDB's CSV reader loads.
 */
final class PostgresSource implements AutoCloseable {

    private final Connection connection;
    private final boolean autoCommit;
    private final CopyManager copy;
    private final Instant takenAt;
    private final String exportedSnapshot;
    private final String exportFailure;
    private boolean closed;
    private volatile boolean broken;

    /** Starts the read transaction: with the snapshot {@code importing} (from another connection), or exporting its own. */
    private PostgresSource(Connection connection, boolean autoCommit, String importing) throws SQLException {
        this.connection = connection;
        this.autoCommit = autoCommit;
        this.copy = connection.unwrap(PGConnection.class).getCopyAPI();
        execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        String exported = null;
        String failure = null;
        if (importing != null) {
            execute("SET TRANSACTION SNAPSHOT '" + importing.replace("'", "''") + "'");
        } else {
            // The transaction's snapshot is taken here, by its first query. Should PostgreSQL refuse to export it (it
            // may, e.g. on some standbys), the transaction starts over without: one connection reads everything.
            try (Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("SELECT pg_export_snapshot()")) {
                rows.next();
                exported = rows.getString(1);
            } catch (SQLException e) {
                failure = SnapshotStore.reason(e);
                connection.rollback();
                execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
            }
        }
        this.exportedSnapshot = exported;
        this.exportFailure = failure;
        execute("SET LOCAL TimeZone = 'UTC'");
        execute("SET LOCAL DateStyle = 'ISO, YMD'");
        checkBypassesRowLevelSecurity();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT now()")) {
            rows.next();
            this.takenAt = rows.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    /**
     * Connects and opens the read transaction, exporting its snapshot for {@link #join}; fails if the role would see
     * only part of the rows.
     */
    static PostgresSource open(DataSource source) throws SQLException {
        return connect(source, null);
    }

    /**
     * Connects and opens a read transaction on the snapshot {@code snapshot} that {@link #open} exported; it must still
     * be open. Fails like {@link #open}, and if PostgreSQL refuses the snapshot.
     */
    static PostgresSource join(DataSource source, String snapshot) throws SQLException {
        return connect(source, snapshot);
    }

    private static PostgresSource connect(DataSource source, String snapshot) throws SQLException {
        Connection connection = source.getConnection();
        try {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            return new PostgresSource(connection, autoCommit, snapshot);
        } catch (SQLException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the connection is closed below anyway
            }
            connection.close();
            throw e;
        }
    }

    /** The start of the read transaction: the moment the copied data is consistent as of. */
    Instant takenAt() {
        return takenAt;
    }

    /** The id of this transaction's snapshot for {@link #join}; empty if PostgreSQL refused to export it. */
    Optional<String> exportedSnapshot() {
        return Optional.ofNullable(exportedSnapshot);
    }

    /** Why PostgreSQL refused to export the snapshot; null if it did not. */
    String exportFailure() {
        return exportFailure;
    }

    /**
     * PostgreSQL's own row estimates (pg_class.reltuples; from the file size when never analysed), for progress and
     * for slicing the big tables; never exact.
     */
    Map<String, Long> estimates(List<String> tables) throws SQLException {
        Map<String, Long> estimates = new HashMap<>();
        try (PreparedStatement query = connection.prepareStatement("""
                SELECT c.relname, (CASE WHEN c.reltuples >= 0 THEN c.reltuples ELSE pg_relation_size(c.oid) / 200 END)::bigint
                  FROM pg_class c
                 WHERE c.oid = ANY (SELECT to_regclass(t)::oid FROM unnest(?::text[]) AS t)""")) {
            Array names = connection.createArrayOf("text", tables.toArray());
            query.setArray(1, names);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    estimates.put(rows.getString(1), rows.getLong(2));
                }
            }
        }
        return estimates;
    }

    /** Writes the rows of {@code query} to {@code out} as CSV (NULL unquoted empty, '' quoted); returns the row count. */
    long copyCsv(String query, OutputStream out) throws SQLException, IOException {
        try {
            return copy.copyOut(copyStatement(query), out);
        } catch (SQLException | IOException | RuntimeException e) {
            broken = true;
            throw e;
        }
    }

    /** The COPY that {@link #copyCsv} runs for {@code query}. */
    static String copyStatement(String query) {
        return "COPY (" + query + ") TO STDOUT (FORMAT csv)";
    }

    /**
     * Ends the read transaction (rolled back: nothing was written) and gives the connection back; after a COPY that
     * stopped midway, closes it for good instead. Idempotent.
     */
    @Override
    public void close() throws SQLException {
        if (closed) {
            return;
        }
        closed = true;
        if (broken) {
            // A COPY cut off midway (an interrupted refresh) can leave the protocol out of step: the next query on
            // this connection would read the answers of earlier ones. A pool must never hand it out again.
            try {
                connection.abort(Runnable::run);
            } finally {
                try {
                    connection.close();
                } catch (SQLException alreadyGone) {
                    // Expected: the pool notices the aborted connection and drops it.
                }
            }
            return;
        }
        try {
            connection.rollback();
            connection.setAutoCommit(autoCommit);
        } finally {
            connection.close();
        }
    }

    private void checkBypassesRowLevelSecurity() throws SQLException {
        String role;
        boolean bypasses;
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT current_user,"
                     + " coalesce((SELECT rolsuper OR rolbypassrls FROM pg_roles WHERE rolname = current_user), false)")) {
            rows.next();
            role = rows.getString(1);
            bypasses = rows.getBoolean(2);
        }
        if (!bypasses) {
            throw new RoleRefusedException(("The analytics snapshot must read every organization's rows, but database role"
                    + " \"%s\" is subject to row-level security (it has neither BYPASSRLS nor superuser), so the snapshot"
                    + " would miss rows. Connect the analytics datasource as a role with BYPASSRLS, such as"
                    + " entente_analytics.").formatted(role));
        }
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** The connected role would see only the rows row-level security lets it see. */
    static final class RoleRefusedException extends RuntimeException {
        RoleRefusedException(String message) {
            super(message);
        }
    }
}
