package org.entente.analytics.engine.snapshot;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.entente.analytics.engine.EngineText;
import org.entente.analytics.engine.SqlScript;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Builds one snapshot file: creates the schema in a new DuckDB file, copies every table from PostgreSQL as of one
 * consistent snapshot, checks the row counts, records snapshot_info and checkpoints. (The Parquet copy is written from
 * the published file afterwards, see {@link SnapshotStore}.)
 *
 * <p>Reading: up to two PostgreSQL connections share one snapshot. The first opens the read transaction and exports
 * its snapshot ({@code pg_export_snapshot()}); the second imports it ({@code SET TRANSACTION SNAPSHOT}), so both see
 * the database as of the same moment. The tables are cut into slices (a big table by a hash of its key, see
 * {@link ReadPlan}), and each connection takes the next slice, biggest first, until none is left. If the second
 * connection cannot be had (pool exhausted, snapshot refused, not ready in time), the first reads everything and a log
 * line says so.
 *
 * <p>Bulk path: PostgreSQL's {@code COPY (SELECT ...) TO STDOUT (FORMAT csv)} streams into CSV chunk files (staging
 * folder), and a loader thread runs DuckDB's {@code COPY <table> FROM '<chunk>'} on each finished chunk while the
 * next ones arrive, so PostgreSQL and DuckDB work at the same time. At most {@value #PENDING_CHUNKS} chunks wait on
 * disk. A table's rel_to arrays are read by a query of their own (one row per entry) into its {@code *_rel_to}
 * table, so every chunk loads with a plain COPY. Every table's loaded row count must equal what PostgreSQL sent.
 *
 * <p>Threads: the refreshing thread coordinates. It reports progress (so the listener runs on it), notices its own
 * interruption, and stops everything on the first failure; readers and the loader have threads of their own.
 */
final class SnapshotBuilder {

    private static final Logger log = LoggerFactory.getLogger(SnapshotBuilder.class);

    static final List<String> SCHEMA = SqlScript.load("/org/entente/analytics/engine/snapshot/schema.sql");

    private static final long CHUNK_BYTES = 16L << 20;
    private static final String CHUNK = "$chunk";
    private static final int PENDING_CHUNKS = 4;
    private static final double COPY_START = 0.02;
    private static final double COPY_END = 0.80;
    static final double BUILT = 0.84;

    /**
     * How a refresh reads PostgreSQL.
     *
     * @param connections how many connections share the work: 1, or 2 (the second only if it can be had)
     * @param sliceRows   a table is read in slices of about this many rows (estimated), at most {@value #MAX_SLICES};
     *                    0 = automatic: with two connections and at least {@value #MIN_AUTOMATIC_SLICE_CPUS} cores, a
     *                    third of all rows (so that the biggest table is shared), never under
     *                    {@value #MIN_AUTOMATIC_SLICE_ROWS} rows; else whole tables. Each slice scans the whole table
     *                    once: on 2 cores that PostgreSQL shares with DuckDB, slicing 1.4M rows took ~10% longer than
     *                    giving each connection whole tables (measured 2026-12-01)
     */
    record ReadPlan(int connections, long sliceRows) {

        static final ReadPlan DEFAULT = new ReadPlan(2, 0);
        static final int MAX_SLICES = 8;
        static final long MIN_AUTOMATIC_SLICE_ROWS = 100_000;
        static final int MIN_AUTOMATIC_SLICE_CPUS = 4;

        ReadPlan {
            if (connections < 1 || connections > 2 || sliceRows < 0) {
                throw new IllegalArgumentException("connections 1 or 2, sliceRows >= 0");
            }
        }

        /** How many slices a table of {@code estimate} rows is read in, when all tables hold {@code total} rows. */
        int slices(long estimate, long total) {
            long size;
            if (sliceRows > 0) {
                size = sliceRows;
            } else if (connections == 1 || Runtime.getRuntime().availableProcessors() < MIN_AUTOMATIC_SLICE_CPUS) {
                return 1;
            } else {
                size = Math.max(MIN_AUTOMATIC_SLICE_ROWS, total / (connections + 1));
            }
            return Math.clamp(Math.round((double) estimate / size), 1, MAX_SLICES);
        }
    }

    /** A built snapshot file; {@code connections}: how many PostgreSQL connections read slices (1 or 2). */
    record Result(Instant takenAt, LocalDate asOf, Map<String, Long> rowCounts, int connections) {
    }

    private SnapshotBuilder() {
    }

    static Result build(DataSource source, Path file, Path staging, Progress progress, ReadPlan plan)
            throws SQLException, IOException, InterruptedException {
        progress.phase(EngineText.of("refresh.phase.connecting"), 0, EngineText.of("refresh.step.connecting"));
        try (PostgresSource postgres = PostgresSource.open(source);
             Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + file.toAbsolutePath())) {
            Instant takenAt = postgres.takenAt();
            progress.phase(EngineText.of("refresh.phase.creating"), 0.01, EngineText.of("refresh.step.creating"));
            execute(duckdb, "SET TimeZone = 'UTC'");
            execute(duckdb, "SET preserve_insertion_order = false");
            // One DuckDB thread: the load shares the cores with PostgreSQL and the readers, and a single-threaded CSV
            // load of 1M activity rows took 1.0-1.1 s of CPU against 1.5-1.8 s with two threads (measured 2026-12-01).
            execute(duckdb, "SET threads = 1");
            SqlScript.execute(duckdb, SCHEMA);
            Files.createDirectories(staging);
            Map<String, Long> sent;
            int connections;
            // The whole load is one DuckDB transaction: DuckDB then writes full row groups straight into the file,
            // where a commit per chunk went through its WAL and automatic checkpoints first (1.44M rows: ~15% less JVM
            // CPU, measured 2026-12-01). A failure closes the connection, which rolls it back, and the file is deleted.
            duckdb.setAutoCommit(false);
            try (Copy copy = new Copy(source, postgres, duckdb, staging, progress, plan)) {
                sent = copy.run();
                connections = copy.connectionsUsed();
            }
            duckdb.commit();
            duckdb.setAutoCommit(true);
            postgres.close();  // the read transactions end here; DuckDB's work below needs no PostgreSQL

            progress.phase(EngineText.of("refresh.phase.checking"), COPY_END, EngineText.of("refresh.step.checking"));
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : SnapshotTable.ALL) {
                long loaded = count(duckdb, table);
                long expected = sent.getOrDefault(table, 0L);
                if (loaded != expected) {
                    throw new IllegalStateException("%s: PostgreSQL sent %,d rows but %,d were loaded"
                            .formatted(table, expected, loaded));
                }
                counts.put(table, loaded);
            }
            LocalDate asOf = LocalDate.ofInstant(takenAt, ZoneOffset.UTC);
            execute(duckdb, "INSERT INTO snapshot_info VALUES (CAST('" + takenAt + "' AS TIMESTAMPTZ), DATE '" + asOf + "')");
            execute(duckdb, "CHECKPOINT");
            return new Result(takenAt, asOf, counts, connections);
        }
    }

    /** How one CSV chunk of {@code table} is loaded into DuckDB ({@value #CHUNK} stands for the file). */
    private static String loadStatement(String table) {
        return "COPY " + table + " FROM " + CHUNK + " (FORMAT csv, HEADER false, DELIMITER ',', QUOTE '\"', ESCAPE '\"',"
                + " NULL '', ALLOW_QUOTED_NULLS false, AUTO_DETECT false)";
    }

    /**
     * One query's worth of work: the rows of a table whose key hash modulo {@code count} is {@code index} (the whole
     * table if count is 1), or ({@code relTo}) the rel_to entries of a table.
     */
    private record Slice(SnapshotTable table, boolean relTo, int index, int count, long expectedRows, double weight) {

        String query() {
            return relTo ? table.relToSource() : table.source(index, count);
        }

        /** The DuckDB table it goes to. */
        String target() {
            return relTo ? table.relTo() : table.name();
        }

        /** For progress and failure messages: "contributions", "the rel_to lists of contributions". */
        EngineText text() {
            EngineText label = EngineText.of("refresh.table." + table.name());
            return relTo ? EngineText.of("refresh.table.relToListsOf", label) : label;
        }

        /** For chunk file names. */
        String name() {
            return count == 1 ? target() : target() + "." + (index + 1) + "of" + count;
        }
    }

    /** What readers tell the refreshing thread. */
    private sealed interface Event {

        record Started(int reader, Slice slice) implements Event {
        }

        record Rows(Slice slice, long rows) implements Event {
        }

        record Done(Slice slice, long rows) implements Event {
        }

        record Failed(Slice slice, Exception error) implements Event {
        }

        /** The second connection could not be had, or refused the snapshot. */
        record Unavailable(String reason) implements Event {
        }
    }

    /** One refresh's reading: the slices, the readers sharing them, the loader, and the coordination. */
    private static final class Copy implements AutoCloseable {

        private final DataSource source;
        private final PostgresSource first;
        private final Path staging;
        private final Progress progress;
        private final ReadPlan plan;
        private final Loader loader;
        private final List<Slice> slices = new ArrayList<>();
        private final Queue<Slice> work = new ConcurrentLinkedQueue<>();
        private final BlockingQueue<Event> events = new LinkedBlockingQueue<>();
        private final List<Reader> readers = new ArrayList<>();
        private final Set<Integer> readersUsed = new HashSet<>();
        private final Object lock = new Object();
        private boolean stopped;   // guarded by lock
        private boolean finished;

        Copy(DataSource source, PostgresSource first, Connection duckdb, Path staging, Progress progress, ReadPlan plan) {
            this.source = source;
            this.first = first;
            this.staging = staging;
            this.progress = progress;
            this.plan = plan;
            this.loader = new Loader(duckdb);
        }

        int connectionsUsed() {
            return Math.max(1, readersUsed.size());
        }

        /** Copies every slice; returns the rows PostgreSQL sent per table. */
        Map<String, Long> run() throws SQLException, IOException, InterruptedException {
            Map<String, Long> estimates = first.estimates(SnapshotTable.COPIED.stream().map(SnapshotTable::name).toList());
            long total = estimates.values().stream().mapToLong(Long::longValue).sum();
            for (SnapshotTable table : SnapshotTable.COPIED) {
                long estimate = estimates.getOrDefault(table.name(), 0L);
                int count = plan.slices(estimate, total);
                for (int i = 0; i < count; i++) {
                    long rows = Math.max(1, estimate / count);
                    slices.add(new Slice(table, false, i, count, rows, 1_000.0 / count + rows));
                }
                if (table.relTo() != null) {
                    // Few rows, but a scan of the whole table: weighed as a tenth of it.
                    slices.add(new Slice(table, true, 0, 1, Math.max(1, estimate / 10), 1_000.0 + estimate / 10.0));
                }
            }
            slices.sort(Comparator.comparingDouble(Slice::weight).reversed());  // biggest first: the readers end together
            work.addAll(slices);

            String single = null;  // why only one connection reads, if so
            start(new Reader(1, first, null));
            if (plan.connections() < 2) {
                single = "one was asked for";
            } else if (first.exportedSnapshot().isEmpty()) {
                single = "PostgreSQL did not export the snapshot for a second one (" + first.exportFailure() + ")";
            } else {
                start(new Reader(2, null, first.exportedSnapshot().get()));
            }

            double totalWeight = slices.stream().mapToDouble(Slice::weight).sum();
            Map<Slice, Double> shares = new HashMap<>();  // slice → its part of the copy done, 0..1
            Map<Slice, Long> rowsBySlice = new HashMap<>();
            Map<String, Long> sent = new LinkedHashMap<>();
            Set<String> tablesStarted = new HashSet<>();
            int left = slices.size();
            while (left > 0) {
                Event event = events.poll(200, TimeUnit.MILLISECONDS);
                if (event == null) {
                    Progress.checkInterrupted();
                    if (events.isEmpty() && readers.stream().noneMatch(reader -> reader.thread.isAlive())) {
                        throw new IllegalStateException("the PostgreSQL readers ended with %d of %d slices not copied"
                                .formatted(left, slices.size()));
                    }
                    continue;
                }
                switch (event) {
                    case Event.Started(int reader, Slice slice) -> {
                        readersUsed.add(reader);
                        shares.put(slice, 0.0);
                        if (tablesStarted.add(slice.target())) {
                            progress.phase(EngineText.of("refresh.phase.copying", slice.text()), fraction(shares, totalWeight),
                                    EngineText.of("refresh.step.copying", slice.text()));
                        }
                    }
                    case Event.Rows(Slice slice, long rows) -> {
                        rowsBySlice.put(slice, rows);
                        shares.put(slice, Math.min(0.99, (double) rows / slice.expectedRows()));
                        report(slice, rowsBySlice, shares, totalWeight);
                    }
                    case Event.Done(Slice slice, long rows) -> {
                        rowsBySlice.put(slice, rows);
                        shares.put(slice, 1.0);
                        sent.merge(slice.target(), rows, Long::sum);
                        left--;
                        report(slice, rowsBySlice, shares, totalWeight);
                    }
                    case Event.Failed(Slice slice, Exception error) -> {
                        progress.failedWhile(EngineText.of("refresh.phase.copying", slice.text()));
                        throw rethrow(error);
                    }
                    case Event.Unavailable(String reason) -> single = "a second one could not be had (" + reason + ")";
                }
                Progress.checkInterrupted();
            }
            finished = true;
            if (readersUsed.size() < 2) {
                log.info("Analytics snapshot read with one PostgreSQL connection: {}", single != null ? single
                        : "the second one was not ready before the first had read everything");
            } else {
                log.debug("Analytics snapshot read with two PostgreSQL connections sharing one snapshot ({} slices)",
                        slices.size());
            }
            progress.phase(EngineText.of("refresh.phase.loading"), COPY_END, EngineText.of("refresh.step.loading"));
            loader.finish();
            return sent;
        }

        private void report(Slice slice, Map<Slice, Long> rowsBySlice, Map<Slice, Double> shares, double totalWeight) {
            long tableRows = 0;
            for (Map.Entry<Slice, Long> entry : rowsBySlice.entrySet()) {
                if (entry.getKey().target().equals(slice.target())) {
                    tableRows += entry.getValue();
                }
            }
            progress.report(fraction(shares, totalWeight),
                    EngineText.of("refresh.step.copyingRows", slice.text(), tableRows));
        }

        private static double fraction(Map<Slice, Double> shares, double totalWeight) {
            double done = 0;
            for (Map.Entry<Slice, Double> entry : shares.entrySet()) {
                done += entry.getKey().weight() * entry.getValue();
            }
            return COPY_START + (COPY_END - COPY_START) * done / totalWeight;
        }

        private void start(Reader reader) {
            readers.add(reader);
            reader.thread.start();
        }

        private boolean stopped() {
            synchronized (lock) {
                return stopped;
            }
        }

        /**
         * Stops the readers: after a failure or interruption by interrupting them (a copy stops at its next row), and
         * a second connection still on its way in any case. Waits (not interruptibly) for every reader that took part,
         * then for the loader: DuckDB must be idle before its connection closes, and PostgreSQL's first connection
         * (the snapshot's exporter) before it is closed.
         */
        @Override
        public void close() {
            List<Reader> working = new ArrayList<>();
            synchronized (lock) {
                stopped = true;
                for (Reader reader : readers) {
                    if (reader.working) {
                        working.add(reader);
                    }
                }
            }
            for (Reader reader : readers) {
                if (!finished || !working.contains(reader)) {
                    reader.thread.interrupt();
                }
            }
            boolean interrupted = Thread.interrupted();
            try {
                for (Reader reader : working) {
                    while (true) {
                        try {
                            reader.thread.join();
                            break;
                        } catch (InterruptedException e) {
                            interrupted = true;
                        }
                    }
                }
            } finally {
                loader.close();
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }

        private static RuntimeException rethrow(Exception error) throws SQLException, IOException {
            if (error instanceof SQLException sql) {
                throw sql;
            }
            if (error instanceof IOException io) {
                throw io;
            }
            if (error instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw new IllegalStateException(error.getMessage(), error);
        }

        /**
         * Reads slices on one PostgreSQL connection until none is left. Reader 1 uses the refresh's first connection;
         * reader 2 connects itself, imports the first one's snapshot, and closes its connection at the end.
         */
        private final class Reader implements Runnable {

            final int number;
            final String importing;
            final Thread thread;
            PostgresSource postgres;
            boolean working;   // guarded by lock: has taken part, so the refresh waits for it

            Reader(int number, PostgresSource postgres, String importing) {
                this.number = number;
                this.postgres = postgres;
                this.importing = importing;
                this.thread = new Thread(this, "snapshot-reader-" + number);
                thread.setDaemon(true);
            }

            @Override
            public void run() {
                try {
                    if (importing != null) {
                        try {
                            postgres = PostgresSource.join(source, importing);
                        } catch (SQLException | RuntimeException e) {
                            if (!stopped()) {
                                events.add(new Event.Unavailable(SnapshotStore.reason(e)));
                            }
                            return;
                        }
                    }
                    synchronized (lock) {
                        if (stopped) {
                            return;
                        }
                        working = true;
                    }
                    Slice slice;
                    while (!stopped() && (slice = work.poll()) != null) {
                        events.add(new Event.Started(number, slice));
                        if (!copy(slice)) {
                            return;
                        }
                    }
                } finally {
                    if (importing != null && postgres != null) {
                        try {
                            postgres.close();
                        } catch (SQLException | RuntimeException e) {
                            log.debug("Could not end the second snapshot read transaction", e);
                        }
                    }
                }
            }

            /** Copies one slice; false if it failed (reported). */
            private boolean copy(Slice slice) {
                String table = slice.target();
                String load = loadStatement(table);
                CsvChunks chunks = new CsvChunks(staging, slice.name(), CHUNK_BYTES,
                        chunk -> loader.submit(table, load, chunk), rows -> events.add(new Event.Rows(slice, rows)));
                try {
                    long rows = postgres.copyCsv(slice.query(), chunks);
                    chunks.close();
                    events.add(new Event.Done(slice, rows));
                    return true;
                } catch (SQLException | IOException | RuntimeException e) {
                    try {
                        chunks.abandon();
                    } catch (IOException | RuntimeException suppressed) {
                        e.addSuppressed(suppressed);
                    }
                    events.add(new Event.Failed(slice, e));
                    return false;
                }
            }
        }
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

    /**
     * Loads chunk files into DuckDB on its own thread, one at a time, deleting each once loaded. {@link #submit} may be
     * called by several readers at once.
     */
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

        void submit(String table, String load, Path chunk) throws IOException {
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
                        execute(duckdb, load.replace(CHUNK, ParquetExport.literal(chunk)));
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
