package org.entente.analytics;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.rollup.Cell;
import org.entente.analytics.engine.rollup.Column;
import org.entente.analytics.engine.rollup.RollupTable;
import org.entente.analytics.engine.rollup.Row;
import org.entente.db.embedded.LocalPostgres;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.tenant.TenantService;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.DemoActors;
import org.entente.testing.SuperuserDatabase;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * The Analytics workspace's service against the real stack: the snapshot taken from the embedded PostgreSQL
 * as the analytics role, demo people signed in as the app would sign them in.
 */
class AnalyticsServiceIT extends AppIntegrationTest {

    static final UUID OLIVIA_GRANT = UUID.fromString("0b000000-0000-4000-8000-000000000005");
    static final UUID INGRID_SOLBERG = UUID.fromString("0b000000-0000-4000-8000-000000000001");

    @Autowired
    AnalyticsService analytics;
    @Autowired
    TenantService tenants;
    @Autowired
    DSLContext dsl;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    LocalPostgres postgres;
    @Autowired
    ConfigurableApplicationContext context;

    SignedInUser olivia;
    SignedInUser ingrid;

    @BeforeEach
    void signIn() {
        olivia = SignedInAs.user(tenants, OLIVIA_GRANT, "olivia.grant", "Olivia Grant",
                "olivia.grant@nato-act.demo.entente.org", Set.of("member", "coordinator"), "nato-act");
        ingrid = SignedInAs.user(tenants, INGRID_SOLBERG, "ingrid.solberg", "Ingrid Solberg",
                "ingrid.solberg@norway.demo.entente.org", Set.of("member"), "norway");
    }

    @Test
    void aCoordinatorSeesTheFederationUnderDisclosureControl() {
        freshSnapshot();
        AnalyticsReport report = SignedInAs.call(olivia, () -> analytics.report(AnalyticsFilter.everything())).orElseThrow();

        assertThat(report.viewer().federation()).isTrue();
        assertThat(report.tables()).extracting(RollupTable::id)
                .contains("burden-sharing", "pledge-fulfilment", "portfolio", "rnd", "engagements",
                        "collaboration-network", "milestones", "data-completeness");
        List<Cell> suppressed = cells(report).stream().filter(Cell::isSuppressed).toList();
        assertThat(suppressed).as("the demo history has figures too few partners stand behind").isNotEmpty();
        assertThat(suppressed).allSatisfy(cell -> {
            assertThat(cell.value()).isNull();
            assertThat(cell.suppressed()).isNotNull();
        });
        assertThat(report.marking()).isNotNull();
        assertThat(SignedInAs.call(olivia, analytics::status).mayRefresh()).isTrue();
    }

    /**
     * Issue 16's "done when" on the demo data: the coordinator's Burden sharing table names every organization that
     * publishes to NATO ACT and has contributions, and withholds at most 40 figures (336 before consent existed).
     */
    @Test
    void onTheDemoDataTheCoordinatorSeesWhoCarriesTheBurden() {
        freshSnapshot();
        AnalyticsReport report = SignedInAs.call(olivia, () -> analytics.report(AnalyticsFilter.everything())).orElseThrow();
        RollupTable burden = table(report, "burden-sharing");
        long suppressed = burden.rows().stream().flatMap(r -> r.cells().stream()).filter(Cell::isSuppressed).count();
        assertThat(suppressed).as("suppressed figures of Burden sharing").isLessThanOrEqualTo(40);

        int partner = column(burden, "partner");
        Set<String> named = new HashSet<>();
        burden.rows().stream().filter(r -> !r.total()).map(r -> r.cells().get(partner).value())
                .filter(v -> v != null && !RollupTable.isOtherPartners(v)).forEach(v -> named.add(v.toString()));
        Set<String> consenting = new HashSet<>();
        new SuperuserDatabase(postgres).query("""
                select t.name from publication_consent p join tenant t on t.id = p.tenant_id
                 where p.grantee_tenant_id = ?
                   and exists (select 1 from contribution c where c.contributor_tenant_id = p.tenant_id)""",
                DemoActors.NATO.tenantId()).forEach(row -> consenting.add((String) row.getFirst()));
        assertThat(consenting).as("organizations publishing to NATO ACT in the demo world").hasSizeGreaterThan(10);
        assertThat(named).containsAll(consenting);
        assertThat(report.publishedByConsent()).extracting(org.entente.analytics.engine.ConsentingPartner::name)
                .isSubsetOf(consenting);
    }

