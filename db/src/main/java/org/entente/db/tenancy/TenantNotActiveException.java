package org.entente.db.tenancy;

import java.util.UUID;

/** A signed-in member of a suspended or offboarded tenant tried to read or change something. */
public class TenantNotActiveException extends RuntimeException {

    private final UUID tenantId;
    private final String status;

    public TenantNotActiveException(UUID tenantId, String status) {
        super("The organization is " + (status == null ? "not available" : status.toLowerCase())
                + " in Entente: nothing can be read or changed for it.");
        this.tenantId = tenantId;
        this.status = status;
    }

    public UUID tenantId() {
        return tenantId;
    }

    public String status() {
        return status;
    }
}
