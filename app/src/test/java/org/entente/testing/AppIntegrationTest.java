package org.entente.testing;

import org.entente.keycloak.testing.KeycloakTestServer;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The running app against real parts: the embedded PostgreSQL 18 (the app's own default, data under
 * target/it-data-&lt;fork&gt;) and one real Keycloak per test JVM. Every integration test extends this, so they share one
 * Spring context per failsafe fork (app/pom.xml runs two).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        // One folder per failsafe fork (ItData), and Vaadin's dev-mode files in it: two forks never write the same file.
        "entente.data-dir=${entente.it.data-dir:target/it-data}",
        "vaadin.project.basedir=${entente.it.data-dir:target/it-data}/vaadin",
        "entente.demo-data=true",
        // Tests refresh the snapshot when they need one. The 15-minute schedule would refresh in the middle of a later
        // test once the integration tests run longer than that (a clean-clone run: a scheduled refresh cleared the
        // failure AnalyticsRefreshKilledIT was about to find on the page).
        "entente.analytics.refresh-interval=PT24H",
        // Vaadin's dev tools / Copilot overlay would sit on top of the page and intercept clicks.
        "vaadin.devmode.devTools.enabled=false"})
public abstract class AppIntegrationTest {

    @LocalServerPort
    protected int port;

    @DynamicPropertySource
    static void keycloak(DynamicPropertyRegistry registry) {
        registry.add("entente.identity.issuer-uri", () -> KeycloakTestServer.shared().issuerUri());
    }

    protected String appUrl(String path) {
        return "http://localhost:" + port + path;
    }
}
