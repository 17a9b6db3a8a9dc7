package org.entente.bench.app;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.entente.Application;
import org.entente.analytics.AnalyticsService;
import org.entente.bench.BenchContext;
import org.entente.bench.BenchDatabase;
import org.entente.contribution.ContributionService;
import org.entente.db.embedded.LocalPostgres;
import org.entente.discussion.DiscussionService;
import org.entente.tenant.TenantService;
import org.entente.workstream.WorkstreamService;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The real app (org.entente.Application, Vaadin dev mode with the prebuilt bundle) running inside the bench JVM
 * against the bench database as an external database. The database is migrated already, so Flyway is off; the
 * schedulers (analytics refresh, briefings, reconciliation) are pushed out of the run.
 *
 * <p>{@link #of} is the app as deployed: it connects as the runtime role, so row-level security applies.
 * {@link WithoutRls#of} is the same app connecting as the superuser, which row-level security does not restrict
 * (P4's comparison only; it sees every tenant's rows).
 */
public final class BenchApp implements AutoCloseable {

    private static final Duration SNAPSHOT_PATIENCE = Duration.ofMinutes(5);

    private final ConfigurableApplicationContext context;
    private final Duration startup;
    private final String name;

    private BenchApp(String name, ConfigurableApplicationContext context, Duration startup) {
        this.name = name;
        this.context = context;
        this.startup = startup;
    }

    /** The run's app with row-level security, started on first use. */
    public static BenchApp of(BenchContext context) {
        return context.shared(BenchApp.class, () -> {
            LocalPostgres postgres = context.database().postgres();
            return start(context, "app", postgres.appUser(), postgres.appPassword());
        });
    }

    /** The same app as the superuser: no row-level security. */
    public record WithoutRls(BenchApp app) implements AutoCloseable {

        public static BenchApp of(BenchContext context) {
            BenchApp.of(context); // the Keycloak and the first app first: their start is not part of this one
            return context.shared(WithoutRls.class,
                    () -> new WithoutRls(start(context, "app-superuser", BenchDatabase.SUPERUSER, ""))).app();
        }

        @Override
        public void close() {
            app.close();
        }
    }

    private static BenchApp start(BenchContext context, String name, String user, String password) {
        BenchKeycloak keycloak = BenchKeycloak.of(context);
        Path dataDir = context.workDirectory().resolve(name).toAbsolutePath();
        List<String> properties = new ArrayList<>(List.of(
                "server.port=0",
                "spring.main.banner-mode=off",
                "spring.datasource.url=" + context.database().jdbcUrl(),
                "spring.datasource.username=" + user,
                "spring.datasource.password=" + password,
                // BenchDatabase migrated it (with the demo data the generator builds on): nothing for Flyway to do.
                "spring.flyway.enabled=false",
                "entente.data-dir=" + dataDir,
                "entente.identity.issuer-uri=" + keycloak.issuerUri(),
                // Not during the measurements: the first snapshot is taken at start-up and waited for below.
                "entente.analytics.refresh-interval=PT24H",
                "entente.briefings.schedule-check=PT24H",
                "entente.reconciliation.interval=PT24H",
                // Vaadin dev mode keeps its generated files here, not in the source tree.
                "vaadin.project.basedir=" + dataDir.resolve("vaadin"),
                "vaadin.devmode.devTools.enabled=false",
                "vaadin.launch-browser=false",
                "logging.level.root=warn"));
        BenchProgress.say("starting the app (%s, as %s) …", name, user);
        long t0 = System.nanoTime();
        ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class)
                .run(properties.stream().map(p -> "--" + p).toArray(String[]::new));
        BenchApp started = new BenchApp(name, app, Duration.ofNanos(System.nanoTime() - t0));
        try {
            started.awaitSnapshot();
        } catch (RuntimeException e) {
            started.close();
            throw e;
        }
        BenchProgress.say("app %s on port %d in %s (analytics snapshot included)", name, started.port(), started.startup);
        return started;
    }

    /** The start-up snapshot reads the whole database: let it finish before anything is timed. */
    private void awaitSnapshot() {
        AnalyticsService analytics = bean(AnalyticsService.class);
        long deadline = System.nanoTime() + SNAPSHOT_PATIENCE.toNanos();
        while (analytics.refreshing() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while waiting for the analytics snapshot", e);
            }
        }
    }

    public <T> T bean(Class<T> type) {
        return context.getBean(type);
    }

    public ConfigurableApplicationContext context() {
        return context;
    }

    public WorkstreamService workstreams() {
        return bean(WorkstreamService.class);
    }

    public ContributionService contributions() {
        return bean(ContributionService.class);
    }

    public DiscussionService discussions() {
        return bean(DiscussionService.class);
    }

    public TenantService tenants() {
        return bean(TenantService.class);
    }

    public int port() {
        return Integer.parseInt(context.getEnvironment().getProperty("local.server.port", "0"));
    }

    public String url(String path) {
        return "http://localhost:" + port() + path;
    }

    /** Time from SpringApplication.run to ready, including the first analytics snapshot. */
    public Duration startup() {
        return startup;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() {
        context.close();
    }
}
