package org.entente.testing;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.entente.analytics.RefreshEvent;

/**
 * Telling the end of the refresh a test asked for from a late echo of the one before it. AnalyticsService tells its
 * watchers one after the other on the refresh thread, after that refresh has stopped counting as running: a watcher
 * added meanwhile (by a test that has just seen "not refreshing" and asks for its own refresh) can still hear the
 * previous refresh's Finished or Failed. A suite run showed it: the test took that echo for its own refresh.
 */
public final class Refreshes {

    private Refreshes() {
    }

    /** The instant to pass to {@link #endsOneAskedSince}: take it before asking for the refresh. */
    public static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MILLIS);
    }

    /**
     * Whether {@code event} ends a refresh asked for at or after {@code asked}: a snapshot taken since (its
     * transaction starts after the request), or a failure since.
     */
    public static boolean endsOneAskedSince(RefreshEvent event, Instant asked) {
        return switch (event) {
            case RefreshEvent.Finished finished -> !finished.snapshot().takenAt().isBefore(asked);
            case RefreshEvent.Failed failed -> !failed.at().isBefore(asked);
            default -> false;
        };
    }
}
