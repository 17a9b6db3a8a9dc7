package org.entente.analytics;

import java.time.Instant;
import java.util.Locale;
import java.util.function.Function;
import org.entente.analytics.engine.EngineText;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.snapshot.SnapshotInfo;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Text;

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

    /**
     * @param startedBy who or what started it (a person's name, the schedule, the start-up)
     * @param step      the engine's text of the current step; null until the first one
     */
    public record Running(Instant startedAt, Text startedBy, double fraction, EngineText step) {
    }

    /**
     * @param text the failure in a reader's language (the page's); what PostgreSQL or a setting check said stays as
     *             they said it
     */
    public record Failure(Instant at, Function<Locale, String> text) {

        /** In English (logs, and the tests that read it). */
        public String message() {
            return text.apply(Language.EN.locale());
        }
    }
}
