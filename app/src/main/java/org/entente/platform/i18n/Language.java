package org.entente.platform.i18n;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The languages Entente speaks: NATO's two official languages. Each carries the locale its dates, numbers and money
 * are written in (British English, as NATO writes it; French of France).
 */
public enum Language {

    EN("en", Locale.UK),
    FR("fr", Locale.FRANCE);

    private final String code;
    private final Locale locale;

    Language(String code, Locale locale) {
        this.code = code;
        this.locale = locale;
    }

    /** The ISO 639-1 code, as stored (member.language, briefing.language) and as {@code <html lang>}. */
    public String code() {
        return code;
    }

    public Locale locale() {
        return locale;
    }

    /** The language of a locale, if Entente speaks it (any English is English, any French is French). */
    public static Optional<Language> of(Locale locale) {
        if (locale == null) {
            return Optional.empty();
        }
        return ofCode(locale.getLanguage());
    }

    public static Optional<Language> ofCode(String code) {
        return Arrays.stream(values()).filter(l -> l.code.equalsIgnoreCase(code == null ? "" : code.strip()))
                .findFirst();
    }

    /** The language a locale is answered in: its own if Entente speaks it, else English. */
    public static Language orDefault(Locale locale) {
        return of(locale).orElse(EN);
    }
}
