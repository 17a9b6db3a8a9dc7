package org.entente.analytics.engine.briefing;

import java.util.UUID;

/**
 * Told about every detail row that is a contribution of ANOTHER tenant than the viewer's, as it is written (for the
 * contributors' access ledgers, as the CSV export records them). Called on the writing thread, once per row.
 */
@FunctionalInterface
public interface ExportLedger {

    ExportLedger NONE = (workstreamTenantId, workstreamId, contributionId) -> { };

    void exported(UUID workstreamTenantId, UUID workstreamId, UUID contributionId);
}
