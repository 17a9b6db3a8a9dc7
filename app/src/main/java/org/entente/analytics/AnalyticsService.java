package org.entente.analytics;

import jakarta.annotation.PreDestroy;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Function;
import org.entente.analytics.engine.Analytics;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.BurdenGuideline;
import org.entente.analytics.engine.ConsentingPartner;
import org.entente.analytics.engine.FilterOptions;
import org.entente.analytics.engine.InvalidFilterException;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.snapshot.NoSnapshotException;
import org.entente.analytics.engine.snapshot.RefreshInProgressException;
import org.entente.analytics.engine.snapshot.SnapshotInfo;
import org.entente.analytics.engine.snapshot.SnapshotStore;
import org.entente.db.tenancy.TenantNotActiveException;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Text;
import org.entente.platform.i18n.Translations;
import org.entente.platform.schedule.JobLock;
import org.entente.platform.security.CurrentUser;
import org.entente.platform.security.SignedInUser;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.tenant.Affiliation;
import org.entente.tenant.Tenant;
import org.entente.tenant.TenantService;
import org.entente.tenant.TenantStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The Analytics workspace's one entry point. Decides who sees what — realm role {@code coordinator}: the
 * federation under disclosure control; everyone else: their own organization's view — from the signed-in
 * token only. Figures come only from the DuckDB snapshot, never from PostgreSQL. Refreshes the snapshot on
 * a coordinator's request, on a schedule and once at start-up when there is none, one at a time and on a
 * background thread, telling every open page how far it got. A coordinator's figures are measured against their
 * organization's {@linkplain BurdenGuidelines burden guideline}, and every report that publishes figures only by an
 * organization's consent is announced ({@link ConsentUsed}) so that the granting organizations' ledgers record it.
 */
@Service
public class AnalyticsService {

    private static final Logger log = LoggerFactory.getLogger(AnalyticsService.class);

    private final SnapshotStore store;
    private final Analytics analytics;
    private final AnalyticsSource source;
    private final CurrentUser currentUser;
    private final AnalyticsSettings settings;
    private final JobLock jobs;
    private final BurdenGuidelines guidelines;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final TenantService tenants;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(
            Thread.ofPlatform().daemon().name("analytics-refresh").factory());
    private final AtomicReference<AnalyticsStatus.Running> running = new AtomicReference<>();
    private final Set<Consumer<RefreshEvent>> watchers = ConcurrentHashMap.newKeySet();
    private volatile AnalyticsStatus.Failure lastFailure;

    AnalyticsService(SnapshotStore store, Analytics analytics, AnalyticsSource source, CurrentUser currentUser,
            AnalyticsProperties properties, JobLock jobs, BurdenGuidelines guidelines, ApplicationEventPublisher events,
            PlatformTransactionManager transactionManager, TenantService tenants) {
        this.tenants = tenants;
        this.jobs = jobs;
        this.guidelines = guidelines;
        this.events = events;
        this.transactions = new TransactionTemplate(transactionManager);
        this.settings = new AnalyticsSettings(properties.minimumPartners(), properties.dominanceLimit());
        this.store = store;
        this.analytics = analytics;
        this.source = source;
        this.currentUser = currentUser;
    }

    /** The disclosure-control settings the federation view is published under. */
    public AnalyticsSettings settings() {
        return settings;
    }

    /**
     * Whose figures the signed-in person sees. A suspended or offboarded organization's people see none: the snapshot
     * is read without a PostgreSQL transaction, so the transaction manager's check of the organization's status
     * (issue 20) does not reach it, and this does the same here.
     */
    public Viewer viewer() {
        SignedInUser user = signedIn();
        if (!(user.affiliation() instanceof Affiliation.Affiliated affiliated)) {
            throw new NotAllowed("analytics.notAllowed.members");
        }
        TenantStatus status = tenants.currentTenant().map(Tenant::status).orElse(null);
        if (status != TenantStatus.ACTIVE) {
            throw new TenantNotActiveException(affiliated.tenantId(), status == null ? null : status.name());
        }
        return coordinator(user) ? Viewer.federation(affiliated.tenantId()) : Viewer.organization(affiliated.tenantId());
    }

    public AnalyticsStatus status() {
        Viewer viewer = viewer();
        return new AnalyticsStatus(viewer, store.current().orElse(null), running.get(), failure(),
                viewer.federation());
    }

    /**
     * The figures for the signed-in person, cut by the filter, for the screen; empty while there is no snapshot yet.
     * A coordinator's federation view is measured against their organization's burden guideline; a member's view has
     * none. When the report publishes figures only by consent, their use is recorded (see {@link ConsentUsed}) before
     * the report is returned: a report whose use cannot be recorded is not shown.
     *
     * @throws InvalidInput for a filter out of range, keyed by the filter's field
     *                      ({@code yearFrom, yearTo, region, partnerKind, workstreamKind})
     */
    public Optional<AnalyticsReport> report(AnalyticsFilter filter) {
        return report(filter, Language.EN.locale());
    }

