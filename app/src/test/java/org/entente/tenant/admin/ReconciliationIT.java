package org.entente.tenant.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.tenant.admin.AdministrationTestSupport.unique;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.db.embedded.LocalPostgres;
import org.entente.platform.keycloak.KeycloakAdminClient;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.TenantKind;
import org.entente.tenant.TenantService;
import org.entente.tenant.admin.Reconciliation.Drift;
import org.entente.tenant.admin.Reconciliation.DriftKind;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.SuperuserDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Drift made on purpose through Keycloak's admin API is found and repaired, and then there is none. */
class ReconciliationIT extends AppIntegrationTest {

    @Autowired
    Reconciliation reconciliation;

    @Autowired
    TenantAdministration administration;

    @Autowired
    MemberAdministration members;

    @Autowired
    TenantService tenants;

    @Autowired
    KeycloakAdminClient keycloak;

    @Autowired
    LocalPostgres postgres;

    @Test
    void driftCreatedThroughKeycloaksAdminApiIsRepaired() {
        SuperuserDatabase database = new SuperuserDatabase(postgres);
        SignedInUser pat = AdministrationTestSupport.patOps(tenants);
        String alias = unique("drifting");
        UUID tenantId = SignedInAs.call(pat, () -> administration.create(new TenantDraft("Drifting Partner", alias,
                TenantKind.NGO, "Sahel", null, List.of())));
        // Behind Entente's back: a person added to the organization, another one disabled and made tenant admin,
        // and a whole organization created directly in Keycloak.
        UUID added = keycloak.createUser(unique("added"), unique("added") + "@drift.example.org", "Added", "Behind", List.of());
        keycloak.addRealmRole(added, "member");
        keycloak.addOrganizationMember(tenantId, added);
        UUID changed = keycloak.createUser(unique("changed"), unique("changed") + "@drift.example.org", "Changed", "Behind", List.of());
        keycloak.addOrganizationMember(tenantId, changed);
        tenants.signIn(new org.entente.tenant.SignIn(changed, "changed", "Changed Behind", null, java.util.Set.of("member"),
                List.of(new org.entente.tenant.OrganizationRef(alias, Map.of()))));
        keycloak.addRealmRole(changed, "member");
        keycloak.setUserEnabled(changed, false);
        keycloak.addRealmRole(changed, "tenant-admin");
        String otherAlias = unique("kc-only");
        UUID organizationOnly = keycloak.createOrganization("Keycloak Only " + otherAlias, otherAlias, null, List.of(),
                Map.of("kind", List.of("ACADEMIA"), "region", List.of("Nordics")));
        // And a member row whose person left the organization in Keycloak.
        UUID leaver = keycloak.createUser(unique("leaver"), unique("leaver") + "@drift.example.org", "Lea", "Ver", List.of());
        keycloak.addOrganizationMember(tenantId, leaver);
        tenants.signIn(new org.entente.tenant.SignIn(leaver, "leaver", "Lea Ver", null, java.util.Set.of("member"),
                List.of(new org.entente.tenant.OrganizationRef(alias, Map.of()))));
        keycloak.removeOrganizationMember(tenantId, leaver);

        Reconciliation.Report report = SignedInAs.call(pat, () -> reconciliation.reconcileNow());

        assertThat(report.drifts()).filteredOn(d -> d.tenantAlias().equals(alias) || d.tenantAlias().equals(otherAlias))
                .extracting(Drift::kind, Drift::repaired)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple(DriftKind.MEMBER_MISSING, true),
                        org.assertj.core.groups.Tuple.tuple(DriftKind.MEMBER_ROLES, true),
                        org.assertj.core.groups.Tuple.tuple(DriftKind.MEMBER_STATUS, true),
                        org.assertj.core.groups.Tuple.tuple(DriftKind.MEMBER_NOT_IN_ORGANIZATION, true),
                        org.assertj.core.groups.Tuple.tuple(DriftKind.ORGANIZATION_WITHOUT_TENANT, true));
        assertThat(database.query("select status, roles::text from member where id = ?", added))
                .containsExactly(List.of("ACTIVE", "{member}"));
        assertThat(database.query("select status, roles::text from member where id = ?", changed))
                .containsExactly(List.of("DISABLED", "{member,tenant-admin}"));
        assertThat(database.query("select status from member where id = ?", leaver)).containsExactly(List.of("REMOVED"));
        assertThat(database.query("select id, kind, region, status from tenant where alias = ?", otherAlias))
                .containsExactly(List.of(organizationOnly, "ACADEMIA", "Nordics", "ACTIVE"));
        assertThat(database.query("select count(*) from audit_event where tenant_id = ? and action = 'RECONCILED'", tenantId)
                .getFirst().getFirst()).isEqualTo(4L);

        Reconciliation.Report again = SignedInAs.call(pat, () -> reconciliation.reconcileNow());
        assertThat(again.drifts()).filteredOn(d -> d.tenantAlias().equals(alias) || d.tenantAlias().equals(otherAlias))
                .isEmpty();
    }

    @Test
    void aTenantWhoseOrganizationIsGoneIsReportedNotGuessed() {
        SuperuserDatabase database = new SuperuserDatabase(postgres);
        SignedInUser pat = AdministrationTestSupport.patOps(tenants);
        String alias = unique("vanished");
        UUID tenantId = SignedInAs.call(pat, () -> administration.create(new TenantDraft("Vanished", alias,
                TenantKind.CORPORATION, null, null, List.of())));
        keycloak.deleteOrganization(tenantId);

        Reconciliation.Report report = SignedInAs.call(pat, () -> reconciliation.reconcileNow());

        assertThat(report.drifts()).filteredOn(d -> d.tenantAlias().equals(alias)).singleElement()
                .satisfies(d -> {
                    assertThat(d.kind()).isEqualTo(DriftKind.TENANT_WITHOUT_ORGANIZATION);
                    assertThat(d.repaired()).isFalse();
                });
        assertThat(database.query("select status from tenant where id = ?", tenantId)).containsExactly(List.of("ACTIVE"));
    }
}
