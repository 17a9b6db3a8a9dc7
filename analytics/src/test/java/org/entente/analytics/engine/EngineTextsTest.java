package org.entente.analytics.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The engine's two bundles agree, as the app's do (the app's TranslationsTest): every English key has a French text
 * with the same placeholders, every value is a MessageFormat pattern without a stray apostrophe, and French texts
 * follow French typography.
 */
class EngineTextsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(?:,\\s*(\\w+))?");
    private static final List<Locale> LANGUAGES = List.of(Locale.UK, Locale.FRANCE);

    /** The keys a file itself holds (a ResourceBundle would lend French the English keys it lacks). */
    private static Set<String> keys(String suffix) {
        Properties properties = new Properties();
        String file = "/" + EngineTexts.BUNDLE.replace('.', '/') + suffix + ".properties";
        try (Reader reader = new InputStreamReader(EngineTextsTest.class.getResourceAsStream(file),
                StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    @Test
    void everyEnglishKeyHasAFrenchTextAndNoMore() {
        Set<String> english = keys("");
        Set<String> french = keys("_fr");
        assertThat(english.stream().filter(key -> !french.contains(key))).as("keys without a French text").isEmpty();
        assertThat(french.stream().filter(key -> !english.contains(key))).as("French keys without an English text")
                .isEmpty();
    }

    @Test
    void placeholdersAreTheSameInBothLanguages() {
        ResourceBundle english = EngineTexts.bundle(Locale.UK);
        ResourceBundle french = EngineTexts.bundle(Locale.FRANCE);
        assertThat(keys("")).allSatisfy(key -> assertThat(placeholders(french.getString(key)))
                .as(key).isEqualTo(placeholders(english.getString(key))));
    }

    @Test
    void everyValueIsAMessageFormatPatternWithoutAStrayApostrophe() {
        for (Locale locale : LANGUAGES) {
            ResourceBundle bundle = EngineTexts.bundle(locale);
            for (String key : keys("")) {
                String value = bundle.getString(key);
                assertThat(value.replace("''", "")).as(locale + " " + key + ": write '' or ’").doesNotContain("'");
                new MessageFormat(value, locale); // throws on a malformed pattern
            }
        }
    }

    @Test
    void frenchTextsUseFrenchTypography() {
        ResourceBundle french = EngineTexts.bundle(Locale.FRANCE);
        for (String key : keys("")) {
            String value = french.getString(key);
            assertThat(value).as(key + ": a non-breaking space before : ; ? ! % »")
                    .doesNotContainPattern(" [:;?!%»]").doesNotContain("« ");
            assertThat(value).as(key + ": French quotation marks").doesNotContain("\"");
        }
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

    /** Index and type of each placeholder, e.g. {0,number} → "0:number"; choice sub-patterns included. */
    private static Set<String> placeholders(String value) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            found.add(matcher.group(1) + ":" + (matcher.group(2) == null ? "" : matcher.group(2)));
        }
        return found;
    }
}
