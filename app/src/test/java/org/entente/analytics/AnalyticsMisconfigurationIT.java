package org.entente.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import java.util.stream.Stream;
import org.entente.Application;
import org.entente.keycloak.testing.KeycloakTestServer;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.TenantService;
import org.entente.testing.DemoActors;
import org.entente.workstream.WorkstreamQuery;
import org.entente.workstream.WorkstreamService;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.util.FileSystemUtils;

/**
 * An analytics datasource that cannot work does not stop the app: it starts, the workspace works, and the
 * Analytics page names the setting to fix.
 */
class AnalyticsMisconfigurationIT {

    private static final String BROKEN_URL = "jdbc:postgresql://127.0.0.1:9/entente";

    @Test
    void theAppStartsAndTheAnalyticsPageNamesTheSettingToFix() throws Exception {
        String directory = org.entente.testing.ItData.dir().resolve("analytics-misconfigured").toString();
        FileSystemUtils.deleteRecursively(java.nio.file.Path.of(directory));
        String[] arguments = Stream.of("server.port=0", "entente.data-dir=" + org.entente.testing.ItData.dir(), "entente.demo-data=true",
                        "spring.main.banner-mode=off", "vaadin.devmode.devTools.enabled=false",
                        "entente.identity.issuer-uri=" + KeycloakTestServer.shared().issuerUri(),
                        "entente.analytics.datasource.url=" + BROKEN_URL,
                        "entente.analytics.directory=" + directory)
                .map(property -> "--" + property).toArray(String[]::new);
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(Application.class).run(arguments)) {
            TenantService tenants = app.getBean(TenantService.class);
            AnalyticsService analytics = app.getBean(AnalyticsService.class);
            SignedInUser olivia = SignedInAs.user(tenants, AnalyticsServiceIT.OLIVIA_GRANT, "olivia.grant",
                    "Olivia Grant", "olivia.grant@nato-act.demo.entente.org", Set.of("member", "coordinator"), "nato-act");

            // The rest of the workspace works as ever.
            assertThat(new DemoActors(app.getBean(PlatformTransactionManager.class)).as(DemoActors.NORWAY,
                    () -> app.getBean(WorkstreamService.class).count(WorkstreamQuery.all()))).isPositive();

            // The start-up refresh (no snapshot in this directory) failed and says which setting to fix.
            long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
            AnalyticsStatus status = SignedInAs.call(olivia, analytics::status);
            while (status.lastFailure() == null && System.nanoTime() < deadline) {
                Thread.sleep(200);
                status = SignedInAs.call(olivia, analytics::status);
            }
            assertThat(status.snapshot()).isNull();
            assertThat(status.lastFailure()).isNotNull();
            assertThat(status.lastFailure().message())
                    .startsWith("entente.analytics.datasource.url: cannot reach PostgreSQL at " + BROKEN_URL);
            assertThat(SignedInAs.call(olivia, () -> analytics.report(null))).isEmpty();
        }
    }
}
