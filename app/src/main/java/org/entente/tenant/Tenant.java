package org.entente.tenant;

import java.util.UUID;

/** A partner organization; its alias is the Keycloak organization alias. */
public record Tenant(UUID id, String alias, String name, TenantKind kind, String region, TenantStatus status) {
}
