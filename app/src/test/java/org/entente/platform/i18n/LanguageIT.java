package org.entente.platform.i18n;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Pattern;
import org.entente.db.embedded.LocalPostgres;
import org.entente.keycloak.EntenteRealm;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.entente.testing.DemoActors;
import org.entente.testing.SuperuserDatabase;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * A person works in French from the sign-in on: Keycloak's page in French, then the app, whose pages then hold no
 * English text of the app (every English text of the bundle that French writes differently is looked for). The choice
 * in the user menu is kept on the person's own member row, wins over the browser, and the next sign-in at Keycloak is
 * in that language too.
 */
class LanguageIT extends AppIntegrationTest {

    @Autowired
    LocalPostgres postgres;

    @Autowired
    LanguagePreference preference;

    @Autowired
    PlatformTransactionManager transactionManager;

    @AfterEach
    void nobodyKeepsAChoice() {
        // Other tests sign in as the same demo people and read English.
        new SuperuserDatabase(postgres).update("update member set language = null where language is not null");
    }

    @Test
    void claireWorksInFrenchWhenHerBrowserAsksForFrench() {
        try (Browser browser = frenchBrowser()) {
            browser.open(appUrl("/"));
            browser.waitFor(By.id("username"));
            assertThat(lang(browser)).isEqualTo("fr");
            assertThat(bodyText(browser)).contains("Connectez-vous à votre compte", "Connexion")
                    .doesNotContain("Sign in to your account", "Username or email");
            browser.screenshot("i18n-01-keycloak-fr");

            browser.signInAtKeycloak("claire.dubois", EntenteRealm.DEMO_PASSWORD);
            browser.waitFor(By.id("my-workstreams"));
            awaitLang(browser, "fr");
            assertNoEnglish(browser, "home", data());
            browser.screenshot("i18n-02-home-fr");

            String workstream = new SuperuserDatabase(postgres).query(
                    "select w.id::text from workstream w join member m on m.tenant_id = w.tenant_id"
                            + " where m.username = 'claire.dubois' order by w.created_at limit 1").getFirst().getFirst().toString();
            browser.open(appUrl("/workstream/" + workstream));
            browser.waitFor(By.id("workstream-tabs"));
            assertNoEnglish(browser, "workstream page", data());
            browser.screenshot("i18n-03-workstream-fr");
        }
    }

    @Test
    void theChoiceInTheUserMenuIsKeptAndWinsOverTheBrowserAndKeycloak() {
        SuperuserDatabase database = new SuperuserDatabase(postgres);
        try (Browser browser = new Browser()) {
            browser.open(appUrl("/"));
            browser.signInAtKeycloak("lars.haugen", EntenteRealm.DEMO_PASSWORD);
            browser.waitFor(By.id("my-workstreams"));
            assertThat(lang(browser)).isEqualTo("en");

            browser.waitForClickable(By.cssSelector("#user-menu vaadin-menu-bar-button")).click();
            browser.waitForClickable(By.id("language-menu")).click();
            browser.waitForClickable(By.id("language-fr")).click();
            awaitLang(browser, "fr");
            browser.waitFor(By.id("my-workstreams"));
            assertThat(database.query("select m.language from member m where m.username = 'lars.haugen'"))
                    .containsExactly(List.of("fr"));
            assertThat(database.query("select count(*) from member where language is not null"))
                    .as("only his own row").containsExactly(List.of(1L));

            // Signed out and in again: Keycloak's page is French (the browser remembers the page's language), and
            // so is the app, although the browser asks for English.
            browser.waitForClickable(By.cssSelector("#user-menu vaadin-menu-bar-button")).click();
            browser.waitForClickable(By.id("sign-out")).click();
            browser.open(appUrl("/"));
            browser.waitFor(By.id("username"));
            assertThat(bodyText(browser)).contains("Connectez-vous à votre compte");
            browser.signInAtKeycloak("lars.haugen", EntenteRealm.DEMO_PASSWORD);
            browser.waitFor(By.id("my-workstreams"));
            awaitLang(browser, "fr");
        }
        try (Browser elsewhere = new Browser()) {
            // Another browser, nothing remembered in it: the member row decides once he is signed in.
            elsewhere.open(appUrl("/"));
            elsewhere.signInAtKeycloak("lars.haugen", EntenteRealm.DEMO_PASSWORD);
            elsewhere.waitFor(By.id("my-workstreams"));
            awaitLang(elsewhere, "fr");
        }
    }

