package org.entente.airgap;

import static org.assertj.core.api.Assertions.assertThat;

import com.vaadin.flow.router.Route;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.entente.analytics.ui.AnalyticsView;
import org.entente.briefing.ui.BriefingsView;
import org.entente.contribution.ui.AccessLedgerView;
import org.entente.keycloak.EntenteRealm;
import org.entente.mail.ui.MyAccountView;
import org.entente.mail.ui.SentMailView;
import org.entente.keycloak.KeycloakServer;
import org.entente.keycloak.testing.KeycloakTestServer;
import org.entente.platform.audit.ui.AuditLogView;
import org.entente.platform.ui.NoOrganizationView;
import org.entente.platform.security.IdentityProviderProbe;
import org.entente.platform.ui.OrganizationUnavailableView;
import org.entente.platform.ui.SignInUnavailableView;
import org.entente.tenant.admin.ui.MembersView;
import org.entente.tenant.admin.ui.TenantsView;
import org.entente.tenant.ui.MyOrganizationView;
import org.entente.testing.Browser;
import org.entente.workstream.ui.DashboardView;
import org.entente.workstream.ui.WorkstreamView;
import org.entente.workstream.ui.WorkstreamsView;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AnnotationTypeFilter;

/**
 * Defence networks are often closed: the production jar, started as shipped, must not make a browser fetch
 * anything from outside (no web fonts, CDN scripts, telemetry or update checks). Headless Chromium signs in at the
 * real Keycloak as a coordinator, a tenant-admin member, the platform operator and a person without an
 * organization, opens every routed view (the list comes from the jar's own {@code @Route} classes, so a new view
 * that is not visited here fails the test), and every request its pages made, read from Chrome's performance
 * log, must go to the app or to Keycloak.
 *
 * <p>Runs only with {@code -Pproduction,airgap} (./entente test; see app/pom.xml), which packages the production jar
 * before the integration tests: without those profiles there is no such jar, only the dev-mode classes.
 */
class AirGappedProductionJarIT {

    private static final Duration PATIENCE = Duration.ofSeconds(90);

    /** Views this test does not open, each with the reason. */
    private static final Map<Class<?>, String> NOT_VISITED = Map.of(OrganizationUnavailableView.class,
            "the same AccessProblemView page as NoOrganizationView (visited); reaching it needs a suspended tenant");

    private final Set<Class<?>> visited = new LinkedHashSet<>();
    /** Per step (persona and page): the requests that left the app and Keycloak. */
    private final Map<String, List<String>> outside = new LinkedHashMap<>();
    private final Map<String, Integer> requestsPerStep = new LinkedHashMap<>();
    private NetworkRecord network;
    private ProductionJar app;

    @Test
    void everyViewOfTheProductionJarLoadsNothingButTheAppAndKeycloak() throws Exception {
        Path jar = ProductionJar.built();
        KeycloakServer keycloak = KeycloakTestServer.shared();
        app = ProductionJar.start(jar, jar.resolveSibling("airgap-run"), keycloak.issuerUri());
        try {
            app.awaitReady();
            network = new NetworkRecord(app.port(), keycloak.httpPort());

            asCoordinator();
            asTenantAdminMember();
            asPlatformOperator();
            withoutOrganization();

            assertThat(outside).as("requests that went elsewhere than the app (port " + app.port()
                    + ") and Keycloak (port " + keycloak.httpPort() + "), by persona and page").isEmpty();
            System.out.println("air gap: requests recorded per step " + requestsPerStep);
            assertThat(unvisitedViews()).as("routed views this test neither opens nor names in NOT_VISITED").isEmpty();
        } catch (Throwable failure) {
            System.out.println("---- production jar log (" + app.log() + "), last 300 lines ----\n" + app.logTail(300));
            System.out.println("---- Keycloak log: " + keycloak.logFile());
            throw failure;
        } finally {
            app.close();
        }
    }

    private void asCoordinator() {
        try (Browser olivia = recordingBrowser()) {
            signIn(olivia, "olivia.grant");
            visit(olivia, "olivia.grant", AnalyticsView.class, "/analytics", By.id("analytics-scope"));
            if (!olivia.driver().findElements(By.id("analytics-empty")).isEmpty()) {
                olivia.click("refresh-analytics"); // a fresh database: take the first snapshot
            }
            // The charts (ECharts, served from the jar's /webjars) draw into a canvas once the snapshot is there.
            new WebDriverWait(olivia.driver(), PATIENCE).until(d -> {
                List<WebElement> charts = d.findElements(By.cssSelector(".analytics-chart"));
                return !charts.isEmpty() && charts.stream().allMatch(c -> !c.findElements(By.tagName("canvas")).isEmpty());
            });
            settle(olivia, "olivia.grant analytics charts", false);
            visit(olivia, "olivia.grant", BriefingsView.class, "/briefings", By.id("briefings-view"));
        }
    }

