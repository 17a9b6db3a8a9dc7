package org.entente.briefing;

import java.io.InputStream;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.entente.analytics.AnalyticsService;
import org.entente.analytics.AnalyticsUnavailable;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.FilterOptions;
import org.entente.analytics.engine.InvalidFilterException;
import org.entente.analytics.engine.briefing.BriefingKind;
import org.entente.analytics.engine.briefing.BriefingWriter;
import org.entente.db.tenancy.Actor;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.i18n.Language;
import org.entente.platform.security.CurrentUser;
import org.entente.platform.security.SignedInUser;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.platform.validation.SqlState;
import org.entente.tenant.Affiliation;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Excel briefings of a coordinator's organization: asked for on the Analytics page or by a subscription, written
 * off the request thread by the analytics engine's {@link BriefingWriter} from one snapshot, kept under the data
 * directory, listed and downloaded again. Only coordinators (realm role {@code coordinator}) generate, list and
 * download them, and only their own organization's (row-level security on {@code briefing}).
 *
 * <p>This is the entry point the pages use; the parts, one job each:
 * <ul>
 * <li>{@link BriefingQueue}: each person's briefings one after another, a few workers for everybody;</li>
 * <li>{@link BriefingGeneration}: writing one briefing, as its requester, to READY or FAILED;</li>
 * <li>{@link BriefingLeases}: several app instances over one database and one shared folder;</li>
 * <li>{@link BriefingSubscriptions} and {@link BriefingSchedule}: standing requests and when they are generated;</li>
 * <li>{@link BriefingLedger}: the audit log, the access ledgers, the consent used and the bell;</li>
 * <li>{@link BriefingRows}, {@link BriefingFiles}: the {@code briefing} table and the workbooks on disk;</li>
 * <li>{@link BriefingWatchers}: open pages hearing about progress.</li>
 * </ul>
 * Transactions are on the public methods of those beans (or here, on {@link #download}), always called through Spring's
 * proxy: a transaction begun by a call through {@code this} would not begin, and without it no tenant is set.
 */
@Service
@EnableConfigurationProperties(BriefingProperties.class)
public class BriefingService {

    private static final Logger log = LoggerFactory.getLogger(BriefingService.class);

    private final CurrentUser currentUser;
    private final AnalyticsService analytics;
    private final BriefingRows rows;
    private final BriefingLedger ledger;
    private final BriefingQueue queue;
    private final BriefingLeases leases;
    private final BriefingSubscriptions subscriptions;
    private final BriefingFiles files;
    private final BriefingWatchers watchers;
    private final Clock clock = Clock.systemUTC();

    BriefingService(CurrentUser currentUser, AnalyticsService analytics, BriefingRows rows, BriefingLedger ledger,
            BriefingQueue queue, BriefingLeases leases, BriefingSubscriptions subscriptions, BriefingFiles files,
            BriefingWatchers watchers) {
        this.currentUser = currentUser;
        this.analytics = analytics;
        this.rows = rows;
        this.ledger = ledger;
        this.queue = queue;
        this.leases = leases;
        this.subscriptions = subscriptions;
        this.files = files;
        this.watchers = watchers;
    }

    private record Coordinator(Actor actor, String name) {

        UUID tenantId() {
            return actor.tenantId();
        }
    }

    /** Whether the signed-in person may generate and read briefings (a coordinator of a partner organization). */
    public boolean mayGenerate() {
        return signedInCoordinator().isPresent();
    }

    /**
     * Asks for a briefing of the signed-in coordinator's organization; it is written in the background.
     *
     * @return the briefing, QUEUED, and how many of the coordinator's own briefings are written before it
     * @throws NotAllowed   for anyone but a coordinator
     * @throws InvalidInput for no kind or a scope out of range (keyed {@code kind, yearFrom, yearTo, region,
     *                      partnerKind})
     */
    public QueuedBriefing generate(BriefingKind kind, AnalyticsFilter filter) {
        return generate(kind, filter, Language.EN.locale());
    }

    /** As {@link #generate(BriefingKind, AnalyticsFilter)}, written in the language of {@code locale} (the page's). */
    public QueuedBriefing generate(BriefingKind kind, AnalyticsFilter filter, Locale locale) {
        Coordinator me = coordinator();
        if (kind == null) {
            throw InvalidInput.of("kind", "briefing.error.kindMissing");
        }
        Language language = Language.orDefault(locale);
        BriefingScope scope = BriefingScope.of(filter);
        validate(scope, locale);
        UUID id = UUID.randomUUID();
        // Committed before it is queued: the worker takes it up from the row.
        String organization = ledger.asked(me.actor(), me.name(), id, kind, scope, null, null, language);
        int ahead = queue.enqueue(new BriefingJob(id, me.actor(), kind, scope, organization, me.name(), language));
        return new QueuedBriefing(rows.find(me.tenantId(), id).orElseThrow(), ahead);
    }

    /** The organization's briefings, newest first (at most {@value BriefingRows#LISTED}). */
    public List<Briefing> list() {
        UUID tenant = coordinator().tenantId();
        leases.failAbandoned(tenant);
        return rows.list(tenant, null, BriefingRows.LISTED);
    }

    /** One of the organization's briefings; empty for another organization's or an unknown id. */
    public Optional<Briefing> get(UUID id) {
        return rows.find(coordinator().tenantId(), id);
    }

    /** The signed-in coordinator's own briefings (asked for themselves or by their subscriptions), newest first. */
    public List<Briefing> mine(int limit) {
        Coordinator me = coordinator();
        leases.failAbandoned(me.tenantId());
        return rows.list(me.tenantId(), me.actor().memberId(), limit);
    }

    /**
     * The workbook of a READY briefing of the organization, opened for download; the download is in the audit log.
     * Empty for another organization's briefing, an unknown id, or one that is not ready.
     */
    @Transactional
    public Optional<BriefingDownload> download(UUID id) {
        UUID tenant = coordinator().tenantId();
        Optional<BriefingRows.ReadyFile> ready = rows.readyFile(tenant, id);
        if (ready.isEmpty()) {
            return Optional.empty();
        }
        if (!files.exists(tenant, id)) {
            log.warn("Briefing {} of {} is ready but its file {} is gone", id, tenant, files.file(tenant, id));
            return Optional.empty();
        }
        ledger.downloaded(id, ready.get());
        InputStream content = files.open(tenant, id);
        if (content == null) {
            throw new IllegalStateException("The briefing's file went while it was being opened.");
        }
        return Optional.of(new BriefingDownload(ready.get().fileName(), ready.get().sizeBytes(), content));
    }

    /** The organization's subscriptions, oldest first. */
    public List<BriefingSubscription> subscriptions() {
        return subscriptions.list(coordinator().tenantId());
    }

    /**
     * Asks for the briefing on a schedule, as the signed-in coordinator; the first one comes at the next run of the
     * frequency (Monday or the first of the month, early morning UTC).
     *
     * @throws InvalidInput for no kind or frequency, a scope out of range, or the same subscription twice
     */
    public BriefingSubscription subscribe(BriefingKind kind, AnalyticsFilter filter, BriefingFrequency frequency) {
        return subscribe(kind, filter, frequency, Language.EN.locale());
    }

    /**
     * As {@link #subscribe(BriefingKind, AnalyticsFilter, BriefingFrequency)}; its briefings are written in the
     * language of {@code locale} (the page's when the coordinator subscribed).
     */
    public BriefingSubscription subscribe(BriefingKind kind, AnalyticsFilter filter, BriefingFrequency frequency,
            Locale locale) {
        Coordinator me = coordinator();
        new InvalidInput.Collector()
                .check(kind != null, "kind", "briefing.error.kindMissing")
                .check(frequency != null, "frequency", "briefing.error.frequencyMissing")
                .throwIfAny();
        BriefingScope scope = BriefingScope.of(filter);
        validate(scope, locale);
        UUID id = UUID.randomUUID();
        try {
            subscriptions.create(me.actor(), me.name(), id, kind, scope, frequency, clock.instant(),
                    Language.orDefault(locale));
        } catch (RuntimeException e) {
            if (SqlState.is(e, "23505")) {
                throw InvalidInput.of("frequency", "briefing.error.alreadySubscribed." + frequency.name());
            }
            throw e;
        }
        return subscriptions.get(me.tenantId(), id);
    }

    /**
     * Ends a subscription of the organization (any of its coordinators may); the briefings it made stay.
     *
     * @throws NotAllowed when there is no such subscription (any more)
     */
    public void unsubscribe(UUID id) {
        subscriptions.delete(coordinator().tenantId(), id);
    }

    /**
     * Tells {@code watcher} about every briefing of the signed-in coordinator's organization from now on (queued,
     * progress, finished), on the generating thread; close to stop.
     */
    public AutoCloseable watch(Consumer<BriefingEvent> watcher) {
        return watchers.watch(coordinator().tenantId(), watcher);
    }

    private void validate(BriefingScope scope, Locale locale) {
        FilterOptions known;
        try {
            known = analytics.filterOptions().orElse(null);
        } catch (AnalyticsUnavailable e) {
            known = null; // the snapshot cannot be read now: the generation will say so
        }
        try {
            scope.filter().validate(known);
        } catch (InvalidFilterException e) {
            // The engine's sentence (from its own bundle) names the value and what it knows, in the page's language.
            throw InvalidInput.of(e.field() == null ? "scope" : e.field(), "briefing.error.scope", e.text().in(locale));
        }
    }

    private Coordinator coordinator() {
        SignedInUser user = currentUser.get().orElseThrow(() -> new NotAllowed("briefing.notAllowed.signIn"));
        return signedInCoordinator().orElseThrow(() -> new NotAllowed(
                user.affiliation() instanceof Affiliation.Affiliated
                        ? "briefing.notAllowed.coordinatorsOnly"
                        : "briefing.notAllowed.partnerCoordinators"));
    }

    private Optional<Coordinator> signedInCoordinator() {
        return currentUser.get()
                .filter(user -> user.roles().contains(EntenteRealm.ROLE_COORDINATOR))
                .filter(user -> user.affiliation() instanceof Affiliation.Affiliated)
                .map(user -> new Coordinator(new Actor(((Affiliation.Affiliated) user.affiliation()).tenantId(),
                        user.memberId()), user.displayName()));
    }
}
