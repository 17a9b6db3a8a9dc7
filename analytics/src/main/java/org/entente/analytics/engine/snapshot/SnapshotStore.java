package org.entente.analytics.engine.snapshot;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.duckdb.DuckDBConnection;
import org.entente.analytics.engine.EngineText;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The analytics snapshots in one directory, and which one is current.
 *
 * <p>Files: {@code snapshot-<yyyyMMdd-HHmmssSSS, UTC>.duckdb}, one per successful refresh, and {@code parquet/}
 * (see {@link ParquetExport}). A refresh builds {@code <name>.duckdb.tmp} (plus a {@code <name>.staging} folder for
 * CSV chunks, see {@link SnapshotBuilder}), then fsyncs it, reads it back (a file cut short or holding other row counts
 * than were written is refused) and renames it atomically to {@code <name>.duckdb} and makes
 * it current; then it writes the Parquet copy from the new file into {@code <name>.parquet.tmp} and swaps that folder
 * in. A failed or interrupted refresh deletes what it wrote and leaves the current snapshot as it was;
 * {@link #lastFailure()} says why. If only the Parquet copy fails, the new snapshot stays current, {@code parquet/}
 * keeps the previous copy, and {@link #lastFailure()} says so.
 *
 * <p>Readers: every snapshot file is opened by one in-memory DuckDB database that attaches it READ_ONLY; each
 * {@link SnapshotReader} is a connection of that database, so readers share its cache but not their temp views.
 * Readers are counted: a superseded file is closed and deleted when its last reader closes, so queries in flight
 * finish on the file they started on.
 *
 * <p>On start the newest readable {@code snapshot-*.duckdb} is current; leftovers of interrupted refreshes and older
 * snapshots are deleted. One refresh runs at a time; a second one asked meanwhile fails at once with
 * {@link RefreshInProgressException}. Thread-safe.
 */
public final class SnapshotStore implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(SnapshotStore.class);

    private static final DateTimeFormatter NAME_TIME =
            DateTimeFormatter.ofPattern("yyyyMMdd-HHmmssSSS").withZone(ZoneOffset.UTC);
    private static final Pattern SNAPSHOT = Pattern.compile("snapshot-\\d{8}-\\d{9}\\.duckdb");
    private static final Pattern LEFTOVER = Pattern.compile(
            "snapshot-\\d{8}-\\d{9}\\.(duckdb\\.tmp(\\.wal)?|duckdb\\.wal|staging|parquet\\.tmp)|"
                    + Pattern.quote(ParquetExport.DIRECTORY) + "\\.old-\\d+");
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final double PARQUET_START = 0.86;
    private static final double PARQUET_END = 0.99;

    /** Writes the Parquet copy of a snapshot (a DuckDB connection on it) into a new folder; {@link ParquetExport}. */
    @FunctionalInterface
    interface ParquetWriter {
        void write(Connection snapshot, Path folder, RefreshListener listener) throws SQLException, IOException;
    }

    private final Path directory;
    private final SnapshotBuilder.ReadPlan plan;
    private final ParquetWriter parquet;
    private final AtomicBoolean refreshing = new AtomicBoolean();
    private volatile Instant refreshStarted;
    private volatile RefreshFailure lastFailure;

    // Guarded by this.
    private Generation current;
    private String lastName = "";
    private boolean closed;

    /**
     * Opens the directory (created if missing) and makes the newest readable snapshot in it current.
     *
     * @throws UncheckedIOException if the directory cannot be created or listed
     */
    public SnapshotStore(Path directory) {
        this(directory, SnapshotBuilder.ReadPlan.DEFAULT, ParquetExport::write);
    }

    /** With another way of reading PostgreSQL or of writing Parquet (tests). */
    SnapshotStore(Path directory, SnapshotBuilder.ReadPlan plan, ParquetWriter parquet) {
        this.plan = Objects.requireNonNull(plan, "plan");
        this.parquet = Objects.requireNonNull(parquet, "parquet");
        this.directory = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(this.directory);
            recover();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot use the analytics snapshot directory " + this.directory, e);
        }
    }

    /**
     * One COPY a refresh runs on PostgreSQL.
     *
     * @param source    the PostgreSQL table it reads
     * @param table     the snapshot table it fills (a {@code *_rel_to} table for a rel_to list)
     * @param statement the {@code COPY (SELECT ...) TO STDOUT ...} statement
     */
    public record SourceCopy(String source, String table, String statement) {
    }

    /**
     * What a refresh reads from PostgreSQL, so that it can be compared with PostgreSQL's own COPY of the same rows (the
     * benchmark's ceiling): one COPY per table and per rel_to list, whole tables, in copy order. A refresh runs them on
     * up to {@link #sourceConnections()} connections sharing one snapshot, biggest first (with 4 or more cores it
     * also cuts big tables into hash slices).
     */
    public static List<SourceCopy> sourceCopies() {
        List<SourceCopy> copies = new ArrayList<>();
        for (SnapshotTable table : SnapshotTable.COPIED) {
            copies.add(new SourceCopy(table.name(), table.name(), PostgresSource.copyStatement(table.source())));
            if (table.relTo() != null) {
                copies.add(new SourceCopy(table.name(), table.relTo(), PostgresSource.copyStatement(table.relToSource())));
            }
        }
        return List.copyOf(copies);
    }

    /** How many PostgreSQL connections a refresh reads with, at most. */
    public static int sourceConnections() {
        return SnapshotBuilder.ReadPlan.DEFAULT.connections();
    }

    public Path directory() {
        return directory;
    }

    /** The current snapshot, or empty before the first successful refresh. */
    public synchronized Optional<SnapshotInfo> current() {
        return Optional.ofNullable(current).map(generation -> generation.info);
    }

    public boolean refreshing() {
        return refreshing.get();
    }

    /** Why the last refresh failed; empty when it succeeded (or none ran yet). */
    public Optional<RefreshFailure> lastFailure() {
        return Optional.ofNullable(lastFailure);
    }

    /**
     * Takes a new snapshot from {@code source} and makes it current; runs on the calling thread.
     *
     * @param source   PostgreSQL, as a role that bypasses row-level security (entente_analytics)
     * @param listener progress; may be null
     * @throws RefreshInProgressException at once if another refresh runs
     * @throws SnapshotRefreshException   if it failed or the thread was interrupted (the interrupt flag stays set);
     *                                    the previous snapshot stays current. Once the new snapshot is current, a
     *                                    failed or interrupted Parquet copy does not throw: {@link #lastFailure()} says
     *                                    so, and the interrupt flag stays set
     */
    public SnapshotInfo refresh(DataSource source, RefreshListener listener) {
        Objects.requireNonNull(source, "source");
        if (!refreshing.compareAndSet(false, true)) {
            Instant since = refreshStarted;
            throw new RefreshInProgressException("A snapshot refresh is already running"
                    + (since == null ? "" : " (since " + CLOCK.format(since) + ")") + "; it was not started twice.");
        }
        try {
            refreshStarted = Instant.now();
            return refreshExclusively(source, new Progress(listener));
        } finally {
            refreshStarted = null;
            refreshing.set(false);
        }
    }

    /**
     * A reader on the current snapshot.
     *
     * @throws NoSnapshotException if there is none yet, or its file cannot be opened
     */
    public SnapshotReader open() {
        Generation generation;
        Connection connection;
        synchronized (this) {
            if (closed) {
                throw new IllegalStateException("The snapshot store is closed");
            }
            generation = current;
            if (generation == null) {
                RefreshFailure failure = lastFailure;
                throw new NoSnapshotException(failure == null
                        ? "No analytics snapshot has been taken yet."
                        : "No analytics snapshot is available: " + failure.message());
            }
            try {
                connection = generation.connect();
            } catch (SQLException e) {
                throw new NoSnapshotException("The analytics snapshot " + generation.info.file().getFileName()
                        + " cannot be opened: " + reason(e), e);
            }
            generation.readers++;
        }
        return new SnapshotReader(connection, generation.info, () -> release(generation));
    }

    /** Closes the databases no reader uses; the files stay for the next start. Open readers keep working. */
    @Override
    public synchronized void close() {
        closed = true;
        if (current != null && current.readers == 0) {
            current.closeDatabase();
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Refresh

    private SnapshotInfo refreshExclusively(DataSource source, Progress progress) {
        Instant started = Instant.now();
        String name = nextName(started);
        Path file = directory.resolve(name + ".duckdb");
        Path temp = directory.resolve(name + ".duckdb.tmp");
        Path staging = directory.resolve(name + ".staging");
        Path parquetTemp = directory.resolve(name + ".parquet.tmp");
        SnapshotInfo info = null;
        boolean interrupted = false;
        try {
            synchronized (this) {
                if (closed) {
                    throw new IllegalStateException("The snapshot store is closed");
                }
            }
            SnapshotBuilder.Result built = SnapshotBuilder.build(source, temp, staging, progress, plan);
            progress.phase(EngineText.of("refresh.phase.publishing"), SnapshotBuilder.BUILT,
                    EngineText.of("refresh.step.publishing"));
            Files.deleteIfExists(directory.resolve(temp.getFileName() + ".wal"));  // empty after CHECKPOINT and close
            fsync(temp, false);
            requireComplete(temp, built.rowCounts());
            Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE);
            fsync(directory, true);
            Progress.checkInterrupted();
            SnapshotInfo taken = new SnapshotInfo(file, built.takenAt(), built.asOf(), built.rowCounts(),
                    Duration.between(started, Instant.now()));
            publish(taken);
            info = taken;
            lastFailure = null;
            log.info("Analytics snapshot {} taken: {} rows as of {} in {} ms ({} rows/s, {} PostgreSQL connection{})",
                    file.getFileName(), info.totalRows(), info.takenAt(), info.took().toMillis(),
                    info.totalRows() * 1000 / Math.max(1, info.took().toMillis()), built.connections(),
                    built.connections() == 1 ? "" : "s");
        } catch (Exception e) {
            interrupted = Thread.interrupted() || isInterruption(e);
            // The role's refusal names a setting and a SQL statement for whoever runs the server: it stays as written.
            EngineText text = interrupted
                    ? EngineText.of("refresh.failure.interrupted", progress.phase())
                    : e instanceof PostgresSource.RoleRefusedException
                            ? EngineText.of("refresh.failure.asWritten", e.getMessage())
                            : EngineText.of("refresh.failure.failed", progress.phase(), reason(e));
            String message = text.toString();
            lastFailure = new RefreshFailure(Instant.now(), text);
            if (interrupted || e instanceof PostgresSource.RoleRefusedException) {
                log.warn("Analytics snapshot refresh failed: {}", message);
            } else {
                log.warn("Analytics snapshot refresh failed: {}", message, e);
            }
            throw new SnapshotRefreshException(message, e);
        } finally {
            if (info == null) {
                interrupted |= Thread.interrupted();  // cleared while cleaning up (NIO channels refuse to work), set again below
                deleteAll(List.of(temp, directory.resolve(temp.getFileName() + ".wal"), staging, parquetTemp, file));
                if (interrupted) {
                    Thread.currentThread().interrupt();
                }
            }
        }
        deleteAll(List.of(staging));
        boolean parquetWritten = writeParquet(info, parquetTemp, progress);
        progress.report(1, EngineText.of(parquetWritten ? "refresh.step.ready" : "refresh.step.readyWithoutParquet",
                info.totalRows(), info.took().toMillis() / 1000.0));
        return info;
    }

    /**
     * Writes the Parquet copy of the snapshot just published into {@code folder}, then swaps it in. A failure (or an
     * interruption: the flag stays set) is recorded in {@link #lastFailure()}; the snapshot stays current either way.
     */
    private boolean writeParquet(SnapshotInfo info, Path folder, Progress progress) {
        Instant started = Instant.now();
        try {
            progress.phase(EngineText.of("refresh.phase.parquet"), PARQUET_START,
                    EngineText.of("refresh.step.parquet"));
            try (SnapshotReader reader = open()) {
                parquet.write(reader.connection(), folder, (fraction, step) ->
                        progress.report(PARQUET_START + fraction * (PARQUET_END - PARQUET_START), step));
            }
            Progress.checkInterrupted();
            ParquetExport.replace(folder, directory.resolve(ParquetExport.DIRECTORY));
            log.info("Parquet copy of {} written in {} ms", info.file().getFileName(),
                    Duration.between(started, Instant.now()).toMillis());
            return true;
        } catch (Exception e) {
            boolean interrupted = Thread.interrupted() || isInterruption(e);
            EngineText text = EngineText.of("refresh.failure.parquet", CLOCK.format(info.takenAt()),
                    interrupted ? EngineText.of("refresh.failure.parquetInterrupted") : reason(e),
                    ParquetExport.DIRECTORY);
            String message = text.toString();
            lastFailure = new RefreshFailure(Instant.now(), text);
            if (interrupted) {
                log.warn("Analytics snapshot refresh: {}", message);
            } else {
                log.warn("Analytics snapshot refresh: {}", message, e);
            }
            deleteAll(List.of(folder));
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
    }

    private static void deleteAll(List<Path> leftovers) {
        for (Path leftover : leftovers) {
            try {
                Folders.deleteRecursively(leftover);
            } catch (IOException e) {
                log.warn("Could not delete {} after a refresh", leftover, e);
            }
        }
    }

    private synchronized String nextName(Instant now) {
        Instant at = now;
        String name = "snapshot-" + NAME_TIME.format(at);
        while (name.compareTo(lastName) <= 0 || Files.exists(directory.resolve(name + ".duckdb"))) {
            at = at.plusMillis(1);
            name = "snapshot-" + NAME_TIME.format(at);
        }
        lastName = name;
        return name;
    }

    private synchronized void publish(SnapshotInfo info) {
        Generation previous = current;
        current = new Generation(info);
        if (previous != null) {
            previous.retired = true;
            if (previous.readers == 0) {
                previous.closeAndDelete();
            }
        }
    }

    private synchronized void release(Generation generation) {
        generation.readers--;
        if (generation.readers == 0) {
            if (generation.retired) {
                generation.closeAndDelete();
            } else if (closed) {
                generation.closeDatabase();
            }
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Start: leftovers and the current snapshot

    private void recover() throws IOException {
        List<Path> snapshots = new ArrayList<>();
        try (Stream<Path> files = Files.list(directory)) {
            for (Path path : files.toList()) {
                String name = path.getFileName().toString();
                if (LEFTOVER.matcher(name).matches()) {
                    log.info("Deleting {}, left over from an interrupted snapshot refresh", path);
                    Folders.deleteRecursively(path);
                } else if (SNAPSHOT.matcher(name).matches() && Files.isRegularFile(path)) {
                    snapshots.add(path);
                }
            }
        }
        snapshots.sort(Comparator.comparing(Path::toString).reversed());
        for (Path file : snapshots) {
            if (current == null) {
                try {
                    current = new Generation(describe(file));
                    lastName = file.getFileName().toString().replace(".duckdb", "");
                    log.info("Analytics snapshot {} (as of {}) is current", file.getFileName(), current.info.takenAt());
                    continue;
                } catch (SQLException | RuntimeException e) {
                    log.warn("Deleting analytics snapshot {}: it cannot be read ({})", file, reason(e));
                }
            }
            Files.deleteIfExists(file);
        }
    }

    /**
     * A file about to become current must read back whole, with the rows the refresh wrote: a truncated or damaged
     * one would replace (and delete) a good snapshot with one no reader can open.
     */
    private static void requireComplete(Path file, Map<String, Long> written) throws IOException {
        Map<String, Long> read;
        try {
            read = describe(file).rowCounts();
        } catch (SQLException | RuntimeException e) {
            throw new IOException("the new snapshot file cannot be read back (" + reason(e) + "); it was not used");
        }
        if (!read.equals(written)) {
            throw new IOException("the new snapshot file holds other row counts than were written (" + read + " instead of "
                    + written + "); it was not used");
        }
    }

    /**
     * Reads what a snapshot file says about itself; took is not recorded in the file (ZERO).
     *
     * @throws SQLException if the file is not a complete snapshot (not a database, cut short, tables missing)
     */
    private static SnapshotInfo describe(Path file) throws SQLException {
        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:");
             Statement statement = connection.createStatement()) {
            statement.execute("ATTACH " + ParquetExport.literal(file) + " AS snap (READ_ONLY)");
            statement.execute("USE snap");
            requireAllBlocks(statement, file);
            Instant takenAt;
            LocalDate asOf;
            try (ResultSet rows = statement.executeQuery("SELECT taken_at, as_of_date FROM snapshot_info")) {
                if (!rows.next()) {
                    throw new SQLException("snapshot_info is empty");
                }
                takenAt = rows.getObject(1, OffsetDateTime.class).toInstant();
                asOf = rows.getObject(2, LocalDate.class);
            }
            Map<String, Long> counts = new LinkedHashMap<>();
            for (String table : SnapshotTable.ALL) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
            return new SnapshotInfo(file, takenAt, asOf, counts, Duration.ZERO);
        }
    }

    /**
     * DuckDB opens a file from its headers and metadata alone; a file cut short behind them would fail only when a
     * query reaches a missing block. The file must be as long as the blocks it says it has, after its three 4 KiB
     * headers.
     */
    private static void requireAllBlocks(Statement statement, Path file) throws SQLException {
        long blockSize;
        long blocks;
        try (ResultSet rows = statement.executeQuery(
                "SELECT block_size, total_blocks FROM pragma_database_size() WHERE database_name = 'snap'")) {
            if (!rows.next()) {
                throw new SQLException("DuckDB does not report the size of " + file.getFileName());
            }
            blockSize = rows.getLong(1);
            blocks = rows.getLong(2);
        }
        long expected = 3 * 4096 + blockSize * blocks;
        long actual;
        try {
            actual = Files.size(file);
        } catch (IOException e) {
            throw new SQLException("cannot read the size of " + file.getFileName() + ": " + e.getMessage(), e);
        }
        if (actual < expected) {
            throw new SQLException("the file is cut short: " + actual + " bytes of " + expected);
        }
    }

    // ---------------------------------------------------------------------------------------------------------
    // Helpers

    private static void fsync(Path path, boolean directory) throws IOException {
        try (FileChannel channel = FileChannel.open(path, directory ? StandardOpenOption.READ : StandardOpenOption.WRITE)) {
            channel.force(true);
        } catch (IOException e) {
            if (!directory) {
                throw e;
            }
            // Not every file system lets a directory be opened for fsync; the rename is atomic regardless.
        }
    }

    private static boolean isInterruption(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedException || t instanceof InterruptedIOException
                    || t instanceof ClosedByInterruptException) {
                return true;
            }
        }
        return false;
    }

    /** The most telling message in a failure's causes, one line, without stack trace or class names. */
    static String reason(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PSQLException psql) {
                ServerErrorMessage server = psql.getServerErrorMessage();
                return firstLine(server != null && server.getMessage() != null ? server.getMessage() : psql.getMessage());
            }
        }
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException && t.getMessage() != null) {
                return firstLine(t.getMessage());
            }
        }
        Throwable root = failure;
        while (root.getCause() != null && root.getMessage() == null) {
            root = root.getCause();
        }
        return root.getMessage() == null ? root.getClass().getSimpleName() : firstLine(root.getMessage());
    }

    private static String firstLine(String message) {
        String line = message.strip();
        int end = line.indexOf('\n');
        return end < 0 ? line : line.substring(0, end).strip();
    }

    /** One snapshot file, its shared in-memory DuckDB database (opened on first use) and its readers. */
    private static final class Generation {

        final SnapshotInfo info;
        DuckDBConnection database;
        int readers;
        boolean retired;

        Generation(SnapshotInfo info) {
            this.info = info;
        }

        Connection connect() throws SQLException {
            if (database == null) {
                DuckDBConnection opened = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:");
                try (Statement statement = opened.createStatement()) {
                    statement.execute("ATTACH " + ParquetExport.literal(info.file()) + " AS snap (READ_ONLY)");
                } catch (SQLException e) {
                    opened.close();
                    throw e;
                }
                database = opened;
            }
            Connection connection = database.duplicate();
            try (Statement statement = connection.createStatement()) {
                statement.execute("USE snap");
                statement.execute("SET TimeZone = 'UTC'");
            } catch (SQLException e) {
                connection.close();
                throw e;
            }
            return connection;
        }

        void closeDatabase() {
            if (database != null) {
                try {
                    database.close();
                } catch (SQLException e) {
                    log.warn("Could not close the DuckDB database on {}", info.file(), e);
                }
                database = null;
            }
        }

        void closeAndDelete() {
            closeDatabase();
            try {
                Files.deleteIfExists(info.file());
                log.info("Deleted superseded analytics snapshot {}", info.file().getFileName());
            } catch (IOException e) {
                log.warn("Could not delete superseded analytics snapshot {}", info.file(), e);
            }
        }
    }
}
