package org.entente.analytics.engine.snapshot;

/**
 * Follows a refresh: called on the refreshing thread with the fraction done (0..1, never decreasing) and a step
 * a user can read, e.g. "Copying contributions (12,345 rows)". An exception thrown here is logged and ignored: a
 * broken progress bar does not stop the refresh.
 */
@FunctionalInterface
public interface RefreshListener {

    RefreshListener NONE = (fraction, step) -> { };

    void progress(double fraction, String step);
}
