package org.entente.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The two bundles agree: every English key has a French text with the same placeholders, every value is a pattern
 * MessageFormat reads as meant, and French texts follow French typography.
 */
class TranslationsTest {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(?:,\\s*(\\w+))?");

    /** The keys a file itself holds (a ResourceBundle would lend French the English keys it lacks). */
    private static Set<String> keys(Language language) {
        String file = "/vaadin-i18n/translations" + (language == Language.EN ? "" : "_" + language.code()) + ".properties";
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(TranslationsTest.class.getResourceAsStream(file), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSet<>(properties.stringPropertyNames());
    }

    @Test
    void everyEnglishKeyHasAFrenchTextAndNoMore() {
        Set<String> english = keys(Language.EN);
        Set<String> french = keys(Language.FR);
        assertThat(english.stream().filter(key -> !french.contains(key))).as("keys without a French text").isEmpty();
        assertThat(french.stream().filter(key -> !english.contains(key))).as("French keys without an English text")
                .isEmpty();
    }

    @Test
    void placeholdersAreTheSameInBothLanguages() {
        ResourceBundle english = Translations.bundle(Language.EN);
        ResourceBundle french = Translations.bundle(Language.FR);
        assertThat(keys(Language.EN)).allSatisfy(key -> assertThat(placeholders(french.getString(key)))
                .as(key).isEqualTo(placeholders(english.getString(key))));
    }

    @Test
    void everyValueIsAMessageFormatPatternWithoutAStrayApostrophe() {
        for (Language language : Language.values()) {
            ResourceBundle bundle = Translations.bundle(language);
            for (String key : keys(Language.EN)) {
                String value = bundle.getString(key);
                assertThat(value.replace("''", "")).as(language + " " + key + ": write '' or ’").doesNotContain("'");
                new MessageFormat(value, language.locale()); // throws on a malformed pattern
            }
        }
    }

    @Test
    void frenchTextsUseFrenchTypography() {
        ResourceBundle french = Translations.bundle(Language.FR);
        for (String key : keys(Language.EN)) {
            String value = french.getString(key);
            assertThat(value).as(key + ": a non-breaking space before : ; ? ! % »")
                    .doesNotContainPattern(" [:;?!%»]").doesNotContain("« ");
            assertThat(value).as(key + ": French quotation marks").doesNotContain("\"");
        }
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
