package org.entente.analytics.engine.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.BurdenGuideline;
import org.entente.analytics.engine.SqlScript;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.snapshot.SnapshotInfo;
import org.junit.jupiter.api.Test;

/**
 * A known answer: NATO's published defence expenditure of 2024 as a share of GDP, loaded as contributions of
 * share x GDP with the GDP as capacity. Then each state's intensity must be its published share, its burden ratio
 * proportional to it (ratio = intensity / the states' intensity), and the ranking the published one; with NATO's
 * 2 % guideline, "Above" exactly for the states at or above 2 %.
 * <p>
 * Source of the shares: NATO, "Defence Expenditure of NATO Countries (2014-2024)", June 2024, estimates for 2024
 * (Iceland has no armed forces and no figure). The GDP figures are rounded 2024 figures in EUR, approximate and typed
 * from memory: the test does not depend on them, since every intensity divides a state's contribution by its own GDP.
 */
class BurdenKnownAnswerTest {

    private static final UUID NATO = UUID.fromString("00000000-0000-0000-0000-0000000000aa");
    private static final UUID WORKSTREAM = UUID.fromString("10000000-0000-0000-0000-0000000000aa");

    /** State, defence expenditure 2024 in % of GDP (NATO estimate), GDP 2024 in EUR millions (approximate). */
    private record Published(String state, String percentOfGdp, long gdpMillions) {
    }

    private static final List<Published> NATO_2024 = List.of(
            new Published("Poland", "4.12", 800_000),
            new Published("Estonia", "3.43", 38_000),
            new Published("United States", "3.38", 26_500_000),
            new Published("Latvia", "3.15", 40_000),
            new Published("Greece", "3.08", 230_000),
            new Published("Lithuania", "2.85", 78_000),
            new Published("Finland", "2.41", 275_000),
            new Published("Denmark", "2.37", 380_000),
            new Published("United Kingdom", "2.33", 3_300_000),
            new Published("Romania", "2.25", 350_000),
            new Published("North Macedonia", "2.22", 15_000),
            new Published("Norway", "2.20", 450_000),
            new Published("Bulgaria", "2.18", 100_000),
            new Published("Sweden", "2.14", 540_000),
            new Published("Germany", "2.12", 4_300_000),
            new Published("Hungary", "2.11", 205_000),
            new Published("Czechia", "2.10", 320_000),
            new Published("Türkiye", "2.09", 1_200_000),
            new Published("France", "2.06", 2_900_000),
            new Published("Netherlands", "2.05", 1_050_000),
            new Published("Albania", "2.03", 24_000),
            new Published("Montenegro", "2.00", 7_000),
            new Published("Slovak Republic", "2.00", 130_000),
            new Published("Croatia", "1.81", 85_000),
            new Published("Portugal", "1.55", 280_000),
            new Published("Italy", "1.49", 2_200_000),
            new Published("Canada", "1.37", 2_000_000),
            new Published("Belgium", "1.30", 600_000),
            new Published("Luxembourg", "1.29", 85_000),
            new Published("Slovenia", "1.29", 66_000),
            new Published("Spain", "1.28", 1_600_000));

    @Test
    void burdenRatiosFollowThePublishedSharesAndRankTheStatesTheSameWay() throws SQLException {
        AnalyticsReport report;
        try (Connection duckdb = snapshot()) {
            SnapshotInfo info = new SnapshotInfo(Path.of("nato.duckdb"), Instant.parse("2025-06-30T08:00:00Z"),
                    LocalDate.of(2025, 6, 30), Map.of(), Duration.ZERO);
            report = new RollupSuite(AnalyticsSettings.defaults()).run(duckdb, info, Viewer.federation(NATO),
                    AnalyticsFilter.everything(), new BurdenGuideline(Map.of(2024, 0.02)), null);
        }
        RollupTable states = report.table("burden-sharing").orElseThrow();
        int partner = states.columnIndex("partner");
        int intensity = states.columnIndex("intensity");
        int ratio = states.columnIndex("burden_ratio");
        int guideline = states.columnIndex("guideline");
        Row total = states.rows().stream().filter(r -> "STATE".equals(r.cell(0).value())
                && RollupTable.TOTAL.equals(r.cell(partner).value())).findFirst().orElseThrow();
        double statesIntensity = (Double) total.cell(intensity).value();

        for (Published published : NATO_2024) {
            Row row = states.rows().stream().filter(r -> published.state().equals(r.cell(partner).value()))
                    .findFirst().orElseThrow(() -> new AssertionError("no row " + published.state()));
            double share = new BigDecimal(published.percentOfGdp()).movePointLeft(2).doubleValue();
            assertThat((Double) row.cell(intensity).value()).as(published.state()).isCloseTo(share, within(1e-12));
            // ratio / published share is the same for every state: 1 / the states' intensity
            assertThat((Double) row.cell(ratio).value() / share).as(published.state())
                    .isCloseTo(1 / statesIntensity, within(1e-9 / statesIntensity));
            assertThat(row.cell(guideline).value()).as(published.state()).isEqualTo(share >= 0.02 ? "Above" : "Below");
        }

        // The ranking: the published order (ties by name), the first 25 by name, then the 6 others in one row.
        List<Published> expected = new ArrayList<>(NATO_2024);
        expected.sort(Comparator.comparing((Published p) -> new BigDecimal(p.percentOfGdp())).reversed()
                .thenComparing(Published::state));
        RollupTable ranking = report.table("burden-ranking").orElseThrow();
        List<Object> ranked = ranking.rows().stream().map(r -> r.cell(0).value()).toList();
        assertThat(ranked.subList(0, 25)).containsExactlyElementsOf(
                expected.subList(0, 25).stream().map(Published::state).toList());
        assertThat(ranked.getLast()).isEqualTo("Other partners (6)");
        Row rest = ranking.rows().getLast();
        assertThat(rest.total()).isTrue();
        BigDecimal delivered = expected.subList(25, 31).stream().map(BurdenKnownAnswerTest::contribution)
                .reduce(BigDecimal.ZERO, BigDecimal::add);
        assertThat((BigDecimal) rest.cell(ranking.columnIndex("delivered_eur")).value()).isEqualByComparingTo(delivered);
        assertThat(ranking.chart().referenceLine()).isEqualTo(0.02);
        assertThat(ranking.chart().referenceLabel()).isEqualTo("Guideline 2.0 %");
        assertThat(report.notes()).isEmpty();
    }

