package org.entente.platform.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.platform.live.ChangeChannelIT.await;
import static org.entente.platform.live.ChangeChannelIT.draft;

import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicReference;
import org.entente.db.embedded.LocalPostgres;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.schedule.JobLock;
import org.entente.tenant.admin.Reconciliation;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.entente.testing.DemoActors;
import org.entente.testing.SecondInstance;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.Participant.ParticipantRole;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamService;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.util.AopTestUtils;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Two app instances over one PostgreSQL and one Keycloak, as behind a load balancer: the shared test context is
 * instance A, instance B is a second Spring Boot application in this JVM on its own port. A change made on A reaches
 * a page open on B, live; a non-participating tenant's watcher on B is pushed the change and reads nothing of it;
 * the reconciliation fired on both at the same moment runs once, and not again within its interval.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TwoInstancesIT extends AppIntegrationTest {

    @Autowired
    LocalPostgres postgres;
    @Autowired
    WorkstreamService workstreams;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    ApplicationContext instanceA;
    @Autowired
    JobLock jobs;

    ConfigurableApplicationContext instanceB;

    @BeforeAll
    void startInstanceB() {
        instanceB = SecondInstance.start(postgres, "b");
    }

    @AfterAll
    void stopInstanceB() {
        if (instanceB != null) {
            instanceB.close();
        }
    }

    @Test
    void aChangeMadeOnInstanceAIsPushedToAPageOpenOnInstanceBAndToNobodyElse() {
        DemoActors actors = new DemoActors(transactionManager);
        String title = "Two instances " + UUID.randomUUID().toString().substring(0, 8);
        Workstream exercise = actors.as(DemoActors.NORWAY, () -> workstreams.create(draft(title)));
        actors.run(DemoActors.NORWAY, () -> workstreams.invite(exercise.ref(), DemoActors.KENYA.tenantId(),
                ParticipantRole.CONTRIBUTOR));
        actors.run(DemoActors.KENYA, () -> workstreams.respond(exercise.ref(), true));

        // NATO takes no part: on B its dashboard-like watcher is pushed every change and re-reads as NATO.
        WorkstreamService workstreamsOnB = instanceB.getBean(WorkstreamService.class);
        AtomicReference<Optional<Workstream>> natoRead = new AtomicReference<>();
        java.util.concurrent.atomic.AtomicBoolean renaming = new java.util.concurrent.atomic.AtomicBoolean();
        var natoWatching = instanceB.getBean(LiveUpdates.class).watchAll(WatchingUi.of(instanceB), DemoActors.NATO,
                change -> {
                    if (renaming.get() && change.workstreamId().equals(exercise.id())) {
                        natoRead.set(workstreamsOnB.get(exercise.id()));
                    }
                });
        String renamed = title + " renamed on A";
        try (Browser kenya = new Browser(); Browser nato = new Browser()) {
            kenya.open(urlOnB("/workstream/" + exercise.id()));
            kenya.signInAtKeycloak("amina.odhiambo", EntenteRealm.DEMO_PASSWORD);
            kenya.waitForText(By.id("workstream-heading"), title);

            nato.open(urlOnB("/"));
            nato.signInAtKeycloak("claire.dubois", EntenteRealm.DEMO_PASSWORD);
            nato.waitFor(By.id("invitations"));

            Workstream current = actors.as(DemoActors.NORWAY, () -> workstreams.get(exercise.id()).orElseThrow());
            renaming.set(true);
            actors.as(DemoActors.NORWAY, () -> workstreams.update(current, draft(renamed)));

            // B's page was open all along and is not reloaded: the push from A's commit brings the new title.
            kenya.waitForText(By.id("workstream-heading"), renamed);
            kenya.screenshot("60-instance-b-sees-change-from-a");

            Optional<Workstream> seenByNato = await("NATO's watcher on B was pushed the change",
                    () -> Optional.ofNullable(natoRead.get()));
            assertThat(seenByNato).as("what NATO's re-read on B found").isEmpty();
            assertThat(nato.driver().getPageSource()).doesNotContain(title);
            nato.open(urlOnB("/workstream/" + exercise.id()));
            nato.waitFor(By.id("workstream-not-found"));
            assertThat(nato.driver().getPageSource()).doesNotContain(title);
        } finally {
            natoWatching.remove();
        }
    }

    @Test
    void theReconciliationFiredOnBothInstancesAtOnceRunsOnceAndNotAgainWithinItsInterval() throws Exception {
        SuperuserDatabase database = new SuperuserDatabase(postgres);
        database.update("delete from scheduled_job_lock where job = ?", Reconciliation.JOB);
        try {
            Method onSchedule = Reconciliation.class.getDeclaredMethod("onSchedule");
            onSchedule.setAccessible(true);
            List<Object> instances = List.of(
                    AopTestUtils.getUltimateTargetObject(instanceA.getBean(Reconciliation.class)),
                    AopTestUtils.getUltimateTargetObject(instanceB.getBean(Reconciliation.class)));
            CountDownLatch ready = new CountDownLatch(instances.size());
            CountDownLatch fire = new CountDownLatch(1);
            List<Throwable> failures = new java.util.concurrent.CopyOnWriteArrayList<>();
            List<Thread> schedulers = instances.stream().map(reconciliation -> Thread.ofPlatform().start(() -> {
                try {
                    ready.countDown();
                    fire.await();
                    onSchedule.invoke(reconciliation);
                } catch (Exception e) {
                    failures.add(e);
                }
            })).toList();
            ready.await();
            fire.countDown();
            for (Thread scheduler : schedulers) {
                scheduler.join();
            }
            assertThat(failures).isEmpty();
            assertThat(jobs.runs(Reconciliation.JOB)).as("reconciliations started by the two schedules").isEqualTo(1);

            // Each instance's schedule fires at its own moment: later within the interval, neither runs it again.
            onSchedule.invoke(instances.get(1));
            onSchedule.invoke(instances.get(0));
            assertThat(jobs.runs(Reconciliation.JOB)).as("reconciliations within one interval").isEqualTo(1);
        } finally {
            database.update("delete from scheduled_job_lock where job = ?", Reconciliation.JOB);
        }
    }

    private String urlOnB(String path) {
        int port = ((WebServerApplicationContext) instanceB).getWebServer().getPort();
        return "http://localhost:" + port + path;
    }
}
