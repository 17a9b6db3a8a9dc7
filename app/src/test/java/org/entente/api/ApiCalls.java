package org.entente.api;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import org.entente.keycloak.testing.KeycloakTestServer;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A partner system in a test: gets tokens at the real Keycloak token endpoint and calls the API over HTTP. */
public final class ApiCalls {

    /** Non-ASCII as \\u escapes: a lone surrogate reaches the server as the JSON escape it is, not as a '?'. */
    public static final JsonMapper JSON = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build();
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();

    private final String appUrl;

    public ApiCalls(int port) {
        this.appUrl = "http://localhost:" + port;
    }

    /** The token endpoint's answer to client credentials: 200 with a token, or Keycloak's refusal. */
    public static Answer tokenRequest(String clientId, String secret) {
        String basic = Base64.getEncoder().encodeToString((URLEncoder.encode(clientId, StandardCharsets.UTF_8) + ":"
                + URLEncoder.encode(secret, StandardCharsets.UTF_8)).getBytes(StandardCharsets.UTF_8));
        HttpRequest request = HttpRequest.newBuilder(URI.create(KeycloakTestServer.shared().issuerUri()
                        + "/protocol/openid-connect/token"))
                .header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("grant_type=client_credentials")).build();
        return send(request);
    }

    public static String token(String clientId, String secret) {
        Answer answer = tokenRequest(clientId, secret);
        if (answer.status() != 200) {
            throw new IllegalStateException("No token for " + clientId + ": " + answer.status() + " " + answer.body());
        }
        return answer.json().get("access_token").asString();
    }

    public Answer get(String token, String path) {
        return send(request(token, path).GET().build());
    }

    public Answer post(String token, String path, String json) {
        return send(request(token, path).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Answer put(String token, String path, String ifMatch, String json) {
        HttpRequest.Builder builder = request(token, path).header("Content-Type", "application/json");
        if (ifMatch != null) {
            builder.header("If-Match", ifMatch);
        }
        return send(builder.PUT(HttpRequest.BodyPublishers.ofString(json)).build());
    }

    public Answer send(String token, String method, String path, String contentType, String body) {
        HttpRequest.Builder builder = request(token, path);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body)).build());
    }

    private HttpRequest.Builder request(String token, String path) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(path.startsWith("http") ? path : appUrl + path))
                .timeout(Duration.ofSeconds(60)).header("Accept", "application/json");
        if (token != null) {
            builder.header("Authorization", "Bearer " + token);
        }
        return builder;
    }

    private static Answer send(HttpRequest request) {
        try {
            HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body(), response.headers().map());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public static String json(Object value) {
        return JSON.writeValueAsString(value);
    }

    public record Answer(int status, String body, Map<String, java.util.List<String>> headers) {

        public JsonNode json() {
            return JSON.readTree(body);
        }

        public String header(String name) {
            return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                    .map(e -> e.getValue().getFirst()).findFirst().orElse(null);
        }

        @Override
        public String toString() {
            return status + " " + body;
        }
    }
}
