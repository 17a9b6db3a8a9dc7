package org.entente.tenant;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A person of a tenant, mirrored from Keycloak at sign-in; id is the token subject. */
public record Member(UUID tenantId, UUID id, String username, String displayName, String email,
        List<String> roles, OffsetDateTime lastSeenAt) {
}