    /**
     * As {@link #report(AnalyticsFilter)}, its titles, headings, labels and notes in the language of {@code locale}
     * (the page's).
     */
    public Optional<AnalyticsReport> report(AnalyticsFilter filter, Locale locale) {
        Viewer viewer = viewer();
        BurdenGuideline guideline = viewer.federation() ? guideline() : BurdenGuideline.none();
        AnalyticsReport report;
        try {
            report = analytics.report(viewer, filter == null ? AnalyticsFilter.everything() : filter, guideline,
                    locale);
        } catch (NoSnapshotException e) {
            if (store.current().isPresent()) {
                // There is a snapshot, but its file cannot be read: say so rather than "no snapshot yet".
                throw new AnalyticsUnavailable(Text.of("analytics.unavailable.snapshotFile", e.getMessage()));
            }
            return Optional.empty();
        } catch (InvalidFilterException e) {
            // The engine's sentence (from its own bundle) names the value and what it knows, in the page's language.
            throw InvalidInput.of(e.field() == null ? "filter" : e.field(), "analytics.error.filter",
                    e.text().in(locale));
        } catch (RuntimeException e) {
            log.warn("Analytics report failed for {}", viewer, e);
            throw new AnalyticsUnavailable(Text.of("analytics.unavailable.figures", source.explain(e)));
        }
        if (viewer.federation() && !report.publishedByConsent().isEmpty()) {
            recordConsentUse(viewer, report);
        }
        return Optional.of(report);
    }

    private BurdenGuideline guideline() {
        try {
            return guidelines.current();
        } catch (RuntimeException e) {
            log.warn("Burden guideline could not be read", e);
            throw new AnalyticsUnavailable(Text.of("analytics.unavailable.guideline"));
        }
    }

    /**
     * Announces, inside a transaction of the reader's organization, that this screen shows figures published by the
     * grantors' consent; the disclosure feature's listener records it in each grantor's ledger in that transaction.
     */
    private void recordConsentUse(Viewer viewer, AnalyticsReport report) {
        ConsentUsed used = new ConsentUsed(viewer.tenantId(),
                report.publishedByConsent().stream().map(ConsentingPartner::tenantId).toList(),
                report.snapshot().takenAt(), ConsentUsed.Surface.SCREEN);
        try {
            transactions.executeWithoutResult(status -> events.publishEvent(used));
        } catch (RuntimeException e) {
            log.warn("Consent use could not be recorded: {}", used, e);
            throw new AnalyticsUnavailable(Text.of("analytics.unavailable.consentLedger"));
        }
    }

    /** Years, regions and kinds the filters offer; empty while there is no snapshot yet. */
    public Optional<FilterOptions> filterOptions() {
        viewer();
        try {
            return Optional.of(analytics.filterOptions());
        } catch (NoSnapshotException e) {
            return Optional.empty();
        } catch (RuntimeException e) {
            log.warn("Analytics filter options failed", e);
            throw new AnalyticsUnavailable(Text.of("analytics.unavailable.snapshot", source.explain(e)));
        }
    }

    /**
     * Starts a refresh of the snapshot in the background (coordinators only); progress and outcome reach
     * every {@link #watch watcher}.
     *
     * @throws NotAllowed     for anyone but a coordinator
     * @throws RefreshRunning when a refresh runs already (it is not started twice)
     */
    public void refresh() {
        SignedInUser user = signedIn();
        if (!coordinator(user) || !(user.affiliation() instanceof Affiliation.Affiliated)) {
            throw new NotAllowed("analytics.notAllowed.refresh");
        }
        start(Text.of("analytics.refresh.by.person", user.displayName()));
    }

    /** Tells {@code watcher} about every refresh from now on, on the refresh thread; close to stop. */
    public AutoCloseable watch(Consumer<RefreshEvent> watcher) {
        watchers.add(watcher);
        return () -> watchers.remove(watcher);
    }

    /** Whether a refresh runs now (started by anyone, or the schedule). */
    public boolean refreshing() {
        return running.get() != null || store.refreshing();
    }

