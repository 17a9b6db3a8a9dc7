package org.entente.analytics.spark;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.rollup.RollupSuite;

/**
 * The rollup suite's SQL on Spark, in RollupSuite's order: the filter and viewer views ({@link SparkDialect}),
 * visibility.sql, scope.sql and the rollup files, every statement through {@link SparkDialect#translate}; each query's
 * rows are collected to the driver (a cube is at most thousands of rows). Disclosure control is not applied here: it
 * runs in Java over the cubes (RollupSuite), whichever engine computed them; so does a preview's change of one consent
 * (ConsentOverride), which only the DuckDB run applies. Reads the tables that {@link SparkSnapshot#register} made,
 * publication consent and capacities included; one run at a time per session (the views are the session's).
 */
public final class SparkRollups {

    private static final Pattern CACHED = Pattern.compile("^\\s*CACHE\\s+TABLE\\s+(\\w+)", Pattern.CASE_INSENSITIVE);

    private SparkRollups() {
    }

    /** One result set: the cube's name (as RollupSuite names it), the script it came from, columns and rows. */
    public record Cube(String name, String resource, List<String> columns, List<Row> rows) {
    }

    /** A run's cubes in order, the rewrites each script needed, and the nanoseconds per script. */
    public record Run(List<Cube> cubes, List<String> scripts, List<List<String>> rewrites, List<Long> nanos) {
    }

    public static Run run(SparkSession spark, Viewer viewer, AnalyticsFilter filter) {
        Objects.requireNonNull(viewer, "viewer");
        AnalyticsFilter cut = filter == null ? AnalyticsFilter.everything() : filter;
        List<Cube> cubes = new ArrayList<>();
        List<String> scripts = new ArrayList<>();
        List<List<String>> rewrites = new ArrayList<>();
        List<Long> nanos = new ArrayList<>();
        Set<String> cached = new LinkedHashSet<>();
        try {
            long t0 = System.nanoTime();
            for (String sql : SparkDialect.filterAndViewer(cut, viewer)) {
                spark.sql(sql);
            }
            scripts.add("analysis_filter, analysis_viewer");
            rewrites.add(List.of("filter-and-viewer"));
            nanos.add(System.nanoTime() - t0);
            for (RollupSuite.Script script : RollupSuite.scripts()) {
                long started = System.nanoTime();
                Set<String> applied = new LinkedHashSet<>();
                int next = 0;
                for (String statement : script.statements()) {
                    SparkDialect.Translated translated = SparkDialect.translate(statement);
                    applied.addAll(translated.rewrites());
                    Matcher cache = CACHED.matcher(translated.sql());
                    if (cache.find()) {
                        cached.add(cache.group(1));
                    }
                    Dataset<Row> result;
                    try {
                        result = spark.sql(translated.sql());
                    } catch (RuntimeException e) {
                        throw new IllegalStateException("Spark failed in " + script.resource() + ": " + e.getMessage()
                                + "\n--- statement as Spark ran it:\n" + translated.sql(), e);
                    }
                    if (isQuery(statement)) {
                        if (next >= script.resultSets().size()) {
                            throw new IllegalStateException(script.resource() + " returned more result sets than "
                                    + script.resultSets());
                        }
                        cubes.add(new Cube(script.resultSets().get(next++), script.resource(),
                                List.of(result.columns()), result.collectAsList()));
                    }
                }
                if (next != script.resultSets().size()) {
                    throw new IllegalStateException(script.resource() + " returned " + next + " result sets, expected "
                            + script.resultSets().size());
                }
                scripts.add(script.resource());
                rewrites.add(List.copyOf(applied));
                nanos.add(System.nanoTime() - started);
            }
        } finally {
            for (String table : cached) {
                spark.sql("UNCACHE TABLE IF EXISTS " + table);
            }
        }
        return new Run(List.copyOf(cubes), List.copyOf(scripts), List.copyOf(rewrites), List.copyOf(nanos));
    }

    private static boolean isQuery(String sql) {
        String head = sql.stripLeading().toUpperCase(Locale.ROOT);
        return head.startsWith("SELECT") || head.startsWith("WITH");
    }
}
