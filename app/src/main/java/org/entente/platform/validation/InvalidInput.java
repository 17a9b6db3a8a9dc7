package org.entente.platform.validation;

import java.util.LinkedHashMap;
import java.util.Map;
import org.entente.platform.i18n.Text;

/**
 * Bad input, reported per field so a form can put each message next to its field. Thrown by services
 * before anything is stored. Each message is a {@link Text} (a translation key and its arguments), written in the
 * reader's language where it is shown; {@link #fieldErrors()} gives them in English for logs and tests.
 */
public class InvalidInput extends RuntimeException {

    private final Map<String, Text> fieldTexts;

    public InvalidInput(Map<String, Text> fieldTexts) {
        super(String.join("; ", fieldTexts.values().stream().map(Text::toString).toList()));
        this.fieldTexts = Map.copyOf(fieldTexts);
    }

    /** One field's message: {@code key} is a translation key, {@code args} its arguments. */
    public static InvalidInput of(String field, String key, Object... args) {
        return new InvalidInput(Map.of(field, Text.of(key, args)));
    }

    /** Field → message, untranslated: what a form shows next to each field. */
    public Map<String, Text> fieldTexts() {
        return fieldTexts;
    }

    /** Field → message in English. */
    public Map<String, String> fieldErrors() {
        Map<String, String> english = new LinkedHashMap<>();
        fieldTexts.forEach((field, text) -> english.put(field, text.toString()));
        return english;
    }

    /** Collects field errors, then throws them all at once. */
    public static final class Collector {

        private final Map<String, Text> errors = new LinkedHashMap<>();

        /** Records {@code field}'s message (a translation key and its arguments) unless {@code ok}. */
        public Collector check(boolean ok, String field, String key, Object... args) {
            if (!ok) {
                errors.putIfAbsent(field, Text.of(key, args));
            }
            return this;
        }

        public void throwIfAny() {
            if (!errors.isEmpty()) {
                throw new InvalidInput(errors);
            }
        }
    }
}
