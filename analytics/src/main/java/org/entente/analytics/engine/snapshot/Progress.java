package org.entente.analytics.engine.snapshot;

import org.entente.analytics.engine.EngineText;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A refresh's progress: passes steps to the listener with a never-decreasing fraction, ignores the listener's own
 * failures, and remembers the current phase for an error message ("copying contributions"). Used by the refreshing
 * thread only, so the listener always runs on it.
 */
final class Progress {

    private static final Logger log = LoggerFactory.getLogger(Progress.class);

    private final RefreshListener listener;
    private double fraction;
    private EngineText phase = EngineText.of("refresh.phase.starting");

    Progress(RefreshListener listener) {
        this.listener = listener == null ? RefreshListener.NONE : listener;
    }

    /** Starts a phase (lower case, for "... while <phase>") and reports its first step. */
    void phase(EngineText phase, double fraction, EngineText step) throws InterruptedException {
        checkInterrupted();
        this.phase = phase;
        report(fraction, step);
    }

    void report(double fraction, EngineText step) {
        this.fraction = Math.max(this.fraction, Math.min(1, Math.max(0, fraction)));
        try {
            listener.progress(this.fraction, step);
        } catch (RuntimeException e) {
            log.warn("Snapshot refresh listener failed on \"{}\"; the refresh goes on", step, e);
        }
    }

    EngineText phase() {
        return phase;
    }

    /** Names the phase a failure happened in, without reporting a step. */
    void failedWhile(EngineText phase) {
        this.phase = phase;
    }

    /** Throws if the refreshing thread was interrupted (the interrupt flag stays set). */
    static void checkInterrupted() throws InterruptedException {
        if (Thread.currentThread().isInterrupted()) {
            throw new InterruptedException("snapshot refresh interrupted");
        }
    }
}
