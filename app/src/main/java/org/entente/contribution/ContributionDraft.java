package org.entente.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.entente.workstream.Releasability;

/**
 * A pledge as entered: amount in the unit (ISO currency, or PERSON_DAY for personnel), pledged on
 * {@code pledgedOn} (null = today) and, if something is already delivered, last delivered on
 * {@code deliveredOn} (null = today).
 */
public record ContributionDraft(ContributionType type, String description, String unit, BigDecimal pledgedAmount,
        BigDecimal deliveredAmount, LocalDate pledgedOn, LocalDate deliveredOn, Releasability releasability,
        List<UUID> relTo) {

    public ContributionDraft {
        relTo = relTo == null ? List.of() : List.copyOf(relTo);
    }

    /** A pledge made today (and delivered today, if a delivered amount is given). */
    public ContributionDraft(ContributionType type, String description, String unit, BigDecimal pledgedAmount,
            BigDecimal deliveredAmount, Releasability releasability, List<UUID> relTo) {
        this(type, description, unit, pledgedAmount, deliveredAmount, null, null, releasability, relTo);
    }
}
