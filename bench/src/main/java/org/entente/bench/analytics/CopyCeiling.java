package org.entente.bench.analytics;

import java.io.IOException;
import java.io.OutputStream;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.entente.analytics.engine.snapshot.SnapshotStore;
import org.entente.analytics.engine.snapshot.SnapshotStore.SourceCopy;
import org.postgresql.PGConnection;

/**
 * P2's ceiling: PostgreSQL's own {@code COPY ... TO STDOUT} of exactly what a refresh reads
 * ({@link SnapshotStore#sourceCopies()}: same statements, same role), on as many connections as a refresh uses,
 * shared the same way — one REPEATABLE READ READ ONLY transaction exports its snapshot and the others import it, and
 * each connection takes the next COPY, biggest table first — with every byte discarded as it arrives.
 */
final class CopyCeiling {

    private CopyCeiling() {
    }

    /** One COPY's outcome. */
    record Copied(String table, long rows, long bytes, long nanos) {
    }

    /** A whole ceiling run: wall time from the first connection to the last byte, and each COPY. */
    record Run(long nanos, List<Copied> copies) {

        long rows() {
            return copies.stream().mapToLong(Copied::rows).sum();
        }
    }

    static Run run(DataSource source, List<SourceCopy> copies, int connections) throws Exception {
        long started = System.nanoTime();
        try (Connection first = source.getConnection()) {
            String snapshot = begin(first, null);
            Map<String, Long> estimates = estimates(first);
            List<SourceCopy> ordered = new ArrayList<>(copies);
            // The refresh's weights: a table by its rows, a rel_to list as a tenth of its table's scan.
            ordered.sort(Comparator.comparingDouble((SourceCopy copy) -> {
                double rows = estimates.getOrDefault(copy.source(), 0L);
                return copy.source().equals(copy.table()) ? rows : rows / 10;
            }).reversed());
            ConcurrentLinkedQueue<SourceCopy> work = new ConcurrentLinkedQueue<>(ordered);
            Map<String, Copied> done = new ConcurrentHashMap<>();
            ExecutorService readers = Executors.newFixedThreadPool(Math.max(1, connections - 1));
            try {
                List<Future<?>> others = new ArrayList<>();
                for (int i = 1; i < connections; i++) {
                    others.add(readers.submit(() -> {
                        try (Connection connection = source.getConnection()) {
                            begin(connection, snapshot);
                            drain(connection, work, done);
                            connection.rollback();
                        }
                        return null;
                    }));
                }
                drain(first, work, done);
                first.rollback();
                for (Future<?> other : others) {
                    other.get();
                }
            } finally {
                readers.shutdownNow();
            }
            List<Copied> result = new ArrayList<>();
            for (SourceCopy copy : copies) {
                result.add(done.get(copy.table()));
            }
            return new Run(System.nanoTime() - started, List.copyOf(result));
        }
    }

    /** Opens the read transaction as a refresh does; returns the exported snapshot (first connection) or null. */
    private static String begin(Connection connection, String importing) throws SQLException {
        connection.setAutoCommit(false);
        execute(connection, "SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY");
        String exported = null;
        if (importing != null) {
            execute(connection, "SET TRANSACTION SNAPSHOT '" + importing.replace("'", "''") + "'");
        } else {
            try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("SELECT pg_export_snapshot()")) {
                row.next();
                exported = row.getString(1);
            }
        }
        execute(connection, "SET LOCAL TimeZone = 'UTC'");
        execute(connection, "SET LOCAL DateStyle = 'ISO, YMD'");
        return exported;
    }

    private static void drain(Connection connection, ConcurrentLinkedQueue<SourceCopy> work, Map<String, Copied> done)
            throws SQLException, IOException {
        var copy = connection.unwrap(PGConnection.class).getCopyAPI();
        SourceCopy next;
        while ((next = work.poll()) != null) {
            Discard out = new Discard();
            long t0 = System.nanoTime();
            long rows = copy.copyOut(next.statement(), out);
            done.put(next.table(), new Copied(next.table(), rows, out.bytes, System.nanoTime() - t0));
        }
    }

    private static Map<String, Long> estimates(Connection connection) throws SQLException {
        Map<String, Long> estimates = new HashMap<>();
        try (PreparedStatement sql = connection.prepareStatement(
                "SELECT relname, greatest(reltuples, 0)::bigint FROM pg_class WHERE relkind = 'r'"
                        + " AND relnamespace = 'public'::regnamespace");
             ResultSet rows = sql.executeQuery()) {
            while (rows.next()) {
                estimates.put(rows.getString(1), rows.getLong(2));
            }
        }
        return estimates;
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /** Counts the bytes and forgets them. */
    private static final class Discard extends OutputStream {
        long bytes;

        @Override
        public void write(int b) {
            bytes++;
        }

        @Override
        public void write(byte[] data, int offset, int length) {
            bytes += length;
        }
    }
}
