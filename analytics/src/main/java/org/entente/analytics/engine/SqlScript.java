package org.entente.analytics.engine;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The engine's {@code .sql} resources (snapshot schema, visibility rule, rollups) and how they run: statements are
 * separated by a {@code ;} at the end of a line; lines that start with {@code --} are comments and never end a
 * statement. Each statement runs on its own JDBC {@link Statement}, because DuckDB closes a statement that failed.
 */
public final class SqlScript {

    private SqlScript() {
    }

    /** The statements of a classpath resource, e.g. {@code /org/entente/analytics/engine/visibility.sql}. */
    public static List<String> load(String resource) {
        try (InputStream in = SqlScript.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("SQL resource " + resource + " is missing from the classpath");
            }
            return split(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read SQL resource " + resource, e);
        }
    }

    /** Splits a script into statements (without the closing {@code ;}); comment-only lines are dropped. */
    public static List<String> split(String script) {
        List<String> statements = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String line : script.split("\r?\n", -1)) {
            String trimmed = line.strip();
            if (trimmed.startsWith("--")) {
                continue;
            }
            if (trimmed.endsWith(";")) {
                current.append(line, 0, line.lastIndexOf(';'));
                add(statements, current);
                current.setLength(0);
            } else {
                current.append(line).append('\n');
            }
        }
        add(statements, current);
        return List.copyOf(statements);
    }

    /** Runs the statements in order on {@code connection}. */
    public static void execute(Connection connection, List<String> statements) throws SQLException {
        for (String sql : statements) {
            try (Statement statement = connection.createStatement()) {
                statement.execute(sql);
            }
        }
    }

    private static void add(List<String> statements, StringBuilder text) {
        String sql = text.toString().strip();
        if (!sql.isEmpty()) {
            statements.add(sql);
        }
    }
}
