package org.entente.briefing;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Who hears about briefings as they happen: the open pages of each organization (queued, progress, finished, told on
 * the thread where it happens), and the last progress of each briefing this instance is writing, which the list shows.
 */
@Component
class BriefingWatchers {

    private static final Logger log = LoggerFactory.getLogger(BriefingWatchers.class);

    /** Progress is told at most this often per briefing, unless its step changes. */
    private static final long PROGRESS_EVERY_NANOS = Duration.ofMillis(250).toNanos();

    private record Watcher(UUID tenantId, Consumer<BriefingEvent> listener) {
    }

    private final Set<Watcher> watchers = ConcurrentHashMap.newKeySet();
    private final Map<UUID, BriefingEvent.Progress> progress = new ConcurrentHashMap<>();

    /** Tells {@code listener} about every briefing of {@code tenantId} from now on; close to stop. */
    AutoCloseable watch(UUID tenantId, Consumer<BriefingEvent> listener) {
        Watcher registered = new Watcher(tenantId, listener);
        watchers.add(registered);
        return () -> watchers.remove(registered);
    }

    void tell(UUID tenantId, BriefingEvent event) {
        for (Watcher watcher : watchers) {
            if (watcher.tenantId().equals(tenantId)) {
                try {
                    watcher.listener().accept(event);
                } catch (RuntimeException e) {
                    log.debug("A briefing watcher failed on {}", event, e);
                }
            }
        }
    }

    /** How far the job is; told to the watchers when its step changes, else at most every quarter second. */
    void progress(BriefingJob job, double fraction, String step) {
        BriefingEvent.Progress now = new BriefingEvent.Progress(job.briefingId(), Math.max(0, Math.min(1, fraction)),
                step == null ? "" : step);
        BriefingEvent.Progress before = progress.put(job.briefingId(), now);
        long time = System.nanoTime();
        long last = job.reportedAt().get();
        if (before == null || !before.step().equals(now.step()) || time - last >= PROGRESS_EVERY_NANOS) {
            job.reportedAt().set(time);
            tell(job.tenantId(), now);
        }
    }

    /** The last progress of a briefing this instance is writing; null for any other. */
    BriefingEvent.Progress progressOf(UUID briefingId) {
        return progress.get(briefingId);
    }

    /** The briefing is no longer being written here. */
    void forget(UUID briefingId) {
        progress.remove(briefingId);
    }
}
