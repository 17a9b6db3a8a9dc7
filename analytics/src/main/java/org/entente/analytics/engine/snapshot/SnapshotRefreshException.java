package org.entente.analytics.engine.snapshot;

/**
 * A refresh failed or was interrupted; the message says why in words for the user. The previous snapshot, if any,
 * stays current, and nothing of the failed attempt is left in the directory.
 */
public class SnapshotRefreshException extends RuntimeException {

    public SnapshotRefreshException(String message, Throwable cause) {
        super(message, cause);
    }
}
