package org.entente.analytics.engine.snapshot;

import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.function.LongConsumer;

/**
 * The CSV that PostgreSQL sends for one table, cut into chunk files at row boundaries, so that DuckDB loads one
 * chunk while the next one arrives. A row ends at a newline outside double quotes (PostgreSQL quotes every value that
 * holds a newline, and doubles quotes inside it). Checks for thread interruption on every write.
 */
final class CsvChunks extends OutputStream {

    /** Receives each finished chunk; owns (and deletes) the file from then on. */
    interface Sink {
        void accept(Path chunk) throws IOException;
    }

    private static final long REPORT_EVERY_ROWS = 50_000;

    private final Path staging;
    private final String table;
    private final long chunkBytes;
    private final Sink sink;
    private final LongConsumer rowsSoFar;

    private OutputStream out;
    private Path file;
    private long bytes;
    private long rows;
    private long reported;
    private int sequence;
    private boolean inQuotes;

    CsvChunks(Path staging, String table, long chunkBytes, Sink sink, LongConsumer rowsSoFar) {
        this.staging = staging;
        this.table = table;
        this.chunkBytes = chunkBytes;
        this.sink = sink;
        this.rowsSoFar = rowsSoFar;
    }

    @Override
    public void write(int b) throws IOException {
        write(new byte[] {(byte) b}, 0, 1);
    }

    @Override
    public void write(byte[] data, int offset, int length) throws IOException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedIOException("interrupted while copying " + table);
        }
        if (out == null) {
            file = staging.resolve(table + "-" + sequence++ + ".csv");
            out = new BufferedOutputStream(Files.newOutputStream(file, StandardOpenOption.CREATE_NEW), 1 << 16);
            bytes = 0;
        }
        out.write(data, offset, length);
        bytes += length;
        boolean rowEnd = false;
        for (int i = offset; i < offset + length; i++) {
            byte c = data[i];
            if (c == '"') {
                inQuotes = !inQuotes;
                rowEnd = false;
            } else if (c == '\n' && !inQuotes) {
                rows++;
                rowEnd = true;
            } else {
                rowEnd = false;
            }
        }
        if (rows - reported >= REPORT_EVERY_ROWS) {
            reported = rows;
            rowsSoFar.accept(rows);
        }
        if (rowEnd && bytes >= chunkBytes) {
            finishChunk();
        }
    }

    /** Rows written so far (complete lines). */
    long rows() {
        return rows;
    }

    /** Hands on the last chunk, if it holds anything. */
    @Override
    public void close() throws IOException {
        if (out != null) {
            finishChunk();
        }
    }

    /** After a failure: closes and deletes the unfinished chunk instead of handing it on. */
    void abandon() throws IOException {
        if (out != null) {
            try {
                out.close();
            } finally {
                out = null;
                Files.deleteIfExists(file);
            }
        }
    }

    private void finishChunk() throws IOException {
        out.close();
        out = null;
        sink.accept(file);
    }
}
