package org.entente.briefing;

import jakarta.annotation.PreDestroy;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import org.entente.db.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * This instance's queue of briefings and its workers: each person's briefings are written one after another (a second
 * request while one runs waits behind it), at most {@code entente.briefings.workers} at once across everybody. The
 * queue lives in memory; the leases on its rows tell the other instances that it does ({@link BriefingLeases}).
 */
@Component
class BriefingQueue {

    private static final Logger log = LoggerFactory.getLogger(BriefingQueue.class);

    private final BriefingGeneration generation;
    private final BriefingWatchers watchers;
    private final ExecutorService workers;

    // Guarded by this: each requester's running briefing and those waiting behind it.
    private final Map<UUID, BriefingJob> running = new HashMap<>();
    private final Map<UUID, Deque<BriefingJob>> waiting = new HashMap<>();

    BriefingQueue(BriefingGeneration generation, BriefingWatchers watchers, BriefingProperties properties) {
        this.generation = generation;
        this.watchers = watchers;
        this.workers = Executors.newFixedThreadPool(properties.workers(),
                Thread.ofPlatform().daemon().name("briefing-", 1).factory());
    }

    /** Starts the job now or, while one of the same requester runs, after that one; returns how many come first. */
    int enqueue(BriefingJob job) {
        int ahead;
        boolean start;
        synchronized (this) {
            if (running.containsKey(job.requester())) {
                Deque<BriefingJob> queue = waiting.computeIfAbsent(job.requester(), requester -> new ArrayDeque<>());
                queue.add(job);
                ahead = queue.size(); // the running one and those queued before this one
                start = false;
            } else {
                running.put(job.requester(), job);
                ahead = 0;
                start = true;
            }
        }
        watchers.tell(job.tenantId(), new BriefingEvent.Queued(job.briefingId(), job.requester(), ahead));
        if (start) {
            submit(job);
        }
        return ahead;
    }

    /** The briefings of this instance's queue: running and waiting. */
    synchronized List<BriefingJob> queued() {
        List<BriefingJob> jobs = new ArrayList<>(running.values());
        waiting.values().forEach(jobs::addAll);
        return jobs;
    }

    private void submit(BriefingJob job) {
        try {
            workers.execute(() -> run(job));
        } catch (RejectedExecutionException e) {
            log.warn("Briefing {} not started: the app is stopping", job.briefingId());
        }
    }

    private void run(BriefingJob job) {
        Thread.interrupted(); // a pooled thread starts each job afresh
        try {
            // As the requester: every transaction of the generation begins inside this scope.
            TenantScope.runAs(job.actor(), () -> generation.write(job));
        } catch (RuntimeException e) {
            log.error("Briefing {} could not be finished", job.briefingId(), e);
        } finally {
            watchers.forget(job.briefingId());
            BriefingJob next = done(job);
            if (next != null) {
                submit(next);
            }
        }
    }

    private synchronized BriefingJob done(BriefingJob job) {
        running.remove(job.requester());
        Deque<BriefingJob> queue = waiting.get(job.requester());
        BriefingJob next = queue == null ? null : queue.poll();
        if (queue != null && queue.isEmpty()) {
            waiting.remove(job.requester());
        }
        if (next != null) {
            running.put(next.requester(), next);
        }
        return next;
    }

    @PreDestroy
    void stop() {
        workers.shutdownNow();
    }
}