    @Test
    void aMemberSeesOnlyWhatTheirOrganizationMaySee() {
        freshSnapshot();
        AnalyticsReport report = SignedInAs.call(ingrid, () -> analytics.report(AnalyticsFilter.everything())).orElseThrow();

        assertThat(report.viewer().federation()).isFalse();
        assertThat(report.viewer().tenantId()).isEqualTo(DemoActors.NORWAY.tenantId());
        assertThat(cells(report)).noneMatch(Cell::isSuppressed);

        // The pledged total behind norway's figures is exactly what row-level security lets norway read in
        // PostgreSQL, and every contributor in its burden-sharing table is one norway sees there.
        BigDecimal visibleInPostgres = new DemoActors(transactionManager).as(DemoActors.NORWAY,
                () -> dsl.fetchOne("select coalesce(sum(pledged_eur), 0) from contribution").get(0, BigDecimal.class));
        assertThat(number(report.kpi("pledged-eur").orElseThrow().value())).isEqualByComparingTo(visibleInPostgres);
        assertThat(visibleInPostgres).isPositive();

        RollupTable burden = table(report, "burden-sharing");
        int partner = column(burden, "partner");
        Set<UUID> contributorIds = new HashSet<>(new DemoActors(transactionManager).as(DemoActors.NORWAY,
                () -> dsl.fetch("select distinct contributor_tenant_id from contribution").getValues(0, UUID.class)));
        Set<String> contributorsInPostgres = new HashSet<>();
        new SuperuserDatabase(postgres).query("select id, name from tenant").stream()
                .filter(row -> contributorIds.contains((UUID) row.get(0)))
                .forEach(row -> contributorsInPostgres.add((String) row.get(1)));
        Set<String> partnersInReport = new HashSet<>();
        burden.rows().stream().filter(r -> !r.total()).map(r -> r.cells().get(partner).value())
                .filter(v -> v != null).forEach(v -> partnersInReport.add(v.toString()));
        assertThat(partnersInReport).isNotEmpty();
        assertThat(contributorsInPostgres).containsAll(partnersInReport);

        assertThat(SignedInAs.call(ingrid, analytics::status).mayRefresh()).isFalse();
    }

    @Test
    void aCoordinatorsScreenThatShowsFiguresPublishedByConsentAnnouncesTheirUseInHerOrganizationsTransaction() {
        UUID norway = DemoActors.NORWAY.tenantId();
        UUID nato = DemoActors.NATO.tenantId();
        SuperuserDatabase database = new SuperuserDatabase(postgres);
        boolean granted = database.update("insert into publication_consent (tenant_id, grantee_tenant_id, granted_by) "
                + "values (?, ?, 'AnalyticsServiceIT') on conflict do nothing", norway, nato) == 1;
        List<ConsentUsed> heard = new java.util.concurrent.CopyOnWriteArrayList<>();
        List<String> heardIn = new java.util.concurrent.CopyOnWriteArrayList<>();
        Thread test = Thread.currentThread();
        ApplicationListener<ApplicationEvent> listener = event -> {
            // Only this test's reports: an Analytics page left open by a browser test re-renders after a refresh too.
            if (Thread.currentThread() == test && event instanceof PayloadApplicationEvent<?> published
                    && published.getPayload() instanceof ConsentUsed used) {
                heard.add(used);
                // The ledger is written by the disclosure feature in this very transaction: it must be the reader's.
                heardIn.add(TransactionSynchronizationManager.isActualTransactionActive() + " "
                        + dsl.fetchValue("select current_setting('app.tenant_id', true)"));
            }
        };
        context.addApplicationListener(listener);
        try {
            freshSnapshot();
            AnalyticsReport report = SignedInAs.call(olivia, () -> analytics.report(AnalyticsFilter.everything()))
                    .orElseThrow();

            assertThat(report.publishedByConsent()).as("Norway consented to NATO ACT, and NATO ACT does not see all of "
                    + "Norway's records").extracting(p -> p.tenantId()).contains(norway);
            assertThat(heard).singleElement().satisfies(used -> {
                assertThat(used.readerTenantId()).isEqualTo(nato);
                assertThat(used.grantors()).containsExactlyInAnyOrderElementsOf(
                        report.publishedByConsent().stream().map(p -> p.tenantId()).toList());
                assertThat(used.snapshotTakenAt()).isEqualTo(report.snapshot().takenAt());
                assertThat(used.surface()).isEqualTo(ConsentUsed.Surface.SCREEN);
            });
            assertThat(heardIn).containsExactly("true " + nato);

            // A member's own view publishes nothing by consent: nothing to record.
            heard.clear();
            SignedInAs.call(ingrid, () -> analytics.report(AnalyticsFilter.everything())).orElseThrow();
            assertThat(heard).isEmpty();
        } finally {
            context.removeApplicationListener(listener);
            if (granted) {
                database.update("delete from publication_consent where tenant_id = ? and grantee_tenant_id = ?",
                        norway, nato);
            }
        }
    }

