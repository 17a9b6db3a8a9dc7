package org.entente.bench.analytics;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.analytics.engine.SqlScript;
import org.postgresql.PGConnection;

/**
 * The snapshot's tables loaded into the PostgreSQL schema {@value #SCHEMA}, so that P1 runs the rollups' SQL on
 * PostgreSQL over exactly the rows DuckDB reads: same tables (schema.sql runs on PostgreSQL unchanged), rows moved
 * DuckDB → CSV file → {@code COPY FROM STDIN}, row counts checked. PostgreSQL then gets what it would have in
 * production: indexes on the keys the views and rollups join on ({@link #INDEXES}, the source tables' key prefixes)
 * and {@code ANALYZE}.
 */
final class PostgresCopyOfSnapshot {

    static final String SCHEMA = "bench_snapshot";

    /** The join keys of visibility.sql and the rollups, as the primary keys of the source tables begin. */
    static final List<String> INDEXES = List.of(
            "tenant (id)",
            "workstream (tenant_id, id)",
            "workstream_rel_to (tenant_id, workstream_id, rel_tenant_id)",
            "participation (tenant_id, workstream_id, participant_tenant_id)",
            "initiative (tenant_id, workstream_id)",
            "rnd_project (tenant_id, workstream_id)",
            "work_package (tenant_id, workstream_id, id)",
            "deliverable (tenant_id, workstream_id, work_package_id)",
            "engagement (tenant_id, workstream_id)",
            "contribution (tenant_id, workstream_id, id)",
            "contribution_rel_to (tenant_id, workstream_id, contribution_id, rel_tenant_id)",
            "milestone (tenant_id, workstream_id, id)",
            "activity (tenant_id, workstream_id, id)",
            "activity_rel_to (tenant_id, workstream_id, activity_id, rel_tenant_id)",
            "indicator (tenant_id, workstream_id, id)",
            "indicator_rel_to (tenant_id, workstream_id, indicator_id, rel_tenant_id)",
            "indicator_progress (tenant_id, workstream_id, indicator_id)",
            "assessment (tenant_id, workstream_id, id)",
            "assessment_rel_to (tenant_id, workstream_id, assessment_id, rel_tenant_id)",
            "assessment_recommendation (tenant_id, workstream_id, assessment_id)");

    private PostgresCopyOfSnapshot() {
    }

    /** Rows per table as loaded, and how long loading took (export, COPY, indexes, ANALYZE). */
    record Loaded(Map<String, Long> rows, long nanos) {
    }

    /**
     * (Re)creates {@value #SCHEMA} from the snapshot {@code duckdb} is attached to (as catalog {@code snap}, see SnapshotReader).
     *
     * @param folder where the CSV files go (deleted afterwards)
     * @throws IllegalStateException if a table's row count differs after loading
     */
    static Loaded load(Connection duckdb, Connection superuser, Path folder) throws SQLException, IOException {
        long started = System.nanoTime();
        Files.createDirectories(folder);
        execute(superuser, "DROP SCHEMA IF EXISTS " + SCHEMA + " CASCADE");
        execute(superuser, "CREATE SCHEMA " + SCHEMA);
        execute(superuser, "SET search_path = " + SCHEMA);
        execute(superuser, "SET TimeZone = 'UTC'");
        SqlScript.execute(superuser, SqlScript.load("/org/entente/analytics/engine/snapshot/schema.sql"));

        List<String> tables = new ArrayList<>();
        try (Statement sql = duckdb.createStatement();
             ResultSet row = sql.executeQuery("SELECT table_name FROM duckdb_tables()"
                     + " WHERE database_name = 'snap' AND schema_name = 'main' ORDER BY table_name")) {
            while (row.next()) {
                tables.add(row.getString(1));
            }
        }
        Map<String, Long> rows = new LinkedHashMap<>();
        var copy = superuser.unwrap(PGConnection.class).getCopyAPI();
        for (String table : tables) {
            Path file = folder.resolve(table + ".csv");
            // DuckDB writes NULL unquoted-empty and '' as "" — PostgreSQL's CSV reads them back the same way.
            execute(duckdb, "COPY " + table + " TO '" + file.toString().replace("'", "''") + "' (FORMAT csv, HEADER false)");
            long loaded;
            try (InputStream in = Files.newInputStream(file)) {
                loaded = copy.copyIn("COPY " + SCHEMA + "." + table + " FROM STDIN (FORMAT csv)", in);
            }
            Files.delete(file);
            long expected = count(duckdb, table);
            if (loaded != expected) {
                throw new IllegalStateException("%s: %,d rows in the snapshot but %,d loaded into PostgreSQL"
                        .formatted(table, expected, loaded));
            }
            rows.put(table, loaded);
        }
        for (String index : INDEXES) {
            execute(superuser, "CREATE INDEX ON " + SCHEMA + "." + index);
        }
        for (String table : tables) {
            execute(superuser, "ANALYZE " + SCHEMA + "." + table);
        }
        execute(superuser, "RESET search_path");
        return new Loaded(rows, System.nanoTime() - started);
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("SELECT count(*) FROM " + table)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
