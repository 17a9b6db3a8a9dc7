package org.entente.bench.data;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Collection;
import java.util.UUID;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

/**
 * One {@code COPY table (columns) FROM STDIN} in PostgreSQL's text format, fed row by row in chunks of a few
 * hundred kilobytes. Values: null → {@code \N}; collections of uuids → an array literal; anything else its
 * {@code toString()} (ISO dates and timestamps, plain decimals), escaped.
 */
final class TableCopy implements AutoCloseable {

    private static final int CHUNK = 256 * 1024;

    private final CopyIn copy;
    private final StringBuilder chunk = new StringBuilder(CHUNK + 4096);
    private final int columns;
    private long rows;

    private TableCopy(CopyIn copy, int columns) {
        this.copy = copy;
        this.columns = columns;
    }

    static TableCopy into(Connection connection, String table, String... columns) throws SQLException {
        String sql = "COPY " + table + " (" + String.join(", ", columns) + ") FROM STDIN";
        return new TableCopy(connection.unwrap(PGConnection.class).getCopyAPI().copyIn(sql), columns.length);
    }

    void row(Object... values) throws SQLException {
        if (values.length != columns) {
            throw new IllegalArgumentException("Expected " + columns + " values, got " + values.length);
        }
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                chunk.append('\t');
            }
            append(values[i]);
        }
        chunk.append('\n');
        rows++;
        if (chunk.length() >= CHUNK) {
            flush();
        }
    }

    long rows() {
        return rows;
    }

    private void append(Object value) {
        if (value == null) {
            chunk.append("\\N");
        } else if (value instanceof Collection<?> ids) {
            chunk.append('{');
            boolean first = true;
            for (Object id : ids) {
                chunk.append(first ? "" : ",").append((UUID) id);
                first = false;
            }
            chunk.append('}');
        } else if (value instanceof java.math.BigDecimal decimal) {
            chunk.append(decimal.toPlainString());
        } else {
            String text = value.toString();
            for (int i = 0; i < text.length(); i++) {
                char c = text.charAt(i);
                switch (c) {
                    case '\\' -> chunk.append("\\\\");
                    case '\t' -> chunk.append("\\t");
                    case '\n' -> chunk.append("\\n");
                    case '\r' -> chunk.append("\\r");
                    default -> chunk.append(c);
                }
            }
        }
    }

    private void flush() throws SQLException {
        byte[] bytes = chunk.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        chunk.setLength(0);
    }

    @Override
    public void close() throws SQLException {
        try {
            if (!chunk.isEmpty()) {
                flush();
            }
            copy.endCopy();
        } finally {
            if (copy.isActive()) {
                copy.cancelCopy();
            }
        }
    }

}
