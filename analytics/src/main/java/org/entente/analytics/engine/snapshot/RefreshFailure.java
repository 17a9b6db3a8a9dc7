package org.entente.analytics.engine.snapshot;

import java.time.Instant;

/** Why the last refresh failed, in words for the user (no stack trace); the previous snapshot stayed in use. */
public record RefreshFailure(Instant at, String message) {
}