    private void asTenantAdminMember() {
        try (Browser lars = recordingBrowser()) {
            signIn(lars, "lars.haugen");
            lars.click("notification-bell");
            lars.waitFor(By.id("notification-list"));
            settle(lars, "lars.haugen notifications", false);

            visit(lars, "lars.haugen", WorkstreamsView.class, "/workstreams", By.id("workstreams"));
            visit(lars, "lars.haugen", MyAccountView.class, "/account", By.id("mail-preferences-heading"));
            visit(lars, "lars.haugen", org.entente.event.ui.CalendarView.class, "/calendar", By.id("calendar-mode"));
            lars.open(app.url("/"));
            WebElement firstWorkstream = new WebDriverWait(lars.driver(), PATIENCE).until(d -> (WebElement)
                    ((JavascriptExecutor) d).executeScript("""
                            const grid = document.getElementById('my-workstreams');
                            const slot = grid && grid.shadowRoot && grid.shadowRoot.querySelector('#items tr td slot');
                            const cell = slot ? slot.assignedElements()[0] : null;
                            return cell && cell.textContent.trim() ? cell : null;"""));
            firstWorkstream.click();
            lars.waitFor(By.id("workstream-heading"));
            visited.add(WorkstreamView.class);
            settle(lars, "lars.haugen workstream Overview", false);
            Map<String, String> tabs = new LinkedHashMap<>();
            tabs.put("Participants", "participants");
            tabs.put("Contributions", "contributions");
            tabs.put("Milestones", "milestones");
            tabs.put("Discussion", "discussion");
            tabs.put("Files", "files");
            tabs.put("Activity", "workstream-activity");
            tabs.forEach((tab, id) -> {
                lars.openTab(tab);
                lars.waitFor(By.id(id));
                settle(lars, "lars.haugen workstream " + tab, false);
            });

            visit(lars, "lars.haugen", AnalyticsView.class, "/analytics", By.id("analytics-scope"));
            visit(lars, "lars.haugen", AccessLedgerView.class, "/access-ledger", By.id("access-ledger"));
            visit(lars, "lars.haugen", MyOrganizationView.class, "/organization", By.id("organization-name"));
            visit(lars, "lars.haugen", MembersView.class, "/members", By.id("managed-members"));
            visit(lars, "lars.haugen", AuditLogView.class, "/audit-log", By.id("audit-log"));
            visit(lars, "lars.haugen", null, "/tenants", By.id("page-unavailable")); // not a platform-admin
        }
    }

    private void asPlatformOperator() {
        try (Browser pat = recordingBrowser()) {
            pat.open(app.url("/tenants"));
            pat.signInAtKeycloak("pat.ops", EntenteRealm.DEMO_PASSWORD);
            pat.waitFor(By.id("tenants"));
            visited.add(TenantsView.class);
            settle(pat, "pat.ops sign-in and /tenants", true);
            // The demo mail server's Sent mail (the jar runs with the demo Keycloak's mail server off here: empty).
            visit(pat, "pat.ops", SentMailView.class, "/sent-mail", By.id("sent-mail"));
        }
    }

    /**
     * The person without an organization, and the check that the record sees what it should: a stylesheet and an
     * image from outside, added to the page by script, must show up (a recorder that saw nothing would pass anything).
     */
    private void withoutOrganization() {
        try (Browser guest = recordingBrowser()) {
            // Before signing in: the page anyone gets while Keycloak is down (here it says sign-in works again).
            visit(guest, "anonymous", SignInUnavailableView.class, "/" + IdentityProviderProbe.UNAVAILABLE_ROUTE,
                    By.id("sign-in-unavailable"));
            guest.open(app.url("/"));
            guest.signInAtKeycloak("guest.unaffiliated", EntenteRealm.DEMO_PASSWORD);
            guest.waitFor(By.id("access-problem-heading"));
            visited.add(NoOrganizationView.class);
            settle(guest, "guest.unaffiliated sign-in and no-organization", true);

            ((JavascriptExecutor) guest.driver()).executeScript("""
                    const link = document.createElement('link');
                    link.rel = 'stylesheet';
                    link.href = 'https://fonts.airgap-canary.invalid/css2?family=Inter';
                    document.head.append(link);
                    new Image().src = 'http://telemetry.airgap-canary.invalid/pixel.gif';""");
            List<String> seen = new ArrayList<>();
            new WebDriverWait(guest.driver(), PATIENCE).until(d -> {
                seen.addAll(NetworkRecord.requestedSinceLastCall(guest));
                return seen.stream().filter(url -> !network.allowed(url)).count() >= 2;
            });
            assertThat(seen).filteredOn(url -> !network.allowed(url)).containsExactlyInAnyOrder(
                    "https://fonts.airgap-canary.invalid/css2?family=Inter",
                    "http://telemetry.airgap-canary.invalid/pixel.gif");
        }
    }

