package org.entente.briefing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.TenantScope;
import org.entente.platform.schedule.JobLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * When subscriptions are generated: every {@code entente.briefings.schedule-check}, on one app instance of all (the
 * scheduled-job lock), each due subscription's briefing is asked for as its subscriber and queued here.
 */
@Component
class BriefingSchedule {

    private static final Logger log = LoggerFactory.getLogger(BriefingSchedule.class);

    /** The subscription check's name in the scheduled-job lock. */
    static final String SCHEDULE_JOB = "briefing-subscriptions";

    private final BriefingSubscriptions subscriptions;
    private final BriefingQueue queue;
    private final JobLock jobs;
    private final Duration scheduleCheck;
    private final Clock clock = Clock.systemUTC();

    BriefingSchedule(BriefingSubscriptions subscriptions, BriefingQueue queue, JobLock jobs,
            BriefingProperties properties) {
        this.subscriptions = subscriptions;
        this.queue = queue;
        this.jobs = jobs;
        this.scheduleCheck = properties.scheduleCheck();
    }

    @Scheduled(initialDelayString = "${entente.briefings.schedule-check:PT5M}",
            fixedDelayString = "${entente.briefings.schedule-check:PT5M}")
    void onSchedule() {
        // Every instance's schedule fires; one of them looks for due subscriptions, once per check interval.
        jobs.oncePerPeriod(SCHEDULE_JOB, scheduleCheck, () -> {
            try {
                int started = runDue(clock.instant());
                if (started > 0) {
                    log.info("Briefing schedule: {} subscription(s) started", started);
                }
            } catch (RuntimeException e) {
                log.warn("Briefing schedule failed; it tries again at its next check", e);
            }
        });
    }

    /**
     * Queues the briefing of every subscription due at {@code now}, each as its subscriber (if they are still an
     * active coordinator), and moves each subscription's next run on. Returns how many briefings were queued.
     */
    int runDue(Instant now) {
        int started = 0;
        for (BriefingSubscriptions.Due due : subscriptions.due(now)) {
            Actor subscriber = new Actor(due.tenantId(), due.subscriberId());
            try {
                // The scope before the transaction: it begins inside, as the subscriber, under their row-level security.
                BriefingJob job = TenantScope.callAs(subscriber,
                        () -> subscriptions.start(subscriber, due.subscriptionId(), now));
                if (job != null) {
                    queue.enqueue(job);
                    started++;
                }
            } catch (RuntimeException e) {
                log.warn("Subscription {} of {} could not be started", due.subscriptionId(), due.tenantId(), e);
            }
        }
        return started;
    }
}
