package org.entente.platform.i18n;

import com.vaadin.flow.i18n.I18NProvider;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.stereotype.Component;

/**
 * Vaadin's {@code getTranslation} for every component, from {@link Translations}. The provided locales also let
 * Vaadin match a first visit's browser languages to English or French before anyone has chosen.
 */
@Component
public class EntenteI18NProvider implements I18NProvider {

    @Override
    public List<Locale> getProvidedLocales() {
        return Arrays.stream(Language.values()).map(Language::locale).toList();
    }

    @Override
    public String getTranslation(String key, Locale locale, Object... params) {
        return Translations.text(locale, key, params);
    }
}