    /** share x GDP in EUR: exact cents, since the GDP is a whole number of millions. */
    private static BigDecimal contribution(Published published) {
        return new BigDecimal(published.percentOfGdp()).movePointLeft(2)
                .multiply(BigDecimal.valueOf(published.gdpMillions()).movePointRight(6));
    }

    /** NATO (the coordinator, lead of one workstream) and the 31 states, each contributing share x GDP in 2024. */
    private static Connection snapshot() throws SQLException {
        Connection duckdb = DriverManager.getConnection("jdbc:duckdb:");
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("SET TimeZone = 'UTC'");
        }
        SqlScript.execute(duckdb, SqlScript.load("/org/entente/analytics/engine/snapshot/schema.sql"));
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("INSERT INTO tenant VALUES ('" + NATO + "', 'nato', 'NATO', 'ALLIANCE', NULL, 'ACTIVE', NULL)");
            statement.execute("INSERT INTO workstream VALUES ('" + NATO + "', '" + WORKSTREAM + "', 'INITIATIVE', 'ACTIVE',"
                    + " 'ALL_PARTNERS', 'EUROPE', DATE '2024-01-01', DATE '2024-12-31', TIMESTAMPTZ '2023-12-01 00:00:00+00')");
            statement.execute("INSERT INTO snapshot_info VALUES (TIMESTAMPTZ '2025-06-30 08:00:00+00', DATE '2025-06-30')");
        }
        try (PreparedStatement tenant = duckdb.prepareStatement(
                "INSERT INTO tenant VALUES (?, ?, ?, 'STATE', 'EUROPE', 'ACTIVE', NULL)");
             PreparedStatement capacity = duckdb.prepareStatement("INSERT INTO tenant_capacity VALUES (?, 2024, ?)");
             PreparedStatement participation = duckdb.prepareStatement(
                     "INSERT INTO participation VALUES (?, ?, ?, 'CONTRIBUTOR', 'ACCEPTED')");
             PreparedStatement contribution = duckdb.prepareStatement("INSERT INTO contribution VALUES (?, ?, ?, ?,"
                     + " 'FUNDING', 'EUR', ?, ?, DATE '2024-06-30', DATE '2024-12-31', 'ALL_PARTNERS')")) {
            for (int i = 0; i < NATO_2024.size(); i++) {
                Published state = NATO_2024.get(i);
                UUID id = new UUID(0, i + 1);
                tenant.setObject(1, id);
                tenant.setString(2, "state-" + i);
                tenant.setString(3, state.state());
                tenant.executeUpdate();
                capacity.setObject(1, id);
                capacity.setBigDecimal(2, BigDecimal.valueOf(state.gdpMillions()).movePointRight(6));
                capacity.executeUpdate();
                participation.setObject(1, NATO);
                participation.setObject(2, WORKSTREAM);
                participation.setObject(3, id);
                participation.executeUpdate();
                contribution.setObject(1, NATO);
                contribution.setObject(2, WORKSTREAM);
                contribution.setObject(3, new UUID(1, i + 1));
                contribution.setObject(4, id);
                contribution.setBigDecimal(5, contribution(state));
                contribution.setBigDecimal(6, contribution(state));
                contribution.executeUpdate();
            }
        }
        return duckdb;
    }
}
