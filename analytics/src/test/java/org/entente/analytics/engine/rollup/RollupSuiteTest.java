package org.entente.analytics.engine.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.entente.analytics.engine.disclosure.SuppressionReason.PROTECTS_ANOTHER_CELL;
import static org.entente.analytics.engine.disclosure.SuppressionReason.TOO_FEW_PARTNERS;
import static org.entente.analytics.engine.rollup.RollupFixture.ARLAND;
import static org.entente.analytics.engine.rollup.RollupFixture.CARPANIA;
import static org.entente.analytics.engine.rollup.RollupFixture.UNITY;
import static org.entente.analytics.engine.rollup.RollupFixture.cell;
import static org.entente.analytics.engine.rollup.RollupFixture.hasRow;
import static org.entente.analytics.engine.rollup.RollupFixture.row;
import static org.entente.analytics.engine.rollup.RollupFixture.table;
import static org.entente.analytics.engine.rollup.RollupFixture.value;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.FilterOptions;
import org.entente.analytics.engine.InvalidFilterException;
import org.entente.analytics.engine.Kpi;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.disclosure.SuppressionReason;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every rollup against numbers worked out by hand from fixture.sql (see its header for the records).
 * Member views: Arland (sees W1 as lead, W2 and W4 as participant, not W3; not c9, which is PRIVATE to Xeno) and
 * Carpania for R&D. Federation view: Unity Alliance (participant of W1 and W4 only; c3 is REL_TO Arland, c9 PRIVATE),
 * k = 3, dominance limit 85 %.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RollupSuiteTest {

    private RollupFixture fixture;
    private AnalyticsReport arland;
    private AnalyticsReport unity;

    @BeforeAll
    void load() throws SQLException {
        fixture = new RollupFixture();
        // Both on the same connection, one after the other, as a pooled reader would be reused.
        arland = fixture.report(Viewer.organization(ARLAND), AnalyticsFilter.everything());
        unity = fixture.report(Viewer.federation(UNITY), AnalyticsFilter.everything());
    }

    @AfterAll
    void close() throws SQLException {
        fixture.close();
    }

    private AnalyticsReport arland(AnalyticsFilter filter) throws SQLException {
        return fixture.report(Viewer.organization(ARLAND), filter);
    }

    private static BigDecimal money(RollupTable table, Row row, String column) {
        return (BigDecimal) value(table, row, column);
    }

    private static double number(RollupTable table, Row row, String column) {
        return ((Number) value(table, row, column)).doubleValue();
    }

    private static Object kpi(AnalyticsReport report, String id) {
        Kpi kpi = report.kpi(id).orElseThrow();
        assertThat(kpi.value().isSuppressed()).as("KPI %s published", id).isFalse();
        return kpi.value().value();
    }

    @Test
    void everyTableIsThere() {
        assertThat(arland.tables()).extracting(RollupTable::id).containsExactly(
                "burden-ranking", "burden-sharing", "burden-by-kind", "burden-sharing-by-year", "pledge-fulfilment",
                "overdue-pledges", "portfolio",
                "portfolio-by-region", "lead-kinds", "rnd", "engagements", "engagement-vetting", "expiring-agreements",
                "collaboration-network", "partner-links", "partner-degree", "milestones", "milestones-by-lead",
                "results", "results-by-region", "results-by-lead", "recommendations", "recommendations-by-lead",
                "data-completeness");
        for (RollupTable table : arland.tables()) {
            assertThat(table.columnIndex(table.chart().categoryColumn())).as(table.id()).isNotNegative();
            table.chart().valueColumns().forEach(c -> assertThat(table.columnIndex(c)).as(table.id()).isNotNegative());
        }
    }

    @Nested
    class MemberView {

        @Test
        void nothingIsSuppressed() {
            for (RollupTable table : arland.tables()) {
                for (Row row : table.rows()) {
                    assertThat(row.cells()).as(table.id()).noneMatch(Cell::isSuppressed);
                }
            }
            assertThat(arland.kpis()).noneMatch(k -> k.value().isSuppressed());
        }

        @Test
        void onlyItsScope() {
            // Xeno's contributions (c7 on W3, which Arland cannot see; c9, PRIVATE) are not in Arland's figures.
            assertThat(hasRow(table(arland, "burden-sharing"), "partner", "Xeno Corp")).isFalse();
            // W3 (R&D, PRIVATE to its participants) is not in the portfolio.
            assertThat(hasRow(table(arland, "portfolio"), "kind", "RND_PROJECT")).isFalse();
            assertThat(table(arland, "rnd").rows()).isEmpty();
        }

        @Test
        void kpis() {
            // pledged c1..c6 + c8 = 1000 + 500 + 300 + 2000 + 400 + 100 + 200 = 4500
            // delivered 800 + 500 + 100 + 2000 + 100 + 0 + 50 = 3550; rate 3550 / 4500
            assertThat((BigDecimal) kpi(arland, "pledged-eur")).isEqualByComparingTo("4500");
            assertThat((BigDecimal) kpi(arland, "delivered-eur")).isEqualByComparingTo("3550");
            assertThat((Double) kpi(arland, "delivery-rate")).isCloseTo(3550.0 / 4500, within(1e-9));
            // Arland, Borduria, Carpania, Nexus
            assertThat(kpi(arland, "contributing-partners")).isEqualTo(4L);
            // W1 and W4 are ACTIVE (W2 completed, W3 not visible)
            assertThat(kpi(arland, "active-workstreams")).isEqualTo(2L);
            // c1, c3 (W1 ended 2024-12-31), c5, c6 (W2 ended 2023-06-30), each with less delivered than pledged
            assertThat(kpi(arland, "overdue-pledges")).isEqualTo(4L);
            // W4's agreement runs until 2025-07-30, within 90 days of 2025-06-30
            assertThat(kpi(arland, "expiring-agreements")).isEqualTo(1L);
        }
    }

    @Nested
    class BurdenSharing {

        @Test
        void perPartnerAndKindOverAllYears() {
            RollupTable t = table(arland, "burden-sharing");
            // Over all years a partner's capacity is that of each year it pledged in, added up: Arland pledged in
            // 2022, 2023 and 2024 (3 x 50,000), Borduria in 2022 and 2023 (2 x 30,000), Carpania in 2024 (20,000).
            // Arland: c1 1000/800, c5 400/100, c8 200/50 -> 1600 / 950; share of the states' 3550 delivered 950/3550;
            // fair share 150/230; intensity 950/150,000
            Row a = row(t, "partner_kind", "STATE", "partner", "Arland");
            assertThat(money(t, a, "pledged_eur")).isEqualByComparingTo("1600");
            assertThat(money(t, a, "delivered_eur")).isEqualByComparingTo("950");
            assertThat(number(t, a, "delivery_rate")).isCloseTo(950.0 / 1600, within(1e-9));
            assertThat(money(t, a, "capacity_eur")).isEqualByComparingTo("150000");
            assertThat(number(t, a, "intensity")).isCloseTo(950.0 / 150_000, within(1e-12));
            assertThat(number(t, a, "share_of_delivered")).isCloseTo(950.0 / 3550, within(1e-9));
            assertThat(number(t, a, "fair_share")).isCloseTo(150.0 / 230, within(1e-9));
            assertThat(number(t, a, "burden_ratio")).isCloseTo((950.0 / 3550) / (150.0 / 230), within(1e-9));
            assertThat(a.total()).isFalse();
            // Borduria: c2 500/500, c4 2000/2000 -> share 2500/3550, fair share 60/230
            Row b = row(t, "partner_kind", "STATE", "partner", "Borduria");
            assertThat(money(t, b, "delivered_eur")).isEqualByComparingTo("2500");
            assertThat(number(t, b, "burden_ratio")).isCloseTo((2500.0 / 3550) / (60.0 / 230), within(1e-9));
            // Nexus has no capacity index: no fair share, no ratio; delivered nothing
            Row n = row(t, "partner_kind", "NGO", "partner", "Nexus NGO");
            assertThat(money(t, n, "delivered_eur")).isEqualByComparingTo("0");
            assertThat(value(t, n, "fair_share")).isNull();
            assertThat(value(t, n, "burden_ratio")).isNull();
            // STATE: 4400 pledged (4500 - Nexus's 100), 3550 delivered, all the capacity -> ratio 1; a kind's shares
            // are of all kinds
            Row states = row(t, "partner_kind", "STATE", "partner", RollupTable.TOTAL);
            assertThat(states.total()).isTrue();
            assertThat(money(t, states, "pledged_eur")).isEqualByComparingTo("4400");
            assertThat(money(t, states, "capacity_eur")).isEqualByComparingTo("230000");
            assertThat(number(t, states, "intensity")).isCloseTo(3550.0 / 230_000, within(1e-12));
            assertThat(number(t, states, "burden_ratio")).isCloseTo(1.0, within(1e-9));
            Row all = row(t, "partner_kind", RollupTable.TOTAL, "partner", RollupTable.TOTAL);
            assertThat(money(t, all, "pledged_eur")).isEqualByComparingTo("4500");
            assertThat(number(t, all, "share_of_delivered")).isCloseTo(1.0, within(1e-9));
        }

        @Test
        void perYear() {
            RollupTable t = table(arland, "burden-sharing-by-year");
            // 2022: c4 Borduria 2000/2000, c5 Arland 400/100 -> delivered total 2100; capacity Arland + Borduria = 80
            Row a2022 = row(t, "partner_kind", "STATE", "partner", "Arland", "pledged_year", "2022");
            assertThat(money(t, a2022, "pledged_eur")).isEqualByComparingTo("400");
            assertThat(number(t, a2022, "share_of_delivered")).isCloseTo(100.0 / 2100, within(1e-9));
            assertThat(number(t, a2022, "fair_share")).isCloseTo(50.0 / 80, within(1e-9));
            // 2024: c3 Carpania 300/100, c8 Arland 200/50 -> share 100/150, fair share 20/(50+20)
            Row c2024 = row(t, "partner_kind", "STATE", "partner", "Carpania", "pledged_year", "2024");
            assertThat(number(t, c2024, "burden_ratio")).isCloseTo((100.0 / 150) / (20.0 / 70), within(1e-9));
            Row all2023 = row(t, "partner_kind", RollupTable.TOTAL, "partner", RollupTable.TOTAL, "pledged_year", "2023");
            // 2023: c1 1000/800, c2 500/500, c6 100/0
            assertThat(money(t, all2023, "pledged_eur")).isEqualByComparingTo("1600");
            assertThat(money(t, all2023, "delivered_eur")).isEqualByComparingTo("1300");
            // the all-years rows are in the other table only
            assertThat(t.rows()).noneMatch(r -> RollupTable.TOTAL.equals(r.cell(t.columnIndex("pledged_year")).value()));
        }

        @Test
        void federationViewSuppressesWhatFewPartnersHold() {
            RollupTable t = table(unity, "burden-sharing");
            // Every single partner has records Unity may not see (c3, c4, c5, c6, c7, c9) and nobody consented: no
            // partner has a row of its own; each kind's partners share one "Other partners (n)" row.
            for (String partner : List.of("Arland", "Borduria", "Carpania", "Nexus NGO", "Xeno Corp")) {
                assertThat(hasRow(t, "partner", partner)).as(partner).isFalse();
            }
            // NGO and CORPORATION: one partner < k = 3.
            Row ngos = row(t, "partner_kind", "NGO", "partner", "Other partners (1)");
            assertThat(cell(t, ngos, "pledged_eur").suppressed()).isEqualTo(TOO_FEW_PARTNERS);
            assertThat(cell(t, ngos, "burden_ratio").suppressed()).isEqualTo(TOO_FEW_PARTNERS);
            assertThat(cell(t, ngos, "guideline").suppressed()).isEqualTo(TOO_FEW_PARTNERS);
            // STATE: Arland 1600, Borduria 2500, Carpania 300 -> 3 partners, largest 2500/4400 = 57 % -> published, as
            // the states' "Other partners" row and as their total.
            assertThat(money(t, row(t, "partner_kind", "STATE", "partner", "Other partners (3)"), "pledged_eur"))
                    .isEqualByComparingTo("4400");
            Row states = row(t, "partner_kind", "STATE", "partner", RollupTable.TOTAL);
            assertThat(money(t, states, "pledged_eur")).isEqualByComparingTo("4400");
            assertThat(money(t, states, "delivered_eur")).isEqualByComparingTo("3550");
            // ... share of all delivered: 3550 / (3550 + Nexus 0 + Xeno 750)
            assertThat(number(t, states, "share_of_delivered")).isCloseTo(3550.0 / 4300, within(1e-9));
            // NGO and CORPORATION have one partner each.
            assertThat(cell(t, row(t, "partner_kind", "NGO", "partner", RollupTable.TOTAL), "pledged_eur").suppressed())
                    .isEqualTo(TOO_FEW_PARTNERS);
            // All: 5250 pledged, 4300 delivered, 5 partners, Borduria's 2500 is 48 % -> published.
            Row all = row(t, "partner_kind", RollupTable.TOTAL, "partner", RollupTable.TOTAL);
            assertThat(money(t, all, "pledged_eur")).isEqualByComparingTo("5250");
            assertThat((BigDecimal) kpi(unity, "delivered-eur")).isEqualByComparingTo("4300");
            assertThat(kpi(unity, "contributing-partners")).isEqualTo(5L);
        }

        @Test
        void federationViewPublishesWhatTheViewerSeesAndProtectsTheRest() {
            RollupTable t = table(unity, "burden-sharing-by-year");
            // The states' "Other partners" in 2023 are c1 (Arland) and c2 (Borduria), which Unity sees (W1):
            // published although two partners.
            Row others2023 = row(t, "partner_kind", "STATE", "partner", "Other partners (2)", "pledged_year", "2023");
            assertThat(money(t, others2023, "pledged_eur")).isEqualByComparingTo("1500");
            // In 2022 they are c4 (Borduria) and c5 (Arland) on W2, which Unity cannot see.
            assertThat(cell(t, row(t, "partner_kind", "STATE", "partner", "Other partners (2)", "pledged_year", "2022"),
                    "pledged_eur").suppressed()).isEqualTo(TOO_FEW_PARTNERS);
            // STATE 2023 = c1 + c2, both visible: published (1500 / 1300).
            Row states2023 = row(t, "partner_kind", "STATE", "partner", RollupTable.TOTAL, "pledged_year", "2023");
            assertThat(money(t, states2023, "pledged_eur")).isEqualByComparingTo("1500");
            // All of 2023 (1600: Arland, Borduria, Nexus) would pass the rules, but STATE 2023 is known and NGO 2023
            // (Nexus's c6 alone) is withheld: 2023 - STATE 2023 = NGO 2023. So 2023 is withheld to protect it ...
            Row all2023 = row(t, "partner_kind", RollupTable.TOTAL, "partner", RollupTable.TOTAL, "pledged_year", "2023");
            assertThat(cell(t, all2023, "pledged_eur").suppressed()).isEqualTo(PROTECTS_ANOTHER_CELL);
            assertThat(cell(t, row(t, "partner_kind", "NGO", "partner", RollupTable.TOTAL, "pledged_year", "2023"),
                    "pledged_eur").suppressed()).isEqualTo(TOO_FEW_PARTNERS);
            // ... and the STATE share of 2023, which would give 2023's total away, too.
            assertThat(cell(t, states2023, "share_of_delivered").suppressed()).isEqualTo(PROTECTS_ANOTHER_CELL);
            // 2024: Arland c8, Carpania c3, Xeno c7 + c9 -> 3 partners; Xeno delivered 750 of 900 = 83 % <= 85 %.
            Row all2024 = row(t, "partner_kind", RollupTable.TOTAL, "partner", RollupTable.TOTAL, "pledged_year", "2024");
            assertThat(money(t, all2024, "delivered_eur")).isEqualByComparingTo("900");
        }
    }

    @Nested
    class PledgeFulfilment {

        @Test
        void cumulativePerMonthAndType() {
            RollupTable t = table(arland, "pledge-fulfilment");
            // FUNDING pledges: 2022-02 2000, 2023-02 1000, 2023-03 500 -> 3500 to date; deliveries until then:
            // 2022-06 2000
            Row march = row(t, "month", "2023-03", "type", "FUNDING");
            assertThat(money(t, march, "pledged_eur")).isEqualByComparingTo("500");
            assertThat(money(t, march, "cumulative_pledged_eur")).isEqualByComparingTo("3500");
            assertThat(money(t, march, "cumulative_delivered_eur")).isEqualByComparingTo("2000");
            // c2's 500 delivered 2025-01-15: the last FUNDING month; to date 2000+1000+500+200 / 2000+800+50+500
            Row last = row(t, "month", "2025-01", "type", "FUNDING");
            assertThat(money(t, last, "delivered_eur")).isEqualByComparingTo("500");
            assertThat(money(t, last, "cumulative_pledged_eur")).isEqualByComparingTo("3700");
            assertThat(money(t, last, "cumulative_delivered_eur")).isEqualByComparingTo("3350");
            // the grand total equals burden-sharing's
            Row all = row(t, "month", RollupTable.TOTAL, "type", RollupTable.TOTAL);
            assertThat(money(t, all, "pledged_eur")).isEqualByComparingTo("4500");
            assertThat(value(t, all, "cumulative_pledged_eur")).isNull();
        }

        @Test
        void federationRunningSumsStopAtTheFirstWithheldMonth() {
            RollupTable t = table(unity, "pledge-fulfilment");
            // 2022-02 FUNDING is Borduria's c4 alone (W2, not visible): withheld ...
            assertThat(cell(t, row(t, "month", "2022-02", "type", "FUNDING"), "pledged_eur").suppressed())
                    .isEqualTo(TOO_FEW_PARTNERS);
            // ... so 2023-02 FUNDING (c1, visible) is published, but its running sum would include c4.
            Row february = row(t, "month", "2023-02", "type", "FUNDING");
            assertThat(money(t, february, "pledged_eur")).isEqualByComparingTo("1000");
            assertThat(cell(t, february, "cumulative_pledged_eur").suppressed()).isEqualTo(PROTECTS_ANOTHER_CELL);
        }

        @Test
        void overduePledges() {
            RollupTable t = table(arland, "overdue-pledges");
            // c1 1000-800, c3 300-100, c5 400-100, c6 100-0
            Row all = row(t, "partner_kind", RollupTable.TOTAL, "type", RollupTable.TOTAL);
            assertThat(value(t, all, "overdue_pledges")).isEqualTo(4L);
            assertThat(money(t, all, "outstanding_eur")).isEqualByComparingTo("800");
            Row personnel = row(t, "partner_kind", "STATE", "type", "PERSONNEL");
            assertThat(money(t, personnel, "outstanding_eur")).isEqualByComparingTo("300");
            // Federation: STATE/FUNDING is c1 alone and visible; STATE/PERSONNEL is c5 on the hidden W2.
            RollupTable f = table(unity, "overdue-pledges");
            assertThat(money(f, row(f, "partner_kind", "STATE", "type", "FUNDING"), "outstanding_eur"))
                    .isEqualByComparingTo("200");
            assertThat(cell(f, row(f, "partner_kind", "STATE", "type", "PERSONNEL"), "outstanding_eur").suppressed())
                    .isEqualTo(TOO_FEW_PARTNERS);
            // all four: Arland 500, Carpania 200, Nexus 100 -> 3 partners, 62.5 % -> published
            assertThat(kpi(unity, "overdue-pledges")).isEqualTo(4L);
        }
    }

    @Nested
    class Portfolio {

        @Test
        void byKindSubtypeStatusAndRegion() {
            RollupTable t = table(arland, "portfolio");
            // W1 ACTIVE with 4 accepted (Arland as lead, Borduria, Carpania, Unity)
            Row active = row(t, "kind", "INITIATIVE", "subtype", "JOINT_EXERCISE", "status", "ACTIVE");
            assertThat(value(t, active, "workstreams")).isEqualTo(1L);
            assertThat(value(t, active, "participants")).isEqualTo(4L);
            // INITIATIVE: W1 (4) + W2 (Borduria as lead, Arland, Nexus: 3) -> 2 workstreams, 7 participants
            Row initiatives = row(t, "kind", "INITIATIVE", "subtype", RollupTable.TOTAL, "status", RollupTable.TOTAL);
            assertThat(value(t, initiatives, "workstreams")).isEqualTo(2L);
            assertThat(number(t, initiatives, "participants_per_workstream")).isCloseTo(3.5, within(1e-9));
            // with W4 (Nexus, Unity, Arland: 3): 3 workstreams, 10 participants
            Row all = row(t, "kind", RollupTable.TOTAL, "subtype", RollupTable.TOTAL, "status", RollupTable.TOTAL);
            assertThat(value(t, all, "participants")).isEqualTo(10L);

            RollupTable regions = table(arland, "portfolio-by-region");
            assertThat(value(regions, row(regions, "region", "EUROPE", "kind", "INITIATIVE"), "workstreams")).isEqualTo(1L);
            // W2 has no region: a null dimension value, not a total
            assertThat(value(regions, row(regions, "region", null, "kind", "INITIATIVE"), "workstreams")).isEqualTo(1L);
            assertThat(value(regions, row(regions, "region", "SAHEL", "kind", RollupTable.TOTAL), "workstreams"))
                    .isEqualTo(1L);
        }

        @Test
        void leadKinds() {
            RollupTable t = table(arland, "lead-kinds");
            // INITIATIVE: W1 (Arland) and W2 (Borduria), both states
            Row states = row(t, "kind", "INITIATIVE", "lead_kind", "STATE");
            assertThat(value(t, states, "workstreams")).isEqualTo(2L);
            assertThat(number(t, states, "share_of_kind")).isCloseTo(1.0, within(1e-9));
            assertThat(value(t, row(t, "kind", "ENGAGEMENT", "lead_kind", "NGO"), "workstreams")).isEqualTo(1L);
        }

        @Test
        void federationView() {
            RollupTable t = table(unity, "portfolio");
            // W1 is visible to Unity: published although it has one lead.
            assertThat(value(t, row(t, "kind", "INITIATIVE", "subtype", "JOINT_EXERCISE", "status", "ACTIVE"),
                    "workstreams")).isEqualTo(1L);
            // W2 (COMPLETED) is not.
            Row completed = row(t, "kind", "INITIATIVE", "subtype", "JOINT_EXERCISE", "status", "COMPLETED");
            assertThat(cell(t, completed, "workstreams").suppressed()).isEqualTo(TOO_FEW_PARTNERS);
            // All 4 workstreams (4 leads) are published; ACTIVE (W1, W3, W4: 3 leads) would be too, but then
            // COMPLETED = all - ACTIVE: the ACTIVE count is withheld to protect it, and so is its KPI tile.
            Row all = row(t, "kind", RollupTable.TOTAL, "subtype", RollupTable.TOTAL, "status", RollupTable.TOTAL);
            assertThat(value(t, all, "workstreams")).isEqualTo(4L);
            Kpi active = unity.kpi("active-workstreams").orElseThrow();
            assertThat(active.value().suppressed()).isEqualTo(PROTECTS_ANOTHER_CELL);
            assertThat(active.value().value()).isNull();
        }
    }

    @Nested
    class ResearchEngagementsNetworkMilestonesCompleteness {

        @Test
        void rndPerTechnologyArea() throws SQLException {
            AnalyticsReport carpania = fixture.report(Viewer.organization(CARPANIA), AnalyticsFilter.everything());
            RollupTable t = table(carpania, "rnd");
            Row ai = row(t, "technology_area", "AI");
            assertThat(value(t, ai, "projects")).isEqualTo(1L);
            assertThat(number(t, ai, "avg_trl_start")).isEqualTo(3.0);
            assertThat(number(t, ai, "avg_trl_current")).isEqualTo(5.0);
            assertThat(number(t, ai, "avg_trl_target")).isEqualTo(7.0);
            assertThat(number(t, ai, "avg_trl_gain")).isEqualTo(2.0);
            // work packages 100000 + 50000; delivered: c7 600
            assertThat(money(t, ai, "budget_eur")).isEqualByComparingTo("150000");
            assertThat(money(t, ai, "delivered_eur")).isEqualByComparingTo("600");
            // D1 on time, D2 late, D3 not due before 2025-12-31
            assertThat(value(t, ai, "deliverables_on_time")).isEqualTo(1L);
            assertThat(value(t, ai, "deliverables_late")).isEqualTo(1L);
            assertThat(row(t, "technology_area", RollupTable.TOTAL).total()).isTrue();
        }

        @Test
        void engagements() {
            RollupTable t = table(arland, "engagements");
            assertThat(value(t, row(t, "engagement_type", "SECURITY_SERVICES", "party_kind", "CORPORATION"),
                    "engagements")).isEqualTo(1L);
            RollupTable vetting = table(arland, "engagement-vetting");
            assertThat(value(vetting, row(vetting, "vetting_status", "IN_REVIEW", "risk_rating", "HIGH"), "engagements"))
                    .isEqualTo(1L);
            RollupTable expiring = table(arland, "expiring-agreements");
            assertThat(value(expiring, row(expiring, "engagement_type", "SECURITY_SERVICES"), "agreements")).isEqualTo(1L);
            // W4 is visible to Unity (a participant): published with a single lead
            RollupTable f = table(unity, "engagements");
            assertThat(value(f, row(f, "engagement_type", "SECURITY_SERVICES", "party_kind", "CORPORATION"),
                    "engagements")).isEqualTo(1L);
        }

        @Test
        void collaborationNetwork() {
            RollupTable t = table(arland, "collaboration-network");
            // W1: Arland, Borduria, Carpania, Unity; W2: Borduria, Arland, Nexus; W4: Nexus, Unity, Arland
            assertThat(value(t, row(t, "source", "Arland", "target", "Borduria"), "co_participations")).isEqualTo(2L);
            assertThat(value(t, row(t, "source", "Arland", "target", "Nexus NGO"), "co_participations")).isEqualTo(2L);
            assertThat(value(t, row(t, "source", "Nexus NGO", "target", "Unity Alliance"), "co_participations"))
                    .isEqualTo(1L);
            RollupTable links = table(arland, "partner-links");
            // states: A-B 2, A-C 1, B-C 1 -> 3 links, 4 shared workstreams
            Row stateState = row(links, "link_class", "STATE_STATE");
            assertThat(value(links, stateState, "links")).isEqualTo(3L);
            assertThat(value(links, stateState, "co_participations")).isEqualTo(4L);
            // state - non-state: A-U 2, B-U 1, C-U 1, A-N 2, B-N 1 -> 5 links, 7
            Row mixed = row(links, "link_class", "STATE_NON_STATE");
            assertThat(value(links, mixed, "links")).isEqualTo(5L);
            assertThat(value(links, mixed, "co_participations")).isEqualTo(7L);
            Row all = row(links, "link_class", RollupTable.TOTAL);
            assertThat(value(links, all, "links")).isEqualTo(9L);
            assertThat(value(links, all, "co_participations")).isEqualTo(12L);

            RollupTable degree = table(arland, "partner-degree");
            // Arland works with Borduria, Carpania, Unity (W1), Nexus (W2, W4), in 3 workstreams
            Row a = row(degree, "partner", "Arland");
            assertThat(value(degree, a, "degree")).isEqualTo(4L);
            assertThat(value(degree, a, "workstreams")).isEqualTo(3L);
            assertThat(value(degree, row(degree, "partner", "Carpania"), "degree")).isEqualTo(3L);

            // Federation: Arland-Carpania only on W1 (visible) -> published; Carpania-Xeno only on the hidden W3,
            // and Arland-Borduria also on the hidden W2 (2 leads < 3): such pairs are left out, not shown withheld.
            RollupTable f = table(unity, "collaboration-network");
            assertThat(value(f, row(f, "source", "Arland", "target", "Carpania"), "co_participations")).isEqualTo(1L);
            assertThat(hasRow(f, "source", "Carpania", "target", "Xeno Corp")).isFalse();
            assertThat(hasRow(f, "source", "Arland", "target", "Borduria")).isFalse();
        }

        @Test
        void milestones() {
            RollupTable t = table(arland, "milestones");
            // INITIATIVE led by states: M1 on time, M2 late, M3 overdue (W1); M4 on time (W2) -> 2 of 4
            Row initiatives = row(t, "kind", "INITIATIVE", "lead_kind", "STATE");
            assertThat(value(t, initiatives, "milestones")).isEqualTo(4L);
            assertThat(value(t, initiatives, "late")).isEqualTo(1L);
            assertThat(number(t, initiatives, "on_time_rate")).isCloseTo(0.5, within(1e-9));
            // W4: M6 overdue, M7 cancelled (left out)
            Row engagements = row(t, "kind", "ENGAGEMENT", "lead_kind", "NGO");
            assertThat(value(t, engagements, "milestones")).isEqualTo(1L);
            assertThat(value(t, engagements, "overdue")).isEqualTo(1L);
            Row all = row(t, "kind", RollupTable.TOTAL, "lead_kind", RollupTable.TOTAL);
            assertThat(value(t, all, "overdue")).isEqualTo(2L);
            assertThat(number(t, all, "on_time_rate")).isCloseTo(2.0 / 5, within(1e-9));
            RollupTable byLead = table(arland, "milestones-by-lead");
            assertThat(number(byLead, row(byLead, "lead_kind", "STATE", "lead", "Arland"), "on_time_rate"))
                    .isCloseTo(1.0 / 3, within(1e-9));
            assertThat(number(byLead, row(byLead, "lead_kind", "STATE", "lead", "Borduria"), "on_time_rate"))
                    .isCloseTo(1.0, within(1e-9));
        }

        @Test
        void dataCompleteness() {
            RollupTable t = table(arland, "data-completeness");
            // Borduria: W2 (no region), c2 (delivered 2025-01-15, after W1 ended), c4 -> 2 of 3 incomplete
            Row b = row(t, "partner_kind", "STATE", "partner", "Borduria");
            assertThat(value(t, b, "records")).isEqualTo(3L);
            assertThat(value(t, b, "incomplete_records")).isEqualTo(2L);
            assertThat(value(t, b, "missing_region")).isEqualTo(1L);
            assertThat(value(t, b, "delivery_after_end")).isEqualTo(1L);
            // Nexus: W4 (no end date), its engagement (vetted in review, rated), c6 -> 1 of 3
            Row n = row(t, "partner_kind", "NGO", "partner", "Nexus NGO");
            assertThat(value(t, n, "missing_dates")).isEqualTo(1L);
            assertThat(number(t, n, "share_incomplete")).isCloseTo(1.0 / 3, within(1e-9));
            // Arland: W1, c1, c5, c8 complete; all: 4 + 3 + 1 (Carpania: c3) + 3 = 11 records, 3 incomplete
            assertThat(value(t, row(t, "partner_kind", "STATE", "partner", "Arland"), "incomplete_records")).isEqualTo(0L);
            Row all = row(t, "partner_kind", RollupTable.TOTAL, "partner", RollupTable.TOTAL);
            assertThat(value(t, all, "records")).isEqualTo(11L);
            assertThat(number(t, all, "share_incomplete")).isCloseTo(3.0 / 11, within(1e-9));
        }
    }

    @Nested
    class Filters {

        private BigDecimal pledged(AnalyticsReport report) {
            return (BigDecimal) kpi(report, "pledged-eur");
        }

        @Test
        void region() throws SQLException {
            // EUROPE: W1 only (W2 has no region, W4 is SAHEL): c1 + c2 + c3
            AnalyticsReport europe = arland(new AnalyticsFilter(null, null, "EUROPE", null, null));
            assertThat(pledged(europe)).isEqualByComparingTo("1800");
            assertThat((BigDecimal) kpi(europe, "delivered-eur")).isEqualByComparingTo("1400");
        }

        @Test
        void partnerKind() throws SQLException {
            // states only: Nexus's c6 (100) drops out
            AnalyticsReport states = arland(new AnalyticsFilter(null, null, null, "STATE", null));
            assertThat(pledged(states)).isEqualByComparingTo("4400");
            assertThat(hasRow(table(states, "burden-sharing"), "partner", "Nexus NGO")).isFalse();
            // the engagement's party is a corporation: no engagements for STATE
            assertThat(table(states, "engagements").rows()).isEmpty();
        }

        @Test
        void workstreamKind() throws SQLException {
            // INITIATIVE: W1 and W2, c1..c6 = 4500 - 200 (c8 on W4)
            AnalyticsReport initiatives = arland(new AnalyticsFilter(null, null, null, null, "INITIATIVE"));
            assertThat(pledged(initiatives)).isEqualByComparingTo("4300");
            assertThat(table(initiatives, "engagements").rows()).isEmpty();
        }

        @Test
        void years() throws SQLException {
            AnalyticsReport y2023 = arland(new AnalyticsFilter(2023, 2023, null, null, null));
            // pledged in 2023: c1 1000, c2 500, c6 100
            assertThat(pledged(y2023)).isEqualByComparingTo("1600");
            // workstreams overlapping 2023: W1 (2023-2024) and W2 (2022 - mid 2023), not W4 (from 2024)
            RollupTable portfolio = table(y2023, "portfolio");
            assertThat(value(portfolio, row(portfolio, "kind", RollupTable.TOTAL, "subtype", RollupTable.TOTAL,
                    "status", RollupTable.TOTAL), "workstreams")).isEqualTo(2L);
            // milestones planned in 2023: M1 only, on time
            RollupTable milestones = table(y2023, "milestones");
            Row all = row(milestones, "kind", RollupTable.TOTAL, "lead_kind", RollupTable.TOTAL);
            assertThat(value(milestones, all, "milestones")).isEqualTo(1L);
            assertThat(number(milestones, all, "on_time_rate")).isEqualTo(1.0);
        }

        @Test
        void badFiltersAreRefusedWithAMessageNamingTheField() {
            assertRefused(new AnalyticsFilter(1999, null, null, null, null), "yearFrom", "between 2000 and 2100");
            assertRefused(new AnalyticsFilter(null, 2101, null, null, null), "yearTo", "between 2000 and 2100");
            assertRefused(new AnalyticsFilter(2025, 2023, null, null, null), "yearTo", "before the first year");
            assertRefused(new AnalyticsFilter(null, null, "ATLANTIS", null, null), "region", "EUROPE, SAHEL");
            assertRefused(new AnalyticsFilter(null, null, null, "ROBOT", null), "partnerKind", "STATE");
            assertRefused(new AnalyticsFilter(null, null, null, null, "HOBBY"), "workstreamKind", "INITIATIVE");
        }

        private void assertRefused(AnalyticsFilter filter, String field, String message) {
            assertThatThrownBy(() -> arland(filter))
                    .isInstanceOfSatisfying(InvalidFilterException.class, e -> assertThat(e.field()).isEqualTo(field))
                    .hasMessageContaining(message);
        }

        @Test
        void blanksMeanAll() throws SQLException {
            assertThat(pledged(arland(new AnalyticsFilter(null, null, " ", "", null)))).isEqualByComparingTo("4500");
        }

        @Test
        void options() throws SQLException {
            FilterOptions options = RollupSuite.filterOptions(fixture.connection());
            // contributions 2022-2024, workstreams 2022-2026 (W3 ends 2026), milestones 2022-2025
            assertThat(options.firstYear()).isEqualTo(2022);
            assertThat(options.lastYear()).isEqualTo(2026);
            assertThat(options.regions()).containsExactly("EUROPE", "SAHEL");
            assertThat(options.partnerKinds()).containsExactly("STATE", "ALLIANCE", "NGO", "CORPORATION");
            assertThat(options.workstreamKinds()).containsExactly("INITIATIVE", "RND_PROJECT", "ENGAGEMENT");
        }
    }

    @Nested
    class Marking {

        @Test
        void mostRestrictiveReleasabilityBehindThePublishedFigures() throws SQLException {
            // Arland's figures include c3 (REL_TO Arland); nothing PRIVATE is visible to it.
            assertThat(arland.marking()).isEqualTo("REL_TO");
            // 2022 holds only W2, c4 and c5, all PARTICIPANTS.
            assertThat(arland(new AnalyticsFilter(2022, 2022, null, null, null)).marking()).isEqualTo("PARTICIPANTS");
            // Unity's published totals include W3 and c9, both PRIVATE.
            assertThat(unity.marking()).isEqualTo("PRIVATE");
        }

        @Test
        void noneWhenNothingIsPublished() throws SQLException {
            AnalyticsReport nothing = arland(new AnalyticsFilter(null, null, null, null, "RND_PROJECT"));
            assertThat(nothing.marking()).isNull();
            assertThat((BigDecimal) kpi(nothing, "delivered-eur")).isEqualByComparingTo("0");
        }
    }

    @Test
    void suppressedCellsCarryNoValue() {
        for (RollupTable table : unity.tables()) {
            for (Row row : table.rows()) {
                for (Cell cell : row.cells()) {
                    if (cell.isSuppressed()) {
                        assertThat(cell.value()).isNull();
                        assertThat(cell.suppressed()).isIn((Object[]) SuppressionReason.values());
                    }
                }
            }
        }
    }
}
