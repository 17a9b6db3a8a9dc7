package org.entente.security;

import java.util.Set;
import java.util.UUID;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.TenantService;

/**
 * The people the isolation matrices act as, all of them demo users of the realm (the same usernames sign in through
 * Keycloak in the browser sample). The owning tenant is Norway; what each persona's tenant is to Norway's workstream
 * is set up by the test that uses them (Kenya invited, Relief withdrawn, Delft suspended).
 */
enum Persona {

    /** A member of the tenant that owns the workstream. */
    OWNER_MEMBER("0b000000-0000-4000-8000-000000000001", "ingrid.solberg", "Ingrid Solberg", "norway",
            "0a000000-0000-4000-8000-000000000001", "member"),
    /** A member of a tenant that takes no part. */
    OTHER_TENANT("0b000000-0000-4000-8000-000000000010", "mei.chen", "Mei Chen", "northwind",
            "0a000000-0000-4000-8000-000000000008", "member"),
    /** A member of a tenant invited to the workstream that has not accepted. */
    INVITED("0b000000-0000-4000-8000-000000000003", "amina.odhiambo", "Amina Odhiambo", "kenya",
            "0a000000-0000-4000-8000-000000000002", "member"),
    /** A member of a tenant that took part and withdrew. */
    WITHDRAWN("0b000000-0000-4000-8000-000000000008", "sara.lindqvist", "Sara Lindqvist", "relief-coalition",
            "0a000000-0000-4000-8000-000000000006", "member"),
    /** A member of a tenant that took part and is now suspended. */
    SUSPENDED_TENANT("0b000000-0000-4000-8000-000000000011", "pieter.devries", "Pieter de Vries", "delft-defence-lab",
            "0a000000-0000-4000-8000-000000000009", "member"),
    /** Signed in, but the token names no organization. */
    NO_ORGANIZATION("0b000000-0000-4000-8000-000000000013", "guest.unaffiliated", "Guest Unaffiliated", null, null,
            "member"),
    /** The owning tenant's administrator. */
    TENANT_ADMIN("0b000000-0000-4000-8000-000000000002", "lars.haugen", "Lars Haugen", "norway",
            "0a000000-0000-4000-8000-000000000001", "member", EntenteRealm.ROLE_TENANT_ADMIN),
    /** A coordinator of a tenant that takes no part (NATO ACT). */
    COORDINATOR("0b000000-0000-4000-8000-000000000005", "olivia.grant", "Olivia Grant", "nato-act",
            "0a000000-0000-4000-8000-000000000003", "member", EntenteRealm.ROLE_COORDINATOR),
    /** The platform operator: no organization, role platform-admin. */
    PLATFORM_ADMIN("0b000000-0000-4000-8000-000000000012", "pat.ops", "Pat Ops", null, null,
            EntenteRealm.ROLE_PLATFORM_ADMIN);

    final UUID memberId;
    final String username;
    final String displayName;
    final String organization;
    final UUID tenantId;
    final Set<String> roles;

    Persona(String memberId, String username, String displayName, String organization, String tenantId,
            String... roles) {
        this.memberId = UUID.fromString(memberId);
        this.username = username;
        this.displayName = displayName;
        this.organization = organization;
        this.tenantId = tenantId == null ? null : UUID.fromString(tenantId);
        this.roles = Set.of(roles);
    }

    /** Signed in as the app signs in a verified token with exactly the realm's roles and organization. */
    SignedInUser signIn(TenantService tenants) {
        return signIn(tenants, roles);
    }

    SignedInUser signIn(TenantService tenants, Set<String> withRoles) {
        String email = username + "@" + (organization == null ? "" : organization + ".") + "demo.entente.org";
        return SignedInAs.user(tenants, memberId, username, displayName, email, withRoles, organization);
    }
}
