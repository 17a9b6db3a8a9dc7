package org.entente.analytics.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.Viewer;

/**
 * The one place where the engine's DuckDB SQL (visibility.sql, rollup/*.sql) is changed to run on Spark SQL. Every
 * rewrite is listed here with why; everything else (CTEs, GROUPING SETS, GROUPING(), window functions, correlated
 * EXISTS, {@code INTERVAL '90' DAY}, {@code ||}, {@code NULLS LAST}, {@code CREATE OR REPLACE TEMP VIEW}) runs on
 * Spark 4.2 unchanged. The test compares every result set with DuckDB's, so a rewrite that changed a figure fails it.
 */
public final class SparkDialect {

    /**
     * A textual rewrite.
     *
     * @param name    what the report and the README call it
     * @param pattern what is replaced (a regular expression)
     * @param with    the replacement ({@link Matcher#replaceAll} syntax)
     */
    public record Rewrite(String name, Pattern pattern, String with) {
    }

    /**
     * <b>temp-table</b>: Spark has no temporary tables. {@code CACHE TABLE x AS SELECT ...} makes a temporary view
     * and materializes it in memory at once, which is what DuckDB's TEMP table is for a run over an unchanging
     * snapshot (computed once, read by every later statement). {@code DROP TABLE IF EXISTS x} drops such a view in
     * Spark too, so it stays as written.
     * <p>
     * <b>double</b>: Spark's parser knows {@code DOUBLE} but not the standard {@code DOUBLE PRECISION}, which the files
     * keep because PostgreSQL (the bench module's P1) knows only that one. Same type (IEEE 754 binary64).
     */
    public static final List<Rewrite> REWRITES = List.of(
            new Rewrite("temp-table",
                    Pattern.compile("^(\\s*)CREATE\\s+TEMP(?:ORARY)?\\s+TABLE\\s+(\\w+)\\s+AS\\b", Pattern.CASE_INSENSITIVE),
                    "$1CACHE TABLE $2 AS"),
            new Rewrite("double",
                    Pattern.compile("\\bDOUBLE\\s+PRECISION\\b", Pattern.CASE_INSENSITIVE),
                    "DOUBLE"));

    private SparkDialect() {
    }

    /** A statement as Spark runs it, and the names of the rewrites that changed it (empty: the same SQL). */
    public record Translated(String sql, List<String> rewrites) {
    }

    public static Translated translate(String sql) {
        List<String> applied = new ArrayList<>();
        String text = sql;
        for (Rewrite rewrite : REWRITES) {
            Matcher matcher = rewrite.pattern().matcher(text);
            if (matcher.find()) {
                text = matcher.replaceAll(rewrite.with());
                applied.add(rewrite.name());
            }
        }
        return new Translated(text, List.copyOf(applied));
    }

    /**
     * What RollupSuite and Visibility create in Java before the scripts (DuckDB TEMP tables filled by prepared
     * statements), as Spark temporary views of one row: {@code analysis_filter} and {@code analysis_viewer}.
     */
    public static List<String> filterAndViewer(AnalyticsFilter filter, Viewer viewer) {
        return List.of(
                "CREATE OR REPLACE TEMP VIEW analysis_filter AS SELECT "
                        + integer(filter.yearFrom()) + " AS year_from, "
                        + integer(filter.yearTo()) + " AS year_to, "
                        + text(filter.region()) + " AS region, "
                        + text(filter.partnerKind()) + " AS partner_kind, "
                        + text(filter.workstreamKind()) + " AS workstream_kind",
                "CREATE OR REPLACE TEMP VIEW analysis_viewer AS SELECT "
                        + text(viewer.tenantId().toString()) + " AS tenant_id, "
                        + viewer.federation() + " AS federation");
    }

    private static String integer(Integer value) {
        return value == null ? "CAST(NULL AS INT)" : "CAST(" + value + " AS INT)";
    }

    private static String text(String value) {
        return value == null ? "CAST(NULL AS STRING)" : "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }
}
