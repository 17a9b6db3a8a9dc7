package org.entente.analytics;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;
import org.entente.analytics.engine.EngineText;
import org.entente.analytics.engine.snapshot.SnapshotInfo;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Text;

/**
 * What an open Analytics page hears about a snapshot refresh, wherever it was started. One event reaches every open
 * page, so its texts are not yet written in a language: each page writes them in its reader's.
 */
public sealed interface RefreshEvent {

    /** {@code by}: who or what started it (a person's name, the schedule, the start-up). */
    record Started(Instant at, Text by) implements RefreshEvent {
    }

    /** {@code fraction} from 0 to 1; {@code step} says what is being copied or written (the engine's text). */
    record Progress(double fraction, EngineText step) implements RefreshEvent {
    }

    record Finished(SnapshotInfo snapshot) implements RefreshEvent {
    }

    /**
     * The previous snapshot stays in use; the text says why and, for a setting, which one (as
     * {@link AnalyticsStatus.Failure}).
     */
    record Failed(Instant at, Function<Locale, String> text) implements RefreshEvent {

        /** In English. */
        public String message() {
            return text.apply(Language.EN.locale());
        }

        @Override
        public String toString() {
            return "Failed[at=" + at + ", message=" + message() + "]";
        }
    }
}
