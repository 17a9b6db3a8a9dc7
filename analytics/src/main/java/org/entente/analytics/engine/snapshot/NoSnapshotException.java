package org.entente.analytics.engine.snapshot;

/** There is no snapshot to read yet (none taken, or its file cannot be opened); the message says which. */
public class NoSnapshotException extends RuntimeException {

    public NoSnapshotException(String message) {
        super(message);
    }

    public NoSnapshotException(String message, Throwable cause) {
        super(message, cause);
    }
}
