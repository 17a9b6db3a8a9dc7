package org.entente.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.db.embedded.LocalPostgres;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.i18n.Language;
import org.entente.security.RouteMatrixIT.Outcome;
import org.entente.tenant.TenantService;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.AxeCheck;
import org.entente.testing.Browser;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.WorkstreamService;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chromium.HasCdp;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Deque's axe-core (WCAG 2.0/2.1 A and AA) over every routed view × the personas of {@link RouteMatrixIT}'s table, in
 * English and in French, in real Chromium signed in at the real Keycloak (whose sign-in page is checked too, once per
 * language), and in French over the dialogs of {@link #FRENCH_DIALOGS} as well. A violation fails the test with its
 * page, rule and element unless {@code accessibility-exceptions.txt} allows it with a reason ({@link AxeCheck}).
 * <p>
 * <b>How the matrix is deduplicated</b> (13 routes × 9 personas × 2 languages would be 234 page loads): a cell's page
 * is named by what the persona gets, and each page is checked once per language, by the first persona in the order
 * owner member, tenant admin, coordinator, platform admin, invited, suspended, no organization, other tenant,
 * withdrawn. "Page not available" (D), the "No organization" (N) and "Organization suspended" (U) reroutes, the "not
 * shared" (S) and invitation-only (I) workstream pages are the same page whoever gets them; the platform
 * administrator's forward (P) is the tenants view. A view (A) is one page per route, whoever opens it: its layout and
 * controls depend on the route, only the rows differ - except the analytics page, whose federation view and briefing
 * panel a coordinator alone gets, so it is checked for a coordinator too. That leaves 18 pages per language, opened by
 * 7 personas; the other tenant and the withdrawn member add none. Each persona has one browser for all its pages and
 * both languages: the language is switched between the two passes on the person's member row (as the user menu's
 * switch keeps it) and, for people without one, in the browser's Accept-Language (the next rule LanguageSetup asks).
 */
class AccessibilityIT extends AppIntegrationTest {

    private static final List<Persona> ORDER = List.of(Persona.OWNER_MEMBER, Persona.TENANT_ADMIN,
            Persona.COORDINATOR, Persona.PLATFORM_ADMIN, Persona.INVITED, Persona.SUSPENDED_TENANT,
            Persona.NO_ORGANIZATION, Persona.OTHER_TENANT, Persona.WITHDRAWN);

    /** A page to check: its name in reports and exceptions, the path to open, what the persona gets there. */
    record Page(String name, String path, Outcome outcome) {
    }

    /** A dialog to check on a page: its name, the workstream tab to select first (or null), the button that opens it. */
    record DialogOpener(String name, String tabId, String openerCss) {
    }

    /**
     * The dialogs checked in the French pass, by page name. The browser journeys picture (and so axe-check) their
     * dialogs in English ({@link Browser#screenshot}); these are the ones the pages here reach without data of their
     * own: one per kind of dialog (form, grid dialog, upload, confirmation), each in the language its labels,
     * errors and buttons are longest in.
     */
    static final Map<String, List<DialogOpener>> FRENCH_DIALOGS = Map.of(
            "workstreams", List.of(new DialogOpener("new workstream", null, "#new-workstream")),
            "workstream", List.of(new DialogOpener("pledge", "tab-contributions", "#pledge"),
                    new DialogOpener("objective", "tab-results", "#add-objective")),
            "members", List.of(new DialogOpener("roles", null, "[id^='roles-']"),
                    new DialogOpener("remove confirmation", null, "[id^='remove-']")),
            "tenants", List.of(new DialogOpener("new tenant", null, "#new-tenant"),
                    new DialogOpener("capacity import", null, "#load-capacities"),
                    new DialogOpener("capacities", null, "[id^='capacity-']")),
            "analytics (coordinator)", List.of(new DialogOpener("briefing subscription", null, "#subscribe-briefing")));

    @Autowired
    TenantService tenants;
    @Autowired
    WorkstreamService workstreams;
    @Autowired
    LocalPostgres postgres;

    private int dialogsChecked;

