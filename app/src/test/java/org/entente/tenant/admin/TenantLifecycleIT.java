package org.entente.tenant.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.tenant.admin.AdministrationTestSupport.unique;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.entente.db.embedded.LocalPostgres;
import org.entente.platform.keycloak.KeycloakAdminClient;
import org.entente.platform.keycloak.KeycloakAdminClient.Organization;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.TenantKind;
import org.entente.tenant.TenantService;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.SuperuserDatabase;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.security.access.AccessDeniedException;

/** The platform administrator's tenant lifecycle against the real Keycloak and PostgreSQL. */
class TenantLifecycleIT extends AppIntegrationTest {

    @Autowired
    TenantAdministration administration;

    @Autowired
    TenantService tenants;

    @Autowired
    KeycloakAdminClient keycloak;

    @Autowired
    LocalPostgres postgres;

    SuperuserDatabase database;
    SignedInUser pat;

    @BeforeEach
    void signIn() {
        database = new SuperuserDatabase(postgres);
        pat = AdministrationTestSupport.patOps(tenants);
    }

    @Test
    void createSuspendReactivateAndOffboardATenantEndToEnd() {
        String alias = unique("coast-guard");
        TenantDraft draft = new TenantDraft("Coast Guard " + alias, alias, TenantKind.STATE, "Baltic",
                new BigDecimal("3.5"), List.of(alias + ".example.org", " " + alias.toUpperCase() + ".EXAMPLE.ORG "));

        UUID id = SignedInAs.call(pat, () -> administration.create(draft));

        Organization organization = keycloak.organization(id).orElseThrow();
        assertThat(organization.alias()).isEqualTo(alias);
        assertThat(organization.domainNames()).containsExactly(alias + ".example.org");
        assertThat(organization.attribute("kind")).isEqualTo("STATE");
        assertThat(database.query("select alias, kind, status, capacity_index from tenant where id = ?", id))
                .containsExactly(List.of(alias, "STATE", "ACTIVE", new BigDecimal("3.50")));
        assertThat(SignedInAs.call(pat, () -> administration.tenants())).anySatisfy(t -> {
            assertThat(t.id()).isEqualTo(id);
            assertThat(t.memberCount()).isZero();
            assertThat(t.lastActivityAt()).isNotNull();
        });

        SignedInAs.run(pat, () -> administration.suspend(id));
        assertThat(status(id)).isEqualTo("SUSPENDED");
        assertThatThrownBy(() -> SignedInAs.run(pat, () -> administration.suspend(id)))
                .isInstanceOf(AdministrationException.class)
                .hasMessage("Coast Guard " + alias + " cannot be suspended: it is suspended. Nothing was changed.");
        SignedInAs.run(pat, () -> administration.reactivate(id));
        assertThat(status(id)).isEqualTo("ACTIVE");

        // Two people in the organization: one who signed in, one whose invitation is still open.
        UUID active = keycloak.createUser(unique("active"), unique("a") + "@" + alias + ".example.org", "Ann", "Active", List.of());
        keycloak.addOrganizationMember(id, active);
        tenants.signIn(new org.entente.tenant.SignIn(active, "active-" + alias, "Ann Active", null,
                java.util.Set.of("member"), List.of(new org.entente.tenant.OrganizationRef(alias, java.util.Map.of()))));
        UUID invited = keycloak.createUser(unique("invited"), unique("i") + "@" + alias + ".example.org", "Ivy", "Invited",
                List.of("UPDATE_PASSWORD"));
        keycloak.addOrganizationMember(id, invited);

        SignedInAs.run(pat, () -> administration.offboard(id));

        assertThat(status(id)).isEqualTo("OFFBOARDED");
        assertThat(keycloak.organizationMembers(id)).isEmpty();
        assertThat(keycloak.organization(id).orElseThrow().enabled()).isFalse();
        assertThat(keycloak.user(active)).as("a member's account stays, without the organization").isPresent();
        assertThat(keycloak.user(invited)).as("an open invitation is cancelled").isEmpty();
        assertThat(database.query("select status from member where tenant_id = ?", id)).containsExactly(List.of("REMOVED"));
        assertThat(database.query("select action, actor_id from audit_event where tenant_id = ? and entity_type = 'tenant' order by id", id))
                .containsExactly(List.of("TENANT_CREATED", AdministrationTestSupport.PAT_OPS),
                        List.of("TENANT_SUSPENDED", AdministrationTestSupport.PAT_OPS),
                        List.of("TENANT_ACTIVE", AdministrationTestSupport.PAT_OPS),
                        List.of("TENANT_OFFBOARDED", AdministrationTestSupport.PAT_OPS));
        assertThatThrownBy(() -> SignedInAs.run(pat, () -> administration.offboard(id)))
                .hasMessageContaining("cannot be offboarded: it is offboarded already");
    }

