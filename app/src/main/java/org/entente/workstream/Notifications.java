package org.entente.workstream;

import java.util.UUID;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.entente.platform.i18n.StoredText;
import org.entente.platform.i18n.Text;
import org.entente.platform.live.NotificationsChanged;
import org.springframework.context.ApplicationEventPublisher;
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
        INVITATION, MENTION, MILESTONE_DUE, MILESTONE_OVERDUE, STATUS_CHANGE,
        /** A briefing of the recipient's is ready to download (no workstream). */
        BRIEFING_READY,
        /** A briefing of the recipient's could not be written; the text says why (no workstream). */
        BRIEFING_FAILED,
        /** An indicator the recipient organization is responsible for has a reporting period without a value. */
        MEASUREMENT_DUE
    }

    private final DSLContext dsl;
    private final ApplicationEventPublisher events;

    Notifications(DSLContext dsl, ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.events = events;
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

    /**
     * A notification about no workstream for a member of the acting tenant itself (briefings), through the schema's
     * notify_own_tenant(), which accepts only the kinds meant for it. Open bells of that member count again after
     * the commit.
     */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyOwnMember(UUID tenantId, UUID recipientMemberId, Kind kind, String text) {
        dsl.select(DSL.function("notify_own_tenant", SQLDataType.BIGINT, DSL.val(recipientMemberId, SQLDataType.UUID),
                DSL.val(kind.name()), DSL.val(text))).fetch();
        events.publishEvent(new NotificationsChanged(tenantId, recipientMemberId));
    }

    // --- Issue #18: notifications in the recipient's language (V53). The sender stores a translation key and its
    // arguments beside the English text (StoredText); the bell writes the key in the reader's language.

    /** Every member of the recipient tenant sees it, each in their own language. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyTenant(UUID recipientTenantId, Kind kind, WorkstreamRef about, Text text) {
        notifyMember(recipientTenantId, null, kind, about, text);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyMember(UUID recipientTenantId, UUID recipientMemberId, Kind kind, WorkstreamRef about, Text text) {
        dsl.select(DSL.function("notify", SQLDataType.BIGINT,
                        DSL.val(recipientTenantId), DSL.val(recipientMemberId, SQLDataType.UUID), DSL.val(kind.name()),
                        DSL.val(about.tenantId()), DSL.val(about.id()), DSL.val(english(text)), DSL.val(text.key()),
                        DSL.val(StoredText.encode(text), SQLDataType.VARCHAR.array())))
                .fetch();
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void notifyOwnMember(UUID tenantId, UUID recipientMemberId, Kind kind, Text text) {
        dsl.select(DSL.function("notify_own_tenant", SQLDataType.BIGINT, DSL.val(recipientMemberId, SQLDataType.UUID),
                DSL.val(kind.name()), DSL.val(english(text)), DSL.val(text.key()),
                DSL.val(StoredText.encode(text), SQLDataType.VARCHAR.array()))).fetch();
        events.publishEvent(new NotificationsChanged(tenantId, recipientMemberId));
    }

    /** The English text kept in notification.text (at most 1000 characters, as the schema wants). */
    public static String english(Text text) {
        return StoredText.english(text, 1000);
    }
}
