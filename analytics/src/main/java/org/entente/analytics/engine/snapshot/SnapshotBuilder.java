package org.entente.analytics.engine.snapshot;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.StringJoiner;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.entente.analytics.engine.SqlScript;

/**
 * Builds one snapshot file: creates the schema in a new DuckDB file, copies every table from PostgreSQL in one
 * consistent read transaction, records snapshot_info, checkpoints, and writes the Parquet copy into a new folder.
 *
 * <p>Bulk path: PostgreSQL's {@code COPY (SELECT ...) TO STDOUT (FORMAT csv)} streams into CSV chunk files (staging
 * folder), and a loader thread runs DuckDB's {@code COPY <table> FROM '<chunk>'} on each finished chunk while the
 * next one arrives, so PostgreSQL and DuckDB work at the same time. At most {@value #PENDING_CHUNKS} chunks wait on
 * disk. A table with rel_to is read once: the chunk goes through a temp table that feeds the table and its
 * {@code *_rel_to} table.
 */
final class SnapshotBuilder {

    static final List<String> SCHEMA = SqlScript.load("/org/entente/analytics/engine/snapshot/schema.sql");

    private static final long CHUNK_BYTES = 32L << 20;
    private static final String CHUNK = "$chunk";
    private static final int PENDING_CHUNKS = 3;
    private static final double COPY_START = 0.02;
    private static final double COPY_END = 0.85;
    private static final double PARQUET_START = 0.87;
    private static final double PARQUET_END = 0.97;

    record Result(Instant takenAt, LocalDate asOf, Map<String, Long> rowCounts) {
    }

    private SnapshotBuilder() {
    }

    static Result build(DataSource source, Path file, Path staging, Path parquetFolder, Progress progress)
            throws SQLException, IOException, InterruptedException {
        progress.phase("connecting to PostgreSQL", 0, "Connecting to PostgreSQL");
        Instant takenAt;
        Map<String, Long> sent = new LinkedHashMap<>();
        try (PostgresSource postgres = PostgresSource.open(source);
             Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath())) {
            takenAt = postgres.takenAt();
            progress.phase("creating the snapshot file", 0.01, "Creating the snapshot file");
            execute(duckdb, "SET TimeZone = 'UTC'");
            execute(duckdb, "SET preserve_insertion_order = false");
            SqlScript.execute(duckdb, SCHEMA);
            Map<String, List<String>> loads = new LinkedHashMap<>();
            for (SnapshotTable table : SnapshotTable.COPIED) {
                loads.put(table.name(), loadStatements(duckdb, table));
            }
            copyTables(postgres, duckdb, loads, staging, sent, progress);
            postgres.close();  // the read transaction ends here; DuckDB's work below needs no PostgreSQL

            progress.phase("checking the copied rows", COPY_END, "Checking the copied rows");
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : SnapshotTable.ALL) {
                long loaded = count(duckdb, table);
                Long expected = sent.get(table);
                if (expected != null && loaded != expected) {
                    throw new IllegalStateException("%s: PostgreSQL sent %,d rows but %,d were loaded"
                            .formatted(table, expected, loaded));
                }
                counts.put(table, loaded);
            }
            LocalDate asOf = LocalDate.ofInstant(takenAt, ZoneOffset.UTC);
            execute(duckdb, "INSERT INTO snapshot_info VALUES (CAST('" + takenAt + "' AS TIMESTAMPTZ), DATE '" + asOf + "')");
            execute(duckdb, "CHECKPOINT");

