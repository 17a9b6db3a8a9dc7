package org.entente.tenant.admin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.tenant.admin.AdministrationTestSupport.unique;

import java.io.IOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.UUID;
import org.entente.db.embedded.LocalPostgres;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.keycloak.KeycloakAdminClient;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.TenantKind;
import org.entente.tenant.TenantService;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.SuperuserDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Keycloak unreachable during a tenant operation: the administrator gets a clear message, and neither the real
 * Keycloak nor PostgreSQL changed. The services under test talk to a closed port; the shared Keycloak stays up.
 * With the real Keycloak stopped (create, update, offboard, invite, in the browser and the services):
 * {@code org.entente.platform.security.KeycloakOutageIT}.
 */
class KeycloakUnavailableIT extends AppIntegrationTest {

    @Autowired
    DSLContext dsl;

    @Autowired
    PlatformTransactionManager transactionManager;

    @Autowired
    Administrators administrators;

    @Autowired
    TenantAdministration workingAdministration;

    @Autowired
    TenantService tenants;

    @Autowired
    KeycloakAdminClient keycloak;

    @Autowired
    LocalPostgres postgres;

    @Test
    void creatingAndOffboardingFailClearlyAndChangeNothing() throws IOException {
        SuperuserDatabase database = new SuperuserDatabase(postgres);
        SignedInUser pat = AdministrationTestSupport.patOps(tenants);
        TenantAdministration cutOff = new TenantAdministration(dsl, transactionManager, administrators,
                new KeycloakAdminClient("http://localhost:" + closedPort() + "/realms/entente",
                        EntenteRealm.ADMIN_API_CLIENT_ID, EntenteRealm.ADMIN_API_CLIENT_SECRET));

        String alias = unique("unreachable");
        assertThatThrownBy(() -> SignedInAs.call(pat, () -> cutOff.create(new TenantDraft("Unreachable", alias,
                TenantKind.NGO, null, null, List.of()))))
                .isInstanceOf(AdministrationException.class)
                .hasMessageStartingWith("Keycloak is not reachable at http://localhost:")
                .hasMessageContaining("Nothing was changed");
        assertThat(keycloak.organizationByAlias(alias)).isEmpty();
        assertThat(database.query("select 1 from tenant where alias = ?", alias)).isEmpty();

        String existing = unique("stays");
        UUID id = SignedInAs.call(pat, () -> workingAdministration.create(new TenantDraft("Stays", existing,
                TenantKind.NGO, null, null, List.of())));
        assertThatThrownBy(() -> SignedInAs.run(pat, () -> cutOff.offboard(id)))
                .isInstanceOf(AdministrationException.class)
                .hasMessageContaining("Offboarding of Stays stopped: Keycloak is not reachable")
                .hasMessageContaining("The tenant is unchanged in Entente");
        assertThat(database.query("select status from tenant where id = ?", id)).containsExactly(List.of("ACTIVE"));
        assertThat(keycloak.organization(id).orElseThrow().enabled()).isTrue();
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
