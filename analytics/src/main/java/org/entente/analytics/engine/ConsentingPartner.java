package org.entente.analytics.engine;

import java.util.Objects;
import java.util.UUID;

/** An organization whose own figures a report publishes because it consented to the viewer's organization. */
public record ConsentingPartner(UUID tenantId, String name) {

    public ConsentingPartner {
        Objects.requireNonNull(tenantId, "tenantId");
        Objects.requireNonNull(name, "name");
    }
}
