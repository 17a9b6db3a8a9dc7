package org.entente.platform.i18n;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * A {@link Text} as the database keeps it for readers whose language the writer does not know (bell texts, V53;
 * activity entries, V54): its key in one column, its arguments in a {@code text[]} column as tagged strings, and its
 * English rendering beside them.
 *
 * <p>The tags: {@code "s:"} text as typed (a title, an excerpt), {@code "n:"} a number, {@code "d:"} an ISO date,
 * {@code "k:"} another translation key (an enum constant's label, or an argument-free {@code Text}), {@code "0:"} null.
 * A nested {@code Text} with arguments of its own is kept as its English (one level of keys is what the columns hold).
 * Untagged values (none are written) read back as they are.
 */
public final class StoredText {

    /** What the schema's CHECKs allow (notification_text_args_ck, activity_summary_args_ck). */
    public static final int MAX_ARGS = 20;
    public static final int MAX_ARGS_CHARS = 4000;

    private StoredText() {
    }

    /** The arguments of {@code text}, tagged, in order. */
    public static String[] encode(Text text) {
        return text.args().stream().map(StoredText::encode).toArray(String[]::new);
    }

    /** A stored text again: its key and its decoded arguments ({@code args} null reads as none). */
    public static Text decode(String key, String[] args) {
        return new Text(key, Arrays.stream(args == null ? new String[0] : args).map(StoredText::decode).toList());
    }

    /** Whether encoded arguments fit the schema's limits (at most 20, at most 4000 characters together). */
    public static boolean fits(String[] encoded) {
        return encoded.length <= MAX_ARGS && Arrays.stream(encoded).mapToInt(String::length).sum() <= MAX_ARGS_CHARS;
    }

    /** The English rendering, cut to {@code maxLength} characters (the last one then an ellipsis). */
    public static String english(Text text, int maxLength) {
        String english = text.toString();
        return english.length() > maxLength ? english.substring(0, maxLength - 1) + "…" : english;
    }

    private static String encode(Object arg) {
        return switch (arg) {
            case null -> "0:";
            case Enum<?> constant -> "k:" + Translations.enumKey(constant);
            case Text nested when nested.args().isEmpty() -> "k:" + nested.key();
            case Text nested -> "s:" + nested;
            case LocalDate date -> "d:" + date;
            case BigDecimal number -> "n:" + number.toPlainString();
            case Number number -> "n:" + new BigDecimal(number.toString()).toPlainString();
            default -> "s:" + arg;
        };
    }

    private static Object decode(String arg) {
        if (arg == null || arg.length() < 2 || arg.charAt(1) != ':') {
            return arg;
        }
        String value = arg.substring(2);
        return switch (arg.charAt(0)) {
            case '0' -> null;
            case 'k' -> Text.of(value);
            case 'd' -> LocalDate.parse(value);
            case 'n' -> new BigDecimal(value);
            default -> value;
        };
    }
}
