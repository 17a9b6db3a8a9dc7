package org.entente.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.entente.analytics.AnalyticsService;
import org.entente.analytics.RefreshEvent;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.briefing.BriefingKind;
import org.entente.analytics.engine.snapshot.SnapshotStore;
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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Excel briefings against the real stack: the snapshot from the embedded PostgreSQL, the workbook from the analytics
 * engine, files under the test data directory, demo people signed in as the app would sign them in.
 */
class BriefingServiceIT extends AppIntegrationTest {

    static final UUID OLIVIA_GRANT = UUID.fromString("0b000000-0000-4000-8000-000000000005");
    static final UUID INGRID_SOLBERG = UUID.fromString("0b000000-0000-4000-8000-000000000001");
    static final UUID NATO = DemoActors.NATO.tenantId();
    static final UUID NORWAY = DemoActors.NORWAY.tenantId();
    private static final Duration PATIENCE = Duration.ofMinutes(3);

    @Autowired
    BriefingService briefings;
    @Autowired
    BriefingSchedule schedule;
    @Autowired
    BriefingProperties properties;
    @Autowired
    AnalyticsService analytics;
    @Autowired
    SnapshotStore store;
    @Autowired
    TenantService tenants;
    @Autowired
    LocalPostgres postgres;
    @Autowired
    DSLContext dsl;
    @Autowired
    PlatformTransactionManager transactionManager;

    SignedInUser olivia;
    SignedInUser ingrid;
    SuperuserDatabase database;

    @BeforeEach
    void signIn() {
        olivia = SignedInAs.user(tenants, OLIVIA_GRANT, "olivia.grant", "Olivia Grant",
                "olivia.grant@nato-act.demo.entente.org", Set.of("member", "coordinator"), "nato-act");
        ingrid = member();
        database = new SuperuserDatabase(postgres);
        if (store.current().isEmpty()) {
            freshSnapshot();
        }
    }

    /** ingrid.solberg's real roles again, whatever a test signed her in with. */
    @AfterEach
    void restoreIngrid() {
        member();
    }

