package org.entente.analytics.engine.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.entente.analytics.engine.disclosure.SuppressionReason.TOO_FEW_PARTNERS;
import static org.entente.analytics.engine.rollup.RollupFixture.ARLAND;
import static org.entente.analytics.engine.rollup.RollupFixture.BORDURIA;
import static org.entente.analytics.engine.rollup.RollupFixture.CARPANIA;
import static org.entente.analytics.engine.rollup.RollupFixture.UNITY;
import static org.entente.analytics.engine.rollup.RollupFixture.cell;
import static org.entente.analytics.engine.rollup.RollupFixture.hasRow;
import static org.entente.analytics.engine.rollup.RollupFixture.row;
import static org.entente.analytics.engine.rollup.RollupFixture.table;
import static org.entente.analytics.engine.rollup.RollupFixture.value;

import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.ConsentingPartner;
import org.entente.analytics.engine.Viewer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * "Are we achieving what we set out to do?" (results.sql) against numbers worked out by hand from fixture.sql (see its
 * header for the nine indicators, four assessments and five recommendations).
 * <ul>
 * <li>Arland (member view) sees i1, i2, i3 (W1, its own), i4 (W2, PARTICIPANTS; not i5, PRIVATE to Borduria), i8, i9
 *     (W4); a1, a2, a3 (REL_TO Arland and Unity); not W3's.</li>
 * <li>Unity Alliance (federation view, an observer of W1 and W4) sees i1, i2 (not i3, REL_TO Arland and Borduria),
 *     i8, i9; a1 and a3. k = 3, dominance limit 85 %; the partner behind a figure is the workstream's lead.</li>
 * </ul>
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ResultsRollupTest {

    private static final String T = RollupTable.TOTAL;
    private static final UUID NEXUS = UUID.fromString("00000000-0000-0000-0000-000000000001");
    private static final List<String> FIGURES = List.of("indicators", "on_track", "at_risk", "off_track",
            "not_measured", "no_baseline", "overdue", "workstreams", "workstreams_off_track");
    private static final List<String> ASSESSMENT_FIGURES = List.of("assessments", "external_assessments",
            "with_open_recommendations", "open_recommendations", "overdue_recommendations", "done_recommendations");

    private RollupFixture fixture;
    private AnalyticsReport arland;
    private AnalyticsReport unity;

    @BeforeAll
    void load() throws SQLException {
        fixture = new RollupFixture();
        arland = fixture.report(Viewer.organization(ARLAND), AnalyticsFilter.everything());
        unity = fixture.report(Viewer.federation(UNITY), AnalyticsFilter.everything());
    }

    @AfterAll
    void close() throws SQLException {
        fixture.close();
    }

    /** The published figures of a row, in the order of {@code columns}. */
    private static Map<String, Object> figures(RollupTable table, Row row, List<String> columns) {
        Map<String, Object> figures = new LinkedHashMap<>();
        for (String column : columns) {
            figures.put(column, value(table, row, column));
        }
        return figures;
    }

    /** {@code column, value, ...} in the order given. */
    private static Map<String, Object> expected(List<String> columns, long... values) {
        assertThat(values).hasSameSizeAs(columns);
        Map<String, Object> expected = new LinkedHashMap<>();
        for (int i = 0; i < values.length; i++) {
            expected.put(columns.get(i), values[i]);
        }
        return expected;
    }

    private static double rate(RollupTable table, Row row) {
        return ((Number) value(table, row, "on_track_rate")).doubleValue();
    }

    @Test
    void theTablesComeAfterTheMilestonesWithAChartOfTheStatuses() {
        List<String> ids = arland.tables().stream().map(RollupTable::id).toList();
        assertThat(ids.subList(ids.indexOf("milestones-by-lead") + 1, ids.indexOf("data-completeness")))
                .containsExactly("results", "results-by-region", "results-by-lead", "recommendations",
                        "recommendations-by-lead");
        RollupTable results = table(arland, "results");
        assertThat(results.title()).isEqualTo("Results");
        assertThat(results.question()).isEqualTo("Are we achieving what we set out to do?");
        assertThat(results.chart().type()).isEqualTo(Chart.Type.STACKED_BAR);
        assertThat(results.chart().valueColumns())
                .containsExactly("on_track", "at_risk", "off_track", "not_measured", "no_baseline");
        // A status's colour, on the screen and in the workbook: green, amber, red, grey, light grey.
        assertThat(results.chart().colours()).containsExactly("#2E7D32", "#F9A825", "#C62828", "#9E9E9E", "#CFD8DC");
        assertThat(table(arland, "recommendations").chart().colourOf("done_recommendations")).isEqualTo("#2E7D32");
        assertThat(results.columns()).extracting(Column::label).containsSubsequence("Kind", "Mechanism / area / type",
                "Indicators", "On track", "At risk", "Off track", "Not measured yet", "No baseline",
                "Measurement overdue", "Workstreams off track");
        assertThat(table(arland, "results-by-region").question())
                .isEqualTo("Which initiatives are off track, by kind and region?");
    }

    @Nested
    class MemberView {

        @Test
        void indicatorsByStatusPerKindAndSubtype() {
            RollupTable t = table(arland, "results");
            // W1 i1 on track, i2 off track (overdue), i3 at risk; W2 i4 off track: two workstreams, both off track
            Row exercises = row(t, "kind", "INITIATIVE", "subtype", "JOINT_EXERCISE");
            assertThat(figures(t, exercises, FIGURES)).isEqualTo(expected(FIGURES, 4, 1, 1, 2, 0, 0, 1, 2, 2));
            assertThat(rate(t, exercises)).isCloseTo(1.0 / 4, within(1e-9));
            // W4 i8 on track, i9 at risk (overdue)
            Row engagements = row(t, "kind", "ENGAGEMENT", "subtype", "SECURITY_SERVICES");
            assertThat(figures(t, engagements, FIGURES)).isEqualTo(expected(FIGURES, 2, 1, 1, 0, 0, 0, 1, 1, 0));
            assertThat(rate(t, engagements)).isCloseTo(0.5, within(1e-9));
            Row all = row(t, "kind", T, "subtype", T);
            assertThat(all.total()).isTrue();
            assertThat(figures(t, all, FIGURES)).isEqualTo(expected(FIGURES, 6, 2, 2, 2, 0, 0, 2, 3, 2));
            assertThat(rate(t, all)).isCloseTo(2.0 / 6, within(1e-9));
            // W3 is not Arland's to see
            assertThat(hasRow(t, "kind", "RND_PROJECT")).isFalse();
        }

        @Test
        void perRegion() {
            RollupTable t = table(arland, "results-by-region");
            assertThat(figures(t, row(t, "region", "EUROPE", "kind", "INITIATIVE"), FIGURES))
                    .isEqualTo(expected(FIGURES, 3, 1, 1, 1, 0, 0, 1, 1, 1));
            // W2 has no region: a null dimension value, not a total
            assertThat(figures(t, row(t, "region", null, "kind", "INITIATIVE"), FIGURES))
                    .isEqualTo(expected(FIGURES, 1, 0, 0, 1, 0, 0, 0, 1, 1));
            assertThat(figures(t, row(t, "region", "SAHEL", "kind", T), FIGURES))
                    .isEqualTo(expected(FIGURES, 2, 1, 1, 0, 0, 0, 1, 1, 0));
        }

        @Test
        void perLead() {
            RollupTable t = table(arland, "results-by-lead");
            assertThat(figures(t, row(t, "lead_kind", "STATE", "lead", "Arland"), FIGURES))
                    .isEqualTo(expected(FIGURES, 3, 1, 1, 1, 0, 0, 1, 1, 1));
            assertThat(figures(t, row(t, "lead_kind", "STATE", "lead", "Borduria"), FIGURES))
                    .isEqualTo(expected(FIGURES, 1, 0, 0, 1, 0, 0, 0, 1, 1));
            assertThat(figures(t, row(t, "lead_kind", "NGO", "lead", "Nexus NGO"), FIGURES))
                    .isEqualTo(expected(FIGURES, 2, 1, 1, 0, 0, 0, 1, 1, 0));
            assertThat(value(t, row(t, "lead_kind", "STATE", "lead", T), "indicators")).isEqualTo(4L);
            assertThat(value(t, row(t, "lead_kind", T, "lead", T), "indicators")).isEqualTo(6L);
        }

        @Test
        void anRndLeadSeesItsOwnPrivateIndicator() throws SQLException {
            // Carpania leads W3: i6 on track and its own PRIVATE i7, not measured and overdue (not judged: the rate is
            // of i6 alone); it sees W1's i1 and i2 as a participant, not i3 (REL_TO Arland and Borduria).
            AnalyticsReport carpania = fixture.report(Viewer.organization(CARPANIA), AnalyticsFilter.everything());
            RollupTable t = table(carpania, "results");
            Row ai = row(t, "kind", "RND_PROJECT", "subtype", "AI");
            assertThat(figures(t, ai, FIGURES)).isEqualTo(expected(FIGURES, 2, 1, 0, 0, 1, 0, 1, 1, 0));
            assertThat(rate(t, ai)).isEqualTo(1.0);
            assertThat(figures(t, row(t, "kind", "INITIATIVE", "subtype", "JOINT_EXERCISE"), FIGURES))
                    .isEqualTo(expected(FIGURES, 2, 1, 0, 1, 0, 0, 1, 1, 1));
        }

        @Test
        void assessmentsAndTheirRecommendations() {
            RollupTable t = table(arland, "recommendations");
            // a1 (r1 open and overdue, r2 done, r3 open) and a2 (external; r4 open, no due date)
            assertThat(figures(t, row(t, "kind", "INITIATIVE", "lead_kind", "STATE"), ASSESSMENT_FIGURES))
                    .isEqualTo(expected(ASSESSMENT_FIGURES, 2, 1, 2, 3, 1, 1));
            // a3, REL_TO Arland and Unity, without recommendations
            assertThat(figures(t, row(t, "kind", "ENGAGEMENT", "lead_kind", "NGO"), ASSESSMENT_FIGURES))
                    .isEqualTo(expected(ASSESSMENT_FIGURES, 1, 0, 0, 0, 0, 0));
            assertThat(figures(t, row(t, "kind", T, "lead_kind", T), ASSESSMENT_FIGURES))
                    .isEqualTo(expected(ASSESSMENT_FIGURES, 3, 1, 2, 3, 1, 1));
            RollupTable byLead = table(arland, "recommendations-by-lead");
            assertThat(figures(byLead, row(byLead, "lead_kind", "STATE", "lead", "Arland"), ASSESSMENT_FIGURES))
                    .isEqualTo(expected(ASSESSMENT_FIGURES, 1, 0, 1, 2, 1, 1));
            assertThat(figures(byLead, row(byLead, "lead_kind", "STATE", "lead", "Borduria"), ASSESSMENT_FIGURES))
                    .isEqualTo(expected(ASSESSMENT_FIGURES, 1, 1, 1, 1, 0, 0));
            assertThat(hasRow(byLead, "lead", "Carpania")).as("a4 is on W3").isFalse();
        }
    }

    @Nested
    class FederationView {

        @Test
        void theGrandTotalCountsEveryIndicatorOfFourLeads() {
            RollupTable t = table(unity, "results");
            // i1..i9: on track i1, i6, i8; at risk i3, i9; off track i2, i4; not measured i7; no baseline i5;
            // overdue i2, i7, i9; W1 and W2 off track. Leads Arland 3, Borduria 2, Carpania 2, Nexus 2: published.
            Row all = row(t, "kind", T, "subtype", T);
            assertThat(figures(t, all, FIGURES)).isEqualTo(expected(FIGURES, 9, 3, 2, 2, 1, 1, 3, 4, 2));
            assertThat(rate(t, all)).isCloseTo(3.0 / 7, within(1e-9));
            RollupTable byLead = table(unity, "results-by-lead");
            assertThat(figures(byLead, row(byLead, "lead_kind", T, "lead", T), FIGURES))
                    .isEqualTo(figures(t, all, FIGURES));
        }

        @Test
        void whatOneLeadHoldsIsWithheldUnlessTheCoordinatorSeesAllOfIt() {
            RollupTable t = table(unity, "results");
            // Initiatives: Arland and Borduria, with i3, i4 and i5 hidden from Unity: two leads < k.
            assertThat(cell(t, row(t, "kind", "INITIATIVE", "subtype", T), "off_track").suppressed())
                    .isEqualTo(TOO_FEW_PARTNERS);
            assertThat(cell(t, row(t, "kind", "RND_PROJECT", "subtype", "AI"), "indicators").suppressed())
                    .isEqualTo(TOO_FEW_PARTNERS);
            // W4's i8 and i9 are both visible to Unity: published though Nexus alone leads them.
            assertThat(figures(t, row(t, "kind", "ENGAGEMENT", "subtype", "SECURITY_SERVICES"), FIGURES))
                    .isEqualTo(expected(FIGURES, 2, 1, 1, 0, 0, 0, 1, 1, 0));

            RollupTable regions = table(unity, "results-by-region");
            assertThat(cell(regions, row(regions, "region", "EUROPE", "kind", T), "indicators").suppressed())
                    .isEqualTo(TOO_FEW_PARTNERS);
            assertThat(cell(regions, row(regions, "region", "SAHEL", "kind", T), "indicators").suppressed())
                    .as("Carpania and Nexus").isEqualTo(TOO_FEW_PARTNERS);
            assertThat(value(regions, row(regions, "region", "SAHEL", "kind", "ENGAGEMENT"), "indicators"))
                    .isEqualTo(2L);

            RollupTable byLead = table(unity, "results-by-lead");
            // The states: Arland 3, Borduria 2, Carpania 2 -> three leads, 43 % the largest: published.
            assertThat(figures(byLead, row(byLead, "lead_kind", "STATE", "lead", T), FIGURES))
                    .isEqualTo(expected(FIGURES, 7, 2, 1, 2, 1, 1, 2, 3, 2));
            for (String lead : List.of("Arland", "Borduria", "Carpania")) {
                assertThat(cell(byLead, row(byLead, "lead", lead), "indicators").suppressed()).as(lead)
                        .isEqualTo(TOO_FEW_PARTNERS);
            }
            assertThat(value(byLead, row(byLead, "lead", "Nexus NGO"), "indicators")).isEqualTo(2L);
        }

        @Test
        void recommendations() {
            RollupTable t = table(unity, "recommendations");
            // a1..a4 of four leads; open r1, r3, r4, r5 (Arland 2 of 4: 50 %), overdue r1 and r5, done r2.
            assertThat(figures(t, row(t, "kind", T, "lead_kind", T), ASSESSMENT_FIGURES))
                    .isEqualTo(expected(ASSESSMENT_FIGURES, 4, 2, 3, 4, 2, 1));
            // The states' a1, a2, a4: three leads.
            assertThat(figures(t, row(t, "kind", T, "lead_kind", "STATE"), ASSESSMENT_FIGURES))
                    .isEqualTo(expected(ASSESSMENT_FIGURES, 3, 2, 3, 4, 2, 1));
            // Initiatives: a1 (visible) and a2 (hidden), two leads.
            assertThat(cell(t, row(t, "kind", "INITIATIVE", "lead_kind", "STATE"), "assessments").suppressed())
                    .isEqualTo(TOO_FEW_PARTNERS);
            // a3 is released to Unity.
            assertThat(value(t, row(t, "kind", "ENGAGEMENT", "lead_kind", "NGO"), "assessments")).isEqualTo(1L);
            RollupTable byLead = table(unity, "recommendations-by-lead");
            assertThat(figures(byLead, row(byLead, "lead_kind", "STATE", "lead", "Arland"), ASSESSMENT_FIGURES))
                    .isEqualTo(expected(ASSESSMENT_FIGURES, 1, 0, 1, 2, 1, 1));
            assertThat(cell(byLead, row(byLead, "lead_kind", "STATE", "lead", "Carpania"), "open_recommendations")
                    .suppressed()).isEqualTo(TOO_FEW_PARTNERS);
        }

        @Test
        void aLeadsConsentPublishesItsOwnFiguresAndTheLedgerHearsOfIt() throws SQLException {
            try (RollupFixture consented = new RollupFixture()) {
                consented.execute("INSERT INTO publication_consent VALUES ('" + BORDURIA + "', '" + UNITY
                        + "', TIMESTAMPTZ '2025-06-01 09:00:00+00')");
                AnalyticsReport report = consented.report(Viewer.federation(UNITY), AnalyticsFilter.everything());
                // W2, led by Borduria and hidden from Unity, is the workstream without a region: i4 off track, i5 no
                // baseline.
                RollupTable regions = table(report, "results-by-region");
                assertThat(figures(regions, row(regions, "region", null, "kind", "INITIATIVE"), FIGURES))
                        .isEqualTo(expected(FIGURES, 2, 0, 0, 1, 0, 1, 0, 1, 1));
                RollupTable byLead = table(report, "results-by-lead");
                assertThat(value(byLead, row(byLead, "lead", "Borduria"), "off_track")).isEqualTo(1L);
                // a2 and its open recommendation r4
                RollupTable recommendations = table(report, "recommendations-by-lead");
                assertThat(figures(recommendations, row(recommendations, "lead", "Borduria"), ASSESSMENT_FIGURES))
                        .isEqualTo(expected(ASSESSMENT_FIGURES, 1, 1, 1, 1, 0, 0));
                // Arland did not consent: its initiatives (i3 hidden) stay withheld.
                assertThat(cell(byLead, row(byLead, "lead", "Arland"), "indicators").suppressed())
                        .isEqualTo(TOO_FEW_PARTNERS);
                assertThat(report.publishedByConsent()).containsExactly(new ConsentingPartner(BORDURIA, "Borduria"));
            }
            assertThat(unity.publishedByConsent()).isEmpty();
        }

        /**
         * The ledger hears of a lead published only through its results: Arland as a coordinator, Nexus consenting to
         * it. Arland sees all of Nexus's contributions (c6 on W2) and participations (W2, W4), so nothing else of
         * Nexus's needs the consent; a PRIVATE indicator of Nexus on W4, which Arland may not see, does.
         */
        @Test
        void theLedgerHearsOfALeadPublishedOnlyThroughItsResults() throws SQLException {
            try (RollupFixture world = new RollupFixture()) {
                world.execute("INSERT INTO publication_consent VALUES ('" + NEXUS + "', '" + ARLAND
                        + "', TIMESTAMPTZ '2025-06-01 09:00:00+00')");
                assertThat(world.report(Viewer.federation(ARLAND), AnalyticsFilter.everything()).publishedByConsent())
                        .as("nothing of Nexus's is hidden from Arland yet").isEmpty();

                world.execute("INSERT INTO indicator VALUES ('" + NEXUS + "', '10000000-0000-0000-0000-000000000004',"
                        + " '60000000-0000-0000-0000-000000000010', '70000000-0000-0000-0000-000000000004', 'NONE', '"
                        + NEXUS + "', 'PRIVATE', TIMESTAMPTZ '2024-03-05 10:00:00+00')");
                world.execute("INSERT INTO indicator_progress VALUES ('" + NEXUS + "',"
                        + " '10000000-0000-0000-0000-000000000004', '60000000-0000-0000-0000-000000000010',"
                        + " '70000000-0000-0000-0000-000000000004', '" + NEXUS + "', 'NUMBER', 'HIGHER', 'YEARLY', 1,"
                        + " DATE '2024-03-01', 2, DATE '2026-12-31', 'PRIVATE', NULL, NULL, 0, NULL, NULL, 'NOT_MEASURED',"
                        + " DATE '2024-01-01', DATE '2024-12-31', true)");
                AnalyticsReport report = world.report(Viewer.federation(ARLAND), AnalyticsFilter.everything());
                RollupTable byLead = table(report, "results-by-lead");
                assertThat(figures(byLead, row(byLead, "lead", "Nexus NGO"), FIGURES))
                        .isEqualTo(expected(FIGURES, 3, 1, 1, 0, 1, 0, 2, 1, 0));
                assertThat(report.publishedByConsent()).containsExactly(new ConsentingPartner(NEXUS, "Nexus NGO"));
            }
        }
    }

    @Nested
    class Filters {

        @Test
        void regionKindAndLeadKind() throws SQLException {
            // SAHEL: W4 only for Arland (W3 is not its to see)
            AnalyticsReport sahel = fixture.report(Viewer.organization(ARLAND),
                    new AnalyticsFilter(null, null, "SAHEL", null, null));
            RollupTable t = table(sahel, "results");
            assertThat(value(t, row(t, "kind", T, "subtype", T), "indicators")).isEqualTo(2L);
            // Partner kind NGO: the leads of that kind, Nexus (W4, a3)
            AnalyticsReport ngos = fixture.report(Viewer.organization(ARLAND),
                    new AnalyticsFilter(null, null, null, "NGO", null));
            assertThat(value(table(ngos, "results"), row(table(ngos, "results"), "kind", T, "subtype", T), "indicators"))
                    .isEqualTo(2L);
            RollupTable recommendations = table(ngos, "recommendations");
            assertThat(value(recommendations, row(recommendations, "kind", T, "lead_kind", T), "assessments"))
                    .isEqualTo(1L);
            // Workstream kind INITIATIVE: W1 and W2
            AnalyticsReport initiatives = fixture.report(Viewer.organization(ARLAND),
                    new AnalyticsFilter(null, null, null, null, "INITIATIVE"));
            assertThat(value(table(initiatives, "results-by-lead"),
                    row(table(initiatives, "results-by-lead"), "lead_kind", T, "lead", T), "indicators")).isEqualTo(4L);
        }

        @Test
        void yearsCutIndicatorsByTheirWorkstreamsPeriodAndAssessmentsByTheirDate() throws SQLException {
            // 2022: W2 only (2022-01-01..2023-06-30), i4 for Arland; no assessment was made in 2022.
            AnalyticsReport y2022 = fixture.report(Viewer.organization(ARLAND), new AnalyticsFilter(2022, 2022, null, null,
                    null));
            RollupTable t = table(y2022, "results");
            assertThat(figures(t, row(t, "kind", T, "subtype", T), FIGURES))
                    .isEqualTo(expected(FIGURES, 1, 0, 0, 1, 0, 0, 0, 1, 1));
            assertThat(table(y2022, "recommendations").rows()).isEmpty();
            // 2024: W1 (2023-2024), W4 (from 2024-03) -> i1, i2, i3, i8, i9; assessed in 2024: a1 and a3.
            AnalyticsReport y2024 = fixture.report(Viewer.organization(ARLAND), new AnalyticsFilter(2024, 2024, null, null,
                    null));
            assertThat(value(table(y2024, "results"), row(table(y2024, "results"), "kind", T, "subtype", T),
                    "indicators")).isEqualTo(5L);
            RollupTable recommendations = table(y2024, "recommendations");
            assertThat(figures(recommendations, row(recommendations, "kind", T, "lead_kind", T), ASSESSMENT_FIGURES))
                    .isEqualTo(expected(ASSESSMENT_FIGURES, 2, 0, 1, 2, 1, 1));
        }
    }
}
