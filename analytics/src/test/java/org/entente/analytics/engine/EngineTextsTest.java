package org.entente.analytics.engine;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The engine's two bundles agree, as the app's do (the rules of {@link TextBundleRules}, shared with the app's
 * TranslationsTest), and its texts are written in the reader's language.
 */
class EngineTextsTest extends TextBundleRules {

    @Override
    protected String englishFile() {
        return "/" + EngineTexts.BUNDLE.replace('.', '/');
    }

    @Test
    void textsAreWrittenInTheReadersLanguage() {
        assertThat(EngineTexts.text(Locale.UK, "sheet.keyFigures")).isEqualTo("Key figures");
        assertThat(EngineTexts.text(Locale.FRANCE, "sheet.keyFigures")).isEqualTo("Chiffres clés");
        assertThat(EngineTexts.text(Locale.CANADA_FRENCH, "sheet.keyFigures")).isEqualTo("Chiffres clés");
        assertThat(EngineTexts.text(Locale.GERMANY, "sheet.keyFigures")).as("other languages read English")
                .isEqualTo("Key figures");
        assertThat(EngineTexts.text(Locale.UK, "progress.detailRows", 12345, 20000))
                .isEqualTo("Writing detail rows: 12,345 of 20,000");
        assertThat(EngineTexts.text(Locale.FRANCE, "progress.detailRows", 12345, 20000))
                .isEqualTo("Écriture des lignes de détail\u00a0: 12\u202f345 sur 20\u202f000");
        assertThat(EngineTexts.text(Locale.UK, "note.othersNoCapacity", 2))
                .isEqualTo("2 partners among \"Other partners\" have no capacity figure.");
        assertThat(EngineTexts.text(Locale.UK, "cover.consentState.many", 3))
                .isEqualTo("3 organizations' own figures are published by their consent (named on Notes).");
        assertThat(EngineTexts.text(Locale.UK, "notes.legend.why.DOMINATED"))
                .as("a leading space kept").startsWith(" (");
    }

    @Test
    void aRefreshStepIsWrittenInEachReadersLanguage() {
        EngineText step = EngineText.of("refresh.step.copyingRows", EngineText.of("refresh.table.contribution"), 12345);
        assertThat(step.in(Locale.UK)).isEqualTo("Copying contributions (12,345 rows)");
        assertThat(step.in(Locale.FRANCE)).isEqualTo("Copie\u00a0: contributions (12\u202f345 lignes)");
        assertThat(step).as("English for logs and tests").hasToString("Copying contributions (12,345 rows)");
        assertThat(EngineText.of("refresh.step.copyingRows", EngineText.of("refresh.table.milestone"), 1)
                .in(Locale.FRANCE)).isEqualTo("Copie\u00a0: jalons (1 ligne)");
    }

    @Test
    void aRefusedFilterSaysWhyInTheReadersLanguage() {
        InvalidFilterException refused = catchThrowableOfType(InvalidFilterException.class,
                () -> new AnalyticsFilter(2025, 2023, null, null, null).validate(null));
        assertThat(refused.field()).isEqualTo("yearTo");
        assertThat(refused).hasMessage("The last year (2023) is before the first year (2025).");
        assertThat(refused.text().in(Locale.FRANCE)).isEqualTo("La dernière année (2023) précède la première année (2025).");
    }
}
