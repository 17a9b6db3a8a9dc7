package org.entente.bench.app;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.vaadin.flow.server.VaadinSession;
import jakarta.servlet.http.HttpSession;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.apache.catalina.Container;
import org.apache.catalina.Context;
import org.apache.catalina.Session;
import org.entente.bench.BenchContext;
import org.entente.bench.Measurement;
import org.entente.bench.MeasurementResult;
import org.entente.bench.MeasurementResult.DetailTable;
import org.entente.bench.MeasurementResult.Summary;
import org.entente.bench.MeasurementResult.Verdict;
import org.entente.bench.Samples;
import org.entente.keycloak.EntenteRealm;
import org.openqa.selenium.By;
import org.springframework.boot.tomcat.TomcatWebServer;
import org.springframework.boot.web.server.WebServer;
import org.springframework.boot.web.server.context.WebServerApplicationContext;

/**
 * P6 — server heap per signed-in browser session. With the app running (Vaadin dev mode, prebuilt bundle), the
 * heap after a settled GC is the baseline; then N headless Chromium sessions, each with its own fresh profile,
 * sign in through the real Keycloak login as demo realm users and move through real views inside one UI (menu →
 * Workstreams, the first row → its detail page, menu → Analytics when the user has it), and stay open. After each
 * session the heap is settled and read again. Reported: (after N − baseline) / N, and the spread of the single
 * steps; also the Vaadin sessions the server holds.
 */
public final class SessionMemoryBenchmark implements Measurement {

    static final double TARGET_BYTES = 5 * 1024 * 1024;
    private static final Duration ANALYTICS_PATIENCE = Duration.ofSeconds(15);

    @Override
    public String id() {
        return "P6";
    }

    /** A demo realm user who belongs to an organization. */
    record DemoUser(String username, String organization) {
    }

    @Override
    public MeasurementResult run(BenchContext context) throws Exception {
        BenchApp app = BenchApp.of(context);
        int sessions = context.effort().browserSessions();
        List<DemoUser> users = demoUsers();
        Path profiles = Files.createDirectories(context.workDirectory().resolve("p6-chromium"));

        // A throwaway session first: the first sign-in loads classes and fills caches every session then shares.
        try (BenchBrowser warmup = new BenchBrowser(profiles.resolve("warmup"))) {
            visit(warmup, app, users.getFirst());
        }
        int vaadinBefore = vaadinSessions(app)[0];
        long baseline = settledHeap();
        List<BenchBrowser> open = new ArrayList<>();
        List<Double> steps = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        long previous = baseline;
        long started = System.nanoTime();
        try {
            for (int i = 0; i < sessions; i++) {
                DemoUser user = users.get(i % users.size());
                long t0 = System.nanoTime();
                BenchBrowser browser = new BenchBrowser(profiles.resolve("session-" + i));
                open.add(browser);
                String views = visit(browser, app, user);
                long opened = System.nanoTime() - t0;
                long heap = settledHeap();
                steps.add((double) (heap - previous));
                rows.add(List.of(String.valueOf(i + 1), user.username() + " (" + user.organization() + ")", views,
                        Samples.seconds(opened), Samples.megabytes(heap), signedMegabytes(heap - previous)));
                previous = heap;
            }
            long after = previous;
            int[] vaadin = vaadinSessions(app);
            double perSession = (double) (after - baseline) / sessions;
            boolean met = perSession < TARGET_BYTES;
            Samples step = Samples.of(steps);
            String note = String.format(Locale.ROOT,
                    "heap used after System.gc() until stable (MemoryMXBean), baseline %s, after %s; "
                            + "Vaadin sessions on the server %d → %d (%d UIs), each browser kept open; sessions opened in %s",
                    Samples.megabytes(baseline), Samples.megabytes(after), vaadinBefore, vaadin[0], vaadin[1],
                    Samples.seconds(System.nanoTime() - started));
            if (!met) {
                note += ". MISSED: each session holds more than 5 MB (one UI with home, the workstream list, a "
                        + "workstream and the analytics view; not broken down yet: a heap histogram of one session "
                        + "would show which view's state dominates)";
            }
            Summary summary = new Summary(id(), "Server heap per signed-in browser session (real Keycloak login, real views)",
                    Samples.megabytes(perSession) + " per session (N=" + sessions + "; single steps "
                            + step.describe(SessionMemoryBenchmark::signedMegabytes) + ")",
                    "heap with no browser open: " + Samples.megabytes(baseline),
                    "+" + Samples.megabytes(after - baseline) + " for " + sessions + " sessions",
                    "reported; < 5 MB per session", met ? Verdict.MET : Verdict.MISSED, note);
            DetailTable details = new DetailTable("each session", List.of("session", "user", "views", "opened in",
                    "heap after", "step"), rows);
            return new MeasurementResult(summary, List.of(details));
        } finally {
            for (BenchBrowser browser : open) {
                try {
                    browser.close();
                } catch (RuntimeException e) {
                    BenchProgress.say("closing a browser failed: %s", e.getMessage());
                }
            }
        }
    }

