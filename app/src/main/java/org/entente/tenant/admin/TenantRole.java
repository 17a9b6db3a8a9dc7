package org.entente.tenant.admin;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/** The roles a tenant admin may give within their own organization (Keycloak realm roles of the same name). */
public enum TenantRole {
    MEMBER("member"), TENANT_ADMIN("tenant-admin"), OBSERVER("observer");

    /** Every realm role Entente mirrors into member rows (the others are Keycloak's own). */
    static final Set<String> ENTENTE_REALM_ROLES = Set.of("member", "tenant-admin", "observer", "coordinator",
            "platform-admin");

    private final String roleName;

    TenantRole(String roleName) {
        this.roleName = roleName;
    }

    public String roleName() {
        return roleName;
    }

    static Set<String> names() {
        return Arrays.stream(values()).map(TenantRole::roleName).collect(Collectors.toSet());
    }
}