    @Test
    void aCoordinatorGeneratesABriefingThatOpensInPoiAndIsAudited() throws Exception {
        Briefing briefing = generateAndWait(olivia, BriefingKind.FULL, AnalyticsFilter.everything());

        assertThat(briefing.status()).as(String.valueOf(briefing.failure())).isEqualTo(BriefingStatus.READY);
        assertThat(briefing.fileName()).matches("entente-full-\\d{4}-\\d{2}-\\d{2}\\.xlsx");
        assertThat(briefing.sizeBytes()).isPositive();
        assertThat(briefing.snapshotTakenAt()).isNotNull();
        assertThat(briefing.marking()).isNotBlank();
        assertThat(briefing.detailRows()).isPositive();
        assertThat(briefing.requestedByName()).isEqualTo("Olivia Grant");
        assertThat(briefing.subscription()).isFalse();

        Path file = properties.directory().resolve(NATO.toString()).resolve(briefing.id() + ".xlsx");
        assertThat(file).isRegularFile().hasSize(briefing.sizeBytes());
        assertThat(partFiles()).as("nothing half-written is left").isEmpty();

        BriefingDownload download = SignedInAs.call(olivia, () -> briefings.download(briefing.id())).orElseThrow();
        assertThat(download.fileName()).isEqualTo(briefing.fileName());
        try (InputStream content = download.content(); XSSFWorkbook workbook = new XSSFWorkbook(content)) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).startsWith("Cover", "Key figures").contains("Notes", "Contributions", "Workstreams");
            assertThat(text(workbook.getSheet("Cover"))).contains("Full briefing").contains(briefing.marking());
            assertThat(workbook.getSheet("Cover").getHeader().getCenter() + workbook.getSheet("Cover").getFooter().getCenter())
                    .contains(briefing.marking());
        }

        assertThat(database.query("""
                select action, actor_id from audit_event where tenant_id = ? and entity_type = 'briefing' and entity_id = ?
                order by id""", NATO, briefing.id().toString()))
                .containsExactly(List.of("GENERATE", OLIVIA_GRANT), List.of("EXPORT", OLIVIA_GRANT),
                        List.of("DOWNLOAD", OLIVIA_GRANT));
        assertThat(database.query("""
                select kind from notification where tenant_id = ? and recipient_member_id = ? and text like ?""",
                NATO, OLIVIA_GRANT, "%" + briefing.fileName() + "%"))
                .contains(List.of("BRIEFING_READY"));
        assertThat(SignedInAs.call(olivia, briefings::list)).extracting(Briefing::id).contains(briefing.id());
    }

    @Test
    void exportedRowsOfOtherOrganizationsAreInTheirAccessLedgersAndNoneInTheCoordinatorsOwn() {
        freshSnapshot();
        OffsetDateTime before = databaseNow();
        Briefing briefing = generateAndWait(olivia, BriefingKind.FULL, AnalyticsFilter.everything());
        assertThat(briefing.status()).as(String.valueOf(briefing.failure())).isEqualTo(BriefingStatus.READY);

        List<List<Object>> ledgers = database.query("""
                select tenant_id, count(distinct contribution_id) from contribution_access
                 where reader_tenant_id = ? and reader_member_id = ? and action = 'EXPORT' and at >= ?
                 group by tenant_id""", NATO, OLIVIA_GRANT, before);
        assertThat(ledgers).as("ledgers of the contributing organizations").hasSizeGreaterThan(1);
        assertThat(ledgers).extracting(row -> row.get(0)).doesNotContain(NATO);
        long ledgered = ledgers.stream().mapToLong(row -> ((Number) row.get(1)).longValue()).sum();

        // Exactly the contributions of others that NATO may see, which the workbook's detail sheet holds.
        long visibleOfOthers = new DemoActors(transactionManager).as(DemoActors.NATO, () -> dsl.fetchCount(
                dsl.selectFrom(org.entente.db.jooq.Tables.CONTRIBUTION)
                        .where(org.entente.db.jooq.Tables.CONTRIBUTION.CONTRIBUTOR_TENANT_ID.ne(NATO))));
        assertThat(ledgered).isEqualTo(visibleOfOthers).isPositive();
        assertThat(database.query("""
                select details->'after'->>'otherOrganizationsContributions' from audit_event
                 where tenant_id = ? and action = 'EXPORT' and entity_type = 'briefing' and entity_id = ?""",
                NATO, briefing.id().toString()))
                .containsExactly(List.of(String.valueOf(visibleOfOthers)));
    }

    @Test
    void aSecondRequestOfTheSameCoordinatorIsQueuedAndWrittenAfterTheFirst() throws Exception {
        CountDownLatch firstWriting = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        List<String> order = new CopyOnWriteArrayList<>();
        CompletableFuture<UUID> held = new CompletableFuture<>();
        try (AutoCloseable watch = SignedInAs.call(olivia, () -> briefings.watch(event -> {
            switch (event) {
                case BriefingEvent.Progress p -> {
                    order.add("progress " + p.briefingId());
                    if (held.complete(p.briefingId())) {
                        firstWriting.countDown();
                        await(release); // holds the first briefing's worker: it certainly still runs
                    }
                }
                case BriefingEvent.Finished f -> order.add("finished " + f.briefingId());
                case BriefingEvent.Queued q -> order.add("queued " + q.briefingId());
            }
        }))) {
            QueuedBriefing a = SignedInAs.call(olivia,
                    () -> briefings.generate(BriefingKind.BURDEN_SHARING, AnalyticsFilter.everything()));
            assertThat(a.waiting()).isFalse();
            assertThat(firstWriting.await(60, TimeUnit.SECONDS)).isTrue();
            UUID firstId = a.briefing().id();
            assertThat(held.get()).isEqualTo(firstId);
            assertThat(SignedInAs.call(olivia, () -> briefings.get(firstId)).orElseThrow().status())
                    .isEqualTo(BriefingStatus.RUNNING);

            QueuedBriefing b = SignedInAs.call(olivia, () -> briefings.generate(BriefingKind.RND_STATUS,
                    new AnalyticsFilter(2024, 2026, null, null, null)));
            assertThat(b.waiting()).isTrue();
            assertThat(b.ahead()).isEqualTo(1);
            assertThat(b.briefing().status()).isEqualTo(BriefingStatus.QUEUED);
            Thread.sleep(1500); // the second worker is free, and still must not take it
            assertThat(SignedInAs.call(olivia, () -> briefings.get(b.briefing().id())).orElseThrow().status())
                    .isEqualTo(BriefingStatus.QUEUED);

            release.countDown();
            assertThat(awaitFinished(olivia, firstId).status()).isEqualTo(BriefingStatus.READY);
            Briefing second = awaitFinished(olivia, b.briefing().id());
            assertThat(second.status()).as(String.valueOf(second.failure())).isEqualTo(BriefingStatus.READY);
            assertThat(second.fileName()).startsWith("entente-rnd-status-");
            assertThat(second.scope()).isEqualTo(new BriefingScope(2024, 2026, null, null));

            int firstFinished = order.indexOf("finished " + firstId);
            int secondStarted = order.indexOf("progress " + b.briefing().id());
            assertThat(firstFinished).as(order.toString()).isNotNegative();
            assertThat(secondStarted).as(order.toString()).isGreaterThan(firstFinished);
        } finally {
            release.countDown();
        }
    }

    @Test
    void aFailedGenerationSaysWhyInTheListAndTheBellAndLeavesNoFileAndNoLedgerEntry() throws Exception {
        OffsetDateTime before = databaseNow();
        CompletableFuture<UUID> interrupted = new CompletableFuture<>();
        Briefing failed;
        try (AutoCloseable watch = SignedInAs.call(olivia, () -> briefings.watch(event -> {
            // As a stopping app does: the worker is interrupted in the middle of the workbook.
            if (event instanceof BriefingEvent.Progress p && p.fraction() >= 0.3 && interrupted.complete(p.briefingId())) {
                Thread.currentThread().interrupt();
            }
        }))) {
            QueuedBriefing queued = SignedInAs.call(olivia,
                    () -> briefings.generate(BriefingKind.FULL, AnalyticsFilter.everything()));
            failed = awaitFinished(olivia, queued.briefing().id());
            assertThat(interrupted.get(10, TimeUnit.SECONDS)).isEqualTo(queued.briefing().id());
        }
        assertThat(interrupted).isDone();
        assertThat(failed.status()).isEqualTo(BriefingStatus.FAILED);
        assertThat(failed.failure()).isEqualTo(BriefingGeneration.INTERRUPTED);
        assertThat(failed.fileName()).isNull();
        assertThat(properties.directory().resolve(NATO.toString()).resolve(failed.id() + ".xlsx")).doesNotExist();
        assertThat(partFiles()).isEmpty();
        assertThat(SignedInAs.call(olivia, () -> briefings.download(failed.id()))).isEmpty();
        assertThat(database.query("""
                select text from notification where tenant_id = ? and recipient_member_id = ? and kind = 'BRIEFING_FAILED'
                   and created_at >= ?""", NATO, OLIVIA_GRANT, before))
                .anySatisfy(row -> assertThat((String) row.get(0)).contains("failed: " + BriefingGeneration.INTERRUPTED));
        assertThat(database.query("""
                select count(*) from contribution_access where reader_tenant_id = ? and reader_member_id = ? and at >= ?""",
                NATO, OLIVIA_GRANT, before)).containsExactly(List.of(0L));
        assertThat(database.query("""
                select action from audit_event where tenant_id = ? and entity_type = 'briefing' and entity_id = ?""",
                NATO, failed.id().toString())).containsExactly(List.of("GENERATE"));

        // The worker is fine afterwards.
        Briefing next = generateAndWait(olivia, BriefingKind.ENGAGEMENT_RISK, AnalyticsFilter.everything());
        assertThat(next.status()).as(String.valueOf(next.failure())).isEqualTo(BriefingStatus.READY);
    }

    @Test
    void anEmptyScopeGivesAWorkbookWhoseCoverSaysSo() throws Exception {
        Briefing briefing = generateAndWait(olivia, BriefingKind.PORTFOLIO_REVIEW, new AnalyticsFilter(2000, 2000, null,
                null, null));
        assertThat(briefing.status()).as(String.valueOf(briefing.failure())).isEqualTo(BriefingStatus.READY);
        try (InputStream content = SignedInAs.call(olivia, () -> briefings.download(briefing.id())).orElseThrow().content();
             XSSFWorkbook workbook = new XSSFWorkbook(content)) {
            assertThat(text(workbook.getSheet("Cover"))).contains("No data in this scope");
        }
        assertThat(database.query("select text from notification where tenant_id = ? and text like ?", NATO,
                "%" + briefing.fileName() + " — there is no data in this scope.")).isNotEmpty();
    }

    /** The Results review (issue #17): stored, generated and subscribed to like every kind, its sheets the results'. */
    @Test
    void theResultsReviewIsGeneratedAndSubscribedToLikeEveryKind() throws Exception {
        Briefing briefing = generateAndWait(olivia, BriefingKind.RESULTS_REVIEW, AnalyticsFilter.everything());
        assertThat(briefing.status()).as(String.valueOf(briefing.failure())).isEqualTo(BriefingStatus.READY);
        assertThat(briefing.fileName()).startsWith("entente-results-review-");
        try (InputStream content = SignedInAs.call(olivia, () -> briefings.download(briefing.id())).orElseThrow().content();
             XSSFWorkbook workbook = new XSSFWorkbook(content)) {
            List<String> sheets = new ArrayList<>();
            workbook.forEach(sheet -> sheets.add(sheet.getSheetName()));
            assertThat(sheets).containsSubsequence("Cover", "Key figures", "Results", "Results by region",
                    "Results by lead", "Assessments and recommendations", "Recommendations by lead", "Notes");
            assertThat(sheets).doesNotContain("Burden sharing", "Portfolio");
        }
        BriefingSubscription subscription = SignedInAs.call(olivia, () -> briefings.subscribe(BriefingKind.RESULTS_REVIEW,
                AnalyticsFilter.everything(), BriefingFrequency.MONTHLY));
        try {
            assertThat(SignedInAs.call(olivia, briefings::subscriptions)).extracting(BriefingSubscription::kind)
                    .contains(BriefingKind.RESULTS_REVIEW);
        } finally {
            SignedInAs.run(olivia, () -> briefings.unsubscribe(subscription.id()));
        }
    }

    @Test
    void onlyCoordinatorsGenerateListAndDownload() {
        for (Runnable call : List.<Runnable>of(
                () -> briefings.generate(BriefingKind.FULL, AnalyticsFilter.everything()),
                briefings::list,
                () -> briefings.download(UUID.randomUUID()),
                briefings::subscriptions,
                () -> briefings.subscribe(BriefingKind.FULL, null, BriefingFrequency.WEEKLY))) {
            assertThatThrownBy(() -> SignedInAs.run(ingrid, call)).isInstanceOf(NotAllowed.class)
                    .hasMessageContaining("coordinators");
            assertThatThrownBy(call::run).as("nobody signed in").isInstanceOf(NotAllowed.class);
        }
        assertThat(SignedInAs.call(ingrid, briefings::mayGenerate)).isFalse();
        assertThat(SignedInAs.call(olivia, briefings::mayGenerate)).isTrue();
    }

    @Test
    void anotherOrganizationListsNothingAndCannotDownloadById() {
        Briefing nato = generateAndWait(olivia, BriefingKind.RND_STATUS, AnalyticsFilter.everything());
        assertThat(nato.status()).isEqualTo(BriefingStatus.READY);
        SignedInUser norwegianCoordinator = SignedInAs.user(tenants, INGRID_SOLBERG, "ingrid.solberg", "Ingrid Solberg",
                "ingrid.solberg@norway.demo.entente.org", Set.of("member", "coordinator"), "norway");

        assertThat(SignedInAs.call(norwegianCoordinator, briefings::list)).extracting(Briefing::id).doesNotContain(nato.id());
        assertThat(SignedInAs.call(norwegianCoordinator, () -> briefings.get(nato.id()))).isEmpty();
        assertThat(SignedInAs.call(norwegianCoordinator, () -> briefings.download(nato.id()))).isEmpty();
        assertThat(database.query("select count(*) from audit_event where action = 'DOWNLOAD' and entity_id = ?",
                nato.id().toString())).containsExactly(List.of(0L));
        assertThat(SignedInAs.call(norwegianCoordinator, briefings::list)).allSatisfy(b ->
                assertThat(database.query("select tenant_id from briefing where id = ?", b.id()))
                        .containsExactly(List.of(NORWAY)));
    }

    @Test
    void aScopeOutOfRangeIsRefusedForItsField() {
        assertThatThrownBy(() -> SignedInAs.run(olivia, () -> briefings.generate(BriefingKind.FULL,
                new AnalyticsFilter(2026, 2024, null, null, null))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("yearTo"));
        assertThatThrownBy(() -> SignedInAs.run(olivia, () -> briefings.generate(BriefingKind.FULL,
                new AnalyticsFilter(null, null, "Atlantis", null, null))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("region"));
        assertThatThrownBy(() -> SignedInAs.run(olivia, () -> briefings.generate(null, null)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("kind"));
    }

    @Test
    void aSubscriptionIsGeneratedOnScheduleIntoTheSameListAsItsSubscriber() {
        BriefingSubscription subscription = SignedInAs.call(olivia, () -> briefings.subscribe(BriefingKind.BURDEN_SHARING,
                new AnalyticsFilter(2023, 2026, null, "STATE", null), BriefingFrequency.WEEKLY));
        try {
            assertThat(subscription.subscriberId()).isEqualTo(OLIVIA_GRANT);
            assertThat(subscription.nextRunAt()).isAfter(Instant.now());
            assertThat(subscription.nextRunAt().atOffset(ZoneOffset.UTC).getDayOfWeek()).isEqualTo(DayOfWeek.MONDAY);
            assertThat(SignedInAs.call(olivia, briefings::subscriptions)).extracting(BriefingSubscription::id)
                    .contains(subscription.id());
            assertThatThrownBy(() -> SignedInAs.run(olivia, () -> briefings.subscribe(BriefingKind.BURDEN_SHARING,
                    new AnalyticsFilter(2023, 2026, null, "STATE", null), BriefingFrequency.WEEKLY)))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey("frequency"));

            // Not yet due: nothing happens; once due, as the schedule runs it (no one signed in).
            Instant due = subscription.nextRunAt().plusSeconds(60);
            int started = schedule.runDue(due);
            assertThat(started).isPositive();
            assertThat(schedule.runDue(due)).as("each run once").isZero();

            Briefing scheduled = waitFor(() -> SignedInAs.call(olivia, briefings::list).stream()
                    .filter(Briefing::subscription).filter(b -> b.kind() == BriefingKind.BURDEN_SHARING)
                    .filter(b -> b.scope().equals(new BriefingScope(2023, 2026, null, "STATE")))
                    .filter(b -> b.status().finished()).findFirst().orElse(null));
            assertThat(scheduled.status()).as(String.valueOf(scheduled.failure())).isEqualTo(BriefingStatus.READY);
            assertThat(scheduled.requestedBy()).isEqualTo(OLIVIA_GRANT);
            assertThat(database.query("select action, actor_id from audit_event where entity_type = 'briefing'"
                    + " and entity_id = ? and action = 'GENERATE'", scheduled.id().toString()))
                    .containsExactly(List.of("GENERATE", OLIVIA_GRANT));
            BriefingSubscription moved = SignedInAs.call(olivia, briefings::subscriptions).stream()
                    .filter(s -> s.id().equals(subscription.id())).findFirst().orElseThrow();
            assertThat(moved.nextRunAt()).isEqualTo(subscription.nextRunAt().plus(Duration.ofDays(7)));
            assertThat(moved.lastRunAt()).isEqualTo(due);
        } finally {
            SignedInAs.run(olivia, () -> briefings.unsubscribe(subscription.id()));
        }
        assertThat(SignedInAs.call(olivia, briefings::subscriptions)).extracting(BriefingSubscription::id)
                .doesNotContain(subscription.id());
        assertThat(database.query("select action from audit_event where entity_type = 'briefing_subscription'"
                + " and entity_id = ? order by id", subscription.id().toString()))
                .containsExactly(List.of("CREATE"), List.of("DELETE"));
    }

    // ------------------------------------------------------------------------------------------------

    private SignedInUser member() {
        return SignedInAs.user(tenants, INGRID_SOLBERG, "ingrid.solberg", "Ingrid Solberg",
                "ingrid.solberg@norway.demo.entente.org", Set.of("member"), "norway");
    }

    private Briefing generateAndWait(SignedInUser user, BriefingKind kind, AnalyticsFilter scope) {
        QueuedBriefing queued = SignedInAs.call(user, () -> briefings.generate(kind, scope));
        return awaitFinished(user, queued.briefing().id());
    }

    private Briefing awaitFinished(SignedInUser user, UUID id) {
        return waitFor(() -> SignedInAs.call(user, () -> briefings.get(id)).filter(b -> b.status().finished())
                .orElse(null));
    }

    private static <T> T waitFor(java.util.function.Supplier<T> probe) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (true) {
            T value = probe.get();
            if (value != null) {
                return value;
            }
            assertThat(System.nanoTime()).as("still waiting").isLessThan(deadline);
            sleep(100);
        }
    }

    private List<Path> partFiles() throws IOException {
        Path root = properties.directory();
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(root)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
        }
    }

    private OffsetDateTime databaseNow() {
        return ((java.sql.Timestamp) database.query("select now()").getFirst().getFirst()).toInstant()
                .atOffset(ZoneOffset.UTC);
    }

    private static String text(Sheet sheet) {
        StringBuilder text = new StringBuilder();
        for (Row row : sheet) {
            for (Cell cell : row) {
                text.append(cell.toString()).append(' ');
            }
            text.append('\n');
        }
        return text.toString();
    }

    /** Takes a snapshot now, so that the workbook and PostgreSQL agree on the same data. */
    private void freshSnapshot() {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (analytics.refreshing()) {
            assertThat(System.nanoTime()).isLessThan(deadline);
            sleep(200);
        }
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
