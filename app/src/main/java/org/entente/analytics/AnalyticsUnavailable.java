package org.entente.analytics;

import org.entente.platform.i18n.Text;

/** The snapshot cannot be read right now; the text says why, for the page to show in its reader's language. */
public class AnalyticsUnavailable extends RuntimeException {

    private final Text text;

    public AnalyticsUnavailable(Text text) {
        super(text.toString());
        this.text = text;
    }

    public Text text() {
        return text;
    }
}
