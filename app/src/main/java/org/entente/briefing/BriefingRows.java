package org.entente.briefing;

import static org.entente.briefing.BriefingValues.instant;
import static org.entente.briefing.BriefingValues.shorten;
import static org.entente.briefing.BriefingValues.utc;
import static org.entente.db.jooq.Tables.BRIEFING;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.entente.analytics.engine.briefing.BriefingKind;
import org.entente.analytics.engine.briefing.BriefingResult;
import org.entente.db.jooq.tables.records.BriefingRecord;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Text;
import org.entente.platform.schedule.JobLock;
import org.jooq.Condition;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * The {@code briefing} table: a briefing's row through QUEUED, RUNNING and READY or FAILED, and the lease an app
 * instance holds on the rows of its queue ({@code worker}, {@code lease_until}, V43, on the database's clock: the
 * instances' clocks may differ). Every statement names the tenant; row-level security checks it again.
 *
 * <p>Each public method is one transaction, or part of the caller's where it says MANDATORY (called through the
 * Spring proxy from the other briefing beans, so that the transaction and its tenant are really there).
 */
@Component
class BriefingRows {

    /** Briefings a list shows at most, newest first. */
    static final int LISTED = 200;

    private final DSLContext dsl;
    private final BriefingWatchers watchers;
    /** This app instance, as the rows record it: the scheduled jobs' name for it. */
    private final String instance;
    private final Duration lease;
    private final Clock clock = Clock.systemUTC();

    BriefingRows(DSLContext dsl, BriefingWatchers watchers, JobLock jobs, BriefingProperties properties) {
        this.dsl = dsl;
        this.watchers = watchers;
        this.instance = jobs.instance();
        this.lease = properties.lease();
    }

    /** A downloadable workbook's row. */
    record ReadyFile(String fileName, Long sizeBytes, String kind) {
    }

    /** A new QUEUED briefing, leased by this instance. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void insertQueued(UUID tenant, UUID id, BriefingKind kind, BriefingScope scope, UUID requester,
            String requesterName, UUID subscription, Instant at, Language language) {
        dsl.insertInto(BRIEFING)
                .set(BRIEFING.TENANT_ID, tenant)
                .set(BRIEFING.ID, id)
                .set(BRIEFING.KIND, kind.name())
                .set(BRIEFING.YEAR_FROM, scope.yearFrom())
                .set(BRIEFING.YEAR_TO, scope.yearTo())
                .set(BRIEFING.REGION, scope.region())
                .set(BRIEFING.PARTNER_KIND, scope.partnerKind())
                .set(BRIEFING.REQUESTED_BY, requester)
                .set(BRIEFING.REQUESTED_BY_NAME, shorten(requesterName, 200))
                .set(BRIEFING.SUBSCRIPTION_ID, subscription)
                .set(BRIEFING.LANGUAGE, language.code())
                .set(BRIEFING.STATUS, BriefingStatus.QUEUED.name())
                .set(BRIEFING.REQUESTED_AT, utc(at))
                .set(BRIEFING.WORKER, instance)
                .set(BRIEFING.LEASE_UNTIL, leaseEnd())
                .execute();
    }

    @Transactional(readOnly = true)
    public Optional<Briefing> find(UUID tenant, UUID id) {
        return dsl.selectFrom(BRIEFING)
                .where(BRIEFING.TENANT_ID.eq(tenant), BRIEFING.ID.eq(id))
                .fetchOptional(this::toBriefing);
    }

    /** The organization's briefings, or only those {@code requester} asked for (unless null), newest first. */
    @Transactional(readOnly = true)
    public List<Briefing> list(UUID tenant, UUID requester, int limit) {
        return dsl.selectFrom(BRIEFING)
                .where(BRIEFING.TENANT_ID.eq(tenant), requester == null ? DSL.noCondition()
                        : BRIEFING.REQUESTED_BY.eq(requester))
                .orderBy(BRIEFING.REQUESTED_AT.desc(), BRIEFING.ID.desc())
                .limit(Math.max(1, Math.min(limit, LISTED)))
                .fetch(this::toBriefing);
    }

    @Transactional(propagation = Propagation.MANDATORY)
    public Optional<ReadyFile> readyFile(UUID tenant, UUID id) {
        return dsl.select(BRIEFING.FILE_NAME, BRIEFING.SIZE_BYTES, BRIEFING.KIND)
                .from(BRIEFING)
                .where(BRIEFING.TENANT_ID.eq(tenant), BRIEFING.ID.eq(id), BRIEFING.STATUS.eq(BriefingStatus.READY.name()))
                .fetchOptional(r -> new ReadyFile(r.value1(), r.value2(), r.value3()));
    }

    /** QUEUED to RUNNING on this instance; false when it is no longer QUEUED (then it is not written). */
    @Transactional
    public boolean start(UUID tenant, UUID id, Instant at) {
        return dsl.update(BRIEFING)
                .set(BRIEFING.STATUS, BriefingStatus.RUNNING.name())
                .set(BRIEFING.STARTED_AT, utc(at))
                .set(BRIEFING.WORKER, instance)
                .set(BRIEFING.LEASE_UNTIL, leaseEnd())
                .where(BRIEFING.TENANT_ID.eq(tenant), BRIEFING.ID.eq(id), BRIEFING.STATUS.eq(BriefingStatus.QUEUED.name()))
                .execute() > 0;
    }

