package org.entente.analytics.engine.rollup;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.entente.analytics.engine.disclosure.SuppressionReason.PROTECTS_ANOTHER_CELL;
import static org.entente.analytics.engine.disclosure.SuppressionReason.TOO_FEW_PARTNERS;
import static org.entente.analytics.engine.rollup.RollupFixture.ARLAND;
import static org.entente.analytics.engine.rollup.RollupFixture.BORDURIA;
import static org.entente.analytics.engine.rollup.RollupFixture.UNITY;
import static org.entente.analytics.engine.rollup.RollupFixture.cell;
import static org.entente.analytics.engine.rollup.RollupFixture.hasRow;
import static org.entente.analytics.engine.rollup.RollupFixture.row;
import static org.entente.analytics.engine.rollup.RollupFixture.table;
import static org.entente.analytics.engine.rollup.RollupFixture.value;

import java.math.BigDecimal;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.BurdenGuideline;
import org.entente.analytics.engine.ConsentOverride;
import org.entente.analytics.engine.ConsentingPartner;
import org.entente.analytics.engine.Viewer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Publication consent in the rollups, on fixture.sql (see its header): Unity Alliance's federation view when Arland
 * consented to publish its own figures to Unity. Worked out by hand: Unity may not see c5 (Arland, W2), c3, c4, c6, c7
 * and c9; k = 3, dominance limit 85 %.
 */
class ConsentRollupTest {

    private static final Viewer COORDINATOR = Viewer.federation(UNITY);

    private RollupFixture fixture;

    @BeforeEach
    void fixture() throws SQLException {
        fixture = new RollupFixture();
    }

    @AfterEach
    void close() throws SQLException {
        fixture.close();
    }

    private void consent(UUID grantor, UUID grantee) throws SQLException {
        fixture.execute("INSERT INTO publication_consent VALUES ('" + grantor + "', '" + grantee
                + "', TIMESTAMPTZ '2025-06-01 09:00:00+00')");
    }

    private AnalyticsReport coordinator() throws SQLException {
        return fixture.report(COORDINATOR, AnalyticsFilter.everything());
    }

    /**
     * Participation counts are a partner's own figures too: a partner's connections withheld from Unity (records on
     * workstreams Unity may not see, too few leads behind them) are published once that partner consents, and only
     * its own row changes.
     */
    @Test
    void aPartnersConnectionsArePublishedByItsConsent() throws SQLException {
        RollupTable before = table(coordinator(), "partner-degree");
        int partner = before.columnIndex("partner");
        int degree = before.columnIndex("degree");
        Row withheld = before.rows().stream().filter(r -> r.cells().get(degree).isSuppressed()).findFirst()
                .orElseThrow(() -> new AssertionError("the fixture has a partner whose connections Unity may not have"));
        String name = (String) withheld.cells().get(partner).value();
        UUID grantor = java.util.Map.of("Arland", ARLAND, "Borduria", BORDURIA, "Carpania", RollupFixture.CARPANIA).get(name);
        assertThat(grantor).as("a state of the fixture: " + name).isNotNull();

        consent(grantor, UNITY);
        AnalyticsReport report = coordinator();
        assertThat(report.publishedByConsent()).extracting(org.entente.analytics.engine.ConsentingPartner::name)
                .as("the ledger hears of it").contains(name);
        RollupTable after = table(report, "partner-degree");
        Row published = row(after, "partner", name);
        assertThat(published.cells().get(degree).isSuppressed()).isFalse();
        assertThat(published.cells().get(degree).value()).isNotNull();
        for (Row other : before.rows()) {
            Object otherName = other.cells().get(partner).value();
            if (!name.equals(otherName)) {
                assertThat(row(after, "partner", (String) otherName).cells().get(degree).isSuppressed())
                        .as(otherName + " is decided as before").isEqualTo(other.cells().get(degree).isSuppressed());
            }
        }
    }

