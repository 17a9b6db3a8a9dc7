package org.entente.disclosure;

/** The preview cannot be computed right now (e.g. the snapshot cannot be read); the message says why. */
public class PreviewUnavailable extends RuntimeException {

    public PreviewUnavailable(String message) {
        super(message);
    }
}
