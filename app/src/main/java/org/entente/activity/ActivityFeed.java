package org.entente.activity;

import static org.entente.db.jooq.Tables.ACTIVITY;
import static org.entente.db.jooq.Tables.WORKSTREAM;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.platform.i18n.StoredText;
import org.entente.platform.i18n.Text;
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

    /** activity_summary_ck. */
    private static final int SUMMARY_MAX = 1000;

    private final DSLContext dsl;
    private final PartnerDirectory partners;

    ActivityFeed(DSLContext dsl, PartnerDirectory partners) {
        this.dsl = dsl;
        this.partners = partners;
    }

    /**
     * Written in the caller's transaction, as the acting tenant and member. The summary ("pledged 12 person-days
     * (personnel)") is stored as its key and arguments, which each reader's feed writes in their language (V54),
     * and as its English, kept for older readers of the table. Keys: {@code activity.summary.*}; a word inside the
     * sentence that depends on an enum constant is {@link #inSentence(Enum)}.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(WorkstreamRef ref, String verb, Text summary, String itemType, UUID itemId,
            UUID itemTenantId, Releasability releasability, List<UUID> relTo) {
        String[] args = StoredText.encode(summary);
        // Arguments beyond the schema's limits (never reached by today's callers, whose texts are bounded) would fail
        // the user's write: the entry then keeps its English summary only.
        boolean keyed = StoredText.fits(args);
        dsl.insertInto(ACTIVITY)
                .set(ACTIVITY.TENANT_ID, ref.tenantId())
                .set(ACTIVITY.WORKSTREAM_ID, ref.id())
                .set(ACTIVITY.VERB, verb)
                .set(ACTIVITY.SUMMARY, StoredText.english(summary, SUMMARY_MAX))
                .set(ACTIVITY.SUMMARY_KEY, keyed ? summary.key() : null)
                .set(ACTIVITY.SUMMARY_ARGS, keyed ? args : new String[0])
                .set(ACTIVITY.ITEM_TYPE, itemType)
                .set(ACTIVITY.ITEM_ID, itemId)
                .set(ACTIVITY.ITEM_TENANT_ID, itemTenantId)
                .set(ACTIVITY.RELEASABILITY, releasability.name())
                .set(ACTIVITY.REL_TO, releasability == Releasability.REL_TO ? relTo.toArray(UUID[]::new) : new UUID[0])
                .execute();
    }

    /**
     * A constant as a word inside a summary ("the shared initiative", "done"): key
     * {@code activity.summary.inSentence.<SimpleName>.<CONSTANT>}. The enum labels are capitalized for lists and
     * headers, and French agrees them with the noun the sentence is about, so the feed has its own forms.
     */
    public static Text inSentence(Enum<?> constant) {
        return Text.of("activity.summary.inSentence." + constant.getDeclaringClass().getSimpleName() + "."
                + constant.name());
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
                        ACTIVITY.SUMMARY, ACTIVITY.SUMMARY_KEY, ACTIVITY.SUMMARY_ARGS, ACTIVITY.AT)
                .from(ACTIVITY).join(WORKSTREAM)
                .on(WORKSTREAM.TENANT_ID.eq(ACTIVITY.TENANT_ID), WORKSTREAM.ID.eq(ACTIVITY.WORKSTREAM_ID))
                .where(condition)
                .orderBy(ACTIVITY.AT.desc(), ACTIVITY.ID.desc())
                .limit(limit)
                .fetch(r -> new ActivityEntry(r.value1(), r.value2(),
                        directory.getOrDefault(r.value3(), PartnerDirectory.unknown(r.value3())), r.value4(),
                        r.value5(), r.value6() == null ? null : StoredText.decode(r.value6(), r.value7()), r.value8()));
    }
}
