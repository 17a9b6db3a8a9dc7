package org.entente.analytics.engine;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * The texts the engine writes for people (rollup titles, questions and column headings, KPI labels, notes, the Excel
 * briefing's sheets), in English or French, from {@code org/entente/analytics/engine/texts.properties} and
 * {@code texts_fr.properties}. The engine has no Vaadin and no Spring, so it keeps its own bundle; the app passes the
 * reader's locale through the engine's API, or, where one text reaches several readers (a refresh's progress) or the
 * caller decides the language (a refused filter), the engine hands out an {@link EngineText} each reader writes. Values are {@link MessageFormat} patterns, as in the app's bundle: an
 * English apostrophe is written {@code ''}, a French one is the typographic ’.
 *
 * <p>The rollup catalogue ({@code Rollups}) keeps its English in the code, next to the SQL it describes; the English
 * bundle repeats it under keys derived from the ids ({@code table.<id>.title}, {@code column.<id>}, …) and a test
 * keeps the two equal, so translators read every text in one place.
 */
public final class EngineTexts {

    public static final String BUNDLE = "org.entente.analytics.engine.texts";

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private EngineTexts() {
    }

    /** Whether the locale is French (any French); every other language reads English. */
    public static boolean french(Locale locale) {
        return locale != null && "fr".equals(locale.getLanguage());
    }

    /** The locale numbers and dates are written in: France's for French, the United Kingdom's otherwise. */
    public static Locale formats(Locale locale) {
        return french(locale) ? Locale.FRANCE : Locale.UK;
    }

    /** The text of {@code key} in the locale's language, arguments filled in; the key itself when it is missing. */
    public static String text(Locale locale, String key, Object... args) {
        String pattern = pattern(locale, key);
        return pattern == null ? key : format(locale, pattern, args);
    }

    /** The text of {@code key}, or {@code english} (the code's own text, no pattern) when the bundle lacks the key. */
    public static String textOr(Locale locale, String key, String english) {
        String pattern = pattern(locale, key);
        return pattern == null ? english : format(locale, pattern);
    }

    public static boolean has(String key) {
        return pattern(Locale.UK, key) != null;
    }

    public static ResourceBundle bundle(Locale locale) {
        return ResourceBundle.getBundle(BUNDLE, french(locale) ? Locale.FRENCH : Locale.ROOT,
                EngineTexts.class.getClassLoader(), NO_FALLBACK);
    }

    private static String pattern(Locale locale, String key) {
        try {
            return bundle(locale).getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    private static String format(Locale locale, String pattern, Object... args) {
        return new MessageFormat(pattern, formats(locale)).format(args == null ? new Object[0] : args);
    }
}
