package org.entente.disclosure;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.entente.tenant.TenantKind;

/**
 * An organization the signed-in person's organization can publish to, or does.
 *
 * @param hasCoordinators false for an organization granted earlier that has no coordinator any more: its grant can be
 *                        revoked, but no new one made
 * @param grantedAt       since when it is granted; null when it is not
 * @param grantedBy       who granted it; null when it is not
 */
public record Recipient(UUID id, String alias, String name, TenantKind kind, boolean hasCoordinators,
        OffsetDateTime grantedAt, String grantedBy) {

    public boolean granted() {
        return grantedAt != null;
    }
}
