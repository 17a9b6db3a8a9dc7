package org.entente.tenant.admin;

import java.util.Set;
import java.util.UUID;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.TenantService;

/** The demo people the administration tests act as. */
final class AdministrationTestSupport {

    static final UUID PAT_OPS = UUID.fromString("0b000000-0000-4000-8000-000000000012");
    static final UUID LARS_HAUGEN = UUID.fromString("0b000000-0000-4000-8000-000000000002");
    static final UUID INGRID_SOLBERG = UUID.fromString("0b000000-0000-4000-8000-000000000001");
    static final UUID AMINA_ODHIAMBO = UUID.fromString("0b000000-0000-4000-8000-000000000003");
    static final UUID NORWAY = UUID.fromString("0a000000-0000-4000-8000-000000000001");
    static final UUID KENYA = UUID.fromString("0a000000-0000-4000-8000-000000000002");

    private AdministrationTestSupport() {
    }

    static SignedInUser patOps(TenantService tenants) {
        return SignedInAs.user(tenants, PAT_OPS, "pat.ops", "Pat Ops", "pat.ops@demo.entente.org",
                Set.of("platform-admin"), null);
    }

    static SignedInUser larsHaugen(TenantService tenants) {
        return SignedInAs.user(tenants, LARS_HAUGEN, "lars.haugen", "Lars Haugen",
                "lars.haugen@norway.demo.entente.org", Set.of("member", "tenant-admin"), "norway");
    }

    static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
