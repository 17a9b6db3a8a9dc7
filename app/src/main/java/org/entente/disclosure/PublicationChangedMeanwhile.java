package org.entente.disclosure;

import org.entente.platform.validation.ConcurrentEditException;

/**
 * A save named a version that is no longer the current one: another tenant administrator saved in between. Nothing
 * was stored; the page offers a reload (as for every concurrent edit).
 */
public class PublicationChangedMeanwhile extends ConcurrentEditException {

    public PublicationChangedMeanwhile() {
        super("publication consent");
    }

    @Override
    public String getMessage() {
        return "Someone else changed what you publish; reload to see their choice. Nothing of yours was saved.";
    }
}
