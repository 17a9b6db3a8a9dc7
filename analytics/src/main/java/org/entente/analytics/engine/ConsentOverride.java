package org.entente.analytics.engine;

import java.util.Objects;
import java.util.UUID;

/**
 * For a preview only: compute a coordinator's federation view as if {@code grantor} had ({@code granted}) or had not
 * published its own aggregate figures to the viewer's organization, whatever the snapshot's consent table says.
 */
public record ConsentOverride(UUID grantor, boolean granted) {

    public ConsentOverride {
        Objects.requireNonNull(grantor, "grantor");
    }
}
