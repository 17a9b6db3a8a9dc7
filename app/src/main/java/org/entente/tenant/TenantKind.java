package org.entente.tenant;

/** What kind of partner organization a tenant is; people read it as {@code enum.TenantKind.<CONSTANT>}. */
public enum TenantKind {
    STATE,
    ALLIANCE,
    IGO,
    NGO,
    PRIVATE_SECURITY,
    CORPORATION,
    ACADEMIA
}