    @Test
    void aChoiceIsThePersonsOwnAndNoOtherOrganizationSeesIt() {
        DemoActors actors = new DemoActors(transactionManager);
        assertThat(actors.as(DemoActors.NORWAY, () -> preference.choose(Language.FR))).isTrue();
        assertThat(actors.as(DemoActors.NORWAY, preference::chosen)).contains(Language.FR);
        assertThat(actors.as(DemoActors.KENYA, preference::chosen)).as("another organization's member").isEmpty();
        assertThat(actors.as(DemoActors.NATO, preference::chosen)).isEmpty();
        assertThat(new SuperuserDatabase(postgres).query("select tenant_id::text, id::text from member where language = 'fr'"))
                .containsExactly(List.of(DemoActors.NORWAY.tenantId().toString(), DemoActors.NORWAY.memberId().toString()));
    }

    private static Browser frenchBrowser() {
        return new Browser(null, options -> {
            options.addArguments("--lang=fr-FR");
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "fr-FR,fr"));
        });
    }

    private static String lang(Browser browser) {
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeScript("return document.documentElement.lang"));
    }

    private static void awaitLang(Browser browser, String expected) {
        org.entente.testing.Eventually.within(java.time.Duration.ofSeconds(30), () ->
                assertThat(lang(browser)).isEqualTo(expected));
    }

    private static String bodyText(Browser browser) {
        return String.valueOf(((JavascriptExecutor) browser.driver()).executeScript("return document.body.innerText"));
    }

    /**
     * The texts people typed or imported that a page may show (titles, descriptions, names, activity entries...):
     * every distinct value of the schema's text columns. The demo data is English, and it stays as typed.
     */
    private List<String> data() {
        SuperuserDatabase database = new SuperuserDatabase(postgres);
        String union = database.query("select format('select %I::text from %I.%I', c.column_name, c.table_schema,"
                        + " c.table_name) from information_schema.columns c join information_schema.tables t"
                        + " using (table_schema, table_name) where c.table_schema = 'public' and t.table_type = 'BASE TABLE'"
                        + " and c.data_type in ('text', 'character varying')").stream()
                .map(row -> row.getFirst().toString()).collect(java.util.stream.Collectors.joining(" union "));
        return database.query("select v from (" + union + ") d (v) where length(v) between 3 and 2000").stream()
                .map(row -> row.getFirst().toString()).sorted(java.util.Comparator.comparingInt(String::length).reversed())
                .toList();
    }

    /**
     * The page's visible text, once the data it shows is taken out ({@link #data()}), holds none of the app's English
     * texts that French writes differently (texts with arguments are looked for by their fixed parts).
     */
    private static void assertNoEnglish(Browser browser, String page, List<String> data) {
        org.entente.testing.Eventually.within(java.time.Duration.ofSeconds(20), () -> {
            String text = bodyText(browser);
            for (String value : data) {
                if (text.contains(value)) {
                    text = text.replace(value, " ");
                }
            }
            String chrome = text;
            List<String> english = englishOnlyTexts().stream()
                    .filter(phrase -> Pattern.compile("(?<!\\p{L})" + Pattern.quote(phrase) + "(?!\\p{L})").matcher(chrome).find())
                    .toList();
            assertThat(english).as("English texts on the French " + page).isEmpty();
        });
    }

    private static List<String> englishOnlyTexts() {
        Properties english = load("/vaadin-i18n/translations.properties");
        Properties french = load("/vaadin-i18n/translations_fr.properties");
        return english.stringPropertyNames().stream()
                .filter(key -> !english.getProperty(key).equals(french.getProperty(key)))
                .flatMap(key -> Pattern.compile("\\{[^}]*}").splitAsStream(english.getProperty(key).replace("''", "'")))
                .map(String::strip)
                .filter(part -> part.length() >= 4 && part.chars().anyMatch(Character::isLetter))
                .filter(part -> part.contains(" ") || Character.isUpperCase(part.charAt(0)))
                .distinct().toList();
    }

    private static Properties load(String resource) {
        Properties properties = new Properties();
        try (Reader reader = new InputStreamReader(LanguageIT.class.getResourceAsStream(resource), StandardCharsets.UTF_8)) {
            properties.load(reader);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties;
    }
}
