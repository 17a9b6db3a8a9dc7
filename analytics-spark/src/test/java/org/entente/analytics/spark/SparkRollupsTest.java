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
        // Not a comparison of empty results: the demo data fill the main cubes.
        for (String cube : List.of("burden-sharing", "portfolio", "collaboration-network", "milestones")) {
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

    private static UUID uuid(Connection duckdb, String sql) throws SQLException {
        try (Statement statement = duckdb.createStatement(); ResultSet rs = statement.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return (UUID) rs.getObject(1);
        }
    }
}
