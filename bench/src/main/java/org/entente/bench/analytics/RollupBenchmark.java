package org.entente.bench.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.SqlScript;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.rollup.RollupSuite;
import org.entente.analytics.engine.snapshot.RefreshListener;
import org.entente.analytics.engine.snapshot.SnapshotInfo;
import org.entente.analytics.engine.snapshot.SnapshotReader;
import org.entente.analytics.engine.snapshot.SnapshotStore;
import org.entente.bench.BenchContext;
import org.entente.bench.BenchDatabase;
import org.entente.bench.Measurement;
import org.entente.bench.MeasurementResult;
import org.entente.bench.MeasurementResult.DetailTable;
import org.entente.bench.MeasurementResult.Summary;
import org.entente.bench.MeasurementResult.Verdict;
import org.entente.bench.Samples;
import org.entente.bench.data.Dataset;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * P1: the rollup suite on the DuckDB snapshot against the same SQL on PostgreSQL over the same rows.
 *
 * <p>One snapshot of the bench database is taken; its tables are loaded into the PostgreSQL schema
 * {@value PostgresCopyOfSnapshot#SCHEMA} ({@link PostgresCopyOfSnapshot}). Then, per viewer (the coordinator's
 * federation view, one member's view) and repetition, on a fresh connection of each engine, the same statements run
 * in RollupSuite's order and every result set is read to its last row: the <em>scope</em> (the filter and viewer
 * tables, visibility.sql, scope.sql) and each rollup file. On PostgreSQL the statements pass through
 * {@link PostgresDialect}, whose rewrites the detail table names. Before timing, one run on each engine reads every
 * value, and the result sets are compared (as sorted rows, numbers to 6 decimals): a difference is reported, so that
 * the ratio is known to compare the same work. The product's own path, {@link RollupSuite#run} (the same SQL plus
 * disclosure control in Java), is timed on DuckDB too: that is what "suite &lt; 1 s" is checked against.
 */
public final class RollupBenchmark implements Measurement {

    /** The rollup files in the order RollupSuite runs them (its catalogue, Rollups.FILES, is internal to the engine). */
    static final List<String> ROLLUPS = List.of("burden-sharing", "pledge-fulfilment", "portfolio", "rnd", "engagements",
            "collaboration-network", "milestones", "data-completeness");
    private static final String RESOURCES = "/org/entente/analytics/engine/";
    private static final double TARGET_RATIO = 10;
    private static final double TARGET_SUITE_NANOS = 1e9;

    @Override
    public String id() {
        return "P1";
    }

    /** One timed part of the suite, as each engine runs it. */
    private record Step(String name, List<String> duckdb, List<String> postgres, List<String> rewrites) {
    }

    /** A viewer's steps and what was measured for it. */
    private static final class ViewerRun {
        final String label;
        final Viewer viewer;
        final List<Step> steps;
        final List<List<Double>> duckdb = new ArrayList<>();     // per step, per repetition
        final List<List<Double>> postgres = new ArrayList<>();
        final List<Double> duckdbSuite = new ArrayList<>();
        final List<Double> postgresSuite = new ArrayList<>();
        final List<Double> product = new ArrayList<>();
        List<String> comparison = List.of();   // per step: what the result check found
        List<Integer> resultSets = List.of();
        List<Long> resultRows = List.of();

        ViewerRun(String label, Viewer viewer, List<Step> steps) {
            this.label = label;
            this.viewer = viewer;
            this.steps = steps;
            for (int i = 0; i < steps.size(); i++) {
                duckdb.add(new ArrayList<>());
                postgres.add(new ArrayList<>());
            }
        }
    }