            progress.phase("writing the Parquet files", PARQUET_START, "Writing Parquet files");
            ParquetExport.write(duckdb, parquetFolder, (fraction, step) ->
                    progress.report(PARQUET_START + fraction * (PARQUET_END - PARQUET_START), step));
            return new Result(takenAt, asOf, counts);
        }
    }

    /**
     * How one CSV chunk of {@code table} is loaded ({@value #CHUNK} stands for the file): a plain COPY, or, for a table
     * with rel_to, into a temp table first, from which the rows and the rel_to entries are inserted.
     */
    private static List<String> loadStatements(Connection duckdb, SnapshotTable table) throws SQLException {
        String options = "header = false, delim = ',', quote = '\"', escape = '\"', nullstr = '',"
                + " allow_quoted_nulls = false, auto_detect = false";
        if (table.relTo() == null) {
            return List.of("COPY " + table.name() + " FROM " + CHUNK + " (FORMAT csv, HEADER false, DELIMITER ',', QUOTE '\"',"
                    + " ESCAPE '\"', NULL '', ALLOW_QUOTED_NULLS false, AUTO_DETECT false)");
        }
        StringJoiner columns = new StringJoiner(", ", "{", ", 'rel_to': 'VARCHAR'}");
        List<String> keys = new ArrayList<>();
        try (PreparedStatement query = duckdb.prepareStatement("SELECT column_name, data_type FROM duckdb_columns()"
                + " WHERE database_name = current_database() AND schema_name = 'main' AND table_name = ? ORDER BY column_index")) {
            query.setString(1, table.name());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    columns.add("'" + rows.getString(1) + "': '" + rows.getString(2) + "'");
                    if (keys.size() < table.relToKeys()) {
                        keys.add(rows.getString(1));
                    }
                }
            }
        }
        return List.of(
                "CREATE OR REPLACE TEMP TABLE snapshot_chunk AS SELECT * FROM read_csv(" + CHUNK + ", columns = " + columns
                        + ", " + options + ")",
                "INSERT INTO " + table.name() + " SELECT * EXCLUDE (rel_to) FROM snapshot_chunk",
                "INSERT INTO " + table.relTo() + " SELECT " + String.join(", ", keys)
                        + ", CAST(unnest(string_split(rel_to, ' ')) AS UUID) FROM snapshot_chunk WHERE rel_to IS NOT NULL",
                "DROP TABLE snapshot_chunk");
    }

    private static void copyTables(PostgresSource postgres, Connection duckdb, Map<String, List<String>> loads, Path staging,
                                   Map<String, Long> sent, Progress progress)
            throws SQLException, IOException, InterruptedException {
        List<SnapshotTable> tables = SnapshotTable.COPIED;
        Map<String, Long> estimates = postgres.estimates(tables.stream().map(SnapshotTable::name).toList());
        double[] weights = new double[tables.size()];
        double total = 0;
        for (int i = 0; i < tables.size(); i++) {
            weights[i] = 1_000 + estimates.getOrDefault(tables.get(i).name(), 0L);
            total += weights[i];
        }
        Files.createDirectories(staging);
        double done = COPY_START;
        try (Loader loader = new Loader(duckdb)) {
            for (int i = 0; i < tables.size(); i++) {
                SnapshotTable table = tables.get(i);
                List<String> load = loads.get(table.name());
                double start = done;
                double width = (COPY_END - COPY_START) * weights[i] / total;
                double expected = weights[i];
                progress.phase("copying " + table.label(), start, "Copying " + table.label());
                CsvChunks chunks = new CsvChunks(staging, table.name(), CHUNK_BYTES,
                        chunk -> loader.submit(table.name(), load, chunk),
                        rows -> progress.report(start + width * Math.min(0.99, rows / expected),
                                "Copying %s (%s rows)".formatted(table.label(), thousands(rows))));
                long rows;
                try {
                    rows = postgres.copyCsv(table.source(), chunks);
                    chunks.close();
                } catch (SQLException | IOException | RuntimeException e) {
                    chunks.abandon();
                    throw e;
                }
                sent.put(table.name(), rows);
                done = start + width;
                progress.report(done, "Copying %s (%s rows)".formatted(table.label(), thousands(rows)));
            }
            progress.phase("loading the last rows into DuckDB", done, "Loading the last rows into DuckDB");
            loader.finish();
        }
    }

    static String thousands(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }

    private static long count(Connection duckdb, String table) throws SQLException {
        try (Statement statement = duckdb.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Loads chunk files into DuckDB on its own thread, one at a time, deleting each once loaded. */
    private static final class Loader implements AutoCloseable {

        private final Connection duckdb;
        private final ExecutorService executor = Executors.newSingleThreadExecutor(task -> {
            Thread thread = new Thread(task, "snapshot-loader");
            thread.setDaemon(true);
            return thread;
        });
        private final Semaphore pending = new Semaphore(PENDING_CHUNKS);
        private volatile Exception failure;

        Loader(Connection duckdb) {
            this.duckdb = duckdb;
        }

        void submit(String table, List<String> load, Path chunk) throws IOException {
            rethrowFailure();
            try {
                pending.acquire();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                Files.deleteIfExists(chunk);
                throw new InterruptedIOException("interrupted while waiting for DuckDB");
            }
            executor.execute(() -> {
                try {
                    if (failure == null) {
                        for (String statement : load) {
                            execute(duckdb, statement.replace(CHUNK, ParquetExport.literal(chunk)));
                        }
                    }
                } catch (SQLException | RuntimeException e) {
                    failure = new SQLException("DuckDB could not load " + table + ": " + e.getMessage(), e);
                } finally {
                    try {
                        Files.deleteIfExists(chunk);
                    } catch (IOException e) {
                        // the staging folder is deleted as a whole afterwards
                    }
                    pending.release();
                }
            });
        }

        /** Waits until every chunk is loaded; throws the first load failure. */
        void finish() throws IOException, InterruptedException {
            executor.shutdown();
            while (!executor.awaitTermination(1, TimeUnit.SECONDS)) {
                Progress.checkInterrupted();
            }
            rethrowFailure();
        }

        /** Stops loading; waits (not interruptibly: DuckDB must be idle before its connection closes). */
        @Override
        public void close() {
            executor.shutdownNow();
            boolean interrupted = Thread.interrupted();
            try {
                while (true) {
                    try {
                        if (executor.awaitTermination(1, TimeUnit.SECONDS)) {
                            break;
                        }
                    } catch (InterruptedException e) {
                        interrupted = true;
                    }
                }
            } finally {
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private void rethrowFailure() throws IOException {
            Exception e = failure;
            if (e != null) {
                throw new IOException(e.getMessage(), e);
            }
        }
    }
}