    /** RUNNING to READY, with what was written; false when it was not RUNNING any more. */
    @Transactional(propagation = Propagation.MANDATORY)
    public boolean markReady(UUID tenant, UUID id, String fileName, long size, BriefingResult result) {
        return dsl.update(BRIEFING)
                .set(BRIEFING.STATUS, BriefingStatus.READY.name())
                .set(BRIEFING.FILE_NAME, fileName)
                .set(BRIEFING.SIZE_BYTES, size)
                .set(BRIEFING.MARKING, result.marking())
                .set(BRIEFING.SNAPSHOT_TAKEN_AT, utc(result.snapshot().takenAt()))
                .set(BRIEFING.DETAIL_ROWS, result.detailRows())
                .set(BRIEFING.FINISHED_AT, utc(clock.instant()))
                .where(BRIEFING.TENANT_ID.eq(tenant), BRIEFING.ID.eq(id), BRIEFING.STATUS.eq(BriefingStatus.RUNNING.name()))
                .execute() == 1;
    }

    /** QUEUED or RUNNING to FAILED, saying why. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void markFailed(UUID tenant, UUID id, String why) {
        dsl.update(BRIEFING)
                .set(BRIEFING.STATUS, BriefingStatus.FAILED.name())
                .set(BRIEFING.FAILURE, why)
                .set(BRIEFING.FINISHED_AT, utc(clock.instant()))
                .where(BRIEFING.TENANT_ID.eq(tenant), BRIEFING.ID.eq(id), unfinished())
                .execute();
    }

    // ------------------------------------------------------------------------------------------ leases

    /** The organization's unfinished briefings whose lease has passed, or that have none (from before leases). */
    @Transactional(readOnly = true)
    public List<UUID> unleased(UUID tenant) {
        return dsl.select(BRIEFING.ID).from(BRIEFING)
                .where(BRIEFING.TENANT_ID.eq(tenant), unfinishedWithoutLease())
                .fetch(BRIEFING.ID);
    }

    /**
     * Marks those of {@code ids} FAILED with {@code failure} whose lease has still passed as the rows are updated (one
     * renewed meanwhile stays); returns them.
     */
    @Transactional
    public List<UUID> failUnleased(UUID tenant, Collection<UUID> ids, Text failure) {
        // Each briefing's reason in its own language (the requester's).
        return dsl.update(BRIEFING)
                .set(BRIEFING.STATUS, BriefingStatus.FAILED.name())
                .set(BRIEFING.FAILURE, DSL.when(BRIEFING.LANGUAGE.eq(Language.FR.code()),
                        DSL.inline(failure.in(Language.FR.locale()))).otherwise(failure.in(Language.EN.locale())))
                .set(BRIEFING.FINISHED_AT, utc(clock.instant()))
                .where(BRIEFING.TENANT_ID.eq(tenant), BRIEFING.ID.in(ids), unfinishedWithoutLease())
                .returning(BRIEFING.ID)
                .fetch(BRIEFING.ID);
    }

    /** Of {@code ids}, the unfinished ones whose lease has not passed: some live instance holds them. */
    @Transactional(readOnly = true)
    public List<UUID> leased(UUID tenant, Collection<UUID> ids) {
        return dsl.select(BRIEFING.ID).from(BRIEFING)
                .where(BRIEFING.TENANT_ID.eq(tenant), BRIEFING.ID.in(ids), unfinished(),
                        BRIEFING.LEASE_UNTIL.ge(DSL.currentOffsetDateTime()))
                .fetch(BRIEFING.ID);
    }

    /** This instance takes or renews the lease on those of {@code ids} that are unfinished; returns how many. */
    @Transactional
    public int renewLeases(UUID tenant, Collection<UUID> ids) {
        return dsl.update(BRIEFING)
                .set(BRIEFING.WORKER, instance)
                .set(BRIEFING.LEASE_UNTIL, leaseEnd())
                .where(BRIEFING.TENANT_ID.eq(tenant), BRIEFING.ID.in(ids), unfinished())
                .execute();
    }

    private static Condition unfinished() {
        return BRIEFING.STATUS.in(BriefingStatus.QUEUED.name(), BriefingStatus.RUNNING.name());
    }

    private static Condition unfinishedWithoutLease() {
        return unfinished().and(BRIEFING.LEASE_UNTIL.isNull().or(BRIEFING.LEASE_UNTIL.lt(DSL.currentOffsetDateTime())));
    }

    /** The end of a lease taken or renewed now, on the database's clock. */
    private Field<OffsetDateTime> leaseEnd() {
        return DSL.field("now() + {0} * interval '1 millisecond'", SQLDataType.TIMESTAMPWITHTIMEZONE,
                DSL.val(lease.toMillis()));
    }

    private Briefing toBriefing(BriefingRecord r) {
        BriefingStatus status = BriefingStatus.valueOf(r.getStatus());
        BriefingEvent.Progress running = status == BriefingStatus.RUNNING ? watchers.progressOf(r.getId()) : null;
        return new Briefing(r.getId(), BriefingKind.valueOf(r.getKind()),
                new BriefingScope(r.getYearFrom(), r.getYearTo(), r.getRegion(), r.getPartnerKind()), r.getRequestedBy(),
                r.getRequestedByName(), r.getSubscriptionId() != null, status, r.getFailure(), r.getFileName(),
                r.getSizeBytes(), r.getMarking(), instant(r.getSnapshotTakenAt()), r.getDetailRows(),
                instant(r.getRequestedAt()), instant(r.getStartedAt()), instant(r.getFinishedAt()),
                progressOf(status, running), running == null ? null : running.step());
    }

    private static Double progressOf(BriefingStatus status, BriefingEvent.Progress running) {
        if (running != null) {
            return running.fraction();
        }
        return status == BriefingStatus.RUNNING ? Double.valueOf(0) : null;
    }
}
