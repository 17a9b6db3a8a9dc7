package org.entente.tenant;

/** Only ACTIVE tenants' members may work in Entente; the others keep their data. */
public enum TenantStatus {
    ACTIVE, SUSPENDED, OFFBOARDED
}
