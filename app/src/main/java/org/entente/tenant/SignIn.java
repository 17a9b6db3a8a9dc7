package org.entente.tenant;

import java.util.List;
import java.util.Set;
import java.util.UUID;

/** What a verified token says about the person signing in. */
public record SignIn(UUID memberId, String username, String displayName, String email, Set<String> roles,
        List<OrganizationRef> organizations) {

    public SignIn {
        roles = Set.copyOf(roles);
        organizations = List.copyOf(organizations);
    }
}