    @Test
    void aConsentingPartnersRowIsPublishedWhileTheOthersCollapseIntoOtherPartners() throws SQLException {
        consent(ARLAND, UNITY);
        AnalyticsReport report = coordinator();
        RollupTable t = table(report, "burden-sharing");

        // Arland: c1 1000/800, c5 400/100 (hidden from Unity), c8 200/50; capacity 3 years x 50,000.
        Row arland = row(t, "partner_kind", "STATE", "partner", "Arland");
        assertThat((BigDecimal) value(t, arland, "pledged_eur")).isEqualByComparingTo("1600");
        assertThat((BigDecimal) value(t, arland, "delivered_eur")).isEqualByComparingTo("950");
        assertThat((BigDecimal) value(t, arland, "capacity_eur")).isEqualByComparingTo("150000");
        assertThat((Double) value(t, arland, "intensity")).isCloseTo(950.0 / 150_000, within(1e-12));
        // Its share of the states' delivered would give the states' total away, which is withheld (below).
        assertThat(cell(t, arland, "share_of_delivered").suppressed()).isEqualTo(PROTECTS_ANOTHER_CELL);
        // Borduria and Carpania did not consent and have hidden records: one row of two partners, < k.
        assertThat(hasRow(t, "partner", "Borduria")).isFalse();
        assertThat(hasRow(t, "partner", "Carpania")).isFalse();
        Row others = row(t, "partner_kind", "STATE", "partner", "Other partners (2)");
        assertThat(cell(t, others, "pledged_eur").suppressed()).isEqualTo(TOO_FEW_PARTNERS);
        // The states' total is Arland (known) plus those two: withheld for the same reason. Without the consent it
        // was published (3 partners) - consenting makes the rest smaller, never a partner easier to work out.
        Row states = row(t, "partner_kind", "STATE", "partner", RollupTable.TOTAL);
        assertThat(cell(t, states, "pledged_eur").suppressed()).isEqualTo(TOO_FEW_PARTNERS);
        // The grand total's restricted part: Borduria 2500, Carpania 300, Nexus 100, Xeno 750 pledged (68 %) and
        // 2500, 100, 0, 750 delivered (75 %): 4 partners, published.
        Row all = row(t, "partner_kind", RollupTable.TOTAL, "partner", RollupTable.TOTAL);
        assertThat((BigDecimal) value(t, all, "pledged_eur")).isEqualByComparingTo("5250");

        assertThat(report.publishedByConsent()).containsExactly(new ConsentingPartner(ARLAND, "Arland"));

        RollupTable byYear = table(report, "burden-sharing-by-year");
        // Arland 2022 is c5 alone, hidden from Unity: published by consent.
        assertThat((BigDecimal) value(byYear, row(byYear, "partner", "Arland", "pledged_year", "2022"), "pledged_eur"))
                .isEqualByComparingTo("400");
        // The states' other partners in 2023: Borduria's c2 alone, which Unity sees: published.
        assertThat((BigDecimal) value(byYear, row(byYear, "partner_kind", "STATE", "partner", "Other partners (1)",
                "pledged_year", "2023"), "pledged_eur")).isEqualByComparingTo("500");

        // Pledge fulfilment: May 2022 PERSONNEL is c5 alone.
        RollupTable months = table(report, "pledge-fulfilment");
        assertThat((BigDecimal) value(months, row(months, "month", "2022-05", "type", "PERSONNEL"), "pledged_eur"))
                .isEqualByComparingTo("400");
        assertThat(cell(table(coordinatorWithoutConsent(), "pledge-fulfilment"),
                row(table(coordinatorWithoutConsent(), "pledge-fulfilment"), "month", "2022-05", "type", "PERSONNEL"),
                "pledged_eur").suppressed()).isEqualTo(TOO_FEW_PARTNERS);
    }

    private AnalyticsReport coordinatorWithoutConsent() throws SQLException {
        return fixture.report(COORDINATOR, AnalyticsFilter.everything(), BurdenGuideline.none(),
                new ConsentOverride(ARLAND, false));
    }

