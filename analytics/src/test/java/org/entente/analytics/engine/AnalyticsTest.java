package org.entente.analytics.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.UUID;
import org.entente.analytics.engine.disclosure.SuppressionReason;
import org.entente.analytics.engine.snapshot.NoSnapshotException;
import org.entente.analytics.engine.snapshot.SnapshotStore;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The facade on a real snapshot file (the rollup fixture written as one), as the app uses it. */
class AnalyticsTest {

    private static final UUID ARLAND = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    private static final UUID UNITY = UUID.fromString("00000000-0000-0000-0000-000000000003");

    @TempDir
    Path directory;

    private void writeSnapshot() throws SQLException {
        Path file = directory.resolve("snapshot-20250630-080000000.duckdb");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            SqlScript.execute(duckdb, SqlScript.load("/org/entente/analytics/engine/snapshot/schema.sql"));
            SqlScript.execute(duckdb, SqlScript.load("/org/entente/analytics/engine/rollup/fixture.sql"));
        }
    }

    @Test
    void reportsOnTheCurrentSnapshot() throws SQLException {
        writeSnapshot();
        try (SnapshotStore store = new SnapshotStore(directory)) {
            Analytics analytics = new Analytics(store, AnalyticsSettings.defaults());
            AnalyticsReport member = analytics.report(Viewer.organization(ARLAND), null);
            assertThat(member.snapshot().file().getFileName().toString()).isEqualTo("snapshot-20250630-080000000.duckdb");
            assertThat(member.filter()).isEqualTo(AnalyticsFilter.everything());
            assertThat((BigDecimal) member.kpi("delivered-eur").orElseThrow().value().value()).isEqualByComparingTo("3550");
            // again, now as the coordinator: the same reader database, other temp views
            AnalyticsReport federation = analytics.report(Viewer.federation(UNITY), AnalyticsFilter.everything());
            assertThat(federation.kpi("active-workstreams").orElseThrow().value().suppressed())
                    .isEqualTo(SuppressionReason.PROTECTS_ANOTHER_CELL);
            assertThat(analytics.filterOptions().regions()).containsExactly("EUROPE", "SAHEL");
            assertThatThrownBy(() -> analytics.report(Viewer.organization(ARLAND),
                    new AnalyticsFilter(2030, 2020, null, null, null)))
                    .isInstanceOf(InvalidFilterException.class);
        }
    }

    @Test
    void withoutASnapshotSaysSo() {
        try (SnapshotStore store = new SnapshotStore(directory)) {
            Analytics analytics = new Analytics(store, AnalyticsSettings.defaults());
            assertThatThrownBy(() -> analytics.report(Viewer.organization(ARLAND), null))
                    .isInstanceOf(NoSnapshotException.class);
            assertThatThrownBy(analytics::filterOptions).isInstanceOf(NoSnapshotException.class);
        }
    }

    @Test
    void settingsAreChecked() {
        assertThat(AnalyticsSettings.defaults()).isEqualTo(new AnalyticsSettings(3, 0.85));
        assertThatThrownBy(() -> new AnalyticsSettings(0, 0.85)).hasMessageContaining("minimum-partners");
        assertThatThrownBy(() -> new AnalyticsSettings(3, 1.5)).hasMessageContaining("dominance-limit");
    }
}