    @Test
    void aCoordinatorsFiguresAreMeasuredAgainstHerOrganizationsGuidelineAndAMembersAgainstNone() {
        freshSnapshot();
        SuperuserDatabase database = new SuperuserDatabase(postgres);
        List<List<Object>> before = database.query(
                "select year, target_intensity, set_by from burden_guideline where tenant_id = ?",
                DemoActors.NATO.tenantId());
        try {
            database.update("delete from burden_guideline where tenant_id = ?", DemoActors.NATO.tenantId());
            database.update("insert into burden_guideline (tenant_id, year, target_intensity, set_by) values "
                    + "(?, 2024, 0.0005, 'AnalyticsServiceIT')", DemoActors.NATO.tenantId());

            AnalyticsReport federation = SignedInAs.call(olivia, () -> analytics.report(AnalyticsFilter.everything()))
                    .orElseThrow();
            assertThat(federation.guideline().targetIntensityByYear()).isEqualTo(java.util.Map.of(2024, 0.0005));
            AnalyticsReport member = SignedInAs.call(ingrid, () -> analytics.report(AnalyticsFilter.everything()))
                    .orElseThrow();
            assertThat(member.guideline().isEmpty()).isTrue();
        } finally {
            database.update("delete from burden_guideline where tenant_id = ?", DemoActors.NATO.tenantId());
            for (List<Object> row : before) {
                database.update("insert into burden_guideline (tenant_id, year, target_intensity, set_by) values "
                        + "(?, ?, ?, ?)", DemoActors.NATO.tenantId(), row.get(0), row.get(1), row.get(2));
            }
        }
    }

