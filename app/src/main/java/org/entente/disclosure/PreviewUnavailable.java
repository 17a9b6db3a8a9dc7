package org.entente.disclosure;

import org.entente.platform.i18n.Text;

/** The preview cannot be computed right now (e.g. the snapshot cannot be read); the text says why. */
public class PreviewUnavailable extends RuntimeException {

    private final Text text;

    public PreviewUnavailable(Text text) {
        super(text.toString());
        this.text = text;
    }

    /** Why, to be written in the reader's language. */
    public Text text() {
        return text;
    }
}
