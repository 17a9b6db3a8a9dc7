package org.entente.disclosure;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.entente.analytics.ConsentUsed;

/**
 * One entry of the granting organization's ledger of consent: the coordinators of {@code reader} were shown (SCREEN)
 * or sent (BRIEFING) figures of it published by its consent, from the snapshot taken at {@code snapshotTakenAt}.
 */
public record ConsentUse(OffsetDateTime at, UUID reader, String readerName, ConsentUsed.Surface surface,
        OffsetDateTime snapshotTakenAt) {
}
