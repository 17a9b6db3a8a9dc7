package org.entente.bench.analytics;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The one place where the engine's DuckDB SQL (visibility.sql, rollup/*.sql) is changed to run on PostgreSQL for
 * P1's comparison. Every rewrite is listed here with why; P1's detail table names the rewrites each step needed, so
 * a reader sees that PostgreSQL ran the same SQL, or exactly how it differed.
 */
final class PostgresDialect {

    /**
     * A textual rewrite.
     *
     * @param name    shown in the detail table
     * @param pattern what is replaced (a regular expression)
     * @param with    the replacement ({@link Matcher#replaceAll} syntax)
     */
    record Rewrite(String name, Pattern pattern, String with) {
    }

    /**
     * Textual rewrites, applied in order to every statement: none is needed so far — CTEs, GROUPING SETS, GROUPING(),
     * window functions, {@code INTERVAL '90' DAY}, {@code CAST(... AS DOUBLE PRECISION)} and temp views are standard
     * and run on PostgreSQL unchanged (P1 checks that both engines return the same rows). One statement is added:
     * <b>temp-analyze</b>. PostgreSQL has no statistics on a TEMP table until it is analysed (autovacuum never sees
     * temp tables), so after {@code CREATE TEMPORARY TABLE x AS ...} it would plan the rollups reading x blind;
     * {@link #analyzeAfter} adds {@code ANALYZE x}, as a PostgreSQL user would. DuckDB needs no such step.
     */
    static final List<Rewrite> REWRITES = List.of();

    private static final Pattern CREATE_TEMP_TABLE_AS =
            Pattern.compile("^\\s*CREATE\\s+TEMP(?:ORARY)?\\s+TABLE\\s+(\\w+)\\s+AS\\b", Pattern.CASE_INSENSITIVE);

    private PostgresDialect() {
    }

    /** A statement as PostgreSQL runs it, and the names of the rewrites that changed it (empty: the same SQL). */
    record Translated(List<String> statements, List<String> rewrites) {
    }

    static Translated translate(String sql) {
        List<String> applied = new ArrayList<>();
        String text = sql;
        for (Rewrite rewrite : REWRITES) {
            Matcher matcher = rewrite.pattern().matcher(text);
            if (matcher.find()) {
                text = matcher.replaceAll(rewrite.with());
                applied.add(rewrite.name());
            }
        }
        List<String> statements = new ArrayList<>(List.of(text));
        String analyze = analyzeAfter(text);
        if (analyze != null) {
            statements.add(analyze);
            applied.add("temp-analyze");
        }
        return new Translated(List.copyOf(statements), List.copyOf(applied));
    }

    /** {@code ANALYZE x} after {@code CREATE TEMPORARY TABLE x AS ...}; null for any other statement. */
    static String analyzeAfter(String sql) {
        Matcher matcher = CREATE_TEMP_TABLE_AS.matcher(sql);
        return matcher.find() ? "ANALYZE " + matcher.group(1) : null;
    }
}
