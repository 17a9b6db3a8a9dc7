package org.entente.analytics;

import java.time.Instant;
import org.entente.analytics.engine.snapshot.SnapshotInfo;

/** What an open Analytics page hears about a snapshot refresh, wherever it was started. */
public sealed interface RefreshEvent {

    record Started(Instant at, String by) implements RefreshEvent {
    }

    /** {@code fraction} from 0 to 1; {@code step} says what is being copied or written. */
    record Progress(double fraction, String step) implements RefreshEvent {
    }

    record Finished(SnapshotInfo snapshot) implements RefreshEvent {
    }

    /** The previous snapshot stays in use; the message says why and, for a setting, which one. */
    record Failed(Instant at, String message) implements RefreshEvent {
    }
}
