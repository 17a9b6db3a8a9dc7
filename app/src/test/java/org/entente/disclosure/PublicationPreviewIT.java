package org.entente.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.time.Duration;
import org.entente.analytics.AnalyticsService;
import org.entente.analytics.RefreshRunning;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.rollup.Cell;
import org.entente.analytics.engine.rollup.Column;
import org.entente.analytics.engine.rollup.RollupTable;
import org.entente.analytics.engine.rollup.Row;
import org.entente.analytics.engine.snapshot.SnapshotStore;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.platform.validation.NotAllowed;
import org.entente.tenant.TenantService;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Eventually;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * "What NATO ACT's coordinators will see of us" on the real snapshot: only Norway's own rows and the figures about
 * Norway alone, the same figures Norway's own view has of itself, and only for Norway's tenant administrators.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PublicationPreviewIT extends AppIntegrationTest {

    static final String NORWAY_NAME = "Kingdom of Norway";

    @Autowired
    TenantService tenants;
    @Autowired
    PublicationPreview previews;
    @Autowired
    AnalyticsService analytics;
    @Autowired
    SnapshotStore snapshots;

    SignedInUser lars;
    SignedInUser ingrid;
    SignedInUser olivia;

    @BeforeAll
    void signInAndTakeASnapshot() {
        lars = SignedInAs.user(tenants, UUID.fromString("0b000000-0000-4000-8000-000000000002"), "lars.haugen",
                "Lars Haugen", "lars.haugen@norway.demo.entente.org",
                Set.of(EntenteRealm.ROLE_MEMBER, EntenteRealm.ROLE_TENANT_ADMIN), "norway");
        ingrid = SignedInAs.user(tenants, UUID.fromString("0b000000-0000-4000-8000-000000000001"), "ingrid.solberg",
                "Ingrid Solberg", "ingrid.solberg@norway.demo.entente.org", Set.of(EntenteRealm.ROLE_MEMBER), "norway");
        olivia = SignedInAs.user(tenants, PublicationConsentIT.OLIVIA, "olivia.grant", "Olivia Grant",
                "olivia.grant@nato-act.demo.entente.org",
                Set.of(EntenteRealm.ROLE_MEMBER, EntenteRealm.ROLE_COORDINATOR), "nato-act");
        // A fresh data folder: the start-up refresh may be running already; otherwise ask for one.
        if (snapshots.current().isEmpty() && !analytics.refreshing()) {
            try {
                SignedInAs.run(olivia, analytics::refresh);
            } catch (RefreshRunning e) {
                // started meanwhile: its snapshot will do
            }
        }
        Eventually.value("an analytics snapshot", Duration.ofMinutes(3), () -> snapshots.current());
    }

    @Test
    void thePreviewHoldsOnlyTheOwnRowsAndTheFiguresAboutTheOwnOrganization() {
        PreviewFigures preview = SignedInAs.call(lars, () -> previews.of(PublicationConsentIT.NATO_ACT));
        assertThat(preview.granteeName()).isEqualTo("NATO Allied Command Transformation");
        assertThat(preview.ownName()).isEqualTo(NORWAY_NAME);
        assertThat(preview.snapshotTakenAt()).isEqualTo(snapshots.current().orElseThrow().takenAt());
        assertThat(preview.tables()).extracting(RollupTable::id).contains("burden-sharing", "burden-sharing-by-year");
        for (RollupTable table : preview.tables()) {
            assertThat(table.columns()).extracting(Column::id).as(table.id())
                    .isSubsetOf(PublicationPreview.OWN_FIGURES)
                    .doesNotContain("share_of_delivered", "fair_share", "burden_ratio", "guideline", "partners");
            int partner = table.columnIndex("partner");
            assertThat(table.rows()).as(table.id()).isNotEmpty()
                    .allSatisfy(row -> assertThat(row.cell(partner).value()).isEqualTo(NORWAY_NAME))
                    .noneMatch(Row::total);
        }
    }

    /** Needs the engine's consent rule: with the override, Norway's own cells are published, as Norway knows them. */
    @Test
    void thePreviewPublishesTheSameFiguresNorwaysOwnViewHasOfNorway() {
        PreviewFigures preview = SignedInAs.call(lars, () -> previews.of(PublicationConsentIT.NATO_ACT));
        AnalyticsReport own = SignedInAs.call(ingrid, () -> analytics.report(
                new AnalyticsFilter(null, null, null, "STATE", null))).orElseThrow();
        RollupTable ownView = PublicationPreview.ownRows(own.table("burden-sharing").orElseThrow(), NORWAY_NAME)
                .orElseThrow();
        RollupTable previewed = preview.tables().stream().filter(t -> t.id().equals("burden-sharing")).findFirst()
                .orElseThrow();
        for (String figure : List.of("pledged_eur", "delivered_eur")) {
            Cell seen = previewed.rows().getFirst().cell(previewed.columnIndex(figure));
            assertThat(seen.isSuppressed()).as(figure + " published by consent").isFalse();
            assertThat(seen.value()).as(figure)
                    .isEqualTo(ownView.rows().getFirst().cell(ownView.columnIndex(figure)).value());
        }
    }

    @Test
    void onlyTheOrganizationsTenantAdministratorsPreviewAndOnlyOrganizationsWithCoordinators() {
        assertThatThrownBy(() -> SignedInAs.call(ingrid, () -> previews.of(PublicationConsentIT.NATO_ACT)))
                .isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> SignedInAs.call(olivia, () -> previews.of(PublicationConsentIT.NATO_ACT)))
                .isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> SignedInAs.call(lars, () -> previews.of(PublicationConsentIT.KENYA)))
                .isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> SignedInAs.call(lars, () -> previews.of(PublicationConsentIT.NORWAY)))
                .isInstanceOf(NotAllowed.class);
    }
}
