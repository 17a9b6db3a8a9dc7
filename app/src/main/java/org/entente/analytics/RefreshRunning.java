package org.entente.analytics;

import org.entente.platform.i18n.Text;

/** A refresh was asked for while one runs: it is not started a second time. The text says so, for people. */
public class RefreshRunning extends RuntimeException {

    private final Text text;

    public RefreshRunning(Text text) {
        super(text.toString());
        this.text = text;
    }

    public Text text() {
        return text;
    }
}
