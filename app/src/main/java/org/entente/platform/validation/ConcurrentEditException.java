package org.entente.platform.validation;

import org.entente.platform.i18n.Text;

/** Someone else saved the record after it was read: nothing was overwritten. */
public class ConcurrentEditException extends RuntimeException {

    private final Text text;

    /** {@code whatKey}: the translation key of the record's name ("contribution", "workstream"). */
    public ConcurrentEditException(String whatKey) {
        this(Text.of("validation.concurrentEdit", Text.of(whatKey)));
    }

    private ConcurrentEditException(Text text) {
        super(text.toString());
        this.text = text;
    }

    public Text text() {
        return text;
    }
}
