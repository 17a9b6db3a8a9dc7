package org.entente.db.tenancy;

import java.util.Objects;
import java.util.UUID;

/**
 * Who a transaction acts for: the tenant whose rows it may see, and the member acting.
 *
 * @param tenantId the tenant (Keycloak organization) whose data the transaction works on
 * @param memberId the acting member (token subject), or {@code null} for system work inside a tenant
 */
public record Actor(UUID tenantId, UUID memberId) {

    public Actor {
        Objects.requireNonNull(tenantId, "tenantId");
    }

    /** System work inside a tenant, e.g. a background job: no acting member. */
    public static Actor system(UUID tenantId) {
        return new Actor(tenantId, null);
    }
}
