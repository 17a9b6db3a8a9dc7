package org.entente.briefing;

import static org.entente.briefing.BriefingValues.shorten;
import static org.entente.db.jooq.Tables.TENANT;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.analytics.ConsentUsed;
import org.entente.analytics.engine.ConsentingPartner;
import org.entente.analytics.engine.briefing.BriefingKind;
import org.entente.analytics.engine.briefing.BriefingResult;
import org.entente.db.tenancy.Actor;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;
import org.entente.workstream.Notifications;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * What briefings leave in the records, committed together with the briefing's row or not at all: the audit log (asked
 * for, exported, downloaded, subscribed, unsubscribed), the access ledgers of the organizations whose contributions a
 * workbook holds (EXPORT), the consent a workbook used ({@link ConsentUsed}, for the granting organizations' ledgers)
 * and the requester's bell.
 *
 * <p>Runs as the briefing's requester (a subscription's subscriber): the caller's {@code TenantScope} or signed-in
 * user, in the transaction each public method begins or joins.
 */
@Component
class BriefingLedger {

    /** Contribution ids per call of record_contribution_access. */
    static final int LEDGER_BATCH = 5_000;

    private final DSLContext dsl;
    private final BriefingRows rows;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final Clock clock = Clock.systemUTC();

    BriefingLedger(DSLContext dsl, BriefingRows rows, AuditTrail audit, Notifications notifications,
            ApplicationEventPublisher events) {
        this.dsl = dsl;
        this.rows = rows;
        this.audit = audit;
        this.notifications = notifications;
        this.events = events;
    }

    /**
     * A briefing asked for, by {@code requester} or their subscription (then with its frequency): its QUEUED row and
     * the audit entry. Returns the organization's name, for the cover.
     */
    @Transactional
    public String asked(Actor requester, String requesterName, UUID briefingId, BriefingKind kind, BriefingScope scope,
            UUID subscription, BriefingFrequency frequency, Language language) {
        UUID tenant = requester.tenantId();
        String organization = dsl.select(TENANT.NAME).from(TENANT).where(TENANT.ID.eq(tenant))
                .fetchOptional(TENANT.NAME).orElse("");
        rows.insertQueued(tenant, briefingId, kind, scope, requester.memberId(), requesterName, subscription,
                clock.instant(), language);
        Map<String, Object> details = details(kind, scope, subscription);
        if (frequency != null) {
            details.put("frequency", frequency.name());
        }
        audit.record("GENERATE", "briefing", briefingId, null, details);
        return organization;
    }

    /**
     * The workbook is complete: the access-ledger EXPORT rows of other organizations' contributions, the READY row,
     * the consent it used, the audit entry and the bell's notification, then the file under its name — all or nothing.
     *
     * @throws IllegalStateException when the row is no longer RUNNING
     */
    @Transactional
    public void ready(BriefingJob job, String fileName, long size, BriefingResult result, ExportedContributions exported,
            BriefingFiles.Writing writing) {
        UUID tenant = job.tenantId();
        int[] recorded = {0};
        exported.forEachBatch(LEDGER_BATCH, (workstream, ids) -> {
            Integer added = dsl.select(DSL.function("record_contribution_access", SQLDataType.INTEGER,
                            DSL.val(workstream.tenantId()), DSL.val(workstream.id()),
                            DSL.val(ids, SQLDataType.UUID.array()), DSL.val("EXPORT")))
                    .fetchOne(0, Integer.class);
            recorded[0] += added == null ? 0 : added;
        });
        if (!rows.markReady(tenant, job.briefingId(), fileName, size, result)) {
            throw new IllegalStateException("the briefing row is no longer RUNNING");
        }
        consentUsed(tenant, result);
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fileName", fileName);
        details.put("sizeBytes", size);
        details.put("marking", result.marking());
        details.put("snapshotTakenAt", result.snapshot().takenAt().toString());
        details.put("detailRows", result.detailRows());
        details.put("otherOrganizationsContributions", recorded[0]);
        audit.record("EXPORT", "briefing", job.briefingId(), null, details);
        // The bell speaks the requester's language, as the workbook does.
        notifications.notifyOwnMember(tenant, job.requester(), Notifications.Kind.BRIEFING_READY, shorten(
                Translations.text(job.locale(), result.empty() ? "briefing.bell.readyEmpty" : "briefing.bell.ready",
                        job.kind().title(job.locale()), job.scope().describe(job.locale()), fileName), 1000));
        try {
            writing.complete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The workbook publishes some organizations' own figures only because they consented to the requester's
     * organization: the disclosure feature, listening in this transaction, writes the use into their ledgers.
     */
    private void consentUsed(UUID tenant, BriefingResult result) {
        List<UUID> grantors = result.publishedByConsent().stream().map(ConsentingPartner::tenantId).distinct().toList();
        if (!grantors.isEmpty()) {
            events.publishEvent(new ConsentUsed(tenant, grantors, result.snapshot().takenAt(),
                    ConsentUsed.Surface.BRIEFING));
        }
    }

    /** The briefing failed: FAILED with the reason, and the bell says so. */
    @Transactional
    public void failed(BriefingJob job, String why) {
        rows.markFailed(job.tenantId(), job.briefingId(), why);
        notifications.notifyOwnMember(job.tenantId(), job.requester(), Notifications.Kind.BRIEFING_FAILED,
                shorten(Translations.text(job.locale(), "briefing.bell.failed", job.kind().title(job.locale()),
                        job.scope().describe(job.locale()), why), 1000));
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void downloaded(UUID briefingId, BriefingRows.ReadyFile file) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fileName", file.fileName());
        details.put("sizeBytes", file.sizeBytes());
        details.put("kind", file.kind());
        audit.record("DOWNLOAD", "briefing", briefingId, null, details);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void subscribed(UUID subscriptionId, BriefingKind kind, BriefingScope scope, BriefingFrequency frequency) {
        Map<String, Object> details = details(kind, scope, null);
        details.put("frequency", frequency.name());
        audit.record("CREATE", "briefing_subscription", subscriptionId, null, details);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public void unsubscribed(UUID subscriptionId, BriefingKind kind, BriefingScope scope, String frequency,
            String subscriber) {
        Map<String, Object> before = details(kind, scope, null);
        before.put("frequency", frequency);
        before.put("subscriber", subscriber);
        audit.record("DELETE", "briefing_subscription", subscriptionId, before, null);
    }

    private static Map<String, Object> details(BriefingKind kind, BriefingScope scope, UUID subscription) {
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("kind", kind.name());
        details.put("yearFrom", scope.yearFrom());
        details.put("yearTo", scope.yearTo());
        details.put("region", scope.region());
        details.put("partnerKind", scope.partnerKind());
        if (subscription != null) {
            details.put("subscription", subscription.toString());
        }
        return details;
    }
}
