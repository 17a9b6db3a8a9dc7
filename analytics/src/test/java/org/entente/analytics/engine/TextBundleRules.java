package org.entente.analytics.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The rules every pair of text bundles keeps, English and French: the same keys, the same placeholders, every value a
 * MessageFormat pattern without a stray apostrophe, French typography. The engine's bundle ({@link EngineTextsTest})
 * and the app's ({@code TranslationsTest}) both extend this class, so the rules are written once (the app reads it
 * from the analytics test-jar). The tests are public: a subclass in another package runs them.
 */
public abstract class TextBundleRules {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{(\\d+)(?:,\\s*(\\w+))?");

    /** The English file's resource path without {@code .properties}, e.g. {@code /vaadin-i18n/translations}. */
    protected abstract String englishFile();

    /** The French file's resource path without {@code .properties}. */
    protected String frenchFile() {
        return englishFile() + "_fr";
    }

    /** The values a file itself holds (a ResourceBundle would lend French the English keys it lacks). */
    private Properties texts(String file) {
        Properties properties = new Properties();
        InputStream in = getClass().getResourceAsStream(file + ".properties");
        assertThat(in).as(file + ".properties on the class path").isNotNull();
        try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }

    @Test
    public void everyEnglishKeyHasAFrenchTextAndNoMore() {
        Set<String> english = texts(englishFile()).stringPropertyNames();
        Set<String> french = texts(frenchFile()).stringPropertyNames();
        assertThat(new TreeSet<>(english).stream().filter(key -> !french.contains(key))).as("keys without a French text")
                .isEmpty();
        assertThat(new TreeSet<>(french).stream().filter(key -> !english.contains(key)))
                .as("French keys without an English text").isEmpty();
    }

    @Test
    public void placeholdersAreTheSameInBothLanguages() {
        Properties english = texts(englishFile());
        Properties french = texts(frenchFile());
        assertThat(new TreeSet<>(english.stringPropertyNames())).filteredOn(french::containsKey)
                .allSatisfy(key -> assertThat(placeholders(french.getProperty(key))).as(key)
                        .isEqualTo(placeholders(english.getProperty(key))));
    }

    @Test
    public void everyValueIsAMessageFormatPatternWithoutAStrayApostrophe() {
        check(texts(englishFile()), Locale.UK);
        check(texts(frenchFile()), Locale.FRANCE);
    }

    private static void check(Properties texts, Locale locale) {
        for (String key : new TreeSet<>(texts.stringPropertyNames())) {
            String value = texts.getProperty(key);
            assertThat(value.replace("''", "")).as(locale + " " + key + ": write '' or ’").doesNotContain("'");
            new MessageFormat(value, locale); // throws on a malformed pattern
        }
    }

    @Test
    public void frenchTextsUseFrenchTypography() {
        Properties french = texts(frenchFile());
        for (String key : new TreeSet<>(french.stringPropertyNames())) {
            String value = french.getProperty(key);
            assertThat(value).as(key + ": a non-breaking space before : ; ? ! % »")
                    .doesNotContainPattern(" [:;?!%»]").doesNotContain("« ");
            assertThat(value).as(key + ": French quotation marks").doesNotContain("\"");
        }
    }

    /** Index and type of each placeholder, e.g. {0,number} → "0:number"; choice sub-patterns included. */
    static Set<String> placeholders(String value) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = PLACEHOLDER.matcher(value);
        while (matcher.find()) {
            found.add(matcher.group(1) + ":" + (matcher.group(2) == null ? "" : matcher.group(2)));
        }
        return found;
    }
}
