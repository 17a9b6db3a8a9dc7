package org.entente.platform.validation;

/**
 * Which typed text can be stored exactly as typed and shown back as text. Everything printable is (scripts,
 * emoji, right-to-left text, zero-width joiners, markup and SQL, which are only ever shown as text and bound
 * as values); control characters are not: PostgreSQL cannot store NUL at all, an unpaired surrogate half
 * would come back as "?", and escape or bell characters have no business in a form. Tab and line breaks
 * stay, since people paste them.
 */
public final class PlainText {

    /** The translation key of the message for text that is not {@link #storable}. */
    public static final String MESSAGE = "validation.plainText";
    /** The translation key of the message for a file name that is not a {@link #fileName}. */
    public static final String FILE_NAME_MESSAGE = "validation.fileName";

    private PlainText() {
    }

    /** True if null, or free of control characters (other than tab and line breaks) and broken surrogates. */
    public static boolean storable(String text) {
        return text == null || text.codePoints().allMatch(c -> c == '\t' || c == '\n' || c == '\r'
                || !(Character.isISOControl(c) || Character.getType(c) == Character.SURROGATE));
    }

    /**
     * Stricter for file names, which end up in download headers and are read by their extension: no control
     * characters at all, and no bidirectional marks (a right-to-left override makes "report[RLO]fdp.exe" read as "reportexe.pdf").
     */
    public static boolean fileName(String name) {
        return name == null || name.codePoints().allMatch(c -> !Character.isISOControl(c)
                && Character.getType(c) != Character.SURROGATE
                && !(c >= 0x202A && c <= 0x202E) && !(c >= 0x2066 && c <= 0x2069)
                && c != 0x200E && c != 0x200F && c != 0x061C);
    }
}
