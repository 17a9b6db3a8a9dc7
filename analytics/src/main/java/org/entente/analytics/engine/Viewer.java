package org.entente.analytics.engine;

import java.util.Objects;
import java.util.UUID;

/**
 * Who looks at the figures: a tenant, and whether it looks at the whole federation (a coordinator, under
 * disclosure control) or at what its own organization may see (every member; nothing to suppress).
 */
public record Viewer(UUID tenantId, boolean federation) {

    public Viewer {
        Objects.requireNonNull(tenantId, "tenantId");
    }

    public static Viewer federation(UUID coordinatorTenant) {
        return new Viewer(coordinatorTenant, true);
    }

    public static Viewer organization(UUID tenant) {
        return new Viewer(tenant, false);
    }
}
