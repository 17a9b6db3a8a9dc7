package org.entente.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.Location;
import com.vaadin.flow.router.NavigationTrigger;
import com.vaadin.flow.router.RouteData;
import com.vaadin.flow.router.Router;
import com.vaadin.flow.server.VaadinService;
import com.vaadin.flow.server.VaadinServlet;
import com.vaadin.flow.server.VaadinServletContext;
import com.vaadin.flow.server.VaadinSession;
import com.vaadin.flow.server.auth.AccessAnnotationChecker;
import com.vaadin.flow.server.startup.ApplicationRouteRegistry;
import jakarta.servlet.ServletContext;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.entente.db.embedded.LocalPostgres;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.TenantService;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.WorkstreamService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.web.servlet.ServletRegistrationBean;
import org.springframework.context.ApplicationContext;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;

/**
 * Every route Vaadin has registered, for every persona, against an explicit table of what each one gets. The routes
 * come from Vaadin's own registry at test time, so a new view without a row fails, and so does a row for a view that
 * is gone. The outcome is decided by the app's real machinery: {@code TenantAccessGuard} (it is registered before
 * Vaadin's access control, so it speaks first for people without a usable organization), then Vaadin's
 * {@link AccessAnnotationChecker} on the view's annotations, and for a workstream page the service behind it. A
 * sample of the same table is then walked through in a browser signed in at the real Keycloak.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RouteMatrixIT extends AppIntegrationTest {

    /** What a persona gets on opening a route. */
    enum Outcome {
        /** The view itself. */
        A,
        /** Vaadin's access control: "Page not available" (the same answer as for a page that does not exist). */
        D,
        /** Rerouted to the "No organization" page. */
        N,
        /** Rerouted to the "Organization unavailable" page (suspended or offboarded tenant). */
        U,
        /** A platform administrator is forwarded to the tenants screen. */
        P,
        /** The workstream page opens and says the workstream is not shared with the organization. */
        S,
        /** The workstream page shows the summary and the invitation only. */
        I
    }

    /** The workstream page is probed with Norway's workstream (see {@link OwnersWorkstream}). */
    static final String WORKSTREAM = "workstream/:___url_parameter";

    /**
     * The table. Columns in {@link Persona} order: owner member, other tenant, invited, withdrawn, suspended tenant,
     * no organization, tenant admin (owner's), coordinator (other tenant), platform admin.
     */
    static final String TABLE = """
            route                          OWN OTH INV WDR SUS NOO TAD COO PLA
            ""                             A   A   A   A   U   N   A   A   P
            workstreams                    A   A   A   A   U   N   A   A   P
            workstream/:___url_parameter   A   S   I   S   U   N   A   S   P
            analytics                      A   A   A   A   U   N   A   A   P
            briefings                      D   D   D   D   U   N   D   A   P
            access-ledger                  A   A   A   A   U   N   A   A   P
            organization                   A   A   A   A   U   N   A   A   P
            account                        A   A   A   A   U   N   A   A   P
            calendar                       A   A   A   A   U   N   A   A   P
            members                        D   D   D   D   U   N   A   D   P
            audit-log                      D   D   D   D   U   N   A   D   P
            tenants                        D   D   D   D   U   N   D   D   A
            sent-mail                      D   D   D   D   U   N   D   D   A
            no-organization                A   A   A   A   A   A   A   A   A
            organization-unavailable       A   A   A   A   A   A   A   A   A
            sign-in-unavailable            A   A   A   A   U   N   A   A   P
            """;

    @Autowired
    ServletContext servletContext;
    @Autowired
    ApplicationContext context;
    @Autowired
    TenantService tenants;
    @Autowired
    WorkstreamService workstreams;
    @Autowired
    LocalPostgres postgres;

    SuperuserDatabase database;
    OwnersWorkstream owners;
    Map<String, Map<Persona, Outcome>> expected;

    @BeforeAll
    void setUp() {
        database = new SuperuserDatabase(postgres);
        owners = OwnersWorkstream.create(tenants, workstreams);
        expected = parse(TABLE);
    }

    @Test
    void everyRegisteredRouteHasARowAndEveryPersonaGetsWhatTheRowSays() throws Exception {
        ApplicationRouteRegistry registry = ApplicationRouteRegistry.getInstance(new VaadinServletContext(servletContext));
        Map<String, Class<? extends Component>> routes = new TreeMap<>();
        for (RouteData route : registry.getRegisteredRoutes()) {
            routes.put(route.getTemplate(), route.getNavigationTarget());
        }
        assertThat(new TreeSet<>(expected.keySet())).as("rows of the table = routes Vaadin registered")
                .isEqualTo(new TreeSet<>(routes.keySet()));

        Router router = new Router(registry);
        Object guard = context.getBean(Class.forName("org.entente.platform.ui.TenantAccessGuard"));
        Method check = guard.getClass().getDeclaredMethod("check", BeforeEnterEvent.class);
        check.setAccessible(true);

        Map<Persona, SignedInUser> signedIn = new EnumMap<>(Persona.class);
        for (Persona persona : Persona.values()) {
            signedIn.put(persona, persona.signIn(tenants));
        }
        List<String> wrong = OwnersWorkstream.whileSuspended(database, () -> {
            List<String> mismatches = new ArrayList<>();
            routes.forEach((template, target) -> signedIn.forEach((persona, user) -> {
                Outcome actual = SignedInAs.call(user, () -> outcome(router, guard, check, template, target, user));
                Outcome wanted = expected.get(template).get(persona);
                if (actual != wanted) {
                    mismatches.add(template + " × " + persona + ": expected " + wanted + ", got " + actual);
                }
            }));
            return mismatches;
        });
        assertThat(wrong).as("routes × personas (%d × %d)", routes.size(), Persona.values().length).isEmpty();
    }

    /** The same table for a sample of routes and personas, in a browser signed in at Keycloak. */
    @Test
    void aSignedInBrowserGetsWhatTheTableSaysAndNoForeignData() {
        String workstream = "workstream/" + owners.workstream().id();
        Map<Persona, List<String>> sample = new LinkedHashMap<>();
        sample.put(Persona.OTHER_TENANT, List.of(workstream, "members", "briefings", ""));
        sample.put(Persona.SUSPENDED_TENANT, List.of(workstream, "briefings"));
        sample.put(Persona.PLATFORM_ADMIN, List.of("members", workstream, "tenants"));
        sample.put(Persona.OWNER_MEMBER, List.of(workstream));
        OwnersWorkstream.whileSuspended(database, () -> {
            sample.forEach((persona, paths) -> {
                try (Browser browser = new Browser()) {
                    boolean first = true;
                    for (String path : paths) {
                        browser.open(appUrl("/" + path));
                        if (first) {
                            browser.signInAtKeycloak(persona.username, EntenteRealm.DEMO_PASSWORD);
                            first = false;
                        }
                        String template = path.startsWith("workstream/") ? WORKSTREAM : path;
                        Outcome wanted = expected.get(template).get(persona);
                        awaitOutcome(browser, wanted, persona + " on /" + path);
                        String page = browser.driver().getPageSource();
                        if (wanted == Outcome.A && template.equals(WORKSTREAM)) {
                            assertThat(page).as("the owner sees the workstream").contains(owners.marker());
                        } else {
                            assertThat(page).as(persona + " on /" + path).doesNotContain(owners.marker());
                        }
                    }
                }
            });
            return null;
        });
    }

    /**
     * The one address outside Vaadin's routes that opens without signing in (issue #19): the unsubscribe link of a mail.
     * It is bound to its signed token instead: the same answer for everybody, signed in or not, and without a genuine
     * token a refusal page; a genuine one only shows what it would turn off (GET changes nothing). The addresses
     * around it still send a stranger to sign in.
     */
    @Test
    void theUnsubscribeAddressIsPublicButBoundToItsToken() throws Exception {
        String genuine = context.getBean(org.entente.mail.UnsubscribeTokens.class).sign(Persona.OWNER_MEMBER.tenantId,
                Persona.OWNER_MEMBER.memberId,
                org.entente.workstream.Notifications.Kind.MENTION);
        String tampered = genuine.substring(0, genuine.length() - 1) + (genuine.endsWith("A") ? "B" : "A");
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build()) {
            java.util.function.Function<String, java.net.http.HttpResponse<String>> get = path -> {
                try {
                    return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(appUrl(path)))
                            .header("Accept-Language", "en").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            };
            for (String path : List.of("/mail/unsubscribe", "/mail/unsubscribe?token=", "/mail/unsubscribe?token=" + tampered,
                    "/mail/unsubscribe?token=%3Cscript%3E")) {
                var response = get.apply(path);
                assertThat(response.statusCode()).as(path).isEqualTo(400);
                assertThat(response.body()).as(path).contains("This unsubscribe link is not valid").doesNotContain("<script>");
            }
            var confirm = get.apply("/mail/unsubscribe?token=" + genuine);
            assertThat(confirm.statusCode()).isEqualTo(200);
            assertThat(confirm.body()).contains("id=\"unsubscribe-confirm\"").doesNotContain(owners.marker());
            assertThat(confirm.headers().firstValue("Content-Security-Policy").orElse("")).contains("default-src 'none'");
            for (String neighbour : List.of("/mail/unsubscribe/more", "/mail/")) {
                var response = get.apply(neighbour);
                assertThat(response.statusCode()).as(neighbour + " needs a sign-in").isEqualTo(302);
            }
        }
        assertThat(database.query("select count(*) from mail_preference where member_id = ?",
                Persona.OWNER_MEMBER.memberId).getFirst().getFirst())
                .as("showing the page changed nothing").isEqualTo(0L);
    }

    /**
     * The personal calendar feed (issue #21) is the other address open without signing in: bound to the secret in its
     * token, the same answer for everybody; a forged, malformed or revoked token gets a short text, never a calendar
     * or a sign-in page, and no session is made. POST is refused.
     */
    @Test
    void theCalendarFeedIsPublicButBoundToItsToken() throws Exception {
        org.entente.event.CalendarFeeds feeds = context.getBean(org.entente.event.CalendarFeeds.class);
        String genuine = org.entente.db.tenancy.TenantScope.callAs(new org.entente.db.tenancy.Actor(
                Persona.OWNER_MEMBER.tenantId, Persona.OWNER_MEMBER.memberId), feeds::create);
        String forged = genuine.substring(0, genuine.length() - 2) + (genuine.endsWith("AA") ? "BB" : "AA");
        try (java.net.http.HttpClient client = java.net.http.HttpClient.newBuilder()
                .followRedirects(java.net.http.HttpClient.Redirect.NEVER).build()) {
            java.util.function.BiFunction<String, String, java.net.http.HttpResponse<String>> send = (method, path) -> {
                try {
                    return client.send(java.net.http.HttpRequest.newBuilder(java.net.URI.create(appUrl(path)))
                            .method(method, java.net.http.HttpRequest.BodyPublishers.noBody())
                            .header("Accept-Language", "en").build(), java.net.http.HttpResponse.BodyHandlers.ofString());
                } catch (java.io.IOException | InterruptedException e) {
                    throw new IllegalStateException(e);
                }
            };
            var ok = send.apply("GET", "/calendar/feed/" + genuine + ".ics");
            assertThat(ok.statusCode()).isEqualTo(200);
            assertThat(ok.body()).startsWith("BEGIN:VCALENDAR");
            assertThat(ok.headers().firstValue("Set-Cookie")).as("no session").isEmpty();
            for (String path : List.of("/calendar/feed/" + forged + ".ics", "/calendar/feed/x.ics",
                    "/calendar/feed/%3Cscript%3E.ics")) {
                var response = send.apply("GET", path);
                assertThat(response.statusCode()).as(path).isEqualTo(404);
                assertThat(response.body()).as(path).contains("No such calendar feed").doesNotContain("<script>")
                        .doesNotContain("BEGIN:VCALENDAR");
            }
            assertThat(send.apply("POST", "/calendar/feed/" + genuine + ".ics").statusCode()).isEqualTo(403);
            org.entente.db.tenancy.TenantScope.callAs(new org.entente.db.tenancy.Actor(Persona.OWNER_MEMBER.tenantId,
                    Persona.OWNER_MEMBER.memberId), feeds::revoke);
            assertThat(send.apply("GET", "/calendar/feed/" + genuine + ".ics").statusCode()).isEqualTo(410);
            assertThat(send.apply("GET", "/calendar").statusCode()).as("the calendar page needs a sign-in").isEqualTo(302);
        }
    }

    // ------------------------------------------------------------------ the app's decision

    private Outcome outcome(Router router, Object guard, Method check, String template,
            Class<? extends Component> target, SignedInUser user) {
        String path = template.equals(WORKSTREAM) ? "workstream/" + owners.workstream().id() : template;
        // A UI of a session of the app's own VaadinService, as in a real navigation (rerouting needs its router).
        VaadinSession session = new VaadinSession(vaadinService()) {
            private final java.util.concurrent.locks.Lock lock = new java.util.concurrent.locks.ReentrantLock();

            @Override
            public java.util.concurrent.locks.Lock getLockInstance() {
                return lock; // no HTTP session behind this one
            }
        };
        session.lock();
        BeforeEnterEvent event;
        try {
            UI ui = new UI();
            ui.getInternals().setSession(session);
            event = new BeforeEnterEvent(router, NavigationTrigger.PROGRAMMATIC, new Location(path), target, ui,
                    List.of());
            check.invoke(guard, event);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        } finally {
            session.unlock();
        }
        if (event.hasRerouteTarget()) {
            return switch (event.getRerouteTargetType().getSimpleName()) {
                case "NoOrganizationView" -> Outcome.N;
                case "OrganizationUnavailableView" -> Outcome.U;
                default -> throw new IllegalStateException("rerouted to " + event.getRerouteTargetType());
            };
        }
        if (event.hasForwardTarget()) {
            assertThat(event.getForwardTargetType().getAnnotation(com.vaadin.flow.router.Route.class).value())
                    .isEqualTo("tenants");
            return Outcome.P;
        }
        var principal = UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities());
        if (!new AccessAnnotationChecker().hasAccess(target, principal, role -> user.roles().contains(role))) {
            return Outcome.D;
        }
        if (template.equals(WORKSTREAM)) {
            var seen = workstreams.get(owners.workstream().id());
            if (seen.isEmpty()) {
                return Outcome.S;
            }
            return workstreams.details(seen.get()).isPresent() ? Outcome.A : Outcome.I;
        }
        return Outcome.A;
    }

    private VaadinService vaadinService() {
        return context.getBeansOfType(ServletRegistrationBean.class).values().stream()
                .map(ServletRegistrationBean::getServlet).filter(VaadinServlet.class::isInstance)
                .map(s -> ((VaadinServlet) s).getService()).filter(java.util.Objects::nonNull).findFirst()
                .orElseThrow(() -> new IllegalStateException("The Vaadin servlet is not initialized"));
    }

    // ------------------------------------------------------------------ the browser's answer

    private void awaitOutcome(Browser browser, Outcome wanted, String what) {
        try {
            awaitOutcomeOnce(browser, wanted, what);
        } catch (org.openqa.selenium.TimeoutException e) {
            browser.screenshot("route-matrix-" + what.replaceAll("[^A-Za-z0-9]+", "-"));
            throw new AssertionError(what + ": expected " + wanted + " but the page is " + browser.driver().getCurrentUrl()
                    + " titled \"" + browser.driver().getTitle() + "\": "
                    + browser.driver().findElement(By.tagName("body")).getText(), e);
        }
    }

    private void awaitOutcomeOnce(Browser browser, Outcome wanted, String what) {
        switch (wanted) {
            case A -> new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).withMessage(what)
                    .until(d -> d.getTitle().equals(owners.marker() + " · Entente")
                            || (!d.getCurrentUrl().contains("/workstream/") && d.getTitle().endsWith("· Entente")
                                    && d.findElements(By.id("page-unavailable")).isEmpty()
                                    && d.findElements(By.id("access-problem-heading")).isEmpty()));
            case D -> browser.waitFor(By.id("page-unavailable"));
            case N -> browser.waitForText(By.id("access-problem-heading"), "No organization");
            case U -> browser.waitForText(By.id("access-problem-heading"), "suspended");
            case P -> new WebDriverWait(browser.driver(), Duration.ofSeconds(60)).withMessage(what)
                    .until(d -> d.getTitle().equals(Translations.text(Language.EN.locale(), "admin.tenants.title"))
                            && d.getCurrentUrl().replaceFirst("\\?.*", "").endsWith("/tenants"));
            case S -> browser.waitFor(By.id("workstream-not-found"));
            case I -> browser.waitFor(By.id("accept-invitation"));
        }
        assertThat(browser.driver().getPageSource()).as(what).doesNotContain("Exception");
    }

    static Map<String, Map<Persona, Outcome>> parse(String table) {
        Map<String, Map<Persona, Outcome>> rows = new LinkedHashMap<>();
        List<String> lines = table.lines().filter(l -> !l.isBlank()).skip(1).toList();
        for (String line : lines) {
            String[] cells = line.trim().split("\\s+");
            assertThat(cells).as(line).hasSize(Persona.values().length + 1);
            Map<Persona, Outcome> row = new EnumMap<>(Persona.class);
            for (Persona persona : Persona.values()) {
                row.put(persona, Outcome.valueOf(cells[persona.ordinal() + 1]));
            }
            String route = cells[0].equals("\"\"") ? "" : cells[0];
            assertThat(rows.put(route, row)).as("one row per route: " + route).isNull();
        }
        return rows;
    }
}
