package org.entente.analytics;

import java.time.Instant;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.snapshot.SnapshotInfo;

/**
 * The state of the Analytics workspace for the signed-in person.
 *
 * @param viewer      whose figures: the federation (coordinators) or the own organization
 * @param snapshot    the snapshot in use; null before the first one
 * @param running     the refresh under way; null when none
 * @param lastFailure why the last refresh (or the set-up check) failed; null after a success
 * @param mayRefresh  whether this person may start a refresh (coordinators)
 */
public record AnalyticsStatus(Viewer viewer, SnapshotInfo snapshot, Running running, Failure lastFailure,
        boolean mayRefresh) {

    public record Running(Instant startedAt, String startedBy, double fraction, String step) {
    }

    public record Failure(Instant at, String message) {
    }
}
