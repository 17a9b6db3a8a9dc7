package org.entente.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.entente.analytics.BurdenGuidelines.TargetDraft;
import org.entente.db.embedded.LocalPostgres;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.tenant.TenantService;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.DemoActors;
import org.entente.testing.SuperuserDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A coordinator organization's burden guideline against the real PostgreSQL: set and read by its coordinators only,
 * kept as a fraction, invisible to every other organization. NATO ACT's demo guideline is put back after each test.
 */
class BurdenGuidelinesIT extends AppIntegrationTest {

    static final UUID OLIVIA_GRANT = UUID.fromString("0b000000-0000-4000-8000-000000000005");
    static final UUID INGRID_SOLBERG = UUID.fromString("0b000000-0000-4000-8000-000000000001");
    /**
     * A coordinator of Kenya who exists only in these tests (the token claims are the test's); not a 0b000000- id,
     * which DemoDataMatchesRealmIT keeps for the realm's demo people.
     */
    static final UUID KENYA_COORDINATOR = UUID.fromString("16c00000-0000-4000-8000-000000000001");
    /** A member of NATO ACT without the coordinator role, also only in these tests. */
    static final UUID NATO_MEMBER = UUID.fromString("16c00000-0000-4000-8000-000000000002");

    @Autowired
    BurdenGuidelines guidelines;
    @Autowired
    TenantService tenants;
    @Autowired
    LocalPostgres postgres;
    @Autowired
    DSLContext dsl;
    @Autowired
    PlatformTransactionManager transactionManager;

    SuperuserDatabase database;
    SignedInUser olivia;
    SignedInUser ingrid;
    SignedInUser kenyan;
    List<List<Object>> demoGuidelines;

    @BeforeEach
    void signIn() {
        database = new SuperuserDatabase(postgres);
        demoGuidelines = database.query("select tenant_id, year, target_intensity, set_by, set_at from burden_guideline");
        database.update("delete from burden_guideline");
        olivia = SignedInAs.user(tenants, OLIVIA_GRANT, "olivia.grant", "Olivia Grant",
                "olivia.grant@nato-act.demo.entente.org", Set.of("member", "coordinator"), "nato-act");
        ingrid = SignedInAs.user(tenants, INGRID_SOLBERG, "ingrid.solberg", "Ingrid Solberg",
                "ingrid.solberg@norway.demo.entente.org", Set.of("member"), "norway");
        kenyan = SignedInAs.user(tenants, KENYA_COORDINATOR, "test.kenya-coordinator", "Kenya Coordinator",
                "test.coordinator@kenya.demo.entente.org", Set.of("member", "coordinator"), "kenya");
    }

    @AfterEach
    void restoreDemoGuidelines() {
        database.update("delete from burden_guideline");
        for (List<Object> row : demoGuidelines) {
            database.update("insert into burden_guideline (tenant_id, year, target_intensity, set_by, set_at) "
                    + "values (?, ?, ?, ?, ?)", row.toArray());
        }
    }

    @Test
    void aCoordinatorSetsHerOrganizationsGuidelineAsAPercentOfCapacity() {
        SignedInAs.run(olivia, () -> guidelines.save(List.of(new TargetDraft(2025, "0.05"), new TargetDraft(2026, "0,06"))));

        assertThat(SignedInAs.call(olivia, guidelines::targets)).satisfiesExactly(
                t -> {
                    assertThat(t.year()).isEqualTo(2025);
                    assertThat(t.percentOfCapacity()).isEqualByComparingTo("0.05");
                    assertThat(t.setBy()).isEqualTo("Olivia Grant");
                },
                t -> assertThat(t.percentOfCapacity()).isEqualByComparingTo("0.06"));
        assertThat(database.query("select tenant_id, year, target_intensity from burden_guideline order by year"))
                .containsExactly(List.of(DemoActors.NATO.tenantId(), 2025, new BigDecimal("0.000500000")),
                        List.of(DemoActors.NATO.tenantId(), 2026, new BigDecimal("0.000600000")));
        assertThat(SignedInAs.call(olivia, guidelines::current).targetIntensityByYear())
                .isEqualTo(Map.of(2025, 0.0005, 2026, 0.0006));

        // Saving replaces the set: a year left out is removed.
        SignedInAs.run(olivia, () -> guidelines.save(List.of(new TargetDraft(2026, "0.07"))));
        assertThat(SignedInAs.call(olivia, guidelines::current).targetIntensityByYear()).isEqualTo(Map.of(2026, 0.0007));
        assertThat(database.query("select action from audit_event where tenant_id = ? and entity_type = "
                + "'burden_guideline' order by seq desc limit 1", DemoActors.NATO.tenantId()))
                .containsExactly(List.of("BURDEN_GUIDELINE_SET"));
    }

    @Test
    void anotherOrganizationNeitherSeesNorChangesIt() {
        SignedInAs.run(olivia, () -> guidelines.save(List.of(new TargetDraft(2025, "0.05"))));

        assertThat(SignedInAs.call(kenyan, guidelines::targets)).isEmpty();
        assertThat(SignedInAs.call(kenyan, guidelines::current).isEmpty()).isTrue();
        assertThat(new DemoActors(transactionManager).as(DemoActors.KENYA,
                () -> dsl.fetchCount(dsl.selectFrom(org.entente.db.jooq.Tables.BURDEN_GUIDELINE)))).isZero();

        SignedInAs.run(kenyan, () -> guidelines.save(List.of(new TargetDraft(2025, "1"))));
        assertThat(SignedInAs.call(olivia, guidelines::current).targetIntensityByYear()).isEqualTo(Map.of(2025, 0.0005));
        assertThat(SignedInAs.call(kenyan, guidelines::current).targetIntensityByYear()).isEqualTo(Map.of(2025, 0.01));
    }

    @Test
    void onlyCoordinatorsReadOrSetAGuideline() {
        SignedInAs.run(olivia, () -> guidelines.save(List.of(new TargetDraft(2025, "0.05"))));
        SignedInUser colleague = SignedInAs.user(tenants, NATO_MEMBER, "test.nato-member", "NATO Member",
                "test.member@nato-act.demo.entente.org", Set.of("member"), "nato-act");
        assertThat(SignedInAs.call(colleague, guidelines::current).isEmpty())
                .as("a member of the coordinators' organization who is not one of them").isTrue();
        assertThatThrownBy(() -> SignedInAs.run(colleague, guidelines::targets)).isInstanceOf(NotAllowed.class);
        database.update("delete from burden_guideline");

        assertThatThrownBy(() -> SignedInAs.run(ingrid, guidelines::targets)).isInstanceOf(NotAllowed.class)
                .hasMessage("Only coordinators set their organization's burden guideline.");
        assertThatThrownBy(() -> SignedInAs.run(ingrid, () -> guidelines.save(List.of(new TargetDraft(2025, "0.05")))))
                .isInstanceOf(NotAllowed.class);
        assertThatThrownBy(guidelines::targets).isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> guidelines.save(List.of())).isInstanceOf(NotAllowed.class);
        assertThat(database.query("select count(*) from burden_guideline")).containsExactly(List.of(0L));
    }

    @Test
    void aBadRowStoresNothingAndIsNamed() {
        assertThatThrownBy(() -> SignedInAs.run(olivia, () -> guidelines.save(List.of(new TargetDraft(2025, "0.05"),
                new TargetDraft(2026, "150")))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors())
                        .isEqualTo(Map.of("target-1", "A target is more than 0 % and at most 100 % of capacity.")));
        assertThat(database.query("select count(*) from burden_guideline")).containsExactly(List.of(0L));
    }
}
