package org.entente.keycloak.testing;

import java.io.IOException;
import java.net.CookieHandler;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A real OpenID Connect authorization-code login with PKCE (S256) through Keycloak's own login page, the
 * way a browser and the app's OAuth2 client do it together, but with {@link HttpClient}: GET the
 * authorization endpoint, fill in Keycloak's login form, take the {@code code} from the redirect to the app
 * (not followed), and exchange it at the token endpoint with the client secret and the PKCE verifier.
 *
 * <p>Needs {@code org.jsoup:jsoup} and {@code tools.jackson.core:jackson-databind} on the test classpath.
 */
public final class AuthorizationCodeLogin {

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    /** What the token endpoint returned. */
    public record Tokens(String idToken, String accessToken, String refreshToken, String scope) {

        public Map<String, Object> idTokenClaims() {
            return claims(idToken);
        }

        public Map<String, Object> accessTokenClaims() {
            return claims(accessToken);
        }
    }

    /** Keycloak did not send the browser back to the app (wrong password, invalid redirect URI...). */
    public static final class LoginFailedException extends RuntimeException {

        private final int status;
        private final String page;

        LoginFailedException(String message, int status, String page) {
            super(message);
            this.status = status;
            this.page = page;
        }

        public int status() {
            return status;
        }

        /** The HTML Keycloak answered with instead of a redirect to the app. */
        public String page() {
            return page;
        }
    }

    private AuthorizationCodeLogin() {
    }

    /**
     * Logs {@code username} in and returns the tokens.
     *
     * @param issuerUri   e.g. http://localhost:PORT/realms/entente
     * @param redirectUri the app's redirect URI (never contacted), e.g. http://localhost:PORT/login/oauth2/code/keycloak
     * @param scope       e.g. "openid profile email organization"
     * @throws LoginFailedException when Keycloak shows a page (error, wrong credentials) instead of redirecting
     */
    public static Tokens login(String issuerUri, String clientId, String clientSecret, String redirectUri,
            String scope, String username, String password) {
        try (HttpClient http = HttpClient.newBuilder().cookieHandler(new LoginCookies())
                .followRedirects(HttpClient.Redirect.NEVER).connectTimeout(TIMEOUT).build()) {
            Map<String, Object> discovery = getJson(http, URI.create(issuerUri + "/.well-known/openid-configuration"), null);
            String state = randomToken();
            String nonce = randomToken();
            String verifier = randomToken();
            URI authorization = URI.create(discovery.get("authorization_endpoint") + "?" + form(Map.of(
                    "response_type", "code",
                    "client_id", clientId,
                    "redirect_uri", redirectUri,
                    "scope", scope,
                    "state", state,
                    "nonce", nonce,
                    "code_challenge", s256(verifier),
                    "code_challenge_method", "S256")));

            HttpResponse<String> response = http.send(get(authorization), HttpResponse.BodyHandlers.ofString());
            // With organizations enabled Keycloak logs in "identity first": a username page, then a password
            // page. Fill whatever the current form asks for until Keycloak redirects to the app.
            for (int step = 0; step < 3 && response.statusCode() == 200; step++) {
                Document page = Jsoup.parse(response.body(), response.uri().toString());
                Element loginForm = page.selectFirst("form#kc-form-login");
                if (loginForm == null) {
                    throw new LoginFailedException("No Keycloak login form at " + response.uri() + ": "
                            + feedback(page), response.statusCode(), response.body());
                }
                if (step > 0 && page.selectFirst("#input-error, .kc-feedback-text, #kc-error-message") != null) {
                    throw new LoginFailedException("Keycloak rejected the login of " + username + ": "
                            + feedback(page), response.statusCode(), response.body());
                }
                Map<String, String> fields = new LinkedHashMap<>();
                if (loginForm.selectFirst("input[name=username]") != null) {
                    fields.put("username", username);
                }
                if (loginForm.selectFirst("input[name=password]") != null) {
                    fields.put("password", password);
                }
                Element credentialId = loginForm.selectFirst("input[name=credentialId]");
                if (credentialId != null) {
                    fields.put("credentialId", credentialId.val());
                }
                response = http.send(HttpRequest.newBuilder(URI.create(loginForm.absUrl("action"))).timeout(TIMEOUT)
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(form(fields)))
                        .build(), HttpResponse.BodyHandlers.ofString());
            }
            String location = response.headers().firstValue("Location").orElse("");
            if (response.statusCode() != 302 || !location.startsWith(redirectUri)) {
                throw new LoginFailedException("Keycloak did not redirect " + username + " to " + redirectUri
                        + " (HTTP " + response.statusCode() + ", Location '" + location + "'): "
                        + feedback(Jsoup.parse(response.body())), response.statusCode(), response.body());
            }
            Map<String, String> callback = query(URI.create(location));
            if (!state.equals(callback.get("state"))) {
                throw new IllegalStateException("state mismatch in " + location);
            }
            if (callback.containsKey("error")) {
                throw new LoginFailedException("Keycloak redirected with error " + callback, 302, "");
            }

            String basic = Base64.getEncoder().encodeToString((urlEncode(clientId) + ":" + urlEncode(clientSecret))
                    .getBytes(StandardCharsets.UTF_8));
            HttpResponse<String> tokenResponse = http.send(HttpRequest.newBuilder(
                            URI.create((String) discovery.get("token_endpoint"))).timeout(TIMEOUT)
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Authorization", "Basic " + basic)
                    .POST(HttpRequest.BodyPublishers.ofString(form(Map.of(
                            "grant_type", "authorization_code",
                            "code", callback.get("code"),
                            "redirect_uri", redirectUri,
                            "code_verifier", verifier))))
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (tokenResponse.statusCode() != 200) {
                throw new IllegalStateException("Token endpoint answered HTTP " + tokenResponse.statusCode() + ": "
                        + tokenResponse.body());
            }
            Map<String, Object> token = JSON.readValue(tokenResponse.body(), MAP);
            Tokens tokens = new Tokens((String) token.get("id_token"), (String) token.get("access_token"),
                    (String) token.get("refresh_token"), (String) token.get("scope"));
            if (tokens.idToken() != null && !nonce.equals(tokens.idTokenClaims().get("nonce"))) {
                throw new IllegalStateException("nonce mismatch in the ID token");
            }
            return tokens;
        } catch (IOException e) {
            throw new IllegalStateException("Login of " + username + " at " + issuerUri + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during login", e);
        }
    }

    /** The claims of the userinfo endpoint for an access token. */
    public static Map<String, Object> userInfo(String issuerUri, String accessToken) {
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build()) {
            Map<String, Object> discovery = getJson(http, URI.create(issuerUri + "/.well-known/openid-configuration"), null);
            return getJson(http, URI.create((String) discovery.get("userinfo_endpoint")), accessToken);
        } catch (IOException e) {
            throw new IllegalStateException("userinfo request failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted during userinfo request", e);
        }
    }

