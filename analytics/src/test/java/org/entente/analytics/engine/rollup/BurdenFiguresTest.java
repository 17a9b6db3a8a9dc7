package org.entente.analytics.engine.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.entente.analytics.engine.disclosure.SuppressionReason.PROTECTS_ANOTHER_CELL;
import static org.entente.analytics.engine.disclosure.SuppressionReason.TOO_FEW_PARTNERS;
import static org.entente.analytics.engine.rollup.RollupFixture.ARLAND;
import static org.entente.analytics.engine.rollup.RollupFixture.UNITY;
import static org.entente.analytics.engine.rollup.RollupFixture.cell;
import static org.entente.analytics.engine.rollup.RollupFixture.row;
import static org.entente.analytics.engine.rollup.RollupFixture.table;
import static org.entente.analytics.engine.rollup.RollupFixture.value;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.BurdenGuideline;
import org.entente.analytics.engine.ConsentOverride;
import org.entente.analytics.engine.Viewer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The guideline column, the ranked table and the capacity notes on fixture.sql. Per pledge year the states' capacity
 * reads Arland 50,000, Borduria 30,000, Carpania 20,000 (Borduria's from its 2024 figure, Carpania's 2024 from its
 * 2021 one).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BurdenFiguresTest {

    /** 0.15 % in 2022, 2 % in 2023, none in 2024: over all years the mean of the two, 1.075 %. */
    private static final BurdenGuideline GUIDELINE = new BurdenGuideline(Map.of(2022, 0.0015, 2023, 0.02));

    private RollupFixture fixture;
    private AnalyticsReport arland;

    @BeforeAll
    void load() throws SQLException {
        fixture = new RollupFixture();
        arland = fixture.report(Viewer.organization(ARLAND), AnalyticsFilter.everything(), GUIDELINE, null);
    }

    @AfterAll
    void close() throws SQLException {
        fixture.close();
    }

    private static String guideline(RollupTable t, Row row) {
        return (String) value(t, row, "guideline");
    }

    @Test
    void eachRowIsAboveOrBelowItsYearsTarget() {
        assertThat(arland.guideline()).isEqualTo(GUIDELINE);
        RollupTable byYear = table(arland, "burden-sharing-by-year");
        // 2022: Arland 100 / 50,000 = 0.2 % >= 0.15 %; Borduria 2000 / 30,000
        assertThat(guideline(byYear, row(byYear, "partner", "Arland", "pledged_year", "2022"))).isEqualTo("Above");
        assertThat(guideline(byYear, row(byYear, "partner", "Borduria", "pledged_year", "2022"))).isEqualTo("Above");
        // 2023: Arland 800 / 50,000 = 1.6 % < 2 %; Borduria 500 / 30,000 = 1.67 %; Nexus has no capacity
        assertThat(guideline(byYear, row(byYear, "partner", "Arland", "pledged_year", "2023"))).isEqualTo("Below");
        assertThat(guideline(byYear, row(byYear, "partner", "Borduria", "pledged_year", "2023"))).isEqualTo("Below");
        assertThat(guideline(byYear, row(byYear, "partner", "Nexus NGO", "pledged_year", "2023"))).isNull();
        // 2024 has no target
        assertThat(guideline(byYear, row(byYear, "partner", "Arland", "pledged_year", "2024"))).isNull();

        // All years against 1.075 %: Arland 950 / 150,000 = 0.63 %, Borduria 2500 / 60,000 = 4.2 %, Carpania
        // 100 / 20,000 = 0.5 %
        RollupTable all = table(arland, "burden-sharing");
        assertThat(guideline(all, row(all, "partner", "Arland"))).isEqualTo("Below");
        assertThat(guideline(all, row(all, "partner", "Borduria"))).isEqualTo("Above");
        assertThat(guideline(all, row(all, "partner", "Carpania"))).isEqualTo("Below");
        // the states together: 3550 / 230,000 = 1.54 %
        assertThat(guideline(all, row(all, "partner_kind", "STATE", "partner", RollupTable.TOTAL))).isEqualTo("Above");
    }

    @Test
    void theRankingOrdersOneKindByIntensityWithTheGuidelineAsItsLine() {
        RollupTable ranking = table(arland, "burden-ranking");
        assertThat(ranking.columns()).extracting(Column::id).containsExactly("partner", "delivered_eur", "capacity_eur",
                "intensity", "share_of_delivered", "fair_share", "burden_ratio", "guideline");
        assertThat(ranking.rows()).extracting(r -> r.cell(0).value()).containsExactly("Borduria", "Arland", "Carpania");
        assertThat(ranking.rows()).noneMatch(Row::total);
        assertThat(ranking.title()).isEqualTo("Burden ranking (State)");
        Row borduria = ranking.rows().getFirst();
        assertThat((Double) value(ranking, borduria, "intensity")).isCloseTo(2500.0 / 60_000, within(1e-12));
        assertThat((Double) value(ranking, borduria, "share_of_delivered")).isCloseTo(2500.0 / 3550, within(1e-9));
        assertThat(guideline(ranking, borduria)).isEqualTo("Above");

        Chart chart = ranking.chart();
        assertThat(chart.type()).isEqualTo(Chart.Type.RANKED_BAR);
        assertThat(chart.categoryColumn()).isEqualTo("partner");
        assertThat(chart.valueColumns()).containsExactly("intensity");
        assertThat(chart.referenceLine()).isCloseTo((0.0015 + 0.02) / 2, within(1e-15));
        assertThat(chart.referenceLabel()).isEqualTo("Guideline 1.1 %");
    }

    @Test
    void theRankingTakesTheFiltersKindAndWithoutAGuidelineHasNoLine() throws SQLException {
        AnalyticsReport ngos = fixture.report(Viewer.organization(ARLAND),
                new AnalyticsFilter(null, null, null, "NGO", null));
        RollupTable ranking = table(ngos, "burden-ranking");
        assertThat(ranking.title()).isEqualTo("Burden ranking (Non-governmental organization)");
        // Nexus has no capacity: no intensity, ranked last (here: alone)
        assertThat(ranking.rows()).extracting(r -> r.cell(0).value()).containsExactly("Nexus NGO");
        assertThat(value(ranking, ranking.rows().getFirst(), "intensity")).isNull();
        assertThat(ranking.chart().referenceLine()).isNull();
        assertThat(ranking.chart().referenceLabel()).isNull();
        assertThat(ngos.guideline()).isEqualTo(BurdenGuideline.none());
        assertThat(table(ngos, "burden-sharing").rows()).allMatch(r -> r.cell(r.cells().size() - 1).value() == null);
    }

    @Test
    void theRestRowIsTheKindsOtherPartnersPublishedWhenTheirRowIs() throws SQLException {
        // Unity without consent: no state has a row of its own; the rest is the states' "Other partners (3)",
        // published (Arland, Borduria, Carpania: 3 partners, largest 57 %).
        AnalyticsReport unity = fixture.report(Viewer.federation(UNITY), AnalyticsFilter.everything(), GUIDELINE, null);
        RollupTable ranking = table(unity, "burden-ranking");
        assertThat(ranking.rows()).hasSize(1);
        Row rest = ranking.rows().getFirst();
        assertThat(rest.total()).isTrue();
        assertThat(rest.cell(0).value()).isEqualTo("Other partners (3)");
        assertThat(RollupTable.isOtherPartners(rest.cell(0).value())).isTrue();
        assertThat((BigDecimal) value(ranking, rest, "delivered_eur")).isEqualByComparingTo("3550");
        assertThat((BigDecimal) value(ranking, rest, "capacity_eur")).isEqualByComparingTo("230000");
        assertThat((Double) value(ranking, rest, "intensity")).isCloseTo(3550.0 / 230_000, within(1e-12));
        assertThat((Double) value(ranking, rest, "share_of_delivered")).isCloseTo(1.0, within(1e-12));
        assertThat((Double) value(ranking, rest, "burden_ratio")).isCloseTo(1.0, within(1e-12));
        assertThat(guideline(ranking, rest)).isEqualTo("Above");

        // With Arland's consent: Arland ranked, the rest (Borduria, Carpania) withheld as their row is, and its
        // shares with the states' total.
        AnalyticsReport consented = fixture.report(Viewer.federation(UNITY), AnalyticsFilter.everything(), GUIDELINE,
                new ConsentOverride(ARLAND, true));
        RollupTable withArland = table(consented, "burden-ranking");
        assertThat(withArland.rows()).extracting(r -> r.cell(0).value()).containsExactly("Arland", "Other partners (2)");
        Row arlandRow = withArland.rows().getFirst();
        assertThat((Double) value(withArland, arlandRow, "intensity")).isCloseTo(950.0 / 150_000, within(1e-12));
        assertThat(cell(withArland, arlandRow, "share_of_delivered").suppressed()).isEqualTo(PROTECTS_ANOTHER_CELL);
        Row withheld = withArland.rows().getLast();
        for (String column : List.of("delivered_eur", "capacity_eur", "intensity", "share_of_delivered", "guideline")) {
            assertThat(cell(withArland, withheld, column).suppressed()).as(column).isEqualTo(TOO_FEW_PARTNERS);
        }
    }

    @Test
    void capacityTakenFromAnotherYearOrMissingIsNoted() throws SQLException {
        assertThat(arland.notes()).containsExactly(
                "Capacity of Borduria for 2022 and 2023 is the 2024 figure.",
                "Capacity of Carpania for 2024 is the 2021 figure.",
                "Nexus NGO has no capacity figure: no intensity, fair share or burden ratio.");
        // The coordinator is not told who is behind "Other partners": it may not know that they contributed at all.
        AnalyticsReport unity = fixture.report(Viewer.federation(UNITY), AnalyticsFilter.everything());
        assertThat(unity.notes()).containsExactly(
                "Capacity of 2 partners among \"Other partners\" is taken from another year.",
                "2 partners among \"Other partners\" have no capacity figure.");
        // In 2022 only Arland (its own figure) and Borduria (the 2024 one) pledged.
        AnalyticsReport y2022 = fixture.report(Viewer.organization(ARLAND),
                new AnalyticsFilter(2022, 2022, null, null, null));
        assertThat(y2022.notes()).containsExactly("Capacity of Borduria for 2022 is the 2024 figure.");
    }
}
