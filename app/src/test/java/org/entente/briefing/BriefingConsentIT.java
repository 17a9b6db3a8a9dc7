package org.entente.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.OutputStream;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.entente.analytics.AnalyticsService;
import org.entente.analytics.ConsentUsed;
import org.entente.analytics.RefreshEvent;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.ConsentingPartner;
import org.entente.analytics.engine.briefing.BriefingKind;
import org.entente.analytics.engine.briefing.BriefingProgress;
import org.entente.analytics.engine.briefing.BriefingRequest;
import org.entente.analytics.engine.briefing.BriefingResult;
import org.entente.analytics.engine.briefing.ExportLedger;
import org.entente.analytics.engine.briefing.WorkstreamTitles;
import org.entente.analytics.engine.snapshot.SnapshotStore;
import org.entente.db.embedded.LocalPostgres;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.TenantScope;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.TenantService;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.DemoActors;
import org.entente.testing.Eventually;
import org.entente.testing.SuperuserDatabase;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.test.util.AopTestUtils;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The briefing's side of publication consent (issue #16). The request carries the guideline of the coordinator's
 * organization ({@code burden_guideline}); a workbook that publishes organizations' own figures only by their consent
 * tells the disclosure feature so ({@link ConsentUsed}, surface BRIEFING) inside the transaction that makes the briefing
 * READY, as the briefing's requester — a coordinator, or the subscriber when the schedule asks.
 *
 * <p>Which figures consent publishes is the engine's decision, tested there. Here the workbook really is written and its
 * result then names consenting partners (the engine's {@link Workbooks} is wrapped for the test), so that what the
 * briefing does with them is checked on its own. A listener added to the shared context hears the event as the
 * disclosure feature's would: on the publishing thread.
 */
class BriefingConsentIT extends AppIntegrationTest {

    static final UUID OLIVIA_GRANT = BriefingServiceIT.OLIVIA_GRANT;
    static final UUID NATO = DemoActors.NATO.tenantId();
    static final List<ConsentingPartner> CONSENTING = List.of(
            new ConsentingPartner(DemoActors.NORWAY.tenantId(), "Norway"),
            new ConsentingPartner(DemoActors.KENYA.tenantId(), "Kenya"));
    /** A guideline year no demo data uses, set for NATO ACT by this test. */
    static final int GUIDELINE_YEAR = 2099;
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Autowired
    BriefingService briefings;
    @Autowired
    BriefingSchedule schedule;
    @Autowired
    BriefingGeneration generation;
    @Autowired
    AnalyticsService analytics;
    @Autowired
    SnapshotStore store;
    @Autowired
    org.entente.label.ExportLabels labels;
    @Autowired
    TenantService tenants;
    @Autowired
    LocalPostgres postgres;
    @Autowired
    DSLContext dsl;
    @Autowired
    ConfigurableApplicationContext context;

    /** What the listener heard, and where it heard it. */
    record Heard(ConsentUsed event, boolean inTransaction, boolean readOnly, Optional<Actor> scope, String tenantSetting,
            String memberSetting) {
    }

    final List<Heard> heard = new CopyOnWriteArrayList<>();
    final List<BriefingRequest> requests = new CopyOnWriteArrayList<>();
    final ApplicationListener<ApplicationEvent> listener = event -> {
        if (event instanceof PayloadApplicationEvent<?> payload && payload.getPayload() instanceof ConsentUsed used) {
            heard.add(new Heard(used, TransactionSynchronizationManager.isActualTransactionActive(),
                    TransactionSynchronizationManager.isCurrentTransactionReadOnly(), TenantScope.current(),
                    setting("app.tenant_id"), setting("app.user_id")));
        }
    };

    SignedInUser olivia;
    SuperuserDatabase database;
    Workbooks engine;

    @BeforeEach
    void listenAndSetAGuideline() {
        olivia = SignedInAs.user(tenants, OLIVIA_GRANT, "olivia.grant", "Olivia Grant",
                "olivia.grant@nato-act.demo.entente.org", Set.of("member", "coordinator"), "nato-act");
        database = new SuperuserDatabase(postgres);
        if (store.current().isEmpty()) {
            freshSnapshot();
        }
        database.update("""
                insert into burden_guideline (tenant_id, year, target_intensity, set_by)
                values (?, ?, 0.000123, 'Olivia Grant')""", NATO, GUIDELINE_YEAR);
        engine = (Workbooks) ReflectionTestUtils.getField(target(), "workbooks");
        context.addApplicationListener(listener);
    }

    @AfterEach
    void restore() {
        context.removeApplicationListener(listener);
        ReflectionTestUtils.setField(target(), "workbooks", engine);
        database.update("delete from burden_guideline where tenant_id = ? and year = ?", NATO, GUIDELINE_YEAR);
    }

    @Test
    void aBriefingPublishingByConsentTellsTheGrantorsLedgersInItsOrganizationsTransactionAndCarriesItsGuideline() {
        consentIn(CONSENTING);

        Briefing briefing = generateAndWait();

        assertThat(briefing.status()).as(String.valueOf(briefing.failure())).isEqualTo(BriefingStatus.READY);
        assertThat(heard).hasSize(1);
        Heard told = heard.getFirst();
        assertThat(told.event()).isEqualTo(new ConsentUsed(NATO,
                List.of(DemoActors.NORWAY.tenantId(), DemoActors.KENYA.tenantId()), briefing.snapshotTakenAt(),
                ConsentUsed.Surface.BRIEFING));
        assertThat(told.inTransaction()).as("in a transaction").isTrue();
        assertThat(told.readOnly()).as("one that may write the ledgers").isFalse();
        assertThat(told.scope()).contains(new Actor(NATO, OLIVIA_GRANT));
        assertThat(told.tenantSetting()).as("the tenant row-level security sees").isEqualTo(NATO.toString());
        assertThat(told.memberSetting()).as("the reader").isEqualTo(OLIVIA_GRANT.toString());

        assertThat(requests).hasSize(1);
        assertThat(requests.getFirst().guideline().targetIntensityByYear())
                .as("NATO ACT's guideline, as its table holds it").isEqualTo(guidelineOfNato())
                .containsEntry(GUIDELINE_YEAR, 0.000123);
    }

    @Test
    void aSubscriptionsBriefingTellsItAsTheSubscriber() {
        consentIn(CONSENTING.subList(0, 1));
        // runDue below runs every subscription due by next month: one left by another test of this fork's database
        // (a journey stopped before deleting its own) would run too and be heard as well.
        database.update("delete from briefing_subscription");
        BriefingSubscription subscription = SignedInAs.call(olivia, () -> briefings.subscribe(BriefingKind.BURDEN_SHARING,
                new AnalyticsFilter(2024, 2024, null, null, null), BriefingFrequency.MONTHLY));
        try {
            assertThat(schedule.runDue(subscription.nextRunAt().plusSeconds(60))).isEqualTo(1);
            Briefing scheduled = Eventually.value("the subscription's briefing", PATIENCE, () -> SignedInAs.call(olivia,
                    briefings::list).stream().filter(Briefing::subscription)
                    .filter(b -> b.scope().equals(new BriefingScope(2024, 2024, null, null)))
                    .filter(b -> b.status().finished()).findFirst());
            assertThat(scheduled.status()).as(String.valueOf(scheduled.failure())).isEqualTo(BriefingStatus.READY);

            List<Heard> byNato = heard.stream().filter(h -> h.event().readerTenantId().equals(NATO)).toList();
            assertThat(byNato).hasSize(1);
            Heard told = byNato.getFirst();
            assertThat(told.event().grantors()).containsExactly(DemoActors.NORWAY.tenantId());
            assertThat(told.event().snapshotTakenAt()).isEqualTo(scheduled.snapshotTakenAt());
            assertThat(told.event().surface()).isEqualTo(ConsentUsed.Surface.BRIEFING);
            assertThat(told.inTransaction()).isTrue();
            assertThat(told.scope()).contains(new Actor(NATO, OLIVIA_GRANT));
            assertThat(told.tenantSetting()).isEqualTo(NATO.toString());
            assertThat(told.memberSetting()).as("the subscriber reads it").isEqualTo(OLIVIA_GRANT.toString());
            assertThat(requests).anySatisfy(request -> assertThat(request.guideline().targetFor(GUIDELINE_YEAR))
                    .hasValue(0.000123));
        } finally {
            SignedInAs.run(olivia, () -> briefings.unsubscribe(subscription.id()));
        }
    }

    @Test
    void aBriefingPublishingNothingByConsentTellsNothing() {
        consentIn(List.of());

        Briefing briefing = generateAndWait();

        assertThat(briefing.status()).as(String.valueOf(briefing.failure())).isEqualTo(BriefingStatus.READY);
        assertThat(requests).hasSize(1);
        assertThat(heard).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------

    /** The workbook is written by the engine as always; its result then names {@code partners} as consenting. */
    private void consentIn(List<ConsentingPartner> partners) {
        Workbooks consenting = new Workbooks(analytics, store, labels) {
            @Override
            BriefingResult write(BriefingRequest request, WorkstreamTitles titles, ExportLedger exported,
                    BriefingProgress progress, OutputStream out) {
                requests.add(request);
                BriefingResult written = engine.write(request, titles, exported, progress, out);
                return new BriefingResult(written.marking(), written.snapshot(), written.detailRows(),
                        written.sheetNames(), written.empty(), partners, written.label());
            }
        };
        ReflectionTestUtils.setField(target(), "workbooks", consenting);
    }

    private Object target() {
        return AopTestUtils.getUltimateTargetObject(generation);
    }

    private Briefing generateAndWait() {
        UUID id = SignedInAs.call(olivia, () -> briefings.generate(BriefingKind.BURDEN_SHARING,
                AnalyticsFilter.everything())).briefing().id();
        return Eventually.value("the briefing written", PATIENCE, () -> SignedInAs.call(olivia, () -> briefings.get(id))
                .filter(b -> b.status().finished()));
    }

    private String setting(String name) {
        return dsl.fetchValue(DSL.field("current_setting({0}, true)", String.class, DSL.val(name)));
    }

    private Map<Integer, Double> guidelineOfNato() {
        Map<Integer, Double> targets = new HashMap<>();
        database.query("select year, target_intensity from burden_guideline where tenant_id = ?", NATO)
                .forEach(row -> targets.put((Integer) row.get(0), ((BigDecimal) row.get(1)).doubleValue()));
        return targets;
    }

    /** Takes a snapshot now, so that there is one to write briefings from. */
    private void freshSnapshot() {
        Eventually.value("no refresh running", PATIENCE, () -> analytics.refreshing() ? Optional.empty()
                : Optional.of(true));
        java.time.Instant asked = org.entente.testing.Refreshes.now();
        CompletableFuture<RefreshEvent> outcome = new CompletableFuture<>();
        try (AutoCloseable watch = analytics.watch(event -> {
            if (org.entente.testing.Refreshes.endsOneAskedSince(event, asked)) {
                outcome.complete(event);
            }
        })) {
            SignedInAs.run(olivia, analytics::refresh);
            RefreshEvent result = outcome.get(PATIENCE.toSeconds(), TimeUnit.SECONDS);
            assertThat(result).as(result.toString()).isInstanceOf(RefreshEvent.Finished.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }
}