    @Test
    void everyPageEveryPersonaGetsPassesAxeInEnglishAndFrench() {
        long started = System.nanoTime();
        SuperuserDatabase database = new SuperuserDatabase(postgres);
        OwnersWorkstream owners = OwnersWorkstream.create(tenants, workstreams);
        Map<Persona, List<Page>> plan = plan(RouteMatrixIT.parse(RouteMatrixIT.TABLE),
                "workstream/" + owners.workstream().id());
        AxeCheck axe = new AxeCheck();
        Map<Persona, Object> languagesBefore = new HashMap<>();
        for (Persona persona : plan.keySet()) {
            List<List<Object>> row = database.query("select language from member where id = ?", persona.memberId);
            if (!row.isEmpty()) {
                languagesBefore.put(persona, row.getFirst().getFirst());
            }
        }
        try {
            OwnersWorkstream.whileSuspended(database, () -> {
                // (the violations found so far are printed in the finally below, should a page fail to arrive)
                boolean keycloakEnglishChecked = false;
                for (Map.Entry<Persona, List<Page>> entry : plan.entrySet()) {
                    Persona persona = entry.getKey();
                    // The last browser starts in French, so Keycloak's sign-in page is checked in French as well.
                    List<Language> languages = persona == lastOf(plan) ? List.of(Language.FR, Language.EN)
                            : List.of(Language.EN, Language.FR);
                    try (Browser browser = new Browser()) {
                        boolean signedIn = false;
                        for (Language language : languages) {
                            speak(browser, database, persona, language);
                            for (Page page : entry.getValue()) {
                                browser.open(appUrl("/" + page.path()));
                                if (!signedIn) {
                                    browser.waitFor(By.id("username"));
                                    if (language == Language.FR || !keycloakEnglishChecked) {
                                        axe.check(browser.driver(), language.code() + " keycloak sign-in");
                                        keycloakEnglishChecked |= language == Language.EN;
                                    }
                                    browser.signInAtKeycloak(persona.username, EntenteRealm.DEMO_PASSWORD);
                                    signedIn = true;
                                }
                                String name = language.code() + " " + page.name();
                                awaitPage(browser, page, name, language);
                                axe.check(browser.driver(), name);
                                if (language == Language.FR) {
                                    for (DialogOpener dialog : FRENCH_DIALOGS.getOrDefault(page.name(), List.of())) {
                                        checkDialog(browser, axe, page, dialog, language);
                                        dialogsChecked++;
                                    }
                                }
                            }
                        }
                    }
                }
                return null;
            });
        } finally {
            System.out.println("AccessibilityIT violations so far: " + String.join("\n  ", axe.unexpected()));
            languagesBefore.forEach((persona, language) ->
                    database.update("update member set language = ? where id = ?", language, persona.memberId));
        }
        System.out.printf("AccessibilityIT: %d pages checked in %d s; exceptions not needed this run: %s%n",
                axe.pagesChecked(), Duration.ofNanos(System.nanoTime() - started).toSeconds(), axe.unusedExceptions());
        assertThat(axe.pagesChecked()).as("pages checked").isGreaterThanOrEqualTo(2 * 17);
        assertThat(dialogsChecked).as("French dialogs checked")
                .isEqualTo(FRENCH_DIALOGS.values().stream().mapToInt(List::size).sum());
        axe.assertNone();
    }