    @Override
    public MeasurementResult run(BenchContext context) throws Exception {
        BenchDatabase database = context.database();
        Dataset dataset = context.dataset();
        try (SnapshotStore store = new SnapshotStore(context.workDirectory().resolve("p1-snapshot"))) {
            SnapshotInfo info = store.refresh(analyticsSource(database), RefreshListener.NONE);
            PostgresCopyOfSnapshot.Loaded loaded;
            try (SnapshotReader reader = store.open(); Connection superuser = database.superuser()) {
                loaded = PostgresCopyOfSnapshot.load(reader.connection(), superuser,
                        context.workDirectory().resolve("p1-csv"));
            }

            Dataset.Tenant coordinator = dataset.tenants().stream().filter(t -> t.kind().equals("ALLIANCE")).findFirst()
                    .orElse(dataset.tenants().getFirst());
            Dataset.Tenant member = dataset.tenants().stream()
                    .filter(t -> !t.id().equals(coordinator.id()) && t.kind().equals("STATE")).findFirst()
                    .orElse(dataset.tenants().getLast());
            List<ViewerRun> viewers = List.of(
                    new ViewerRun("coordinator's federation view (" + coordinator.alias() + ")",
                            Viewer.federation(coordinator.id()), steps(coordinator.id(), true)),
                    new ViewerRun("member's view (" + member.alias() + ")",
                            Viewer.organization(member.id()), steps(member.id(), false)));

            for (ViewerRun viewer : viewers) {
                check(store, database, viewer);
            }
            BenchContext.Effort effort = context.effort();
            RollupSuite suite = new RollupSuite(AnalyticsSettings.defaults());
            // The check above ran every step on both engines once: it counts as the first warm-up.
            int warmups = Math.max(0, effort.warmups() - 1);
            for (int repetition = 0; repetition < warmups + effort.repetitions(); repetition++) {
                boolean measured = repetition >= warmups;
                for (ViewerRun viewer : viewers) {
                    long[] duck;
                    try (SnapshotReader reader = store.open()) {
                        duck = runSteps(reader.connection(), viewer.steps, false, null);
                    }
                    long[] pg;
                    try (Connection connection = postgresSession(database)) {
                        pg = runSteps(connection, viewer.steps, true, null);
                    }
                    long product;
                    try (SnapshotReader reader = store.open()) {
                        long t0 = System.nanoTime();
                        suite.run(reader.connection(), reader.info(), viewer.viewer, AnalyticsFilter.everything());
                        product = System.nanoTime() - t0;
                    }
                    if (measured) {
                        for (int i = 0; i < viewer.steps.size(); i++) {
                            viewer.duckdb.get(i).add((double) duck[i]);
                            viewer.postgres.get(i).add((double) pg[i]);
                        }
                        viewer.duckdbSuite.add((double) sum(duck));
                        viewer.postgresSuite.add((double) sum(pg));
                        viewer.product.add((double) product);
                    }
                }
            }
            return result(info, loaded, viewers);
        }
    }

    private static MeasurementResult result(SnapshotInfo info, PostgresCopyOfSnapshot.Loaded loaded, List<ViewerRun> viewers) {
        ViewerRun federation = viewers.getFirst();
        Samples duck = Samples.of(federation.duckdbSuite);
        Samples pg = Samples.of(federation.postgresSuite);
        Samples product = Samples.of(federation.product);
        double ratio = Samples.ratioOfMedians(pg, duck);
        List<String> mismatches = new ArrayList<>();
        for (ViewerRun viewer : viewers) {
            for (int i = 0; i < viewer.steps.size(); i++) {
                if (!viewer.comparison.get(i).startsWith("same")) {
                    mismatches.add(viewer.steps.get(i).name() + " (" + viewer.label + "): " + viewer.comparison.get(i));
                }
            }
        }
        boolean met = ratio >= TARGET_RATIO && product.median() < TARGET_SUITE_NANOS && mismatches.isEmpty();
        StringBuilder note = new StringBuilder();
        if (!mismatches.isEmpty()) {
            note.append("Results differ between the engines: ").append(String.join("; ", mismatches)).append(". ");
        }
        if (ratio < TARGET_RATIO) {
            note.append("DuckDB is only ").append(Samples.times(ratio)).append(" faster than PostgreSQL. ");
        }
        if (product.median() >= TARGET_SUITE_NANOS) {
            note.append("The suite with disclosure control takes ").append(Samples.seconds(product.median()))
                    .append(". ");
        }
        ViewerRun memberView = viewers.getLast();
        note.append(String.format(Locale.ROOT, "%,d snapshot rows, loaded into PostgreSQL (%s, indexed, analysed) in %s;"
                        + " %s: DuckDB %s vs PostgreSQL %s (%s).",
                info.totalRows(), PostgresCopyOfSnapshot.SCHEMA, Samples.seconds(loaded.nanos()), memberView.label,
                Samples.millis(Samples.of(memberView.duckdbSuite).median()),
                Samples.millis(Samples.of(memberView.postgresSuite).median()),
                Samples.times(Samples.ratioOfMedians(Samples.of(memberView.postgresSuite), Samples.of(memberView.duckdbSuite)))));
        Summary summary = new Summary("P1",
                "Rollup suite (scope + " + ROLLUPS.size() + " rollup files) on the DuckDB snapshot, " + federation.label,
                "DuckDB SQL " + duck.describe(Samples::millis) + "; with disclosure control (RollupSuite.run) "
                        + product.describe(Samples::millis),
                "the same SQL on PostgreSQL over the same rows: " + pg.describe(Samples::millis),
                Samples.times(ratio) + " faster",
                "≥ 10× faster; suite < 1 s",
                met ? Verdict.MET : Verdict.MISSED,
                note.toString().strip());

        List<List<String>> steps = new ArrayList<>();
        for (int i = 0; i < federation.steps.size(); i++) {
            Step step = federation.steps.get(i);
            Samples d = Samples.of(federation.duckdb.get(i));
            Samples p = Samples.of(federation.postgres.get(i));
            steps.add(List.of(step.name(), Integer.toString(federation.resultSets.get(i)),
                    String.format(Locale.ROOT, "%,d", federation.resultRows.get(i)),
                    d.describe(Samples::millis), p.describe(Samples::millis),
                    Samples.times(Samples.ratioOfMedians(p, d)),
                    step.rewrites().isEmpty() ? "same SQL" : "rewritten: " + String.join(", ", step.rewrites()),
                    federation.comparison.get(i)));
        }
        List<List<String>> perViewer = new ArrayList<>();
        for (ViewerRun viewer : viewers) {
            Samples d = Samples.of(viewer.duckdbSuite);
            Samples p = Samples.of(viewer.postgresSuite);
            perViewer.add(List.of(viewer.label, d.describe(Samples::millis),
                    Samples.of(viewer.product).describe(Samples::millis), p.describe(Samples::millis),
                    Samples.times(Samples.ratioOfMedians(p, d))));
        }
        return new MeasurementResult(summary, List.of(
                new DetailTable("each step of the suite, " + federation.label,
                        List.of("step", "result sets", "result rows", "DuckDB", "PostgreSQL", "ratio", "PostgreSQL SQL",
                                "results"), steps),
                new DetailTable("the suite per viewer",
                        List.of("viewer", "DuckDB SQL", "DuckDB with disclosure control", "PostgreSQL", "ratio"),
                        perViewer)));
    }

