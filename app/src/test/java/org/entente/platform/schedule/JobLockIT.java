package org.entente.platform.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import com.zaxxer.hikari.HikariDataSource;
import java.time.Duration;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.LockSupport;
import org.entente.db.embedded.LocalPostgres;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.SuperuserDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The scheduled-job lock between two instances: the app's own lock and a second one over a pool of its own (as
 * another instance has), on the same database as the runtime role.
 */
class JobLockIT extends AppIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    JobLock here;
    @Autowired
    LocalPostgres postgres;

    HikariDataSource otherPool;
    JobLock other;
    SuperuserDatabase database;
    String job;

    @BeforeEach
    void secondInstance() {
        otherPool = new HikariDataSource();
        otherPool.setJdbcUrl(postgres.jdbcUrl());
        otherPool.setUsername(postgres.appUser());
        otherPool.setPassword(postgres.appPassword());
        otherPool.setMaximumPoolSize(2);
        other = new JobLock(otherPool, Duration.ofMinutes(5));
        database = new SuperuserDatabase(postgres);
        job = "test-" + UUID.randomUUID();
    }

    @AfterEach
    void close() {
        otherPool.close();
        database.update("delete from scheduled_job_lock where job = ?", job);
    }

    @Test
    void firedOnBothInstancesAtOnceAJobRunsOnceAndOnlyAgainAPeriodAfterItStarted() throws Exception {
        Duration period = Duration.ofSeconds(2);
        AtomicInteger ran = new AtomicInteger();
        CountDownLatch ready = new CountDownLatch(2);
        CountDownLatch fire = new CountDownLatch(1);
        List<Thread> schedulers = new ArrayList<>();
        for (JobLock instance : List.of(here, other)) {
            schedulers.add(Thread.ofPlatform().start(() -> {
                ready.countDown();
                try {
                    fire.await();
                } catch (InterruptedException e) {
                    return;
                }
                instance.oncePerPeriod(job, period, ran::incrementAndGet);
            }));
        }
        ready.await();
        fire.countDown();
        for (Thread scheduler : schedulers) {
            scheduler.join();
        }
        assertThat(ran).as("runs when both fired together").hasValue(1);
        Instant firstStart = lockedAt();

        // Done, but within the period: neither instance runs it (not merely "not at the same time").
        assertThat(other.oncePerPeriod(job, period, ran::incrementAndGet)).isFalse();
        assertThat(here.oncePerPeriod(job, period, ran::incrementAndGet)).isFalse();
        assertThat(ran).hasValue(1);

        // Each instance's schedule fires again; the first to do so after the period runs it.
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!other.oncePerPeriod(job, period, ran::incrementAndGet) && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(100).toNanos());
        }
        assertThat(ran).as("runs once the period had passed").hasValue(2);
        assertThat(Duration.between(firstStart, lockedAt()))
                .as("between the two starts, by the database's clock")
                .isGreaterThanOrEqualTo(period.minus(JobLock.slack(period)));
        assertThat(here.runs(job)).isEqualTo(2);
    }

    @Test
    void aRunThatFailsStillHoldsItsPeriod() {
        Duration period = Duration.ofHours(1);
        try {
            here.oncePerPeriod(job, period, () -> {
                throw new IllegalStateException("the job failed");
            });
        } catch (IllegalStateException expected) {
            // the job's own failure reaches its caller
        }
        assertThat(other.oncePerPeriod(job, period, () -> { })).isFalse();
    }

    @Test
    void oneAtATimeMakesTheOtherInstanceWaitItsTurnThenRunsItThere() throws Exception {
        CountDownLatch firstInside = new CountDownLatch(1);
        CountDownLatch letFirstFinish = new CountDownLatch(1);
        AtomicInteger inside = new AtomicInteger();
        AtomicInteger mostInside = new AtomicInteger();
        List<String> order = new CopyOnWriteArrayList<>();
        Runnable work = () -> mostInside.accumulateAndGet(inside.incrementAndGet(), Math::max);

        Thread first = Thread.ofPlatform().start(() -> here.oneAtATime(job, () -> {
            work.run();
            order.add("here");
            firstInside.countDown();
            try {
                letFirstFinish.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inside.decrementAndGet();
        }));
        assertThat(firstInside.await(PATIENCE.toSeconds(), TimeUnit.SECONDS)).isTrue();
        Thread second = Thread.ofPlatform().start(() -> other.oneAtATime(job, () -> {
            work.run();
            order.add("other");
            inside.decrementAndGet();
        }));

        // The other instance is waiting for the advisory lock in PostgreSQL, not skipping.
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (waitingForAdvisoryLocks() == 0 && System.nanoTime() < deadline) {
            LockSupport.parkNanos(Duration.ofMillis(50).toNanos());
        }
        assertThat(waitingForAdvisoryLocks()).as("backends waiting for the job's turn").isEqualTo(1);
        assertThat(order).containsExactly("here");

        letFirstFinish.countDown();
        first.join();
        second.join();
        assertThat(order).containsExactly("here", "other");
        assertThat(mostInside).as("instances inside at the same time").hasValue(1);
        assertThat(database.query("select count(*) from pg_locks where locktype = 'advisory'").getFirst().getFirst())
                .as("advisory locks left behind").isEqualTo(0L);
    }

    private long waitingForAdvisoryLocks() {
        return (Long) database.query("select count(*) from pg_locks where locktype = 'advisory' and not granted")
                .getFirst().getFirst();
    }

    private Instant lockedAt() {
        return ((Timestamp) database.query("select locked_at from scheduled_job_lock where job = ?", job)
                .getFirst().getFirst()).toInstant();
    }
}
