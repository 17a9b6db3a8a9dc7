package org.entente.briefing;

import static org.entente.db.jooq.Tables.WORKSTREAM;

import java.util.Map;
import org.jooq.DSLContext;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The titles of the workstreams a workbook's detail rows name. They are not in the snapshot (the analytics role cannot
 * read them): read from PostgreSQL in one query at the start of a generation, as the requester, so row-level security
 * gives exactly the workstreams their organization may see.
 */
@Component
class WorkstreamTitleReader {

    private final DSLContext dsl;

    WorkstreamTitleReader(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Transactional(readOnly = true)
    public Map<ExportedContributions.Workstream, String> visible() {
        return dsl.select(WORKSTREAM.TENANT_ID, WORKSTREAM.ID, WORKSTREAM.TITLE).from(WORKSTREAM)
                .fetchMap(r -> new ExportedContributions.Workstream(r.value1(), r.value2()), r -> r.value3());
    }
}
