package org.entente.tenant.admin;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

/** A member of the administrator's own tenant, with the status the members screen shows. */
public record ManagedMember(UUID id, String username, String displayName, String email, List<String> roles,
        MemberStatus status, OffsetDateTime lastSeenAt) {
}
