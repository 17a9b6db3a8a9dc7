package org.entente.platform.security;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Component;

/**
 * Whether the identity service (Keycloak) answers now, asked before a browser is sent there to sign in: when it
 * does not, the browser would only show a connection error, so the app shows its own page instead. Asks the
 * issuer's OpenID discovery document, at most once every few seconds, with short timeouts.
 */
@Component
public class IdentityProviderProbe {

    /** The app's page for "sign-in is temporarily unavailable" (anonymous). */
    public static final String UNAVAILABLE_ROUTE = "sign-in-unavailable";

    /** Query parameter of that page: signed out of Entente, but Keycloak could not be told. */
    public static final String SIGNED_OUT_PARAMETER = "signed-out";

    private static final Logger log = LoggerFactory.getLogger(IdentityProviderProbe.class);
    private static final Duration REMEMBERED = Duration.ofSeconds(3);

    private final URI discovery;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private volatile Answer last = new Answer(true, Instant.EPOCH);

    private record Answer(boolean answers, Instant at) {
    }

    IdentityProviderProbe(ClientRegistrationRepository registrations) {
        String issuer = registrations.findByRegistrationId(IdentityProviderConfiguration.REGISTRATION_ID)
                .getProviderDetails().getIssuerUri();
        this.discovery = URI.create(issuer.replaceAll("/+$", "") + "/.well-known/openid-configuration");
    }

    /** True when the issuer answered its discovery document (HTTP 200) within a few seconds. */
    public boolean answers() {
        Answer known = last;
        if (Instant.now().isBefore(known.at().plus(REMEMBERED))) {
            return known.answers();
        }
        boolean answers = ask();
        if (answers != known.answers()) {
            if (answers) {
                log.info("The identity service answers again at {}: sign-in works", discovery);
            } else {
                log.warn("The identity service does not answer at {}: new sign-ins see the sign-in-unavailable page",
                        discovery);
            }
        }
        last = new Answer(answers, Instant.now());
        return answers;
    }

    private boolean ask() {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(discovery).timeout(Duration.ofSeconds(3))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
