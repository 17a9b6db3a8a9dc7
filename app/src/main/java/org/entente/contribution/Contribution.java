package org.entente.contribution;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.entente.workstream.Partner;
import org.entente.workstream.Releasability;
import org.entente.workstream.WorkstreamRef;

/**
 * A tenant's pledge to a workstream and what it has delivered, with values normalized to EUR; pledged on
 * {@code pledgedOn}, last delivered on {@code deliveredOn} (null while nothing is delivered).
 */
public record Contribution(WorkstreamRef workstream, UUID id, Partner contributor, ContributionType type,
        String description, String unit, BigDecimal pledgedAmount, BigDecimal deliveredAmount, BigDecimal pledgedEur,
        BigDecimal deliveredEur, LocalDate pledgedOn, LocalDate deliveredOn, Releasability releasability,
        List<UUID> relTo, int version) {

    public Contribution {
        relTo = List.copyOf(relTo);
    }
}
