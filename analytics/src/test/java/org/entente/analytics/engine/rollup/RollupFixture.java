package org.entente.analytics.engine.rollup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.BurdenGuideline;
import org.entente.analytics.engine.ConsentOverride;
import org.entente.analytics.engine.SqlScript;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.snapshot.SnapshotInfo;

/** An in-memory DuckDB with schema.sql and the hand-made fixture.sql, and helpers to look into reports. */
final class RollupFixture implements AutoCloseable {

    static final UUID ARLAND = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID BORDURIA = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID CARPANIA = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final UUID UNITY = UUID.fromString("00000000-0000-0000-0000-000000000003");

    private final Connection connection;
    private final RollupSuite suite = new RollupSuite(AnalyticsSettings.defaults());
    private final SnapshotInfo info = new SnapshotInfo(Path.of("fixture.duckdb"), Instant.parse("2025-06-30T08:00:00Z"),
            LocalDate.of(2025, 6, 30), Map.of(), Duration.ZERO);

    RollupFixture() throws SQLException {
        connection = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
        }
        SqlScript.execute(connection, SqlScript.load("/org/entente/analytics/engine/snapshot/schema.sql"));
        SqlScript.execute(connection, SqlScript.load("/org/entente/analytics/engine/rollup/fixture.sql"));
    }

    Connection connection() {
        return connection;
    }

    AnalyticsReport report(Viewer viewer, AnalyticsFilter filter) throws SQLException {
        return suite.run(connection, info, viewer, filter);
    }

    AnalyticsReport report(Viewer viewer, AnalyticsFilter filter, BurdenGuideline guideline, ConsentOverride override)
            throws SQLException {
        return suite.run(connection, info, viewer, filter, guideline, override);
    }

    /** Changes the fixture (e.g. a consent), for the tests of one instance. */
    void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    @Override
    public void close() throws SQLException {
        connection.close();
    }

    static RollupTable table(AnalyticsReport report, String id) {
        return report.table(id).orElseThrow(() -> new AssertionError("no table " + id));
    }

    /** The one row whose listed columns read the listed texts ({@code "column", "text", ...}). */
    static Row row(RollupTable table, String... columnsAndTexts) {
        List<Row> rows = table.rows().stream().filter(row -> matches(table, row, columnsAndTexts)).toList();
        assertThat(rows).as("rows of %s matching %s", table.id(), java.util.Arrays.asList(columnsAndTexts)).hasSize(1);
        return rows.getFirst();
    }

    static boolean hasRow(RollupTable table, String... columnsAndTexts) {
        return table.rows().stream().anyMatch(row -> matches(table, row, columnsAndTexts));
    }

    static Cell cell(RollupTable table, Row row, String column) {
        int index = table.columnIndex(column);
        assertThat(index).as("column %s of %s", column, table.id()).isNotNegative();
        return row.cell(index);
    }

    static Object value(RollupTable table, Row row, String column) {
        Cell cell = cell(table, row, column);
        assertThat(cell.isSuppressed()).as("%s of %s is published", column, table.id()).isFalse();
        return cell.value();
    }

    private static boolean matches(RollupTable table, Row row, String... columnsAndTexts) {
        for (int i = 0; i < columnsAndTexts.length; i += 2) {
            Object value = row.cell(table.columnIndex(columnsAndTexts[i])).value();
            String expected = columnsAndTexts[i + 1];
            if (expected == null ? value != null : !expected.equals(value)) {
                return false;
            }
        }
        return true;
    }
}
