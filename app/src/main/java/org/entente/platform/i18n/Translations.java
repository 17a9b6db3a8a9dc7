package org.entente.platform.i18n;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every user-visible text, by key, from {@code vaadin-i18n/translations.properties} (English) and
 * {@code translations_fr.properties} (French). Views reach it through Vaadin's {@code getTranslation} (the
 * {@link EntenteI18NProvider} delegates here); services, exports and mail call it with the reader's locale.
 *
 * <p>Every value is a {@link MessageFormat} pattern, with or without arguments, so quoting is the same everywhere:
 * a literal apostrophe is written {@code ''} (English) or as the typographic ’ (French), plurals as
 * {@code {0,choice,0#…|1#…|1<…}}, numbers as {@code {0,number}} (written in the locale: 1 234,5 in French).
 */
public final class Translations {

    public static final String BUNDLE = "vaadin-i18n.translations";

    private static final Logger LOG = LoggerFactory.getLogger(Translations.class);
    private static final Set<String> REPORTED = ConcurrentHashMap.newKeySet();
    private static final ResourceBundle.Control NO_DEFAULT_LOCALE =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private Translations() {
    }

    /** The text of {@code key} in the locale's language (English for any other language), arguments filled in. */
    public static String text(Locale locale, String key, Object... args) {
        Language language = Language.orDefault(locale);
        String pattern = pattern(language, key);
        if (pattern == null) {
            // A missing key shows itself rather than failing the page; TranslationsTest keeps this from shipping.
            if (REPORTED.add(key)) {
                LOG.warn("No translation for key '{}'", key);
            }
            return key;
        }
        return new MessageFormat(pattern, language.locale()).format(args == null ? new Object[0] : args);
    }

    /** A constant's label: key {@code enum.<SimpleName>.<CONSTANT>}. */
    public static String label(Locale locale, Enum<?> constant) {
        return text(locale, enumKey(constant));
    }

    public static String enumKey(Enum<?> constant) {
        return "enum." + constant.getDeclaringClass().getSimpleName() + "." + constant.name();
    }

    /** Whether the English bundle has {@code key}. */
    public static boolean has(String key) {
        return pattern(Language.EN, key) != null;
    }

    /** The raw pattern of {@code key} in {@code language}, or null. */
    static String pattern(Language language, String key) {
        try {
            return bundle(language).getString(key);
        } catch (MissingResourceException e) {
            return null;
        }
    }

    public static ResourceBundle bundle(Language language) {
        Locale locale = language == Language.EN ? Locale.ROOT : Locale.of(language.code());
        return ResourceBundle.getBundle(BUNDLE, locale, Translations.class.getClassLoader(), NO_DEFAULT_LOCALE);
    }
}
