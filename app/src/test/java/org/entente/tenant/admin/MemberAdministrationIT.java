package org.entente.tenant.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.tenant.admin.AdministrationTestSupport.AMINA_ODHIAMBO;
import static org.entente.tenant.admin.AdministrationTestSupport.INGRID_SOLBERG;
import static org.entente.tenant.admin.AdministrationTestSupport.LARS_HAUGEN;
import static org.entente.tenant.admin.AdministrationTestSupport.unique;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.entente.db.embedded.LocalPostgres;
import org.entente.platform.keycloak.KeycloakAdminClient;
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

/** A tenant admin manages their own organization's people, and nobody else's (service level). */
class MemberAdministrationIT extends AppIntegrationTest {

    static final UUID NORWAY_ORGANIZATION = AdministrationTestSupport.NORWAY;

    @Autowired
    MemberAdministration members;

    @Autowired
    TenantAdministration tenantAdministration;

    @Autowired
    TenantService tenants;

    @Autowired
    KeycloakAdminClient keycloak;

    @Autowired
    LocalPostgres postgres;

    SuperuserDatabase database;
    SignedInUser lars;

    @BeforeEach
    void signIn() {
        database = new SuperuserDatabase(postgres);
        lars = AdministrationTestSupport.larsHaugen(tenants);
    }

    @Test
    void aTenantAdminInvitesAPersonWhoMustSetAPasswordAtFirstSignIn() {
        String email = unique("new.officer") + "@norway.demo.entente.org";
        UUID id = SignedInAs.call(lars, () -> members.invite(new Invitation(email, "Nora", "Nilsen", TenantRole.OBSERVER)));

        var account = keycloak.user(id).orElseThrow();
        assertThat(account.requiredActions()).containsExactlyInAnyOrder("UPDATE_PASSWORD", "VERIFY_EMAIL");
        assertThat(keycloak.organizationsOf(id)).extracting(o -> o.alias()).containsExactly("norway");
        assertThat(keycloak.realmRolesOf(id)).contains("observer");
        assertThat(SignedInAs.call(lars, () -> members.members())).anySatisfy(m -> {
            assertThat(m.id()).isEqualTo(id);
            assertThat(m.status()).isEqualTo(MemberStatus.INVITED);
            assertThat(m.roles()).containsExactly("observer");
            assertThat(m.displayName()).isEqualTo("Nora Nilsen");
        });
        assertThat(database.query("select actor_id from audit_event where action = 'MEMBER_INVITED' and entity_id = ?",
                id.toString())).containsExactly(List.of(LARS_HAUGEN));

        assertThatThrownBy(() -> SignedInAs.run(lars, () -> members.invite(new Invitation(email, "Nora", "Nilsen",
                TenantRole.MEMBER)))).hasMessage(email + " is already a member of your organization.");
    }

    @Test
    void rolesAreGivenAndTakenAndTheMemberCanBeDisabledEnabledAndRemoved() {
        String email = unique("analyst") + "@norway.demo.entente.org";
        UUID id = SignedInAs.call(lars, () -> members.invite(new Invitation(email, "Ola", "Analyst", TenantRole.MEMBER)));

        SignedInAs.run(lars, () -> members.grantRole(id, TenantRole.TENANT_ADMIN));
        assertThat(keycloak.realmRolesOf(id)).contains("member", "tenant-admin");
        SignedInAs.run(lars, () -> members.revokeRole(id, TenantRole.TENANT_ADMIN));
        assertThat(keycloak.realmRolesOf(id)).contains("member").doesNotContain("tenant-admin");

        SignedInAs.run(lars, () -> members.disable(id));
        assertThat(keycloak.user(id).orElseThrow().enabled()).isFalse();
        assertThat(keycloak.user(id).orElseThrow().email()).as("the rest of the account is kept").isEqualTo(email);
        SignedInAs.run(lars, () -> members.enable(id));
        assertThat(keycloak.user(id).orElseThrow().enabled()).isTrue();

        SignedInAs.run(lars, () -> members.remove(id));
        assertThat(keycloak.organizationsOf(id)).isEmpty();
        assertThat(database.query("select status from member where id = ?", id)).containsExactly(List.of("REMOVED"));
    }

    @Test
    void theLastTenantAdminCannotBeRemovedDisabledOrLoseTheRole() {
        assertThatThrownBy(() -> SignedInAs.run(lars, () -> members.revokeRole(LARS_HAUGEN, TenantRole.TENANT_ADMIN)))
                .isInstanceOf(AdministrationException.class)
                .hasMessage("Lars Haugen is the last tenant admin of Kingdom of Norway. Make someone else tenant "
                        + "admin first. Nothing was changed.");
        assertThatThrownBy(() -> SignedInAs.run(lars, () -> members.remove(LARS_HAUGEN)))
                .hasMessageContaining("is the last tenant admin");
        assertThatThrownBy(() -> SignedInAs.run(lars, () -> members.disable(LARS_HAUGEN)))
                .hasMessageContaining("is the last tenant admin");
        assertThat(keycloak.realmRolesOf(LARS_HAUGEN)).contains("tenant-admin");
        assertThat(keycloak.user(LARS_HAUGEN).orElseThrow().enabled()).isTrue();
        assertThat(keycloak.organizationsOf(LARS_HAUGEN)).extracting(o -> o.alias()).containsExactly("norway");
    }

