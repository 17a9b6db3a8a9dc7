package org.entente.briefing;

import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.entente.analytics.engine.briefing.BriefingKind;
import org.entente.db.tenancy.Actor;
import org.entente.platform.i18n.Language;

/**
 * A briefing waiting in this instance's queue or being written: what the worker needs, captured when it was asked
 * for (by a coordinator or the schedule).
 *
 * @param actor            whom it is written as: the requester (a subscription's subscriber) in their organization
 * @param organizationName the organization, for the cover
 * @param requestedBy      who asked, for the cover ("Olivia Grant", "Olivia Grant (weekly subscription)")
 * @param language         the requester's language: the workbook, its progress, its failure and the bell's message
 *                         are written in it
 * @param reportedAt       when its progress was last told to the watchers ({@link System#nanoTime()})
 */
record BriefingJob(UUID briefingId, Actor actor, BriefingKind kind, BriefingScope scope, String organizationName,
        String requestedBy, Language language, AtomicLong reportedAt) {

    BriefingJob(UUID briefingId, Actor actor, BriefingKind kind, BriefingScope scope, String organizationName,
            String requestedBy, Language language) {
        this(briefingId, actor, kind, scope, organizationName, requestedBy, language, new AtomicLong());
    }

    Locale locale() {
        return language.locale();
    }

    UUID tenantId() {
        return actor.tenantId();
    }

    UUID requester() {
        return actor.memberId();
    }
}
