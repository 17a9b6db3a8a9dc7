package org.entente.tenant.admin;

import java.time.OffsetDateTime;

/**
 * An e-mail invitation into the admin's organization that has not been accepted yet (Keycloak's organization
 * invitation).
 *
 * @param id      Keycloak's invitation id (resend gives a new one)
 * @param expired the link has expired: resend it, or cancel it
 */
public record PendingInvitation(String id, String email, String name, OffsetDateTime sentAt, OffsetDateTime expiresAt,
        boolean expired) {
}