    @Scheduled(initialDelayString = "${entente.analytics.refresh-interval:PT15M}",
            fixedDelayString = "${entente.analytics.refresh-interval:PT15M}")
    void onSchedule() {
        // Each instance keeps a snapshot of its own, so each refreshes it, but in turn: never several instances
        // reading all of PostgreSQL at once. The turn lasts until the refresh ends on the worker (the no-op behind it).
        jobs.oneAtATime("analytics-refresh", () -> {
            startQuietly(Text.of("analytics.refresh.by.schedule"));
            try {
                worker.submit(() -> { }).get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (java.util.concurrent.ExecutionException | java.util.concurrent.RejectedExecutionException e) {
                log.debug("Analytics refresh: the worker stopped", e);
            }
        });
    }

    /**
     * Without a snapshot, takes the first one; with one, still checks the analytics role so that the page
     * can name a broken setting before the next scheduled refresh. Never holds up or fails the start.
     */
    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        if (store.current().isEmpty()) {
            startQuietly(Text.of("analytics.refresh.by.startUp"));
            return;
        }
        worker.execute(() -> {
            try {
                source.check();
            } catch (AnalyticsSetupProblem e) {
                recordFailure(setupProblem(e));
            }
        });
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    private void startQuietly(Text by) {
        try {
            start(by);
        } catch (RefreshRunning e) {
            log.debug("Analytics refresh by {} skipped: {}", by, e.getMessage());
        }
    }

    private void start(Text by) {
        AnalyticsStatus.Running refresh = new AnalyticsStatus.Running(Instant.now(), by, 0, null);
        if (store.refreshing() || !running.compareAndSet(null, refresh)) {
            AnalyticsStatus.Running current = running.get();
            throw new RefreshRunning(current == null ? Text.of("analytics.refresh.running")
                    : Text.of("analytics.refresh.runningBy", current.startedBy()));
        }
        broadcast(new RefreshEvent.Started(refresh.startedAt(), by));
        try {
            worker.execute(() -> run(refresh));
        } catch (RuntimeException e) {
            running.set(null);
            throw e;
        }
    }

    private void run(AnalyticsStatus.Running refresh) {
        RefreshEvent outcome;
        try {
            source.check();
            SnapshotInfo info = store.refresh(source.dataSource(), (fraction, step) -> {
                running.set(new AnalyticsStatus.Running(refresh.startedAt(), refresh.startedBy(), fraction, step));
                broadcast(new RefreshEvent.Progress(fraction, step));
            });
            lastFailure = null;
            log.info("Analytics snapshot taken in {}: {}", info.took(), info.rowCounts());
            outcome = new RefreshEvent.Finished(info);
        } catch (RefreshInProgressException e) {
            log.debug("Analytics refresh not started: {}", e.getMessage());
            outcome = new RefreshEvent.Failed(Instant.now(), Text.of("analytics.refresh.running")::in);
        } catch (AnalyticsSetupProblem e) {
            outcome = recordFailure(setupProblem(e));
        } catch (RuntimeException e) {
            if (Thread.interrupted()) {
                // Killed midway (the store keeps the flag set): its own sentence names the step, where the SQL cause
                // would only say "canceling statement due to user request".
                Function<Locale, String> why = inReadersLanguage(e.getMessage());
                outcome = recordFailure(locale -> Translations.text(locale, "analytics.failure.interrupted",
                        why.apply(locale)));
            } else {
                log.warn("Analytics refresh failed", e);
                Function<Locale, String> why = inReadersLanguage(source.explain(e));
                outcome = recordFailure(locale -> Translations.text(locale, "analytics.failure.refresh",
                        why.apply(locale)));
            }
        } finally {
            running.set(null);
        }
        broadcast(outcome);
    }

    private RefreshEvent.Failed recordFailure(Function<Locale, String> text) {
        RefreshEvent.Failed failed = new RefreshEvent.Failed(Instant.now(), text);
        log.warn("Analytics: {}", failed.message());
        lastFailure = new AnalyticsStatus.Failure(failed.at(), text);
        return failed;
    }

    /** A setting to fix, for whoever runs the server: the check's sentence names it (and SQL) as written. */
    private static Function<Locale, String> setupProblem(AnalyticsSetupProblem problem) {
        return Text.of("analytics.failure.setup", problem.getMessage())::in;
    }

    /**
     * The store's sentence in each reader's language when {@code english} is the store's own (it names the step that
     * failed); otherwise (a setting, PostgreSQL's words) as written.
     */
    private Function<Locale, String> inReadersLanguage(String english) {
        return store.lastFailure().filter(failure -> failure.message().equals(english))
                .<Function<Locale, String>>map(failure -> failure.text()::in)
                .orElse(locale -> english);
    }

    private AnalyticsStatus.Failure failure() {
        AnalyticsStatus.Failure own = lastFailure;
        if (own != null) {
            return own;
        }
        return store.lastFailure().map(f -> new AnalyticsStatus.Failure(f.at(), f.text()::in)).orElse(null);
    }

    private void broadcast(RefreshEvent event) {
        for (Consumer<RefreshEvent> watcher : watchers) {
            try {
                watcher.accept(event);
            } catch (RuntimeException e) {
                log.debug("An analytics watcher failed on {}", event, e);
            }
        }
    }

    private SignedInUser signedIn() {
        return currentUser.get().orElseThrow(() -> new NotAllowed("analytics.notAllowed.signIn"));
    }

    private static boolean coordinator(SignedInUser user) {
        return user.roles().contains(EntenteRealm.ROLE_COORDINATOR);
    }
}
