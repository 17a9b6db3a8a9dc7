package org.entente.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import org.entente.analytics.engine.TextBundleRules;
import org.junit.jupiter.api.Test;

/**
 * The two bundles agree: every English key has a French text with the same placeholders, every value is a pattern
 * MessageFormat reads as meant, and French texts follow French typography (the rules of {@link TextBundleRules}, which
 * the engine's bundle keeps too). And texts are written in the reader's language.
 */
class TranslationsTest extends TextBundleRules {

    @Override
    protected String englishFile() {
        return "/" + Translations.BUNDLE.replace('.', '/');
    }

    @Test
    void textsAreWrittenInTheReadersLanguage() {
        assertThat(Translations.text(Locale.UK, "action.cancel")).isEqualTo("Cancel");
        assertThat(Translations.text(Locale.FRANCE, "action.cancel")).isEqualTo("Annuler");
        assertThat(Translations.text(Locale.CANADA_FRENCH, "action.cancel")).isEqualTo("Annuler");
        assertThat(Translations.text(Locale.GERMANY, "action.cancel")).as("other languages read English").isEqualTo("Cancel");
        assertThat(Text.of("analytics.guideline.error.yearTwice", 2026, 3).in(Locale.FRANCE))
                .isEqualTo("2026 figure déjà dans la ligne directrice (ligne 3).");
        assertThat(Formats.money(Locale.FRANCE, new java.math.BigDecimal("1234.56"), "EUR"))
                .isEqualTo("1\u202f234,56\u00a0€");
        assertThat(Formats.money(Locale.UK, new java.math.BigDecimal("1234.56"), "EUR")).isEqualTo("€1,234.56");
    }
}
