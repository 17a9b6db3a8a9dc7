package org.entente.platform.schedule;

import java.lang.management.ManagementFactory;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.UUID;
import javax.sql.DataSource;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Scheduled jobs when several app instances run: every instance's scheduler fires, the database decides who runs.
 *
 * <ul>
 * <li>{@link #oncePerPeriod}: for jobs on the shared data (reconciliation, briefing subscriptions). The first instance
 * to fire in a period runs the job; the others skip until the period has passed since it started — once per period,
 * not merely "not at the same time" (ShedLock's lockAtLeastFor). Table {@code scheduled_job_lock} (V42).</li>
 * <li>{@link #oneAtATime}: for work each instance does for itself but should not do at the same moment as another
 * (the analytics snapshot, a local copy per instance): waits for a PostgreSQL advisory lock, which PostgreSQL frees
 * if the instance dies.</li>
 * </ul>
 *
 * <p>Statements run on a pool connection of their own, outside any transaction (autocommit), so a lock is visible to
 * the other instances the moment it is taken.
 */
@Component
public class JobLock {

    private static final Logger log = LoggerFactory.getLogger(JobLock.class);

    /** The instance, as the lock table records it: process and host, plus a random part (tests run two per JVM). */
    private final String instance = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);

    private final DataSource dataSource;
    private final Duration lockAtMost;

    JobLock(DataSource dataSource, @Value("${entente.scheduled-jobs.lock-at-most:PT1H}") Duration lockAtMost) {
        this.dataSource = dataSource;
        this.lockAtMost = lockAtMost;
    }

    /**
     * Runs {@code job} here unless another instance (or this one) started it less than {@code period} ago. While it
     * runs, the lock holds at most {@code entente.scheduled-jobs.lock-at-most} (an instance that dies mid-run frees it
     * then); once done, until {@code period} after its start.
     *
     * @return whether it ran here
     */
    public boolean oncePerPeriod(String job, Duration period, Runnable work) {
        String run = instance + "/" + UUID.randomUUID().toString().substring(0, 8);
        try {
            if (!take(job, run)) {
                log.debug("Scheduled job {} skipped: it ran on some instance less than {} ago", job, period);
                return false;
            }
        } catch (SQLException e) {
            log.warn("Scheduled job {} skipped: its lock could not be taken ({})", job, e.getMessage());
            return false;
        }
        try {
            work.run();
            return true;
        } finally {
            release(job, run, period);
        }
    }

    /** Runs {@code work} once no other instance runs the same job, waiting for it at most the lock-at-most time. */
    public void oneAtATime(String job, Runnable work) {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(true);
            try (PreparedStatement wait = connection.prepareStatement(
                    "select set_config('lock_timeout', ?, false), pg_advisory_lock(hashtextextended(?, 0))")) {
                wait.setString(1, lockAtMost.toMillis() + "ms");
                wait.setString(2, "entente.job." + job);
                wait.execute();
            }
            try {
                work.run();
            } finally {
                try (Statement sql = connection.createStatement()) {
                    // Back to the pool clean: no lock, the default timeout.
                    sql.execute("select pg_advisory_unlock_all()");
                    sql.execute("reset lock_timeout");
                } catch (SQLException e) {
                    connection.abort(Runnable::run);   // the pool must not hand out a connection holding the lock
                }
            }
        } catch (SQLException e) {
            log.warn("Scheduled job {} skipped: it could not wait for its turn ({})", job, e.getMessage());
        }
    }

    /** This app instance's name, as the lock table and the briefing leases record it. */
    public String instance() {
        return instance;
    }

    /** How many times {@code job} was started, on any instance (0 if never). */
    public long runs(String job) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select runs from scheduled_job_lock where job = ?")) {
            query.setString(1, job);
            try (ResultSet row = query.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Cannot read the runs of " + job, e);
        }
    }

    /** One statement: PostgreSQL serializes competing instances on the row, and only one moves it forward. */
    private boolean take(String job, String run) throws SQLException {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement take = connection.prepareStatement("""
                     insert into scheduled_job_lock as l (job, locked_until, locked_at, locked_by, runs)
                     values (?, now() + ? * interval '1 millisecond', now(), ?, 1)
                     on conflict (job) do update
                        set locked_until = excluded.locked_until, locked_at = excluded.locked_at,
                            locked_by = excluded.locked_by, runs = l.runs + 1
                      where l.locked_until <= now()""")) {
            connection.setAutoCommit(true);
            take.setString(1, job);
            take.setLong(2, lockAtMost.toMillis());
            take.setString(3, run);
            return take.executeUpdate() == 1;
        }
    }

    /**
     * The instance that ran the job fires again a period after the run ended, by its own clock, and must find the
     * lock free by the database's clock: a little slack keeps a clock difference from costing it a period.
     */
    static Duration slack(Duration period) {
        Duration hundredth = period.dividedBy(100);
        return hundredth.compareTo(Duration.ofSeconds(1)) > 0 ? Duration.ofSeconds(1) : hundredth;
    }

    private void release(String job, String run, Duration period) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement release = connection.prepareStatement("""
                     update scheduled_job_lock set locked_until = greatest(now(), locked_at + ? * interval '1 millisecond')
                      where job = ? and locked_by = ?""")) {
            connection.setAutoCommit(true);
            release.setLong(1, period.minus(slack(period)).toMillis());
            release.setString(2, job);
            release.setString(3, run);
            release.executeUpdate();
        } catch (SQLException e) {
            // The lock then holds until its at-most time: the job is late once, never run twice.
            log.warn("Scheduled job {}: its lock could not be set to the period's end ({})", job, e.getMessage());
        }
    }
}
