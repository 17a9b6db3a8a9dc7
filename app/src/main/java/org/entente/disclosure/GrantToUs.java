package org.entente.disclosure;

import java.time.OffsetDateTime;
import java.util.UUID;

/** An organization that publishes its own figures to the coordinators of the signed-in person's organization. */
public record GrantToUs(UUID grantor, String name, OffsetDateTime since) {
}
