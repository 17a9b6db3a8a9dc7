package org.entente.briefing;

import java.time.Instant;
import java.util.UUID;
import org.entente.analytics.engine.briefing.BriefingKind;

/**
 * One briefing of the signed-in coordinator's organization.
 *
 * @param requestedBy     the member who asked for it (the subscriber for a scheduled one); null once that member is gone
 * @param subscription    whether a subscription generated it
 * @param failure         why it failed (FAILED only)
 * @param fileName        {@code entente-<slug>-<yyyy-MM-dd>.xlsx} (READY only)
 * @param snapshotTakenAt the "as of" of the one snapshot the workbook shows (READY only)
 * @param progress        0–1 while it is being written, else null
 * @param step            what is being written, while it is
 */
public record Briefing(UUID id, BriefingKind kind, BriefingScope scope, UUID requestedBy, String requestedByName,
        boolean subscription, BriefingStatus status, String failure, String fileName, Long sizeBytes, String marking,
        Instant snapshotTakenAt, Long detailRows, Instant requestedAt, Instant startedAt, Instant finishedAt,
        Double progress, String step) {

    public boolean ready() {
        return status == BriefingStatus.READY;
    }
}
