package org.entente.api.clients;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An organization's API client as its administrators see it (never its secret: Keycloak keeps that). */
public record ApiClient(UUID id, String clientId, String displayName, OffsetDateTime createdAt,
        OffsetDateTime rotatedAt, OffsetDateTime revokedAt) {

    public boolean revoked() {
        return revokedAt != null;
    }
}
