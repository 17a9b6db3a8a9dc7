package org.entente.platform.i18n;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A user-visible text not yet written in a language: a translation key and its arguments. Services return and throw
 * these (validation messages, refusals) so that each surface writes them in its reader's language; arguments that
 * are themselves texts (a {@code Text} or an enum constant) are translated too.
 */
public record Text(String key, List<Object> args) {

    public Text {
        args = Collections.unmodifiableList(new ArrayList<>(args)); // arguments may be null (shown as "null")
    }

    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }

    /** This text in the locale's language. */
    public String in(Locale locale) {
        Object[] values = args.stream().map(arg -> switch (arg) {
            case Text text -> text.in(locale);
            case Enum<?> constant -> Translations.label(locale, constant);
            default -> arg;
        }).toArray();
        return Translations.text(locale, key, values);
    }

    /** English: logs, exception messages, and the tests that read them. */
    @Override
    public String toString() {
        return in(Language.EN.locale());
    }
}
