package org.entente.platform.importing;

import java.util.Map;
import org.entente.platform.i18n.Text;
import org.entente.platform.validation.InvalidInput;

/**
 * A file that cannot be read as the sheet an import expects at all (too large, not xlsx or CSV, no header): nothing is
 * previewed. Bad input like any other, on the field "file".
 */
public class ImportFileException extends InvalidInput {

    public ImportFileException(String key, Object... args) {
        this(Text.of(key, args));
    }

    private ImportFileException(Text text) {
        super(Map.of("file", text));
    }

    /** What is wrong, in the reader's language where it is shown. */
    public Text text() {
        return fieldTexts().get("file");
    }
}
