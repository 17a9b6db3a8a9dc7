package org.entente.contribution;

import java.math.BigDecimal;
import java.util.List;
import java.util.UUID;
import org.entente.workstream.Releasability;

/** A pledge as entered: amount in the unit (ISO currency, or PERSON_DAY for personnel). */
public record ContributionDraft(ContributionType type, String description, String unit, BigDecimal pledgedAmount,
        BigDecimal deliveredAmount, Releasability releasability, List<UUID> relTo) {

    public ContributionDraft {
        relTo = relTo == null ? List.of() : List.copyOf(relTo);
    }
}
