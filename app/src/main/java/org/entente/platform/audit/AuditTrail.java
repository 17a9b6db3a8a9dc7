package org.entente.platform.audit;

import static org.entente.db.jooq.Tables.AUDIT_EVENT;

import java.util.LinkedHashMap;
import java.util.Map;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Appends to the acting tenant's audit log, inside the caller's transaction, so the record and its
 * audit event are stored together or not at all. Tenant and actor come from the transaction's context.
 */
@Component
public class AuditTrail {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final DSLContext dsl;

    AuditTrail(DSLContext dsl) {
        this.dsl = dsl;
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String action, String entityType, Object entityId, Object before, Object after) {
        Map<String, Object> details = new LinkedHashMap<>();
        if (before != null) {
            details.put("before", before);
        }
        if (after != null) {
            details.put("after", after);
        }
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.ENTITY_TYPE, entityType)
                .set(AUDIT_EVENT.ENTITY_ID, entityId == null ? null : entityId.toString())
                .set(AUDIT_EVENT.DETAILS, JSONB.valueOf(JSON.writeValueAsString(details)))
                .execute();
    }
}
