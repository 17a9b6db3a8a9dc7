package org.entente.analytics.engine.briefing;

import java.util.UUID;

/**
 * Workstream titles for the detail sheets. They are not in the snapshot (the analytics role cannot read them); the
 * app looks them up under row-level security. Returns null when the title is unknown (the cell stays empty). The
 * writer asks once per workstream in a row, so a lookup may be slow-ish but should be cached by the caller for
 * large workbooks.
 */
@FunctionalInterface
public interface WorkstreamTitles {

    WorkstreamTitles NONE = (workstreamTenantId, workstreamId) -> null;

    String title(UUID workstreamTenantId, UUID workstreamId);
}