    @Test
    void thePreviewIsTheReportAsItWouldBeWithTheConsentAndWithoutIt() throws SQLException {
        AnalyticsReport without = coordinator();
        AnalyticsReport preview = fixture.report(COORDINATOR, AnalyticsFilter.everything(), BurdenGuideline.none(),
                new ConsentOverride(ARLAND, true));
        assertThat(without.publishedByConsent()).isEmpty();
        assertThat(hasRow(table(without, "burden-sharing"), "partner", "Arland")).isFalse();

        consent(ARLAND, UNITY);
        AnalyticsReport with = coordinator();
        assertThat(preview.tables()).isEqualTo(with.tables());
        assertThat(preview.kpis()).isEqualTo(with.kpis());
        assertThat(preview.publishedByConsent()).isEqualTo(with.publishedByConsent()).isNotEmpty();

        // Withdrawing it in a preview gives the report without it, and the preview changed nothing for later runs.
        AnalyticsReport revoked = fixture.report(COORDINATOR, AnalyticsFilter.everything(), BurdenGuideline.none(),
                new ConsentOverride(ARLAND, false));
        assertThat(revoked.tables()).isEqualTo(without.tables());
        assertThat(revoked.publishedByConsent()).isEmpty();
        assertThat(coordinator().tables()).isEqualTo(with.tables());
    }

    @Test
    void aConsentToAnotherOrganizationChangesNothingForThisViewer() throws SQLException {
        AnalyticsReport before = coordinator();
        consent(ARLAND, BORDURIA);
        AnalyticsReport after = coordinator();
        assertThat(after.tables()).isEqualTo(before.tables());
        assertThat(after.publishedByConsent()).isEmpty();
    }

    @Test
    void theMemberViewKnowsNoConsent() throws SQLException {
        // Arland's own view shows what Arland may see; nothing is withheld or collapsed, consent or not.
        AnalyticsReport before = fixture.report(Viewer.organization(ARLAND), AnalyticsFilter.everything());
        consent(BORDURIA, ARLAND);
        consent(ARLAND, UNITY);
        AnalyticsReport after = fixture.report(Viewer.organization(ARLAND), AnalyticsFilter.everything());
        assertThat(after.tables()).isEqualTo(before.tables());
        assertThat(after.publishedByConsent()).isEmpty();
        assertThat(table(after, "burden-sharing").rows()).noneMatch(r -> RollupTable.isOtherPartners(r.cell(1).value()));
    }

    @Test
    void theViewersOwnOrganizationCountsAsConsenting() throws SQLException {
        // Borduria as a coordinator: its own c4 (W2, which it leads) and c2 are visible to it anyway; Arland (c5 on W2
        // is visible to Borduria, the lead; c1 too; c8 on W4 is ALL_PARTNERS but Borduria is no participant of W4) and
        // Carpania (c3 REL_TO Arland) collapse into the states' other partners.
        AnalyticsReport report = fixture.report(Viewer.federation(BORDURIA), AnalyticsFilter.everything());
        RollupTable t = table(report, "burden-sharing");
        assertThat((BigDecimal) value(t, row(t, "partner", "Borduria"), "pledged_eur")).isEqualByComparingTo("2500");
        Row others = row(t, "partner_kind", "STATE", "partner", "Other partners (2)");
        assertThat(cell(t, others, "pledged_eur").suppressed()).isEqualTo(TOO_FEW_PARTNERS);
        // The states' total is Borduria (its own, known) plus those two: 2 unknown partners, < k, although 3 partners
        // are behind it.
        assertThat(cell(t, row(t, "partner_kind", "STATE", "partner", RollupTable.TOTAL), "pledged_eur").suppressed())
                .isEqualTo(TOO_FEW_PARTNERS);
        assertThat(report.publishedByConsent()).as("its own figures are not published by consent").isEmpty();
    }

    @Test
    void everyWithheldBurdenFigureCarriesNoValue() throws SQLException {
        consent(ARLAND, UNITY);
        for (RollupTable table : List.of(table(coordinator(), "burden-sharing"),
                table(coordinator(), "burden-sharing-by-year"), table(coordinator(), "burden-ranking"))) {
            for (Row row : table.rows()) {
                for (Cell cell : row.cells()) {
                    if (cell.isSuppressed()) {
                        assertThat(cell.value()).isNull();
                    }
                }
            }
        }
    }
}