    /** Signs in and walks the views; says which views were seen. */
    private static String visit(BenchBrowser browser, BenchApp app, DemoUser user) {
        browser.signIn(app.url("/"), user.username(), EntenteRealm.DEMO_PASSWORD);
        List<String> seen = new ArrayList<>(List.of("home"));
        if (browser.openFromMenu("Workstreams")) {
            seen.add("workstreams");
            if (browser.openFirstWorkstream()) {
                seen.add("workstream");
            }
        }
        if (browser.openFromMenu("Analytics") && browser.shows(By.id("analytics-scope"), ANALYTICS_PATIENCE)) {
            seen.add("analytics");
        }
        return String.join(", ", seen);
    }

    /** Heap in use after full collections, once two readings in a row agree within 256 KB. */
    static long settledHeap() throws InterruptedException {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        long previous = Long.MAX_VALUE;
        for (int i = 0; i < 10; i++) {
            System.gc();
            Thread.sleep(250);
            long used = memory.getHeapMemoryUsage().getUsed();
            if (Math.abs(used - previous) < 256 * 1024) {
                return Math.min(used, previous);
            }
            previous = used;
        }
        return previous;
    }

    /** The demo realm's users who belong to an organization (they sign in with the demo password). */
    static List<DemoUser> demoUsers() throws Exception {
        List<DemoUser> users = new ArrayList<>();
        try (InputStream json = EntenteRealm.openRealmJson()) {
            JsonNode realm = new ObjectMapper().readTree(json);
            for (JsonNode organization : realm.path("organizations")) {
                for (JsonNode member : organization.path("members")) {
                    users.add(new DemoUser(member.path("username").asText(), organization.path("alias").asText()));
                }
            }
        }
        if (users.isEmpty()) {
            throw new IllegalStateException("The realm definition lists no organization members");
        }
        return Collections.unmodifiableList(users);
    }

    /** {Vaadin sessions, their UIs} held by the app's Tomcat. */
    private static int[] vaadinSessions(BenchApp app) {
        int sessions = 0;
        int uis = 0;
        if (!(app.context() instanceof WebServerApplicationContext web)) {
            return new int[] {0, 0};
        }
        WebServer server = web.getWebServer();
        if (!(server instanceof TomcatWebServer tomcat)) {
            return new int[] {0, 0};
        }
        for (Container child : tomcat.getTomcat().getHost().findChildren()) {
            if (!(child instanceof Context webapp) || webapp.getManager() == null) {
                continue;
            }
            for (Session session : webapp.getManager().findSessions()) {
                HttpSession http = session.getSession();
                for (String name : Collections.list(http.getAttributeNames())) {
                    if (http.getAttribute(name) instanceof VaadinSession vaadin) {
                        sessions++;
                        vaadin.lock();
                        try {
                            uis += vaadin.getUIs().size();
                        } finally {
                            vaadin.unlock();
                        }
                    }
                }
            }
        }
        return new int[] {sessions, uis};
    }

    static String signedMegabytes(double bytes) {
        return (bytes >= 0 ? "+" : "−") + Samples.megabytes(Math.abs(bytes));
    }
}
