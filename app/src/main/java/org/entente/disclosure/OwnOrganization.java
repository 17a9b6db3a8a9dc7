package org.entente.disclosure;

import java.util.UUID;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.security.CurrentUser;
import org.entente.platform.security.SignedInUser;
import org.entente.platform.validation.NotAllowed;
import org.entente.tenant.Affiliation;
import org.springframework.stereotype.Component;

/**
 * The organization a consent decision is about: always the signed-in person's own, from the verified token, never a
 * parameter. Reading its consent is for every member; changing it (and previewing it) for its tenant administrators
 * (realm role {@code tenant-admin}) only.
 */
@Component
class OwnOrganization {

    /** Who acts, for which organization, and whether they may change what it publishes. */
    record Acting(UUID tenantId, UUID memberId, String displayName, boolean tenantAdmin) {
    }

    private final CurrentUser currentUser;

    OwnOrganization(CurrentUser currentUser) {
        this.currentUser = currentUser;
    }

    Acting require() {
        SignedInUser user = currentUser.get()
                .orElseThrow(() -> new NotAllowed("disclosure.error.signIn"));
        if (!(user.affiliation() instanceof Affiliation.Affiliated affiliated)) {
            throw new NotAllowed("disclosure.error.noOrganization");
        }
        String name = user.displayName() == null || user.displayName().isBlank() ? user.memberId().toString()
                : user.displayName().strip();
        // The history keeps at most 200 characters of a name (whole characters, not halves of an emoji).
        if (name.codePointCount(0, name.length()) > 200) {
            name = name.substring(0, name.offsetByCodePoints(0, 200));
        }
        return new Acting(affiliated.tenantId(), user.memberId(), name,
                user.roles().contains(EntenteRealm.ROLE_TENANT_ADMIN));
    }

    Acting requireTenantAdmin() {
        Acting acting = require();
        if (!acting.tenantAdmin()) {
            throw new NotAllowed("disclosure.error.notTenantAdmin");
        }
        return acting;
    }
}
