package org.entente.workstream;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Creates in-app notifications for people of other tenants. Rows live in the recipient tenant's partition,
 * so they go through the schema's notify() function, which refuses recipients outside the workstream.
 */
@Component
public class Notifications {

    public enum Kind {
        INVITATION, MENTION, MILESTONE_DUE, MILESTONE_OVERDUE, STATUS_CHANGE
    }

    private final DSLContext dsl;

    Notifications(DSLContext dsl) {
        this.dsl = dsl;
    }

    /** Every member of the recipient tenant sees it. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyTenant(UUID recipientTenantId, Kind kind, WorkstreamRef about, String text) {
        notifyMember(recipientTenantId, null, kind, about, text);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyMember(UUID recipientTenantId, UUID recipientMemberId, Kind kind, WorkstreamRef about,
            String text) {
        dsl.select(DSL.function("notify", SQLDataType.BIGINT,
                        DSL.val(recipientTenantId), DSL.val(recipientMemberId, SQLDataType.UUID), DSL.val(kind.name()),
                        DSL.val(about.tenantId()), DSL.val(about.id()), DSL.val(text)))
                .fetch();
    }
}
