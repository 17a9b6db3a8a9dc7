package org.entente.analytics.engine.snapshot;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * A DuckDB connection on one snapshot file, attached READ_ONLY as catalog {@code snap} and made the default
 * ({@code USE snap}), with TimeZone UTC. Temp tables and views (visibility.sql) belong to this connection alone. The
 * file stays until the last reader on it is closed, even when a newer snapshot became current meanwhile. Use it on
 * one thread at a time; close it when done.
 */
public final class SnapshotReader implements AutoCloseable {

    private final Connection connection;
    private final SnapshotInfo info;
    private final Runnable release;
    private boolean closed;

    SnapshotReader(Connection connection, SnapshotInfo info, Runnable release) {
        this.connection = connection;
        this.info = info;
        this.release = release;
    }

    public Connection connection() {
        if (closed) {
            throw new IllegalStateException("This snapshot reader is closed");
        }
        return connection;
    }

    /** The snapshot this reader reads (not necessarily the current one any more). */
    public SnapshotInfo info() {
        return info;
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            connection.close();
        } catch (SQLException e) {
            // nothing to do: the reader is gone either way
        } finally {
            release.run();
        }
    }
}