    @Test
    void theTenantAdminOfNorwayCannotListInviteIntoOrModifyKenya() {
        assertThat(SignedInAs.call(lars, () -> members.members())).extracting(ManagedMember::id)
                .contains(LARS_HAUGEN, INGRID_SOLBERG).doesNotContain(AMINA_ODHIAMBO);

        for (Runnable attempt : List.<Runnable>of(
                () -> members.grantRole(AMINA_ODHIAMBO, TenantRole.TENANT_ADMIN),
                () -> members.revokeRole(AMINA_ODHIAMBO, TenantRole.MEMBER),
                () -> members.disable(AMINA_ODHIAMBO),
                () -> members.remove(AMINA_ODHIAMBO))) {
            assertThatThrownBy(() -> SignedInAs.run(lars, attempt))
                    .isInstanceOf(AdministrationException.class)
                    .hasMessage("There is no such member in your organization.");
        }
        assertThatThrownBy(() -> SignedInAs.run(lars, () -> members.invite(new Invitation(
                "amina.odhiambo@kenya.demo.entente.org", "Amina", "Odhiambo", TenantRole.MEMBER))))
                .hasMessageContaining("Only addresses of your organization's domains");

        assertThat(keycloak.realmRolesOf(AMINA_ODHIAMBO)).containsExactly("member");
        assertThat(keycloak.user(AMINA_ODHIAMBO).orElseThrow().enabled()).isTrue();
        assertThat(keycloak.organizationsOf(AMINA_ODHIAMBO)).extracting(o -> o.alias()).containsExactly("kenya");
        assertThat(database.query("select roles::text, status from member where id = ?", AMINA_ODHIAMBO))
                .containsExactly(List.of("{member}", "ACTIVE"));
    }

    @Test
    void invitingAPersonWhoBelongsToAnotherTenantIsRefused() {
        // A tenant without domain restriction, so only the membership of the other tenant can stop it.
        SignedInUser pat = AdministrationTestSupport.patOps(tenants);
        String alias = unique("open-ngo");
        SignedInAs.call(pat, () -> tenantAdministration.create(new TenantDraft("Open NGO", alias, TenantKind.NGO,
                null, null, List.of())));
        UUID adminId = keycloak.createUser(unique("open-admin"), unique("admin") + "@open.example.org", "Open", "Admin", List.of());
        keycloak.addOrganizationMember(keycloak.organizationByAlias(alias).orElseThrow().id(), adminId);
        keycloak.addRealmRole(adminId, "tenant-admin");
        SignedInUser openAdmin = SignedInAs.user(tenants, adminId, "open-admin", "Open Admin", null,
                Set.of("member", "tenant-admin"), alias);

        assertThatThrownBy(() -> SignedInAs.run(openAdmin, () -> members.invite(new Invitation(
                "amina.odhiambo@kenya.demo.entente.org", "Amina", "Odhiambo", TenantRole.MEMBER))))
                .isInstanceOf(AdministrationException.class)
                .hasMessage("amina.odhiambo@kenya.demo.entente.org belongs to another organization and cannot be invited.");
        assertThat(keycloak.organizationsOf(AMINA_ODHIAMBO)).extracting(o -> o.alias()).containsExactly("kenya");

        // Suspension reaches the admin's next service call, not only their next navigation.
        SignedInAs.run(pat, () -> tenantAdministration.suspend(keycloak.organizationByAlias(alias).orElseThrow().id()));
        assertThatThrownBy(() -> SignedInAs.call(openAdmin, () -> members.members()))
                .hasMessage("Your organization is suspended or offboarded: nothing can be changed.");
    }

    @Test
    void aMemberWhoIsNotTenantAdminCannotAdministerAnything() {
        SignedInUser ingrid = SignedInAs.user(tenants, INGRID_SOLBERG, "ingrid.solberg", "Ingrid Solberg",
                "ingrid.solberg@norway.demo.entente.org", Set.of("member"), "norway");
        assertThatThrownBy(() -> SignedInAs.call(ingrid, () -> members.members())).isInstanceOf(AccessDeniedException.class);
        assertThatThrownBy(() -> SignedInAs.run(ingrid, () -> members.disable(LARS_HAUGEN)))
                .isInstanceOf(AccessDeniedException.class);
    }
}
