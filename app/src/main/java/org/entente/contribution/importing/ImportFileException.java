package org.entente.contribution.importing;

import org.entente.platform.i18n.Text;

/** A file that cannot be read as a contributions sheet at all (too large, not xlsx or CSV, no header): nothing is previewed. */
public class ImportFileException extends RuntimeException {

    private final Text text;

    public ImportFileException(String key, Object... args) {
        this(Text.of(key, args));
    }

    private ImportFileException(Text text) {
        super(text.toString());
        this.text = text;
    }

    /** What is wrong, in the reader's language where it is shown. */
    public Text text() {
        return text;
    }
}
