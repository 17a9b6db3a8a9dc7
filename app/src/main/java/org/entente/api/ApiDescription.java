package org.entente.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.OAuthFlow;
import io.swagger.v3.oas.models.security.OAuthFlows;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI description's header: what the API is and how a partner system authenticates. No server URL: the file is
 * the same for every deployment (checked in as docs/api/openapi.json and compared with the served one by a test).
 */
@Configuration(proxyBeanMethods = false)
class ApiDescription {

    @Bean
    OpenAPI ententeApi() {
        return new OpenAPI()
                .info(new Info().title("Entente partner API").version("v1").description("""
                        Read what your organization may see in Entente (workstreams, participants, contributions, \
                        milestones, indicators, measurements) and write your organization's contributions and \
                        measurements. Authenticate with an API client created by your tenant administrator on \
                        Members: OAuth2 client credentials at the realm's token endpoint, then \
                        `Authorization: Bearer <token>`. Lists are keyset-paginated (`limit`, `cursor`, \
                        `updatedSince`); errors are RFC 9457 problem details; writes to a contribution need \
                        `If-Match` with its ETag. Every record carries its confidentiality label."""))
                .components(new Components().addSecuritySchemes("apiClient", new SecurityScheme()
                        .type(SecurityScheme.Type.OAUTH2)
                        .description("Client credentials of an Entente API client (Keycloak realm 'entente')")
                        .flows(new OAuthFlows().clientCredentials(new OAuthFlow()
                                .tokenUrl("/realms/entente/protocol/openid-connect/token")))))
                .addSecurityItem(new SecurityRequirement().addList("apiClient"))
                // Relative: the same description for every deployment (springdoc would write the test's random port).
                .servers(List.of(new Server().url("/").description("This Entente deployment")));
    }
}
