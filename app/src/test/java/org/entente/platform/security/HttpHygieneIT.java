package org.entente.platform.security;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.servlet.ServletContext;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import org.entente.keycloak.EntenteRealm;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What every response tells the browser (headers), what the session cookie allows, how long an idle session
 * lives — and that the Content-Security-Policy is one Vaadin, ECharts and the sign-in really work under.
 */
class HttpHygieneIT extends AppIntegrationTest {

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    @Autowired
    ServletContext servletContext;

    @Test
    void everyResponseCarriesTheSecurityHeaders() throws Exception {
        for (String path : List.of("/", "/workstreams", "/webjars/echarts/5.3.1/dist/echarts.min.js", "/no-such-page")) {
            HttpResponse<Void> response = get(path, false);
            var headers = response.headers();
            assertThat(headers.firstValue("Content-Security-Policy")).as(path).hasValueSatisfying(csp -> assertThat(csp)
                    .contains("default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "connect-src 'self'"));
            assertThat(headers.firstValue("X-Content-Type-Options")).as(path).hasValue("nosniff");
            assertThat(headers.firstValue("X-Frame-Options")).as(path).hasValue("DENY");
            assertThat(headers.firstValue("Referrer-Policy")).as(path).hasValue("same-origin");
            // Plain HTTP: no HSTS (a browser would ignore it anyway, and it would lock out a local setup).
            assertThat(headers.firstValue("Strict-Transport-Security")).as(path).isEmpty();
        }
    }

    @Test
    void behindTlsTheCookieIsSecureAndHstsIsSent() throws Exception {
        HttpResponse<Void> plain = get("/", false);
        String plainCookie = sessionCookie(plain);
        assertThat(plainCookie).contains("HttpOnly").containsIgnoringCase("SameSite=Lax").doesNotContain("Secure");

        HttpResponse<Void> proxied = get("/", true);
        assertThat(sessionCookie(proxied)).contains("HttpOnly", "Secure").containsIgnoringCase("SameSite=Lax");
        assertThat(proxied.headers().firstValue("Strict-Transport-Security"))
                .hasValueSatisfying(hsts -> assertThat(hsts).contains("max-age=31536000", "includeSubDomains"));
    }

    @Test
    void idleSessionsEnd() {
        assertThat(servletContext.getSessionTimeout()).as("minutes").isEqualTo(30);
        assertThat(servletContext.getSessionCookieConfig().isHttpOnly()).isTrue();
    }

    @Test
    void vaadinAndTheChartsWorkUnderThePolicy() {
        try (Browser browser = new Browser()) {
            browser.open(appUrl("/analytics"));
            browser.signInAtKeycloak("olivia.grant", EntenteRealm.DEMO_PASSWORD);
            browser.waitFor(By.cssSelector("#chart-portfolio canvas"));
            browser.open(appUrl("/workstreams"));
            browser.waitFor(By.id("workstreams"));
            assertThat(browser.consoleMessages()).noneSatisfy(message -> assertThat(message)
                    .containsIgnoringCase("Content Security Policy"));
        }
    }

    private HttpResponse<Void> get(String path, boolean viaTlsProxy) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(appUrl(path))).GET();
        if (viaTlsProxy) {
            request.header("X-Forwarded-Proto", "https");
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding());
    }

    private static String sessionCookie(HttpResponse<Void> response) {
        return response.headers().allValues("Set-Cookie").stream().filter(c -> c.startsWith("JSESSIONID="))
                .findFirst().orElseThrow(() -> new AssertionError("no session cookie in " + response.headers().map()));
    }
}