    /** Decodes a JWT's payload (no signature check: the token came straight from Keycloak over its own API). */
    public static Map<String, Object> claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length < 2) {
            throw new IllegalArgumentException("Not a JWT: " + jwt);
        }
        return JSON.readValue(Base64.getUrlDecoder().decode(parts[1]), MAP);
    }

    /**
     * The cookies of one login. Keycloak marks its login cookies {@code Secure} even over plain http; browsers
     * keep those for http://localhost (a secure context), java.net.CookieManager would drop them. All requests
     * of a login go to the one Keycloak, so a flat name-to-value jar is enough.
     */
    private static final class LoginCookies extends CookieHandler {

        private final Map<String, String> jar = new LinkedHashMap<>();

        @Override
        public synchronized Map<String, List<String>> get(URI uri, Map<String, List<String>> requestHeaders) {
            if (jar.isEmpty()) {
                return Map.of();
            }
            return Map.of("Cookie", List.of(jar.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                    .collect(Collectors.joining("; "))));
        }

        @Override
        public synchronized void put(URI uri, Map<String, List<String>> responseHeaders) {
            responseHeaders.forEach((name, values) -> {
                if ("Set-Cookie".equalsIgnoreCase(name)) {
                    for (String header : values) {
                        for (HttpCookie cookie : HttpCookie.parse(header)) {
                            if (cookie.getMaxAge() == 0) {
                                jar.remove(cookie.getName());
                            } else {
                                jar.put(cookie.getName(), cookie.getValue());
                            }
                        }
                    }
                }
            });
        }
    }

    private static Map<String, Object> getJson(HttpClient http, URI uri, String bearer)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(TIMEOUT).header("Accept", "application/json");
        if (bearer != null) {
            request.header("Authorization", "Bearer " + bearer);
        }
        HttpResponse<String> response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("GET " + uri + " answered HTTP " + response.statusCode() + ": "
                    + response.body());
        }
        return JSON.readValue(response.body(), MAP);
    }

    private static HttpRequest get(URI uri) {
        return HttpRequest.newBuilder(uri).timeout(TIMEOUT).GET().build();
    }

    /** Keycloak's message to the user on an error or re-shown login page. */
    private static String feedback(Document page) {
        Element message = page.selectFirst("#input-error, .kc-feedback-text, #kc-error-message, .pf-v5-c-alert__title, .alert-error");
        return message != null ? message.text() : page.title();
    }

    private static Map<String, String> query(URI uri) {
        Map<String, String> parameters = new LinkedHashMap<>();
        String raw = uri.getRawQuery();
        if (raw == null) {
            return parameters;
        }
        for (String pair : raw.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            parameters.put(urlDecode(name), urlDecode(value));
        }
        return parameters;
    }

    private static String form(Map<String, String> fields) {
        return fields.entrySet().stream().map(e -> urlEncode(e.getKey()) + "=" + urlEncode(e.getValue()))
                .collect(Collectors.joining("&"));
    }

    private static String urlEncode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String urlDecode(String value) {
        return java.net.URLDecoder.decode(value, StandardCharsets.UTF_8);
    }

    private static String randomToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static String s256(String verifier) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