    private static Browser recordingBrowser() {
        return new Browser(null, NetworkRecord::record);
    }

    /** Opens the app, signs in at Keycloak and lands on Home: the login pages are part of what is recorded. */
    private void signIn(Browser browser, String username) {
        browser.open(app.url("/"));
        browser.signInAtKeycloak(username, EntenteRealm.DEMO_PASSWORD);
        browser.waitFor(By.id("my-workstreams"));
        visited.add(DashboardView.class);
        List<String> requests = settle(browser, username + " sign-in and Home", true);
        assertThat(requests).as("the sign-in was recorded (Keycloak's login page)")
                .anyMatch(url -> url.contains("/realms/" + EntenteRealm.REALM + "/"));
        assertShownAsUsersGetIt(browser);
    }

    /**
     * The jar ./entente run starts shows people no development tooling (Vaadin's dev-tools banner, Copilot) and has
     * an icon: the page links it and the browser's request for it was answered.
     */
    private void assertShownAsUsersGetIt(Browser browser) {
        assertThat(browser.driver().findElements(By.cssSelector("vaadin-dev-tools, copilot-main")))
                .as("development tooling on the page").isEmpty();
        assertThat(browser.driver().getPageSource()).doesNotContain("vaadin-dev-tools", "copilot");
        assertThat(browser.driver().findElements(By.cssSelector("link[rel=icon]"))).as("the page links its icon")
                .isNotEmpty();
        for (String icon : List.of("/favicon.ico", "/icons/favicon.svg")) {
            try (java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient()) {
                java.net.http.HttpResponse<byte[]> response = http.send(java.net.http.HttpRequest.newBuilder(
                        java.net.URI.create(app.url(icon))).build(), java.net.http.HttpResponse.BodyHandlers.ofByteArray());
                assertThat(response.statusCode()).as(icon).isEqualTo(200);
                assertThat(response.headers().firstValue("Content-Type")).as(icon).hasValueSatisfying(
                        type -> assertThat(type).startsWith("image/"));
            } catch (java.io.IOException | InterruptedException e) {
                throw new AssertionError("fetching " + icon, e);
            }
        }
    }

    /** Opens a page (a full load, so everything it needs is fetched anew) and waits until it shows {@code shown}. */
    private void visit(Browser browser, String persona, Class<?> view, String path, By shown) {
        browser.open(app.url(path));
        try {
            browser.waitFor(shown);
        } catch (org.openqa.selenium.TimeoutException e) {
            String name = "airgap-" + (persona + path).replaceAll("[^A-Za-z0-9.-]+", "-");
            browser.screenshot(name);
            throw new AssertionError(persona + " " + path + " did not show " + shown + " (screenshot " + name
                    + "); the page:\n" + browser.driver().getPageSource(), e);
        }
        if (view != null) {
            visited.add(view);
        }
        settle(browser, persona + " " + path, true);
    }

    /**
     * Waits until Vaadin has no request in flight and the page's fonts are loaded, then takes the requests made since
     * the last step and notes those that went elsewhere. After a full page load the step must have fetched from the
     * app (the record is not empty); within the page (tabs, popovers) Vaadin may speak over the push WebSocket only.
     */
    private List<String> settle(Browser browser, String step, boolean fullLoad) {
        new WebDriverWait(browser.driver(), PATIENCE).until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d)
                .executeScript("""
                        const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                        return !!clients && Object.values(clients).every(c => !c.isActive || !c.isActive())
                            && document.fonts.status === 'loaded';""")));
        List<String> requests = NetworkRecord.requestedSinceLastCall(browser);
        requestsPerStep.put(step, requests.size());
        List<String> elsewhere = requests.stream().filter(url -> !network.allowed(url)).distinct().toList();
        if (!elsewhere.isEmpty()) {
            outside.put(step, elsewhere);
            browser.screenshot("airgap-" + step.replaceAll("[^A-Za-z0-9.-]+", "-"));
        }
        if (fullLoad) {
            assertThat(requests).as(step + ": requests to the app").anyMatch(url -> url.contains("localhost:" + app.port()));
        }
        return requests;
    }

    private Set<String> unvisitedViews() {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false);
        scanner.addIncludeFilter(new AnnotationTypeFilter(Route.class));
        Set<String> routed = new TreeSet<>();
        for (BeanDefinition candidate : scanner.findCandidateComponents("org.entente")) {
            routed.add(candidate.getBeanClassName());
        }
        assertThat(routed).as("@Route classes found").contains(DashboardView.class.getName());
        visited.forEach(view -> routed.remove(view.getName()));
        NOT_VISITED.keySet().forEach(view -> routed.remove(view.getName()));
        return routed;
    }
}
