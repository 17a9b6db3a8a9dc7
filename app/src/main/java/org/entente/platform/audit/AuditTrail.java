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

    public static final String TENANT_ADMIN = "tenant-admin";

    private final DSLContext dsl;
    private final org.entente.platform.security.CurrentUser currentUser;

    AuditTrail(DSLContext dsl, org.entente.platform.security.CurrentUser currentUser) {
        this.dsl = dsl;
        this.currentUser = currentUser;
    }

    /** One entry of a tenant's audit log. */
    public record Entry(long id, java.time.OffsetDateTime at, java.util.UUID actorId, String action, String entityType,
            String entityId, String details) {
    }

    /** The signed-in tenant's audit log, newest first; only its tenant administrators may read it. */
    @Transactional(readOnly = true)
    public java.util.List<Entry> recent(int offset, int limit) {
        if (!currentUser.get().map(u -> u.roles().contains(TENANT_ADMIN)).orElse(false)) {
            throw new org.entente.platform.validation.NotAllowed("audit.error.readOwnOnly");
        }
        return dsl.selectFrom(AUDIT_EVENT)
                .orderBy(AUDIT_EVENT.AT.desc(), AUDIT_EVENT.ID.desc())
                .offset(offset).limit(limit)
                .fetch(r -> new Entry(r.getId(), r.getAt(), r.getActorId(), r.getAction(), r.getEntityType(),
                        r.getEntityId(), r.getDetails().data()));
    }

    @Transactional(readOnly = true)
    public int count() {
        return dsl.fetchCount(AUDIT_EVENT);
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
