package org.entente.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.entente.testing.AppIntegrationTest;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The OpenAPI description the app serves (public, at /api/openapi.json) is the one checked in at docs/api/openapi.json,
 * so a partner can read the API's contract in the repository and a change to the API shows in review.
 */
class OpenApiFileIT extends AppIntegrationTest {

    static final Path FILE = Path.of("..", "docs", "api", "openapi.json");
    static final String UPDATE = "./mvnw -o -pl app -am verify -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false "
            + "-Dit.test=OpenApiFileIT -Dfailsafe.failIfNoSpecifiedTests=false -Dentente.openapi.update=true";

    @Test
    void theServedDescriptionIsTheCheckedInFile() throws IOException {
        ApiCalls.Answer served = new ApiCalls(port).get(null, ApiSecurityConfiguration.OPENAPI_PATH);
        assertThat(served.status()).as(served.toString()).isEqualTo(200);
        JsonMapper json = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
        JsonNode description = json.readTree(served.body());
        assertThat(description.get("paths").has("/api/v1/workstreams")).isTrue();
        assertThat(description.get("paths").has("/api/v1/contributions/{id}")).isTrue();
        if (Boolean.getBoolean("entente.openapi.update")) {
            Files.createDirectories(FILE.getParent());
            Files.writeString(FILE, json.writeValueAsString(description) + "\n");
        }
        assertThat(Files.exists(FILE)).as("%s is missing: run %s", FILE, UPDATE).isTrue();
        assertThat(json.readTree(Files.readString(FILE)))
                .as("docs/api/openapi.json differs from what the app serves: run %s", UPDATE)
                .isEqualTo(description);
    }
}
