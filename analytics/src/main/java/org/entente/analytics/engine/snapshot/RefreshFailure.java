package org.entente.analytics.engine.snapshot;

import java.time.Instant;
import org.entente.analytics.engine.EngineText;

/**
 * Why the last refresh failed, in words for the user (no stack trace); the previous snapshot stayed in use. The text
 * is written in each reader's language; what PostgreSQL or the file system said stays as they said it.
 */
public record RefreshFailure(Instant at, EngineText text) {

    /** In English (logs, and the tests that read it). */
    public String message() {
        return text.toString();
    }
}