    @Test
    void onlyCoordinatorsRefresh() {
        assertThatThrownBy(() -> SignedInAs.run(ingrid, analytics::refresh))
                .isInstanceOf(NotAllowed.class)
                .hasMessageContaining("coordinators");
        assertThatThrownBy(analytics::refresh).isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> analytics.report(AnalyticsFilter.everything())).isInstanceOf(NotAllowed.class);
    }

    @Test
    void aRefreshAskedForWhileOneRunsIsRefusedNotRunTwice() throws Exception {
        awaitIdle();
        CountDownLatch inProgress = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        CompletableFuture<RefreshEvent> outcome = new CompletableFuture<>();
        List<RefreshEvent> started = new java.util.concurrent.CopyOnWriteArrayList<>();
        try (AutoCloseable watch = analytics.watch(event -> {
            switch (event) {
                case RefreshEvent.Started s -> started.add(s);
                case RefreshEvent.Progress p -> {
                    inProgress.countDown();
                    await(release); // holds the refresh thread: the refresh is certainly still running
                }
                case RefreshEvent.Finished f -> outcome.complete(f);
                case RefreshEvent.Failed f -> outcome.complete(f);
            }
        })) {
            SignedInAs.run(olivia, analytics::refresh);
            assertThat(inProgress.await(60, TimeUnit.SECONDS)).isTrue();
            assertThat(analytics.refreshing()).isTrue();
            assertThat(SignedInAs.call(olivia, analytics::status).running()).isNotNull();

            assertThatThrownBy(() -> SignedInAs.run(olivia, analytics::refresh))
                    .isInstanceOf(RefreshRunning.class)
                    .hasMessageContaining("already running");
            release.countDown();
            assertThat(outcome.get(120, TimeUnit.SECONDS)).isInstanceOf(RefreshEvent.Finished.class);
            assertThat(started).hasSize(1);
        } finally {
            release.countDown();
        }
        assertThat(analytics.refreshing()).isFalse();
    }

    @Test
    void filtersOutOfRangeGiveAMessageForTheirField() {
        freshSnapshot();
        assertThatThrownBy(() -> SignedInAs.run(olivia,
                () -> analytics.report(new AnalyticsFilter(2026, 2021, null, null, null))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors())
                        .containsAnyOf(entryKey("yearFrom", e), entryKey("yearTo", e)));
        assertThatThrownBy(() -> SignedInAs.run(olivia,
                () -> analytics.report(new AnalyticsFilter(1800, null, null, null, null))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("yearFrom"));
        assertThatThrownBy(() -> SignedInAs.run(ingrid,
                () -> analytics.report(new AnalyticsFilter(null, null, "Atlantis", null, null))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("region"));
    }

    @Test
    void aMisconfiguredAnalyticsRoleIsNamedBySetting() {
        try (AnalyticsSource missing = new AnalyticsSource(postgres.jdbcUrl(), "entente_nobody", "x")) {
            assertThatThrownBy(missing::check).isInstanceOf(AnalyticsSetupProblem.class)
                    .hasMessageStartingWith("entente.analytics.datasource.username: role entente_nobody cannot sign in");
        }
        try (AnalyticsSource app = new AnalyticsSource(postgres.jdbcUrl(), postgres.appUser(), postgres.appPassword())) {
            assertThatThrownBy(app::check).isInstanceOf(AnalyticsSetupProblem.class)
                    .hasMessageStartingWith("entente.analytics.datasource.username: role entente_app cannot bypass "
                            + "row-level security");
        }
        try (AnalyticsSource unreachable = new AnalyticsSource("jdbc:postgresql://127.0.0.1:9/entente",
                "entente_analytics", "x")) {
            assertThatThrownBy(unreachable::check).isInstanceOf(AnalyticsSetupProblem.class)
                    .hasMessageStartingWith("entente.analytics.datasource.url: cannot reach PostgreSQL at "
                            + "jdbc:postgresql://127.0.0.1:9/entente");
        }
        try (AnalyticsSource right = new AnalyticsSource(postgres.jdbcUrl(), postgres.analyticsUser(),
                postgres.analyticsPassword())) {
            right.check();
        }
    }

    // ------------------------------------------------------------------------------------------------

    private static java.util.Map.Entry<String, String> entryKey(String key, InvalidInput e) {
        return java.util.Map.entry(key, e.fieldErrors().getOrDefault(key, ""));
    }

    /** Takes a snapshot now, so that figures and PostgreSQL agree on the same data. */
    private void freshSnapshot() {
        awaitIdle();
        java.time.Instant asked = org.entente.testing.Refreshes.now();
        CompletableFuture<RefreshEvent> outcome = new CompletableFuture<>();
        try (AutoCloseable watch = analytics.watch(event -> {
            if (org.entente.testing.Refreshes.endsOneAskedSince(event, asked)) {
                outcome.complete(event);
            }
        })) {
            SignedInAs.run(olivia, analytics::refresh);
            RefreshEvent result = outcome.get(180, TimeUnit.SECONDS);
            assertThat(result).as(result.toString()).isInstanceOf(RefreshEvent.Finished.class);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    private void awaitIdle() {
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (analytics.refreshing()) {
            assertThat(System.nanoTime()).as("a refresh still runs").isLessThan(deadline);
            sleep(200);
        }
    }

    private static List<Cell> cells(AnalyticsReport report) {
        List<Cell> cells = new java.util.ArrayList<>();
        report.tables().forEach(t -> t.rows().forEach(r -> cells.addAll(r.cells())));
        report.kpis().forEach(k -> cells.add(k.value()));
        return cells;
    }

    private static RollupTable table(AnalyticsReport report, String id) {
        return report.tables().stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
    }

    private static int column(RollupTable table, String id) {
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            if (columns.get(i).id().equals(id)) {
                return i;
            }
        }
        throw new AssertionError("no column " + id + " in " + table.id() + ": " + columns);
    }

    private static BigDecimal number(Cell cell) {
        return new BigDecimal(cell.value().toString());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