    // ---------------------------------------------------------------------------------------------------- steps

    /** The scope step (filter, viewer, visibility.sql, scope.sql), then one step per rollup file. */
    private static List<Step> steps(UUID tenant, boolean federation) {
        List<Step> steps = new ArrayList<>();
        List<String> scope = new ArrayList<>();
        // What RollupSuite and Visibility create first (the filter: everything), on a fresh connection.
        scope.add("CREATE TEMPORARY TABLE analysis_filter (year_from INTEGER, year_to INTEGER, region VARCHAR,"
                + " partner_kind VARCHAR, workstream_kind VARCHAR)");
        scope.add("INSERT INTO analysis_filter VALUES (NULL, NULL, NULL, NULL, NULL)");
        scope.add("CREATE TEMPORARY TABLE analysis_viewer (tenant_id UUID NOT NULL, federation BOOLEAN NOT NULL)");
        scope.add("INSERT INTO analysis_viewer VALUES (CAST('" + tenant + "' AS UUID), " + federation + ")");
        scope.addAll(SqlScript.load(RESOURCES + "visibility.sql"));
        scope.addAll(SqlScript.load(RESOURCES + "rollup/scope.sql"));
        steps.add(step("scope (visibility.sql, scope.sql)", scope));
        for (String rollup : ROLLUPS) {
            steps.add(step(rollup, SqlScript.load(RESOURCES + "rollup/" + rollup + ".sql")));
        }
        return steps;
    }

    private static Step step(String name, List<String> statements) {
        List<String> postgres = new ArrayList<>();
        Set<String> rewrites = new LinkedHashSet<>();
        for (String sql : statements) {
            PostgresDialect.Translated translated = PostgresDialect.translate(sql);
            postgres.addAll(translated.statements());
            rewrites.addAll(translated.rewrites());
        }
        return new Step(name, List.copyOf(statements), List.copyOf(postgres), List.copyOf(rewrites));
    }

    /**
     * Runs every step's statements on {@code connection}, reading every result set to its end; returns the nanoseconds
     * per step. With {@code rows} given, adds each result set's rows (normalized, see {@link #cell}) per step.
     */
    private static long[] runSteps(Connection connection, List<Step> steps, boolean postgres, List<List<List<String>>> rows)
            throws SQLException {
        long[] nanos = new long[steps.size()];
        for (int i = 0; i < steps.size(); i++) {
            Step step = steps.get(i);
            List<List<String>> results = new ArrayList<>();
            long t0 = System.nanoTime();
            for (String sql : postgres ? step.postgres() : step.duckdb()) {
                try (Statement statement = connection.createStatement()) {
                    if (isQuery(sql)) {
                        try (ResultSet rs = statement.executeQuery(sql)) {
                            List<String> read = read(rs, rows != null);
                            if (rows != null) {
                                results.add(read);
                            }
                        }
                    } else {
                        statement.execute(sql);
                    }
                } catch (SQLException e) {
                    throw new SQLException((postgres ? "PostgreSQL" : "DuckDB") + " failed in " + step.name() + ": "
                            + e.getMessage(), e.getSQLState(), e);
                }
            }
            nanos[i] = System.nanoTime() - t0;
            if (rows != null) {
                rows.add(results);
            }
        }
        return nanos;
    }

