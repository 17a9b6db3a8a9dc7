package org.entente.briefing;

import static org.entente.db.jooq.Tables.BRIEFING;
import static org.entente.db.jooq.Tables.BRIEFING_SUBSCRIPTION;
import static org.entente.db.jooq.Tables.MEMBER;
import static org.entente.db.jooq.Tables.TENANT;
import static org.entente.db.jooq.Tables.WORKSTREAM;

import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.nio.channels.ClosedByInterruptException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.entente.analytics.AnalyticsService;
import org.entente.analytics.AnalyticsUnavailable;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.FilterOptions;
import org.entente.analytics.engine.InvalidFilterException;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.briefing.BriefingFailedException;
import org.entente.analytics.engine.briefing.BriefingKind;
import org.entente.analytics.engine.briefing.BriefingRequest;
import org.entente.analytics.engine.briefing.BriefingResult;
import org.entente.analytics.engine.briefing.BriefingWriter;
import org.entente.analytics.engine.snapshot.SnapshotStore;
import org.entente.analytics.ui.Labels;
import org.entente.db.jooq.tables.records.BriefingRecord;
import org.entente.db.jooq.tables.records.BriefingSubscriptionRecord;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.TenantScope;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.schedule.JobLock;
import org.entente.platform.security.CurrentUser;
import org.entente.platform.security.SignedInUser;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.platform.validation.SqlState;
import org.entente.tenant.Affiliation;
import org.entente.workstream.Notifications;
import org.jooq.DSLContext;
import org.jooq.Field;
import org.jooq.Record3;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Excel briefings of a coordinator's organization: asked for on the Analytics page or by a subscription, written
 * off the request thread by the analytics engine's {@link BriefingWriter} from one snapshot, kept under the data
 * directory, listed and downloaded again. Only coordinators (realm role {@code coordinator}) generate, list and
 * download them, and only their own organization's (row-level security on {@code briefing}).
 *
 * <p>The queue: each person's briefings are written one after another (a second request while one runs waits and is
 * said to), at most {@code entente.briefings.workers} at once across everybody. A generation runs as the requester
 * ({@link TenantScope}): workstream titles come from PostgreSQL under the requester's row-level security in one query
 * at its start; the file goes to a temporary name and is renamed only once complete; the access-ledger EXPORT rows of
 * other organizations' contributions, the audit entry, the READY status and the bell's notification are committed
 * together with it, or not at all (then the briefing is FAILED, with the reason, and has no file).
 *
 * <p>Several app instances: the queue lives in the memory of the instance a briefing was asked on, which records
 * itself and a lease on the row ({@code worker}, {@code lease_until}, V43, on the database's clock) and renews the
 * leases of its queue every {@code entente.briefings.lease-renewal}. A briefing still QUEUED or RUNNING whose lease
 * has passed (its instance died, or it was queued before leases existed) is marked FAILED the next time its
 * organization's list is read, on any instance; its unfinished file in the shared folder goes then, or when an
 * instance starts. A briefing another live instance is writing is left alone.
 */
@Service
@EnableConfigurationProperties(BriefingProperties.class)
public class BriefingService {

    private static final Logger log = LoggerFactory.getLogger(BriefingService.class);

    /** The subscription check's name in the scheduled-job lock. */
    static final String SCHEDULE_JOB = "briefing-subscriptions";

    /** Contribution ids per call of record_contribution_access. */
    static final int LEDGER_BATCH = 5_000;
    /** Briefings the list shows, newest first. */
    static final int LISTED = 200;
    private static final long PROGRESS_EVERY_NANOS = Duration.ofMillis(250).toNanos();

    static final String INTERRUPTED = "The briefing was interrupted before it was complete (the app may be stopping). "
            + "Generate it again.";
    static final String ABANDONED = "The app stopped before this briefing was complete. Generate it again.";
    static final String NOT_SAVED = "The briefing file could not be saved on the server; an administrator finds the "
            + "cause in the app's log.";

    private final DSLContext dsl;
    private final TransactionTemplate transactions;
    private final TransactionTemplate reads;
    private final CurrentUser currentUser;
    private final AnalyticsService analytics;
    private final SnapshotStore store;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final BriefingFiles files;
    private final JobLock jobs;
    private final Duration scheduleCheck;
    private final Duration lease;
    /** This app instance, as the briefing rows record it (the scheduled jobs' name for it). */
    private final String instance;
    private final ExecutorService workers;
    private final Clock clock = Clock.systemUTC();

    // The queue, guarded by this: each requester's running briefing and those waiting behind it.
    private final Map<UUID, Job> running = new HashMap<>();
    private final Map<UUID, Deque<Job>> waiting = new HashMap<>();

    private final Map<UUID, BriefingEvent.Progress> progress = new ConcurrentHashMap<>();
    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();

    BriefingService(DSLContext dsl, PlatformTransactionManager transactionManager, CurrentUser currentUser,
            AnalyticsService analytics, SnapshotStore store, AuditTrail audit, Notifications notifications,
            BriefingProperties properties, @Value("${entente.data-dir:.data}") Path dataDirectory, JobLock jobs) {
        this.jobs = jobs;
        this.instance = jobs.instance();
        this.scheduleCheck = properties.scheduleCheck();
        this.lease = properties.lease();
        this.dsl = dsl;
        this.transactions = new TransactionTemplate(transactionManager);
        this.reads = new TransactionTemplate(transactionManager);
        this.reads.setReadOnly(true);
        this.currentUser = currentUser;
        this.analytics = analytics;
        this.store = store;
        this.audit = audit;
        this.notifications = notifications;
        this.files = new BriefingFiles(properties.directory() != null ? properties.directory()
                : dataDirectory.resolve("briefings"));
        this.workers = Executors.newFixedThreadPool(properties.workers(),
                Thread.ofPlatform().daemon().name("briefing-", 1).factory());
    }

    /** A briefing being written or waiting: what the worker needs, captured when it was asked for. */
    private record Job(UUID briefingId, Actor actor, BriefingKind kind, BriefingScope scope, String organizationName,
            String requestedBy, AtomicLong reportedAt) {

        Job(UUID briefingId, Actor actor, BriefingKind kind, BriefingScope scope, String organizationName,
                String requestedBy) {
            this(briefingId, actor, kind, scope, organizationName, requestedBy, new AtomicLong());
        }

        UUID tenantId() {
            return actor.tenantId();
        }

        UUID requester() {
            return actor.memberId();
        }
    }

    private record Watcher(UUID tenantId, Consumer<BriefingEvent> listener) {
    }

    private record Coordinator(Actor actor, String name) {
    }

    // ------------------------------------------------------------------------------------------ who

    /** Whether the signed-in person may generate and read briefings (a coordinator of a partner organization). */
    public boolean mayGenerate() {
        return signedInCoordinator().isPresent();
    }

    // ---------------------------------------------------------------------------------------- generate

    /**
     * Asks for a briefing of the signed-in coordinator's organization; it is written in the background.
     *
     * @return the briefing, QUEUED, and how many of the coordinator's own briefings are written before it
     * @throws NotAllowed   for anyone but a coordinator
     * @throws InvalidInput for no kind or a scope out of range (keyed {@code kind, yearFrom, yearTo, region,
     *                      partnerKind})
     */
    public QueuedBriefing generate(BriefingKind kind, AnalyticsFilter filter) {
        Coordinator me = coordinator();
        if (kind == null) {
            throw InvalidInput.of("kind", "Choose a briefing.");
        }
        BriefingScope scope = BriefingScope.of(filter);
        validate(scope);
        UUID id = UUID.randomUUID();
        UUID tenant = me.actor().tenantId();
        String organization = transactions.execute(status -> {
            String name = organizationName(tenant);
            insert(tenant, id, kind, scope, me.actor().memberId(), me.name(), null, clock.instant());
            audit.record("GENERATE", "briefing", id, null, details(kind, scope, null));
            return name;
        });
        int ahead = enqueue(new Job(id, me.actor(), kind, scope, organization, me.name()));
        return new QueuedBriefing(find(tenant, id).orElseThrow(), ahead);
    }

    // ---------------------------------------------------------------------------------------- read

    /** The organization's briefings, newest first (at most {@value #LISTED}). */
    public List<Briefing> list() {
        UUID tenant = coordinator().actor().tenantId();
        failAbandoned(tenant);
        return reads.execute(status -> dsl.selectFrom(BRIEFING)
                .where(BRIEFING.TENANT_ID.eq(tenant))
                .orderBy(BRIEFING.REQUESTED_AT.desc(), BRIEFING.ID.desc())
                .limit(LISTED)
                .fetch(this::toBriefing));
    }

    /** One of the organization's briefings; empty for another organization's or an unknown id. */
    public Optional<Briefing> get(UUID id) {
        UUID tenant = coordinator().actor().tenantId();
        return find(tenant, id);
    }

    /** The signed-in coordinator's own briefings (asked for themselves or by their subscriptions), newest first. */
    public List<Briefing> mine(int limit) {
        Coordinator me = coordinator();
        UUID tenant = me.actor().tenantId();
        failAbandoned(tenant);
        return reads.execute(status -> dsl.selectFrom(BRIEFING)
                .where(BRIEFING.TENANT_ID.eq(tenant), BRIEFING.REQUESTED_BY.eq(me.actor().memberId()))
                .orderBy(BRIEFING.REQUESTED_AT.desc(), BRIEFING.ID.desc())
                .limit(Math.max(1, Math.min(limit, LISTED)))
                .fetch(this::toBriefing));
    }

    /**
     * The workbook of a READY briefing of the organization, opened for download; the download is in the audit log.
     * Empty for another organization's briefing, an unknown id, or one that is not ready.
     */
    public Optional<BriefingDownload> download(UUID id) {
        UUID tenant = coordinator().actor().tenantId();
        return transactions.execute(status -> {
            Optional<Record3<String, Long, String>> row = dsl.select(BRIEFING.FILE_NAME, BRIEFING.SIZE_BYTES, BRIEFING.KIND)
                    .from(BRIEFING)
                    .where(BRIEFING.TENANT_ID.eq(tenant), BRIEFING.ID.eq(id), BRIEFING.STATUS.eq(BriefingStatus.READY.name()))
                    .fetchOptional();
            if (row.isEmpty()) {
                return Optional.empty();
            }
            if (!files.exists(tenant, id)) {
                log.warn("Briefing {} of {} is ready but its file {} is gone", id, tenant, files.file(tenant, id));
                return Optional.empty();
            }
            Map<String, Object> details = new LinkedHashMap<>();
            details.put("fileName", row.get().value1());
            details.put("sizeBytes", row.get().value2());
            details.put("kind", row.get().value3());
            audit.record("DOWNLOAD", "briefing", id, null, details);
            InputStream content = files.open(tenant, id);
            if (content == null) {
                throw new IllegalStateException("The briefing's file went while it was being opened.");
            }
            return Optional.of(new BriefingDownload(row.get().value1(), row.get().value2(), content));
        });
    }

    // ---------------------------------------------------------------------------------- subscriptions

    /** The organization's subscriptions, oldest first. */
    public List<BriefingSubscription> subscriptions() {
        UUID tenant = coordinator().actor().tenantId();
        return reads.execute(status -> dsl.selectFrom(BRIEFING_SUBSCRIPTION)
                .where(BRIEFING_SUBSCRIPTION.TENANT_ID.eq(tenant))
                .orderBy(BRIEFING_SUBSCRIPTION.CREATED_AT, BRIEFING_SUBSCRIPTION.ID)
                .fetch(BriefingService::toSubscription));
    }

    /**
     * Asks for the briefing on a schedule, as the signed-in coordinator; the first one comes at the next run of the
     * frequency (Monday or the first of the month, early morning UTC).
     *
     * @throws InvalidInput for no kind or frequency, a scope out of range, or the same subscription twice
     */
    public BriefingSubscription subscribe(BriefingKind kind, AnalyticsFilter filter, BriefingFrequency frequency) {
        Coordinator me = coordinator();
        new InvalidInput.Collector()
                .check(kind != null, "kind", "Choose a briefing.")
                .check(frequency != null, "frequency", "Choose how often.")
                .throwIfAny();
        BriefingScope scope = BriefingScope.of(filter);
        validate(scope);
        UUID tenant = me.actor().tenantId();
        UUID id = UUID.randomUUID();
        Instant now = clock.instant();
        try {
            transactions.executeWithoutResult(status -> {
                dsl.insertInto(BRIEFING_SUBSCRIPTION)
                        .set(BRIEFING_SUBSCRIPTION.TENANT_ID, tenant)
                        .set(BRIEFING_SUBSCRIPTION.ID, id)
                        .set(BRIEFING_SUBSCRIPTION.KIND, kind.name())
                        .set(BRIEFING_SUBSCRIPTION.FREQUENCY, frequency.name())
                        .set(BRIEFING_SUBSCRIPTION.YEAR_FROM, scope.yearFrom())
                        .set(BRIEFING_SUBSCRIPTION.YEAR_TO, scope.yearTo())
                        .set(BRIEFING_SUBSCRIPTION.REGION, scope.region())
                        .set(BRIEFING_SUBSCRIPTION.PARTNER_KIND, scope.partnerKind())
                        .set(BRIEFING_SUBSCRIPTION.SUBSCRIBER_ID, me.actor().memberId())
                        .set(BRIEFING_SUBSCRIPTION.SUBSCRIBER_NAME, shorten(me.name(), 200))
                        .set(BRIEFING_SUBSCRIPTION.NEXT_RUN_AT, utc(frequency.next(now)))
                        .set(BRIEFING_SUBSCRIPTION.CREATED_AT, utc(now))
                        .execute();
                Map<String, Object> details = details(kind, scope, null);
                details.put("frequency", frequency.name());
                audit.record("CREATE", "briefing_subscription", id, null, details);
            });
        } catch (RuntimeException e) {
            if (SqlState.is(e, "23505")) {
                throw InvalidInput.of("frequency", "You already receive this briefing " + frequency.label().toLowerCase()
                        + " for this scope.");
            }
            throw e;
        }
        return reads.execute(status -> dsl.selectFrom(BRIEFING_SUBSCRIPTION)
                .where(BRIEFING_SUBSCRIPTION.TENANT_ID.eq(tenant), BRIEFING_SUBSCRIPTION.ID.eq(id))
                .fetchSingle(BriefingService::toSubscription));
    }

    /**
     * Ends a subscription of the organization (any of its coordinators may); the briefings it made stay.
     *
     * @throws NotAllowed when there is no such subscription (any more)
     */
    public void unsubscribe(UUID id) {
        UUID tenant = coordinator().actor().tenantId();
        transactions.executeWithoutResult(status -> {
            BriefingSubscriptionRecord subscription = dsl.selectFrom(BRIEFING_SUBSCRIPTION)
                    .where(BRIEFING_SUBSCRIPTION.TENANT_ID.eq(tenant), BRIEFING_SUBSCRIPTION.ID.eq(id))
                    .fetchOptional()
                    .orElseThrow(() -> new NotAllowed("This subscription does not exist any more."));
            dsl.deleteFrom(BRIEFING_SUBSCRIPTION)
                    .where(BRIEFING_SUBSCRIPTION.TENANT_ID.eq(tenant), BRIEFING_SUBSCRIPTION.ID.eq(id))
                    .execute();
            Map<String, Object> before = details(BriefingKind.valueOf(subscription.getKind()), scope(subscription), null);
            before.put("frequency", subscription.getFrequency());
            before.put("subscriber", subscription.getSubscriberName());
            audit.record("DELETE", "briefing_subscription", id, before, null);
        });
    }

    @Scheduled(initialDelayString = "${entente.briefings.schedule-check:PT5M}",
            fixedDelayString = "${entente.briefings.schedule-check:PT5M}")
    void onSchedule() {
        // Every instance's schedule fires; one of them looks for due subscriptions, once per check interval.
        jobs.oncePerPeriod(SCHEDULE_JOB, scheduleCheck, () -> {
            try {
                int started = runDueSubscriptions(clock.instant());
                if (started > 0) {
                    log.info("Briefing schedule: {} subscription(s) started", started);
                }
            } catch (RuntimeException e) {
                log.warn("Briefing schedule failed; it tries again at its next check", e);
            }
        });
    }

    /**
     * Renews the leases of the briefings in this instance's queue, so that no other instance takes them for abandoned;
     * each organization's under its own scope (row-level security), as the generation itself runs.
     */
    @Scheduled(initialDelayString = "${entente.briefings.lease-renewal:PT30S}",
            fixedDelayString = "${entente.briefings.lease-renewal:PT30S}")
    void renewLeases() {
        Map<UUID, Set<UUID>> byTenant = new HashMap<>();
        for (Job job : queued()) {
            byTenant.computeIfAbsent(job.tenantId(), tenant -> new HashSet<>()).add(job.briefingId());
        }
        byTenant.forEach((tenant, ids) -> {
            try {
                Integer renewed = TenantScope.callAs(Actor.system(tenant), () -> transactions.execute(status -> dsl
                        .update(BRIEFING)
                        .set(BRIEFING.WORKER, instance)
                        .set(BRIEFING.LEASE_UNTIL, leaseEnd())
                        .where(BRIEFING.TENANT_ID.eq(tenant), BRIEFING.ID.in(ids),
                                BRIEFING.STATUS.in(BriefingStatus.QUEUED.name(), BriefingStatus.RUNNING.name()))
                        .execute()));
                log.debug("Briefing leases of {} renewed: {} of {}", tenant, renewed, ids.size());
            } catch (RuntimeException e) {
                log.warn("The leases of {} briefing(s) of {} could not be renewed; tried again in the next round",
                        ids.size(), tenant, e);
            }
        });
    }

    /**
     * Queues the briefing of every subscription due at {@code now}, as its subscriber (if they are still an active
     * coordinator), and moves each subscription's next run on. Returns how many briefings were queued.
     */
    int runDueSubscriptions(Instant now) {
        List<Record3<UUID, UUID, UUID>> due = transactions.execute(status -> dsl
                .select(DSL.field("tenant_id", SQLDataType.UUID), DSL.field("subscription_id", SQLDataType.UUID),
                        DSL.field("subscriber_id", SQLDataType.UUID))
                .from("briefing_subscriptions_due(cast(? as timestamptz))", utc(now))
                .fetch());
        int started = 0;
        for (Record3<UUID, UUID, UUID> subscription : due) {
            Actor subscriber = new Actor(subscription.value1(), subscription.value3());
            try {
                Job job = TenantScope.callAs(subscriber, () -> transactions.execute(status ->
                        startSubscription(subscriber, subscription.value2(), now)));
                if (job != null) {
                    enqueue(job);
                    started++;
                }
            } catch (RuntimeException e) {
                log.warn("Subscription {} of {} could not be started", subscription.value2(), subscription.value1(), e);
            }
        }
        return started;
    }

    private Job startSubscription(Actor subscriber, UUID subscriptionId, Instant now) {
        UUID tenant = subscriber.tenantId();
        BriefingSubscriptionRecord subscription = dsl.selectFrom(BRIEFING_SUBSCRIPTION)
                .where(BRIEFING_SUBSCRIPTION.TENANT_ID.eq(tenant), BRIEFING_SUBSCRIPTION.ID.eq(subscriptionId),
                        BRIEFING_SUBSCRIPTION.NEXT_RUN_AT.le(utc(now)))
                .forUpdate().skipLocked()
                .fetchOptional().orElse(null);
        if (subscription == null) {
            return null; // another check took it, or it was deleted meanwhile
        }
        BriefingFrequency frequency = BriefingFrequency.valueOf(subscription.getFrequency());
        dsl.update(BRIEFING_SUBSCRIPTION)
                .set(BRIEFING_SUBSCRIPTION.NEXT_RUN_AT, utc(frequency.next(now)))
                .set(BRIEFING_SUBSCRIPTION.LAST_RUN_AT, utc(now))
                .where(BRIEFING_SUBSCRIPTION.TENANT_ID.eq(tenant), BRIEFING_SUBSCRIPTION.ID.eq(subscriptionId))
                .execute();
        boolean stillCoordinator = dsl.select(MEMBER.STATUS, MEMBER.ROLES).from(MEMBER)
                .where(MEMBER.TENANT_ID.eq(tenant), MEMBER.ID.eq(subscriber.memberId()))
                .fetchOptional()
                .map(m -> "ACTIVE".equals(m.value1()) && m.value2() != null
                        && Arrays.asList(m.value2()).contains(EntenteRealm.ROLE_COORDINATOR))
                .orElse(false);
        if (!stillCoordinator) {
            log.info("Subscription {} skipped: {} is no longer an active coordinator of {}", subscriptionId,
                    subscription.getSubscriberName(), tenant);
            return null;
        }
        BriefingKind kind = BriefingKind.valueOf(subscription.getKind());
        BriefingScope scope = scope(subscription);
        UUID id = UUID.randomUUID();
        insert(tenant, id, kind, scope, subscriber.memberId(), subscription.getSubscriberName(), subscriptionId,
                clock.instant());
        Map<String, Object> details = details(kind, scope, subscriptionId);
        details.put("frequency", frequency.name());
        audit.record("GENERATE", "briefing", id, null, details);
        return new Job(id, subscriber, kind, scope, organizationName(tenant),
                subscription.getSubscriberName() + " (" + frequency.label().toLowerCase() + " subscription)");
    }

    // ------------------------------------------------------------------------------------------ watch

    /**
     * Tells {@code watcher} about every briefing of the signed-in coordinator's organization from now on (queued,
     * progress, finished), on the generating thread; close to stop.
     */
    public AutoCloseable watch(Consumer<BriefingEvent> watcher) {
        Watcher registered = new Watcher(coordinator().actor().tenantId(), watcher);
        watchers.add(registered);
        return () -> watchers.remove(registered);
    }

    private void broadcast(UUID tenantId, BriefingEvent event) {
        for (Watcher watcher : watchers) {
            if (watcher.tenantId().equals(tenantId)) {
                try {
                    watcher.listener().accept(event);
                } catch (RuntimeException e) {
                    log.debug("A briefing watcher failed on {}", event, e);
                }
            }
        }
    }

    // ------------------------------------------------------------------------------------------ queue

    /** Starts the job now or, while one of the same requester runs, after that one; returns how many come first. */
    private int enqueue(Job job) {
        int ahead;
        boolean start;
        synchronized (this) {
            if (running.containsKey(job.requester())) {
                Deque<Job> queue = waiting.computeIfAbsent(job.requester(), requester -> new ArrayDeque<>());
                queue.add(job);
                ahead = queue.size(); // the running one and those queued before this one
                start = false;
            } else {
                running.put(job.requester(), job);
                ahead = 0;
                start = true;
            }
        }
        broadcast(job.tenantId(), new BriefingEvent.Queued(job.briefingId(), job.requester(), ahead));
        if (start) {
            submit(job);
        }
        return ahead;
    }

    private void submit(Job job) {
        try {
            workers.execute(() -> run(job));
        } catch (RejectedExecutionException e) {
            log.warn("Briefing {} not started: the app is stopping", job.briefingId());
        }
    }

    private void run(Job job) {
        Thread.interrupted(); // a pooled thread starts each job afresh
        try {
            TenantScope.runAs(job.actor(), () -> write(job));
        } catch (RuntimeException e) {
            log.error("Briefing {} could not be finished", job.briefingId(), e);
        } finally {
            progress.remove(job.briefingId());
            Job next = done(job);
            if (next != null) {
                submit(next);
            }
        }
    }

    /** The briefings of this instance's queue: running and waiting. */
    private synchronized List<Job> queued() {
        List<Job> jobs = new ArrayList<>(running.values());
        waiting.values().forEach(jobs::addAll);
        return jobs;
    }

    private synchronized Job done(Job job) {
        running.remove(job.requester());
        Deque<Job> queue = waiting.get(job.requester());
        Job next = queue == null ? null : queue.poll();
        if (queue != null && queue.isEmpty()) {
            waiting.remove(job.requester());
        }
        if (next != null) {
            running.put(next.requester(), next);
        }
        return next;
    }

    // ------------------------------------------------------------------------------------------ write

    /** Writes one briefing, as its requester (inside their {@link TenantScope}). */
    private void write(Job job) {
        UUID tenant = job.tenantId();
        Instant generatedAt = clock.instant();
        Integer started = transactions.execute(status -> dsl.update(BRIEFING)
                .set(BRIEFING.STATUS, BriefingStatus.RUNNING.name())
                .set(BRIEFING.STARTED_AT, utc(generatedAt))
                .set(BRIEFING.WORKER, instance)
                .set(BRIEFING.LEASE_UNTIL, leaseEnd())
                .where(BRIEFING.TENANT_ID.eq(tenant), BRIEFING.ID.eq(job.briefingId()),
                        BRIEFING.STATUS.eq(BriefingStatus.QUEUED.name()))
                .execute());
        if (started == null || started == 0) {
            log.info("Briefing {} is no longer queued; not written", job.briefingId());
            return;
        }
        report(job, 0, "Starting");
        String fileName = "entente-" + job.kind().slug() + "-" + LocalDate.ofInstant(generatedAt, ZoneOffset.UTC) + ".xlsx";
        ExportedContributions exported = new ExportedContributions();
        try {
            Map<ExportedContributions.Workstream, String> titles = reads.execute(status -> dsl
                    .select(WORKSTREAM.TENANT_ID, WORKSTREAM.ID, WORKSTREAM.TITLE).from(WORKSTREAM)
                    .fetchMap(r -> new ExportedContributions.Workstream(r.value1(), r.value2()), r -> r.value3()));
            BriefingRequest request = new BriefingRequest(job.kind(), job.scope().filter(), Viewer.federation(tenant),
                    job.organizationName(), job.requestedBy(), generatedAt);
            try (BriefingFiles.Writing writing = files.start(tenant, job.briefingId())) {
                BriefingResult result = new BriefingWriter(analytics.settings()).withLabels(Labels::of).write(store, request,
                        (workstreamTenant, workstream) -> titles.get(
                                new ExportedContributions.Workstream(workstreamTenant, workstream)),
                        exported::add, (fraction, step) -> report(job, fraction, step), writing.out());
                long size = writing.finish();
                if (Thread.currentThread().isInterrupted()) {
                    throw new InterruptedIOException("interrupted after writing");
                }
                report(job, 1, "Recording the export in the access ledgers");
                try {
                    transactions.executeWithoutResult(status -> ready(job, fileName, size, result, exported, writing));
                } catch (RuntimeException e) {
                    writing.discard();
                    throw e;
                }
            }
            broadcast(tenant, new BriefingEvent.Finished(job.briefingId(), BriefingStatus.READY, null));
            log.info("Briefing {} ({}) of {} written: {}", job.briefingId(), job.kind(), tenant, fileName);
        } catch (RuntimeException | IOException e) {
            fail(job, reason(e));
        }
    }

    /** In the transaction that makes the briefing READY: ledger, audit, notification, then the file in place. */
    private void ready(Job job, String fileName, long size, BriefingResult result, ExportedContributions exported,
            BriefingFiles.Writing writing) {
        UUID tenant = job.tenantId();
        int[] recorded = {0};
        exported.forEachBatch(LEDGER_BATCH, (workstream, ids) -> {
            Integer rows = dsl.select(DSL.function("record_contribution_access", SQLDataType.INTEGER,
                            DSL.val(workstream.tenantId()), DSL.val(workstream.id()),
                            DSL.val(ids, SQLDataType.UUID.array()), DSL.val("EXPORT")))
                    .fetchOne(0, Integer.class);
            recorded[0] += rows == null ? 0 : rows;
        });
        int updated = dsl.update(BRIEFING)
                .set(BRIEFING.STATUS, BriefingStatus.READY.name())
                .set(BRIEFING.FILE_NAME, fileName)
                .set(BRIEFING.SIZE_BYTES, size)
                .set(BRIEFING.MARKING, result.marking())
                .set(BRIEFING.SNAPSHOT_TAKEN_AT, utc(result.snapshot().takenAt()))
                .set(BRIEFING.DETAIL_ROWS, result.detailRows())
                .set(BRIEFING.FINISHED_AT, utc(clock.instant()))
                .where(BRIEFING.TENANT_ID.eq(tenant), BRIEFING.ID.eq(job.briefingId()),
                        BRIEFING.STATUS.eq(BriefingStatus.RUNNING.name()))
                .execute();
        if (updated != 1) {
            throw new IllegalStateException("the briefing row is no longer RUNNING");
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("fileName", fileName);
        details.put("sizeBytes", size);
        details.put("marking", result.marking());
        details.put("snapshotTakenAt", result.snapshot().takenAt().toString());
        details.put("detailRows", result.detailRows());
        details.put("otherOrganizationsContributions", recorded[0]);
        audit.record("EXPORT", "briefing", job.briefingId(), null, details);
        notifications.notifyOwnMember(tenant, job.requester(), Notifications.Kind.BRIEFING_READY, shorten(
                "Your briefing \"" + job.kind().title() + "\" (" + job.scope().describe() + ") is ready: " + fileName
                        + (result.empty() ? " — there is no data in this scope." : "."), 1000));
        try {
            writing.complete();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void fail(Job job, String message) {
        Thread.interrupted(); // the bookkeeping below must reach the database even when the thread was interrupted
        String why = shorten(message, 2000);
        try {
            transactions.executeWithoutResult(status -> {
                dsl.update(BRIEFING)
                        .set(BRIEFING.STATUS, BriefingStatus.FAILED.name())
                        .set(BRIEFING.FAILURE, why)
                        .set(BRIEFING.FINISHED_AT, utc(clock.instant()))
                        .where(BRIEFING.TENANT_ID.eq(job.tenantId()), BRIEFING.ID.eq(job.briefingId()),
                                BRIEFING.STATUS.in(BriefingStatus.QUEUED.name(), BriefingStatus.RUNNING.name()))
                        .execute();
                notifications.notifyOwnMember(job.tenantId(), job.requester(), Notifications.Kind.BRIEFING_FAILED,
                        shorten("Your briefing \"" + job.kind().title() + "\" (" + job.scope().describe()
                                + ") failed: " + why, 1000));
            });
        } catch (RuntimeException e) {
            log.error("Briefing {} failed ({}) and could not be marked so", job.briefingId(), why, e);
        }
        broadcast(job.tenantId(), new BriefingEvent.Finished(job.briefingId(), BriefingStatus.FAILED, why));
    }

    /** The sentence people read for a failure; details of unexpected ones go to the log. */
    private String reason(Exception e) {
        if (Thread.currentThread().isInterrupted() || interruption(e)) {
            return INTERRUPTED;
        }
        if (e instanceof BriefingFailedException failed) {
            return failed.getMessage();
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            log.warn("Briefing file could not be saved under {}", files.root(), e);
            return NOT_SAVED;
        }
        log.warn("Briefing failed", e);
        return "The briefing could not be written: " + (e.getMessage() == null ? e.getClass().getSimpleName()
                : e.getMessage());
    }

    private static boolean interruption(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof InterruptedIOException || t instanceof ClosedByInterruptException
                    || t instanceof InterruptedException) {
                return true;
            }
        }
        return false;
    }

    private void report(Job job, double fraction, String step) {
        BriefingEvent.Progress now = new BriefingEvent.Progress(job.briefingId(), Math.max(0, Math.min(1, fraction)),
                step == null ? "" : step);
        BriefingEvent.Progress before = progress.put(job.briefingId(), now);
        long time = System.nanoTime();
        long last = job.reportedAt().get();
        if (before == null || !before.step().equals(now.step()) || time - last >= PROGRESS_EVERY_NANOS) {
            job.reportedAt().set(time);
            broadcast(job.tenantId(), now);
        }
    }

    // ---------------------------------------------------------------------------------------- helpers

    /**
     * Briefings left QUEUED or RUNNING by an app instance that stopped (their lease passed, or they have none from
     * before leases): they will never finish. Those in this instance's own queue are not abandoned, whatever the lease.
     */
    private void failAbandoned(UUID tenant) {
        Set<UUID> mine = new HashSet<>();
        queued().forEach(job -> mine.add(job.briefingId()));
        List<UUID> abandoned = new ArrayList<>(reads.execute(status -> dsl.select(BRIEFING.ID).from(BRIEFING)
                .where(BRIEFING.TENANT_ID.eq(tenant), unfinishedWithoutLease())
                .fetch(BRIEFING.ID)));
        abandoned.removeAll(mine);
        if (abandoned.isEmpty()) {
            return;
        }
        // The lease is checked again as the rows are updated: one renewed meanwhile stays.
        List<UUID> failed = transactions.execute(status -> dsl.update(BRIEFING)
                .set(BRIEFING.STATUS, BriefingStatus.FAILED.name())
                .set(BRIEFING.FAILURE, ABANDONED)
                .set(BRIEFING.FINISHED_AT, utc(clock.instant()))
                .where(BRIEFING.TENANT_ID.eq(tenant), BRIEFING.ID.in(abandoned), unfinishedWithoutLease())
                .returning(BRIEFING.ID)
                .fetch(BRIEFING.ID));
        if (failed != null) {
            failed.forEach(id -> {
                log.info("Briefing {} of {} abandoned by its app instance: marked failed", id, tenant);
                files.discardPart(tenant, id);
            });
        }
    }

    private static org.jooq.Condition unfinishedWithoutLease() {
        return BRIEFING.STATUS.in(BriefingStatus.QUEUED.name(), BriefingStatus.RUNNING.name())
                .and(BRIEFING.LEASE_UNTIL.isNull().or(BRIEFING.LEASE_UNTIL.lt(DSL.currentOffsetDateTime())));
    }

    /** Of the given briefings of a tenant, those some live instance holds (a lease that has not passed), or this one. */
    private Set<UUID> leased(UUID tenant, Set<UUID> ids) {
        Set<UUID> held = new HashSet<>();
        queued().forEach(job -> held.add(job.briefingId()));
        List<UUID> leasedRows = TenantScope.callAs(Actor.system(tenant), () -> reads.execute(status -> dsl
                .select(BRIEFING.ID).from(BRIEFING)
                .where(BRIEFING.TENANT_ID.eq(tenant), BRIEFING.ID.in(ids),
                        BRIEFING.STATUS.in(BriefingStatus.QUEUED.name(), BriefingStatus.RUNNING.name()),
                        BRIEFING.LEASE_UNTIL.ge(DSL.currentOffsetDateTime()))
                .fetch(BRIEFING.ID)));
        if (leasedRows != null) {
            held.addAll(leasedRows);
        }
        return held;
    }

    /** The end of a lease taken or renewed now, on the database's clock (the instances' clocks may differ). */
    private Field<OffsetDateTime> leaseEnd() {
        return DSL.field("now() + {0} * interval '1 millisecond'", SQLDataType.TIMESTAMPWITHTIMEZONE,
                DSL.val(lease.toMillis()));
    }

    private void validate(BriefingScope scope) {
        FilterOptions known;
        try {
            known = analytics.filterOptions().orElse(null);
        } catch (AnalyticsUnavailable e) {
            known = null; // the snapshot cannot be read now: the generation will say so
        }
        try {
            scope.filter().validate(known);
        } catch (InvalidFilterException e) {
            throw InvalidInput.of(e.field() == null ? "scope" : e.field(), e.getMessage());
        }
    }

    private void insert(UUID tenant, UUID id, BriefingKind kind, BriefingScope scope, UUID requester, String name,
            UUID subscription, Instant at) {
        dsl.insertInto(BRIEFING)
                .set(BRIEFING.TENANT_ID, tenant)
                .set(BRIEFING.ID, id)
                .set(BRIEFING.KIND, kind.name())
                .set(BRIEFING.YEAR_FROM, scope.yearFrom())
                .set(BRIEFING.YEAR_TO, scope.yearTo())
                .set(BRIEFING.REGION, scope.region())
                .set(BRIEFING.PARTNER_KIND, scope.partnerKind())
                .set(BRIEFING.REQUESTED_BY, requester)
                .set(BRIEFING.REQUESTED_BY_NAME, shorten(name, 200))
                .set(BRIEFING.SUBSCRIPTION_ID, subscription)
                .set(BRIEFING.STATUS, BriefingStatus.QUEUED.name())
                .set(BRIEFING.REQUESTED_AT, utc(at))
                .set(BRIEFING.WORKER, instance)
                .set(BRIEFING.LEASE_UNTIL, leaseEnd())
                .execute();
    }

    private String organizationName(UUID tenant) {
        return dsl.select(TENANT.NAME).from(TENANT).where(TENANT.ID.eq(tenant)).fetchOptional(TENANT.NAME).orElse("");
    }

    private Optional<Briefing> find(UUID tenant, UUID id) {
        return reads.execute(status -> dsl.selectFrom(BRIEFING)
                .where(BRIEFING.TENANT_ID.eq(tenant), BRIEFING.ID.eq(id))
                .fetchOptional(this::toBriefing));
    }

    private Coordinator coordinator() {
        SignedInUser user = currentUser.get().orElseThrow(() -> new NotAllowed("Sign in to work with briefings."));
        return signedInCoordinator().orElseThrow(() -> new NotAllowed(
                user.affiliation() instanceof Affiliation.Affiliated
                        ? "Only coordinators generate and read Excel briefings."
                        : "Briefings are for coordinators of a partner organization."));
    }

    private Optional<Coordinator> signedInCoordinator() {
        return currentUser.get()
                .filter(user -> user.roles().contains(EntenteRealm.ROLE_COORDINATOR))
                .filter(user -> user.affiliation() instanceof Affiliation.Affiliated)
                .map(user -> new Coordinator(new Actor(((Affiliation.Affiliated) user.affiliation()).tenantId(),
                        user.memberId()), user.displayName()));
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

    private Briefing toBriefing(BriefingRecord r) {
        BriefingStatus status = BriefingStatus.valueOf(r.getStatus());
        BriefingEvent.Progress running = status == BriefingStatus.RUNNING ? progress.get(r.getId()) : null;
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

    private static BriefingSubscription toSubscription(BriefingSubscriptionRecord r) {
        return new BriefingSubscription(r.getId(), BriefingKind.valueOf(r.getKind()),
                BriefingFrequency.valueOf(r.getFrequency()), scope(r), r.getSubscriberId(), r.getSubscriberName(),
                instant(r.getNextRunAt()), instant(r.getLastRunAt()), instant(r.getCreatedAt()));
    }

    private static BriefingScope scope(BriefingSubscriptionRecord r) {
        return new BriefingScope(r.getYearFrom(), r.getYearTo(), r.getRegion(), r.getPartnerKind());
    }

    private static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : instant.atOffset(ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static String shorten(String text, int max) {
        String value = text == null || text.isBlank() ? "?" : text.strip();
        return value.length() <= max ? value : value.substring(0, max - 1) + "…";
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        // Other instances may be writing into the shared folder right now: only parts nobody holds go.
        files.removeLeftovers(this::leased, lease);
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
