package org.entente.tenant.admin;

/** A person a tenant admin invites into their own organization, with the role they start with. */
public record Invitation(String email, String firstName, String lastName, TenantRole role) {
}
