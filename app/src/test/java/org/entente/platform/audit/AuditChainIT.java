package org.entente.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.entente.db.embedded.LocalPostgres;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.platform.validation.NotAllowed;
import org.entente.tenant.TenantService;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.SuperuserDatabase;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The app's tamper check over the real audit trail: a tenant administrator's own chain, the platform
 * administrator's whole federation, and an entry changed in the database behind the app's back.
 */
class AuditChainIT extends AppIntegrationTest {

    private static final UUID NORWAY = UUID.fromString("0a000000-0000-4000-8000-000000000001");

    @Autowired
    AuditChain chain;

    @Autowired
    TenantService tenants;

    @Autowired
    LocalPostgres postgres;

    @Test
    void aChangedEntryIsReportedToTheTenantAdminAndThePlatformAdmin() {
        SuperuserDatabase database = new SuperuserDatabase(postgres);
        SignedInUser lars = SignedInAs.user(tenants, UUID.fromString("0b000000-0000-4000-8000-000000000002"),
                "lars.haugen", "Lars Haugen", "lars.haugen@norway.demo.entente.org", Set.of("member", "tenant-admin"),
                "norway");
        SignedInUser pat = SignedInAs.user(tenants, UUID.fromString("0b000000-0000-4000-8000-000000000012"), "pat.ops",
                "Pat Ops", "pat.ops@demo.entente.org", Set.of("platform-admin"), null);
        database.update("insert into audit_event (tenant_id, action, entity_type, entity_id) "
                + "values (?, 'chain-check', 'test', 'it')", NORWAY);

        AuditChain.Status before = SignedInAs.call(lars, chain::ofOwnOrganization);
        assertThat(before.intact()).isTrue();
        assertThat(before.events()).isPositive();
        assertThat(SignedInAs.call(pat, chain::federation)).isEmpty();

        long position = ((Number) database.query("select max(seq) from audit_event where tenant_id = ?", NORWAY)
                .getFirst().getFirst()).longValue();
        tamper(database, "update audit_event set action = 'nothing-happened' where tenant_id = ? and seq = ?", position);
        try {
            AuditChain.Status after = SignedInAs.call(lars, chain::ofOwnOrganization);
            assertThat(after.intact()).isFalse();
            assertThat(after.firstBreak().orElseThrow().position()).isEqualTo(position);
            assertThat(after.firstBreak().orElseThrow().problem()).isEqualTo("changed after it was recorded");
            // Another organization's tenant administrator is told about its own chain only.
            SignedInUser kenyaAdmin = SignedInAs.user(tenants, UUID.fromString("0b000000-0000-4000-8000-000000000003"),
                    "amina.odhiambo", "Amina Odhiambo", "amina.odhiambo@kenya.demo.entente.org",
                    Set.of("member", "tenant-admin"), "kenya");
            assertThat(SignedInAs.call(kenyaAdmin, chain::ofOwnOrganization).intact()).isTrue();
            // Her real roles again (sign-in keeps the member row's roles as the token says).
            SignedInAs.user(tenants, kenyaAdmin.memberId(), "amina.odhiambo", "Amina Odhiambo",
                    "amina.odhiambo@kenya.demo.entente.org", Set.of("member"), "kenya");
            List<AuditChain.Break> federation = SignedInAs.call(pat, chain::federation);
            assertThat(federation).extracting(AuditChain.Break::tenantId).containsExactly(NORWAY);
        } finally {
            // Put the entry back as it was: the hash matches again and the chain is whole for the other tests.
            tamper(database, "update audit_event set action = 'chain-check' where tenant_id = ? and seq = ?", position);
        }
        assertThat(SignedInAs.call(pat, chain::federation)).isEmpty();
    }

    @Test
    void onlyAdministratorsMayCheck() {
        SignedInUser ingrid = SignedInAs.user(tenants, UUID.fromString("0b000000-0000-4000-8000-000000000001"),
                "ingrid.solberg", "Ingrid Solberg", "ingrid.solberg@norway.demo.entente.org", Set.of("member"), "norway");
        assertThatThrownBy(() -> SignedInAs.call(ingrid, chain::ofOwnOrganization)).isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> SignedInAs.call(ingrid, chain::federation)).isInstanceOf(NotAllowed.class);
    }

    private static void tamper(SuperuserDatabase database, String change, long position) {
        database.update("alter table audit_event disable trigger audit_event_append_only");
        try {
            assertThat(database.update(change, NORWAY, position)).isOne();
        } finally {
            database.update("alter table audit_event enable trigger audit_event_append_only");
        }
    }
}