    private static List<String> read(ResultSet rs, boolean keep) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        int columns = meta.getColumnCount();
        List<String> rows = new ArrayList<>();
        StringBuilder names = new StringBuilder("columns:");
        for (int c = 1; c <= columns; c++) {
            names.append(' ').append(meta.getColumnLabel(c).toLowerCase(Locale.ROOT));
        }
        while (rs.next()) {
            if (keep) {
                StringBuilder row = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    row.append(c == 1 ? "" : " | ").append(cell(rs.getObject(c)));
                }
                rows.add(row.toString());
            } else {
                for (int c = 1; c <= columns; c++) {
                    rs.getObject(c);
                }
            }
        }
        rows.sort(null);
        rows.addFirst(names.toString());
        return rows;
    }

    /** A value as both engines' JDBC drivers can agree on: numbers to 6 decimals, everything else as text. */
    private static String cell(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number number) {
            try {
                return new BigDecimal(number.toString()).setScale(6, RoundingMode.HALF_UP).stripTrailingZeros()
                        .toPlainString();
            } catch (NumberFormatException e) {
                return number.toString();   // NaN, Infinity
            }
        }
        return value.toString();
    }

    /** Runs each step once on both engines and compares their result sets. */
    private static void check(SnapshotStore store, BenchDatabase database, ViewerRun viewer) throws SQLException {
        List<List<List<String>>> duck = new ArrayList<>();
        List<List<List<String>>> pg = new ArrayList<>();
        try (SnapshotReader reader = store.open()) {
            runSteps(reader.connection(), viewer.steps, false, duck);
        }
        try (Connection connection = postgresSession(database)) {
            runSteps(connection, viewer.steps, true, pg);
        }
        List<String> comparison = new ArrayList<>();
        List<Integer> resultSets = new ArrayList<>();
        List<Long> resultRows = new ArrayList<>();
        for (int i = 0; i < viewer.steps.size(); i++) {
            List<List<String>> d = duck.get(i);
            List<List<String>> p = pg.get(i);
            resultSets.add(d.size());
            resultRows.add(d.stream().mapToLong(rs -> rs.size() - 1).sum());
            comparison.add(compare(d, p));
        }
        viewer.comparison = comparison;
        viewer.resultSets = resultSets;
        viewer.resultRows = resultRows;
    }

    private static String compare(List<List<String>> duck, List<List<String>> pg) {
        if (duck.size() != pg.size()) {
            return "result sets differ: DuckDB " + duck.size() + ", PostgreSQL " + pg.size();
        }
        long rows = 0;
        for (int r = 0; r < duck.size(); r++) {
            List<String> d = duck.get(r);
            List<String> p = pg.get(r);
            if (!d.getFirst().equals(p.getFirst())) {
                return "result set " + (r + 1) + ": columns differ";
            }
            if (d.size() != p.size()) {
                return String.format(Locale.ROOT, "result set %d: DuckDB %,d rows, PostgreSQL %,d", r + 1, d.size() - 1,
                        p.size() - 1);
            }
            for (int i = 1; i < d.size(); i++) {
                if (!d.get(i).equals(p.get(i))) {
                    long differing = 0;
                    for (int j = 1; j < d.size(); j++) {
                        differing += d.get(j).equals(p.get(j)) ? 0 : 1;
                    }
                    return String.format(Locale.ROOT, "result set %d: %,d of %,d rows differ (first: DuckDB [%s],"
                            + " PostgreSQL [%s])", r + 1, differing, d.size() - 1, abbreviate(d.get(i)), abbreviate(p.get(i)));
                }
            }
            rows += d.size() - 1;
        }
        return duck.isEmpty() ? "same (no result set)" : String.format(Locale.ROOT, "same %,d rows", rows);
    }

    private static String abbreviate(String text) {
        return text.length() <= 160 ? text : text.substring(0, 157) + "...";
    }

    private static boolean isQuery(String sql) {
        String head = sql.stripLeading().toUpperCase(Locale.ROOT);
        return head.startsWith("SELECT") || head.startsWith("WITH");
    }

    private static long sum(long[] values) {
        long total = 0;
        for (long value : values) {
            total += value;
        }
        return total;
    }

    /** A superuser session on the PostgreSQL copy: its tables first on the path, UTC as in the snapshot reader. */
    private static Connection postgresSession(BenchDatabase database) throws SQLException {
        Connection connection = database.superuser();
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET search_path = " + PostgresCopyOfSnapshot.SCHEMA);
            statement.execute("SET TimeZone = 'UTC'");
        } catch (SQLException e) {
            connection.close();
            throw e;
        }
        return connection;
    }

    /** The snapshot's role (BYPASSRLS, SELECT on the analytics columns only), as the app's analytics pool connects. */
    static DataSource analyticsSource(BenchDatabase database) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(database.jdbcUrl());
        source.setUser(database.postgres().analyticsUser());
        source.setPassword(database.postgres().analyticsPassword());
        return source;
    }
}
