package org.entente.platform.validation;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Bad input, reported per field so a form can put each message next to its field. Thrown by services
 * before anything is stored.
 */
public class InvalidInput extends RuntimeException {

    private final Map<String, String> fieldErrors;

    public InvalidInput(Map<String, String> fieldErrors) {
        super(String.join("; ", fieldErrors.values()));
        this.fieldErrors = Map.copyOf(fieldErrors);
    }

    public static InvalidInput of(String field, String message) {
        return new InvalidInput(Map.of(field, message));
    }

    public Map<String, String> fieldErrors() {
        return fieldErrors;
    }

    /** Collects field errors, then throws them all at once. */
    public static final class Collector {

        private final Map<String, String> errors = new LinkedHashMap<>();

        public Collector check(boolean ok, String field, String message) {
            if (!ok) {
                errors.putIfAbsent(field, message);
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