    @Test
    void editingChangesKeycloakAndTheTenantRowTogether() {
        String alias = unique("edit-me");
        UUID id = SignedInAs.call(pat, () -> administration.create(new TenantDraft("Before", alias, TenantKind.NGO,
                null, null, List.of())));

        SignedInAs.run(pat, () -> administration.update(id, new TenantDraft("After", "ignored", TenantKind.ACADEMIA,
                "Europe", BigDecimal.ONE, List.of(alias + ".example.net"))));

        Organization organization = keycloak.organization(id).orElseThrow();
        assertThat(organization.name()).isEqualTo("After");
        assertThat(organization.alias()).isEqualTo(alias);
        assertThat(organization.domainNames()).containsExactly(alias + ".example.net");
        assertThat(organization.attribute("kind")).isEqualTo("ACADEMIA");
        assertThat(database.query("select name, kind, region from tenant where id = ?", id))
                .containsExactly(List.of("After", "ACADEMIA", "Europe"));
    }

    @Test
    void badInputGetsAClearMessageAndChangesNothing() {
        int organizations = keycloak.organizations().size();
        long tenantRows = (Long) database.query("select count(*) from tenant").getFirst().getFirst();

        assertThatThrownBy(() -> SignedInAs.run(pat, () -> administration.create(new TenantDraft("Another Norway",
                "norway", TenantKind.STATE, null, null, List.of()))))
                .isInstanceOf(AdministrationException.class)
                .hasMessage("The alias \"norway\" is already used by another tenant.");
        assertThatThrownBy(() -> SignedInAs.run(pat, () -> administration.create(new TenantDraft("Bad Domain",
                unique("bad-domain"), TenantKind.NGO, null, null, List.of("not a domain")))))
                .hasMessage("\"not a domain\" is not a valid email domain (for example partner.example.org).");
        assertThatThrownBy(() -> SignedInAs.run(pat, () -> administration.create(new TenantDraft("Bad Alias",
                "Bad Alias!", TenantKind.NGO, null, null, List.of()))))
                .hasMessageStartingWith("The alias \"Bad Alias!\" is not valid");
        // Another organization's email domain: Keycloak refuses, Entente says so.
        assertThatThrownBy(() -> SignedInAs.run(pat, () -> administration.create(new TenantDraft("Domain Thief",
                unique("domain-thief"), TenantKind.NGO, null, null, List.of("norway.demo.entente.org")))))
                .hasMessageContaining("Nothing was created");

        assertThat(keycloak.organizations()).hasSize(organizations);
        assertThat(database.query("select count(*) from tenant").getFirst().getFirst()).isEqualTo(tenantRows);
    }

    @Test
    void whenTheDatabaseStepFailsTheNewOrganizationIsRemovedFromKeycloak() {
        String alias = unique("too-big");
        // capacity_index is numeric(8, 2): Keycloak accepts the organization, PostgreSQL refuses the row.
        assertThatThrownBy(() -> SignedInAs.run(pat, () -> administration.create(new TenantDraft("Too Big", alias,
                TenantKind.CORPORATION, null, new BigDecimal("123456789"), List.of()))))
                .isInstanceOf(AdministrationException.class)
                .hasMessageContaining("The tenant could not be stored")
                .hasMessageContaining("Keycloak was left as it was before.");
        assertThat(keycloak.organizationByAlias(alias)).isEmpty();
        assertThat(database.query("select 1 from tenant where alias = ?", alias)).isEmpty();
    }

    @Test
    void onlyPlatformAdministratorsManageTenants() {
        SignedInUser lars = AdministrationTestSupport.larsHaugen(tenants);
        assertThatThrownBy(() -> SignedInAs.call(lars, () -> administration.tenants()))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SignedInAs.run(lars, () -> administration.suspend(AdministrationTestSupport.KENYA)))
                .isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> administration.tenants()).as("nobody signed in").isInstanceOf(AccessDeniedException.class);
        assertThat(status(AdministrationTestSupport.KENYA)).isEqualTo("ACTIVE");
    }

    private String status(UUID id) {
        return (String) database.query("select status from tenant where id = ?", id).getFirst().getFirst();
    }

}
