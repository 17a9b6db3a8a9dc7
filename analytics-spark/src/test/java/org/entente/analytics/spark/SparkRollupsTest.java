package org.entente.analytics.spark;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.spark.sql.SparkSession;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.FilterOptions;
import org.entente.analytics.engine.TestPostgres;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.Visibility;
import org.entente.analytics.engine.rollup.RollupSuite;
import org.entente.analytics.engine.snapshot.ParquetExport;
import org.entente.analytics.engine.snapshot.RefreshListener;
import org.entente.analytics.engine.snapshot.SnapshotReader;
import org.entente.analytics.engine.snapshot.SnapshotStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The rollup suite's SQL on Apache Spark (local[2], in this JVM) over the snapshot's Parquet copy, against the same
 * SQL on DuckDB over the snapshot file it was written from: for each persona, every result set (cube) must have the
 * same columns and the same rows, in any order, numbers equal to {@value ResultRows#DECIMALS} decimals. A statement
 * Spark cannot run fails the test. The snapshot is taken from the analytics tests' PostgreSQL with the demo data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SparkRollupsTest {

    private SnapshotStore store;
    private SparkSession spark;
    private UUID coordinator;
    private UUID member;
    private FilterOptions options;

    @BeforeAll
    void snapshotAndSpark() throws SQLException {
        consentAndCapacity();
        results();
        Path directory = TestPostgres.freshDirectory("spark-rollups");
        store = new SnapshotStore(directory);
        store.refresh(TestPostgres.analytics(), RefreshListener.NONE);
        try (SnapshotReader reader = store.open()) {
            Connection duckdb = reader.connection();
            coordinator = uuid(duckdb, "SELECT id FROM tenant WHERE kind = 'ALLIANCE' ORDER BY alias LIMIT 1");
            // The member with the most contributions: its view has figures, and hides others' records.
            member = uuid(duckdb, "SELECT t.id FROM tenant t JOIN contribution c ON c.contributor_tenant_id = t.id"
                    + " WHERE t.kind = 'STATE' GROUP BY t.id, t.alias ORDER BY count(*) DESC, t.alias LIMIT 1");
            options = RollupSuite.filterOptions(duckdb);
        }
        long started = System.nanoTime();
        spark = SparkSession.builder()
                .master("local[2]")
                .appName("entente-rollups")
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.sql.session.timeZone", "UTC")   // as the DuckDB snapshot reader
                .config("spark.sql.warehouse.dir", Path.of("target", "spark-warehouse").toAbsolutePath().toString())
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config("spark.driver.host", "127.0.0.1")
                .getOrCreate();
        List<String> tables = SparkSnapshot.register(spark, directory.resolve(ParquetExport.DIRECTORY).toString());
        System.out.printf(Locale.ROOT, "Spark session started and %d Parquet tables registered in %.1f s%n",
                tables.size(), (System.nanoTime() - started) / 1e9);
    }

    @AfterAll
    void stop() {
        if (spark != null) {
            spark.stop();
        }
        if (store != null) {
            store.close();
        }
    }

    @Test
    void theCoordinatorsFederationViewIsTheSameOnSpark() throws SQLException {
        compare("coordinator's federation view", Viewer.federation(coordinator), AnalyticsFilter.everything());
    }

    @Test
    void aMembersViewIsTheSameOnSpark() throws SQLException {
        compare("member's view", Viewer.organization(member), AnalyticsFilter.everything());
    }

    @Test
    void aFilteredFederationViewIsTheSameOnSpark() throws SQLException {
        // Every filter column set, so that each rollup's filter branch runs on both engines.
        AnalyticsFilter filter = new AnalyticsFilter(options.lastYear() - 3, options.lastYear() - 1,
                options.regions().getFirst(), "STATE", null);
        compare("coordinator's federation view, filtered", Viewer.federation(coordinator), filter);
    }

    private void compare(String persona, Viewer viewer, AnalyticsFilter filter) throws SQLException {
        long t0 = System.nanoTime();
        Map<String, ResultRows> duckdb = onDuckdb(viewer, filter);
        long t1 = System.nanoTime();
        SparkRollups.Run run = SparkRollups.run(spark, viewer, filter);
        long t2 = System.nanoTime();
        Map<String, ResultRows> onSpark = new LinkedHashMap<>();
        for (SparkRollups.Cube cube : run.cubes()) {
            onSpark.put(cube.name(), ResultRows.of(cube.columns(), cube.rows()));
        }
        System.out.printf(Locale.ROOT, "%s: DuckDB %.2f s, Spark %.2f s, %d result sets, %d rows; rewrites %s%n",
                persona, (t1 - t0) / 1e9, (t2 - t1) / 1e9, duckdb.size(),
                duckdb.values().stream().mapToInt(r -> r.rows().size()).sum(), rewrites(run));

        assertThat(onSpark.keySet()).as(persona + ": result sets").containsExactlyElementsOf(duckdb.keySet());
        for (Map.Entry<String, ResultRows> cube : duckdb.entrySet()) {
            ResultRows expected = cube.getValue();
            ResultRows actual = onSpark.get(cube.getKey());
            assertThat(actual.columns()).as("%s: columns of %s", persona, cube.getKey()).isEqualTo(expected.columns());
            assertThat(actual.rows()).as("%s: rows of %s", persona, cube.getKey())
                    .containsExactlyElementsOf(expected.rows());
        }
        // Not a comparison of empty results: the demo data fill the main cubes (and results() the results chain's).
        for (String cube : List.of("burden-sharing", "portfolio", "collaboration-network", "milestones", "results",
                "results-by-lead", "recommendations")) {
            if (filter.equals(AnalyticsFilter.everything())) {
                assertThat(duckdb.get(cube).rows()).as("%s: rows of %s", persona, cube).hasSizeGreaterThan(3);
            }
        }
        // ... and the burden figures have capacities and partners with a row of their own (for the coordinator: the
        // consenting ones).
        if (filter.equals(AnalyticsFilter.everything())) {
            ResultRows burden = duckdb.get("burden-sharing");
            List<String> columns = List.of(burden.columns().split(" "));
            int intensity = columns.indexOf("intensity");
            int partner = columns.indexOf("partner_id");
            assertThat(burden.rows()).as("%s: burden rows with an intensity", persona)
                    .anyMatch(r -> !r.split(" \\| ")[intensity].equals("NULL"));
            assertThat(burden.rows()).as("%s: partners with a row of their own", persona)
                    .anyMatch(r -> !r.split(" \\| ")[partner].equals("NULL"));
        }
    }

    private static String rewrites(SparkRollups.Run run) {
        List<String> named = new ArrayList<>();
        for (int i = 0; i < run.scripts().size(); i++) {
            if (!run.rewrites().get(i).isEmpty()) {
                String script = run.scripts().get(i);
                named.add(script.substring(script.lastIndexOf('/') + 1) + " " + run.rewrites().get(i));
            }
        }
        return String.join(", ", named);
    }

    /** The same statements in RollupSuite's order on a DuckDB reader of the snapshot the Parquet copy came from. */
    private Map<String, ResultRows> onDuckdb(Viewer viewer, AnalyticsFilter filter) throws SQLException {
        Map<String, ResultRows> cubes = new LinkedHashMap<>();
        try (SnapshotReader reader = store.open()) {
            Connection duckdb = reader.connection();
            RollupSuite.createFilter(duckdb, filter);
            Visibility.apply(duckdb, viewer);
            for (RollupSuite.Script script : RollupSuite.scripts()) {
                if (script.resource().equals(Visibility.RESOURCE)) {
                    continue;   // run by Visibility.apply
                }
                int next = 0;
                for (String sql : script.statements()) {
                    try (Statement statement = duckdb.createStatement()) {
                        String head = sql.stripLeading().toUpperCase(Locale.ROOT);
                        if (head.startsWith("SELECT") || head.startsWith("WITH")) {
                            try (ResultSet rs = statement.executeQuery(sql)) {
                                cubes.put(script.resultSets().get(next++), ResultRows.of(rs));
                            }
                        } else {
                            statement.execute(sql);
                        }
                    }
                }
            }
        }
        return cubes;
    }

    /**
     * So that both engines compute the consent rule and the capacities whatever the demo data hold: every other state
     * publishes to the coordinator (as chosen below), and every organization without a capacity figure gets one for
     * 2022 only, which the other years then fall back to (earlier and later).
     */
    private static void consentAndCapacity() throws SQLException {
        try (Connection sql = TestPostgres.superuser().getConnection(); Statement statement = sql.createStatement()) {
            statement.execute("""
                    INSERT INTO publication_consent (tenant_id, grantee_tenant_id, granted_by)
                    SELECT s.id, c.id, 'SparkRollupsTest'
                      FROM (SELECT id, row_number() OVER (ORDER BY alias) AS n FROM tenant WHERE kind = 'STATE') s
                     CROSS JOIN (SELECT id FROM tenant WHERE kind = 'ALLIANCE' ORDER BY alias LIMIT 1) c
                     WHERE s.n % 2 = 0
                    ON CONFLICT DO NOTHING""");
            statement.execute("""
                    INSERT INTO tenant_capacity (tenant_id, year, capacity_eur, source, updated_by)
                    SELECT t.id, 2022, coalesce(t.capacity_index, 1) * 1000000000, 'SparkRollupsTest', 'SparkRollupsTest'
                      FROM tenant t
                     WHERE NOT EXISTS (SELECT 1 FROM tenant_capacity c WHERE c.tenant_id = t.id)""");
        }
    }

    /**
     * So that both engines compute the results rollup whatever the demo data hold: on every workstream, as its lead, an
     * objective with three indicators (PERCENT 10 -> 90 over two years from the workstream's start; the third without
     * a baseline; released to the participants where the workstream allows it, else PRIVATE), a value in the last
     * months for the first two (so PostgreSQL's indicator_progress gives a mix of statuses), and on every other
     * workstream an assessment (some EXTERNAL) with an OPEN and a DONE recommendation.
     */
    private static void results() throws SQLException {
        try (Connection sql = TestPostgres.superuser().getConnection(); Statement statement = sql.createStatement()) {
            statement.execute("""
                    INSERT INTO objective (tenant_id, workstream_id, text)
                    SELECT w.tenant_id, w.id, 'SparkRollupsTest' FROM workstream w""");
            statement.execute("""
                    INSERT INTO indicator (tenant_id, workstream_id, objective_id, position, definition, unit,
                                           baseline_value, baseline_date, target_value, target_date, frequency,
                                           responsible_tenant_id, releasability)
                    SELECT o.tenant_id, o.workstream_id, o.id, n, 'SparkRollupsTest ' || n, 'PERCENT',
                           CASE WHEN n = 3 THEN NULL ELSE 10 END, CASE WHEN n = 3 THEN NULL ELSE d.base END,
                           90, d.base + 720, CASE n WHEN 1 THEN 'QUARTERLY' WHEN 2 THEN 'MONTHLY' ELSE 'YEARLY' END,
                           o.tenant_id,
                           CASE WHEN w.releasability IN ('PARTICIPANTS', 'ALL_PARTNERS')
                                     AND (n + abs(hashtext(o.id::text))) % 4 <> 0 THEN 'PARTICIPANTS'
                                ELSE 'PRIVATE' END
                      FROM objective o
                      JOIN workstream w ON w.tenant_id = o.tenant_id AND w.id = o.workstream_id
                     CROSS JOIN LATERAL (SELECT least(coalesce(w.start_date, w.created_at::date), current_date - 120)
                                                AS base) d
                     CROSS JOIN generate_series(1, 3) n
                     WHERE o.text = 'SparkRollupsTest'""");
            statement.execute("""
                    INSERT INTO measurement (tenant_id, workstream_id, indicator_id, period_start, period_end, value,
                                             entered_by_tenant_id, entered_by)
                    SELECT i.tenant_id, i.workstream_id, i.id, current_date - 90, current_date - 61,
                           10 + abs(hashtext(i.id::text)) % 81, i.tenant_id, 'SparkRollupsTest'
                      FROM indicator i
                     WHERE i.definition IN ('SparkRollupsTest 1', 'SparkRollupsTest 2')""");
            statement.execute("""
                    INSERT INTO assessment (tenant_id, workstream_id, kind, mode, assessor_name, assessed_on,
                                            releasability)
                    SELECT w.tenant_id, w.id, 'PERIODIC',
                           CASE WHEN abs(hashtext(w.id::text)) % 3 = 0 THEN 'EXTERNAL' ELSE 'SELF' END,
                           'SparkRollupsTest', least(coalesce(w.start_date, w.created_at::date) + 100, current_date),
                           CASE WHEN w.releasability IN ('PARTICIPANTS', 'ALL_PARTNERS') THEN 'PARTICIPANTS'
                                ELSE 'PRIVATE' END
                      FROM workstream w
                     WHERE abs(hashtext(w.id::text)) % 2 = 0""");
            statement.execute("""
                    INSERT INTO assessment_recommendation (tenant_id, workstream_id, assessment_id, position, text,
                                                           owner_tenant_id, due_date, status)
                    SELECT a.tenant_id, a.workstream_id, a.id, n, 'SparkRollupsTest', a.tenant_id, a.assessed_on + 60,
                           CASE n WHEN 1 THEN 'OPEN' ELSE 'DONE' END
                      FROM assessment a
                     CROSS JOIN generate_series(1, 2) n
                     WHERE a.assessor_name = 'SparkRollupsTest'""");
        }
    }

    private static UUID uuid(Connection duckdb, String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return (UUID) rs.getObject(1);
        }
    }
}
