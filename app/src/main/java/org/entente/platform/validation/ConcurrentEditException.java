package org.entente.platform.validation;

/** Someone else saved the record after it was read: nothing was overwritten. */
public class ConcurrentEditException extends RuntimeException {

    public ConcurrentEditException(String what) {
        super("Someone else changed this " + what + " after you opened it. Nothing was saved: reload to see "
                + "their changes, then apply yours again.");
    }
}
