package org.entente.analytics.engine.snapshot;

import org.entente.analytics.engine.EngineText;

/**
 * Follows a refresh: called on the refreshing thread with the fraction done (0..1, never decreasing) and a step
 * a user can read, e.g. "Copying contributions (12,345 rows)", not yet written in a language: a refresh is watched
 * from several pages, each writes the step in its reader's language ({@link EngineText#in}). An exception thrown here
 * is logged and ignored: a broken progress bar does not stop the refresh.
 */
@FunctionalInterface
public interface RefreshListener {

    RefreshListener NONE = (fraction, step) -> { };

    void progress(double fraction, EngineText step);
}
