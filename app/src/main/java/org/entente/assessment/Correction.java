package org.entente.assessment;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;

/** A value a correction replaced: what it was, who had entered it, when it was replaced. */
public record Correction(UUID measurementId, BigDecimal value, String source, String note, String enteredBy,
        OffsetDateTime enteredAt, OffsetDateTime replacedAt) {
}
