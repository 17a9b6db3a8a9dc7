package org.entente.analytics;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * A screen or briefing showed a coordinator's organization figures that were published only because their
 * organizations consented to it. Published (as a Spring application event, in the reader's request and transaction
 * context) by the analytics page and the briefing service; the disclosure feature writes it into each granting
 * organization's access ledger.
 *
 * @param readerTenantId   the coordinator's organization (the viewer)
 * @param grantors         the organizations whose consent made published figures possible
 * @param snapshotTakenAt  the snapshot (and so the consent state) the figures come from
 * @param surface          where they were shown
 */
public record ConsentUsed(UUID readerTenantId, List<UUID> grantors, Instant snapshotTakenAt, Surface surface) {

    public enum Surface { SCREEN, BRIEFING }

    public ConsentUsed {
        Objects.requireNonNull(readerTenantId, "readerTenantId");
        Objects.requireNonNull(snapshotTakenAt, "snapshotTakenAt");
        Objects.requireNonNull(surface, "surface");
        grantors = List.copyOf(grantors);
    }
}
