package org.entente.analytics.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Locale;

/**
 * A text of the engine's not yet written in a language: its key in the engine's bundle ({@link EngineTexts}) and its
 * arguments. The engine hands these out where one text reaches several readers (a refresh's progress, broadcast to
 * every open Analytics page) or where the caller decides the language (a refused filter); each reader's page writes
 * it with {@link #in(Locale)}. Arguments that are engine texts themselves are written in the same language.
 */
public record EngineText(String key, List<Object> args) {

    public EngineText {
        args = Collections.unmodifiableList(new ArrayList<>(args));
    }

    public static EngineText of(String key, Object... args) {
        return new EngineText(key, Arrays.asList(args));
    }

    /** This text in the locale's language (English for any language but French). */
    public String in(Locale locale) {
        Object[] values = args.stream().map(arg -> arg instanceof EngineText text ? text.in(locale) : arg).toArray();
        return EngineTexts.text(locale, key, values);
    }

    /** English: logs, exception messages, and the tests that read them. */
    @Override
    public String toString() {
        return in(Locale.UK);
    }
}