    /**
     * Opens the page afresh (the previous dialog may still be open, or have changed the page), selects the tab,
     * opens the dialog and checks the page with it open. A missing opener fails: a dialog that silently drops out of
     * the tour would no longer be checked.
     */
    private void checkDialog(Browser browser, AxeCheck axe, Page page, DialogOpener dialog, Language language) {
        String name = language.code() + " " + page.name() + " - dialog " + dialog.name();
        browser.open(appUrl("/" + page.path()));
        awaitPage(browser, page, name, language);
        if (dialog.tabId() != null) {
            browser.click(dialog.tabId());
        }
        // A script click: the opener may sit in a grid column scrolled out of view (Members' Remove), and the check is
        // about the dialog, not about reaching its button (KeyboardJourneyIT does that).
        script(browser.driver(), "arguments[0].click()", browser.waitForClickable(By.cssSelector(dialog.openerCss())));
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30)).withMessage(name + " did not open").until(d ->
                Boolean.TRUE.equals(script(d, "return [...document.querySelectorAll('vaadin-dialog, vaadin-confirm-dialog')]"
                        + ".some(d => d.opened)")) && idle(d));
        browser.waitForDialogsSettled();
        axe.check(browser.driver(), name);
    }

    /** The deduplicated matrix (see the class comment): each persona's pages, in the order the table lists routes. */
    static Map<Persona, List<Page>> plan(Map<String, Map<Persona, Outcome>> table, String workstreamPath) {
        Map<String, Page> pages = new LinkedHashMap<>();
        Map<String, Persona> checkedBy = new HashMap<>();
        for (Persona persona : ORDER) {
            table.forEach((route, outcomes) -> {
                Outcome outcome = outcomes.get(persona);
                String path = route.equals(RouteMatrixIT.WORKSTREAM) ? workstreamPath : route;
                String name = switch (outcome) {
                    case A -> (route.isEmpty() ? "dashboard" : route.equals(RouteMatrixIT.WORKSTREAM) ? "workstream" : route)
                            + (route.equals("analytics") && persona.roles.contains(EntenteRealm.ROLE_COORDINATOR)
                                    ? " (coordinator)" : "");
                    case P -> "tenants";
                    case D -> "page not available";
                    case N -> "no organization (rerouted)";
                    case U -> "organization suspended (rerouted)";
                    case S -> "workstream not shared";
                    case I -> "workstream invitation";
                };
                if (checkedBy.putIfAbsent(name, persona) == null) {
                    pages.put(name, new Page(name, path, outcome));
                }
            });
        }
        Map<Persona, List<Page>> plan = new LinkedHashMap<>();
        for (Persona persona : ORDER) {
            List<Page> own = new ArrayList<>();
            pages.forEach((name, page) -> {
                if (checkedBy.get(name) == persona) {
                    own.add(page);
                }
            });
            if (!own.isEmpty()) {
                plan.put(persona, own);
            }
        }
        return plan;
    }

    private static Persona lastOf(Map<Persona, List<Page>> plan) {
        return new ArrayList<>(plan.keySet()).getLast();
    }

    /** The person's pages from now on in {@code language}: on their member row, and in what the browser asks for. */
    private static void speak(Browser browser, SuperuserDatabase database, Persona persona, Language language) {
        if (persona.tenantId == null && browser.driver().getCurrentUrl().startsWith("http://localhost")
                && !browser.driver().findElements(By.id("user-menu")).isEmpty()) {
            // No member row, and the sign-in's locale claim outranks the browser: the user menu's switch (session).
            browser.waitForClickable(By.cssSelector("#user-menu vaadin-menu-bar-button")).click();
            browser.waitForClickable(By.id("language-menu")).click();
            browser.waitForClickable(By.id("language-" + language.code())).click();
        }
        database.update("update member set language = ? where id = ?", language.code(), persona.memberId);
        HasCdp cdp = (HasCdp) browser.driver();
        cdp.executeCdpCommand("Network.enable", Map.of());
        cdp.executeCdpCommand("Network.setExtraHTTPHeaders", Map.of("headers",
                Map.of("Accept-Language", language.locale().toLanguageTag() + "," + language.code() + ";q=0.9")));
    }

    /** Waits for the page the persona gets, drawn, idle, and in the language asked for. */
    private void awaitPage(Browser browser, Page page, String name, Language language) {
        WebDriver driver = browser.driver();
        try {
            // Without an organization there is neither a member row nor a user menu: the page is in the language
            // the sign-in gives (its locale claim), so only its arrival is awaited.
            boolean languageKnown = page.outcome() != Outcome.N;
            new WebDriverWait(driver, Duration.ofSeconds(60)).withMessage(name).until(d -> arrived(d, page)
                    && idle(d) && (!languageKnown || language.code().equals(script(d, "return document.documentElement.lang"))));
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("accessibility-" + name.replaceAll("[^A-Za-z0-9]+", "-"));
            throw new AssertionError(name + ": expected " + page.outcome() + " in " + language + " but the page is "
                    + driver.getCurrentUrl() + " (lang " + script(driver, "return document.documentElement.lang")
                    + "): " + driver.findElement(By.tagName("body")).getText(), e);
        }
    }

    private static boolean arrived(WebDriver d, Page page) {
        return switch (page.outcome()) {
            case A -> page.path().startsWith("workstream/") ? present(d, "workstream-heading")
                    : d.getTitle().endsWith("Entente") && !present(d, "page-unavailable")
                            && (page.path().endsWith("unavailable") || page.path().equals("no-organization")
                                    || !present(d, "access-problem-heading"));
            case D -> present(d, "page-unavailable");
            case N, U -> present(d, "access-problem-heading");
            case P -> d.getCurrentUrl().replaceFirst("\\?.*", "").endsWith("/tenants") && d.getTitle().endsWith("Entente");
            case S -> present(d, "workstream-not-found");
            case I -> present(d, "accept-invitation");
        };
    }

    private static boolean present(WebDriver d, String id) {
        return !d.findElements(By.id(id)).isEmpty();
    }

    /** No request of Vaadin's client in flight (a view fills grids and charts after it is shown). */
    private static boolean idle(WebDriver d) {
        return Boolean.TRUE.equals(script(d, """
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                return document.readyState === 'complete' && !!clients
                    && Object.values(clients).every(c => typeof c.isActive !== 'function' || !c.isActive());"""));
    }

    private static Object script(WebDriver d, String script, Object... arguments) {
        return ((JavascriptExecutor) d).executeScript(script, arguments);
    }
}
