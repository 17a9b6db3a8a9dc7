package org.entente.analytics.engine.briefing;

/** The briefing could not be written; the message says why in one sentence for people. Discard the output. */
public class BriefingFailedException extends RuntimeException {

    public BriefingFailedException(String message) {
        super(message);
    }

    public BriefingFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
