package org.entente.activity;

import static org.entente.db.jooq.Tables.ACTIVITY;
import static org.entente.db.jooq.Tables.WORKSTREAM;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.workstream.Partner;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.Releasability;
import org.entente.workstream.WorkstreamRef;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Activity feeds per workstream and per tenant. Each entry carries the releasability of the item it is
 * about, so row-level security never lets a feed reveal an item its reader may not see.
 */
@Service
public class ActivityFeed {

    private final DSLContext dsl;
    private final PartnerDirectory partners;

    ActivityFeed(DSLContext dsl, PartnerDirectory partners) {
        this.dsl = dsl;
        this.partners = partners;
    }

    /** Written in the caller's transaction, as the acting tenant and member. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(WorkstreamRef ref, String verb, String summary, String itemType, UUID itemId,
            UUID itemTenantId, Releasability releasability, List<UUID> relTo) {
        dsl.insertInto(ACTIVITY)
                .set(ACTIVITY.TENANT_ID, ref.tenantId())
                .set(ACTIVITY.WORKSTREAM_ID, ref.id())
                .set(ACTIVITY.VERB, verb)
                .set(ACTIVITY.SUMMARY, summary.length() > 1000 ? summary.substring(0, 1000) : summary)
                .set(ACTIVITY.ITEM_TYPE, itemType)
                .set(ACTIVITY.ITEM_ID, itemId)
                .set(ACTIVITY.ITEM_TENANT_ID, itemTenantId)
                .set(ACTIVITY.RELEASABILITY, releasability.name())
                .set(ACTIVITY.REL_TO, releasability == Releasability.REL_TO ? relTo.toArray(UUID[]::new) : new UUID[0])
                .execute();
    }

    @Transactional(readOnly = true)
    public List<ActivityEntry> of(WorkstreamRef ref, int limit) {
        return feed(ACTIVITY.TENANT_ID.eq(ref.tenantId()).and(ACTIVITY.WORKSTREAM_ID.eq(ref.id())), limit);
    }

    /** Everything recent across the workstreams the signed-in tenant may see. */
    @Transactional(readOnly = true)
    public List<ActivityEntry> recent(int limit) {
        return feed(org.jooq.impl.DSL.noCondition(), limit);
    }

    private List<ActivityEntry> feed(org.jooq.Condition condition, int limit) {
        Map<UUID, Partner> directory = partners.byId();
        return dsl.select(ACTIVITY.WORKSTREAM_ID, WORKSTREAM.TITLE, ACTIVITY.ACTOR_TENANT_ID, ACTIVITY.VERB,
                        ACTIVITY.SUMMARY, ACTIVITY.AT)
                .from(ACTIVITY).join(WORKSTREAM)
                .on(WORKSTREAM.TENANT_ID.eq(ACTIVITY.TENANT_ID), WORKSTREAM.ID.eq(ACTIVITY.WORKSTREAM_ID))
                .where(condition)
                .orderBy(ACTIVITY.AT.desc(), ACTIVITY.ID.desc())
                .limit(limit)
                .fetch(r -> new ActivityEntry(r.value1(), r.value2(),
                        directory.getOrDefault(r.value3(), PartnerDirectory.unknown(r.value3())), r.value4(),
                        r.value5(), r.value6()));
    }
}
