package org.entente.disclosure;

import org.entente.platform.i18n.Text;
import org.entente.platform.validation.ConcurrentEditException;

/**
 * A save named a version that is no longer the current one: another tenant administrator saved in between. Nothing
 * was stored; the page offers a reload (as for every concurrent edit), with this message rather than the generic one.
 */
public class PublicationChangedMeanwhile extends ConcurrentEditException {

    private static final Text TEXT = Text.of("disclosure.error.changedMeanwhile");

    public PublicationChangedMeanwhile() {
        super("disclosure.record.publication");
    }

    @Override
    public Text text() {
        return TEXT;
    }

    @Override
    public String getMessage() {
        return TEXT.toString();
    }
}
