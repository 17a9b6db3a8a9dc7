package org.entente.briefing;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.entente.analytics.AnalyticsService;
import org.entente.analytics.RefreshEvent;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.briefing.BriefingKind;
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
import org.entente.testing.SecondInstance;
import org.entente.testing.SuperuserDatabase;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Briefings with two app instances over one PostgreSQL and one shared briefings folder (issue #11): the shared test
 * context is instance A, instance B a second Spring Boot application in this JVM (as in TwoInstancesIT). A briefing A
 * is writing survives B's start and B's list; one whose instance died (its lease passed, or it has none from before
 * leases) is reported FAILED as abandoned, on any instance, and its unfinished file goes.
 */
class BriefingsAcrossInstancesIT extends AppIntegrationTest {

    static final UUID OLIVIA_GRANT = BriefingServiceIT.OLIVIA_GRANT;
    static final UUID INGRID_SOLBERG = BriefingServiceIT.INGRID_SOLBERG;
    static final UUID NATO = DemoActors.NATO.tenantId();
    static final UUID NORWAY = DemoActors.NORWAY.tenantId();
    private static final Duration PATIENCE = Duration.ofMinutes(2);

    @Autowired
    BriefingService briefings;
    @Autowired
    BriefingLeases leases;
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

    @Test
    void aBriefingBeingWrittenOnASurvivesInstanceBAndOnlyThoseOfADeadInstanceAreReportedAbandoned() throws Exception {
        SignedInUser olivia = SignedInAs.user(tenants, OLIVIA_GRANT, "olivia.grant", "Olivia Grant",
                "olivia.grant@nato-act.demo.entente.org", Set.of("member", "coordinator"), "nato-act");
        SuperuserDatabase database = new SuperuserDatabase(postgres);
        if (store.current().isEmpty()) {
            freshSnapshot(olivia);
        }
        // Left by instances that are gone: one whose lease passed, with its half-written file in the shared folder,
        // and one queued before leases existed.
        UUID dead = UUID.randomUUID();
        database.update("""
                insert into briefing (tenant_id, id, kind, requested_by, requested_by_name, status, requested_at,
                                      started_at, worker, lease_until)
                values (?, ?, 'FULL', ?, 'Olivia Grant', 'RUNNING', now() - interval '10 minutes',
                        now() - interval '10 minutes', 'a-stopped-instance', now() - interval '1 minute')""",
                NATO, dead, OLIVIA_GRANT);
        Path deadPart = part(dead);
        Files.createDirectories(deadPart.getParent());
        Files.writeString(deadPart, "half a workbook");
        UUID beforeLeases = UUID.randomUUID();
        database.update("""
                insert into briefing (tenant_id, id, kind, requested_by, requested_by_name, status, requested_at)
                values (?, ?, 'RND_STATUS', ?, 'Olivia Grant', 'QUEUED', now() - interval '1 day')""",
                NATO, beforeLeases, OLIVIA_GRANT);

        // On A: a briefing held while its workbook is being written (the part file is open), until released.
        CompletableFuture<UUID> held = new CompletableFuture<>();
        CountDownLatch release = new CountDownLatch(1);
        ConfigurableApplicationContext instanceB = null;
        SignedInUser norwegianCoordinator = null;
        try (AutoCloseable watch = SignedInAs.call(olivia, () -> briefings.watch(event -> {
            if (event instanceof BriefingEvent.Progress p && "Opening the snapshot".equals(p.step())
                    && held.complete(p.briefingId())) {
                await(release);
            }
        }))) {
            UUID running = SignedInAs.call(olivia,
                    () -> briefings.generate(BriefingKind.BURDEN_SHARING, AnalyticsFilter.everything())).briefing().id();
            assertThat(held.get(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isEqualTo(running);
            assertThat(part(running)).as("the workbook A is writing").exists();

            // B starts later than A queued the briefing, over the same database and briefings folder.
            instanceB = startInstanceB();
            BriefingService briefingsOnB = instanceB.getBean(BriefingService.class);
            assertThat(part(running)).as("A's unfinished workbook after B started").exists();
            assertThat(deadPart).as("the dead instance's unfinished workbook after B started").doesNotExist();

            List<Briefing> listedOnB = SignedInAs.call(olivia, briefingsOnB::list);
            assertThat(status(listedOnB, running)).as("A's briefing, listed on B").isEqualTo(BriefingStatus.RUNNING);
            assertThat(listedOnB).filteredOn(b -> b.id().equals(dead) || b.id().equals(beforeLeases))
                    .hasSize(2)
                    .allSatisfy(b -> {
                        assertThat(b.status()).isEqualTo(BriefingStatus.FAILED);
                        assertThat(b.failure()).isEqualTo(BriefingLeases.ABANDONED);
                    });
            assertThat(part(running)).as("A's unfinished workbook after B's list").exists();

            // A renews its leases: one that had run out (renewals missed) is A's again, so B leaves it alone.
            database.update("update briefing set lease_until = now() - interval '1 second' where id = ?", running);
            leases.renew();
            assertThat(database.query("select lease_until > now() from briefing where id = ?", running))
                    .as("A's lease after its renewal").containsExactly(List.of(true));
            assertThat(status(SignedInAs.call(olivia, briefingsOnB::list), running)).isEqualTo(BriefingStatus.RUNNING);

            // Another organization, on B, sees none of these briefings, nor their instance or lease.
            norwegianCoordinator = SignedInAs.user(tenants, INGRID_SOLBERG, "ingrid.solberg", "Ingrid Solberg",
                    "ingrid.solberg@norway.demo.entente.org", Set.of("member", "coordinator"), "norway");
            assertThat(SignedInAs.call(norwegianCoordinator, briefingsOnB::list)).extracting(Briefing::id)
                    .doesNotContain(running, dead, beforeLeases);
            DSLContext dslOnB = instanceB.getBean(DSLContext.class);
            TransactionTemplate transactionOnB = new TransactionTemplate(instanceB.getBean(PlatformTransactionManager.class));
            List<String> seenByNorway = TenantScope.callAs(Actor.system(NORWAY), () -> transactionOnB.execute(status ->
                    dslOnB.select(DSL.field("worker", String.class), DSL.field("lease_until", String.class))
                            .from("briefing")
                            .where(DSL.field("id", UUID.class).in(running, dead, beforeLeases))
                            .fetch(r -> r.value1() + " " + r.value2())));
            assertThat(seenByNorway).as("worker and lease Norway reads of NATO's briefings").isEmpty();
            List<String> seenByNato = TenantScope.callAs(Actor.system(NATO), () -> transactionOnB.execute(status ->
                    dslOnB.select(DSL.field("worker", String.class)).from("briefing")
                            .where(DSL.field("id", UUID.class).eq(running))
                            .fetch(r -> r.value1())));
            assertThat(seenByNato).as("the control: NATO itself reads who writes it").hasSize(1);

            // Released, A finishes the workbook into the shared folder; B lists it ready and hands it out.
            release.countDown();
            Briefing finished = waitFor(() -> SignedInAs.call(olivia, () -> briefingsOnB.get(running))
                    .filter(b -> b.status().finished()).orElse(null));
            assertThat(finished.status()).as(String.valueOf(finished.failure())).isEqualTo(BriefingStatus.READY);
            Optional<BriefingDownload> download = SignedInAs.call(olivia, () -> briefingsOnB.download(running));
            assertThat(download).isPresent();
            download.get().content().close();
        } finally {
            release.countDown();
            if (instanceB != null) {
                instanceB.close();
            }
            if (norwegianCoordinator != null) {
                // ingrid.solberg's real roles again
                SignedInAs.user(tenants, INGRID_SOLBERG, "ingrid.solberg", "Ingrid Solberg",
                        "ingrid.solberg@norway.demo.entente.org", Set.of("member"), "norway");
            }
            Files.deleteIfExists(deadPart);
        }
    }

    private ConfigurableApplicationContext startInstanceB() {
        // The briefings folder is the one storage all instances share.
        return SecondInstance.start(postgres, "briefings-b",
                "entente.briefings.directory=" + properties.directory().toAbsolutePath());
    }

    private Path part(UUID briefing) {
        return properties.directory().toAbsolutePath().resolve(NATO.toString()).resolve("." + briefing + ".xlsx.part");
    }

    private static BriefingStatus status(List<Briefing> listed, UUID id) {
        return listed.stream().filter(b -> b.id().equals(id)).findFirst().map(Briefing::status).orElse(null);
    }

    /** Takes a snapshot now, so that there is one to write briefings from. */
    private void freshSnapshot(SignedInUser olivia) {
        waitFor(() -> analytics.refreshing() ? null : Boolean.TRUE);
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

    private static <T> T waitFor(Supplier<T> probe) {
        return Eventually.value("a briefing or refresh to get there", PATIENCE, () -> Optional.ofNullable(probe.get()));
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(PATIENCE.toSeconds(), TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
