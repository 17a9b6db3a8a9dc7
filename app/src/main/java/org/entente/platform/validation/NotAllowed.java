package org.entente.platform.validation;

import org.entente.platform.i18n.Text;

/** The signed-in tenant may not do this (or cannot see the record at all). */
public class NotAllowed extends RuntimeException {

    private final Text text;

    /** {@code key}: the translation key of what the person is told; {@code args} its arguments. */
    public NotAllowed(String key, Object... args) {
        this(Text.of(key, args));
    }

    public NotAllowed(Text text) {
        super(text.toString());
        this.text = text;
    }

    public Text text() {
        return text;
    }
}
