package org.entente.api;

import org.entente.api.clients.ApiClientService;
import org.entente.platform.security.BearerSignIn;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The partner API's own filter chain, for {@code /api/**} only and before the browser's (Vaadin, OAuth2 login):
 * stateless (no session, no cookie, so no CSRF token to check), a bearer token of the realm verified against its
 * published keys, mapped to the caller by {@link ApiTokenConverter}. Every refusal is an RFC 9457 problem. The OpenAPI
 * description ({@value #OPENAPI_PATH}) is public: it describes, it holds no data.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ApiProperties.class)
class ApiSecurityConfiguration {

    static final String OPENAPI_PATH = "/api/openapi.json";

    @Bean
    @Order(1)
    SecurityFilterChain apiFilterChain(HttpSecurity http, BearerSignIn signIn, ApiClientService clients,
            ApiProperties properties) throws Exception {
        BearerTokenAuthenticationEntryPoint bearer = new BearerTokenAuthenticationEntryPoint();
        BearerTokenAccessDeniedHandler denied = new BearerTokenAccessDeniedHandler();
        http.securityMatcher("/api/**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(OPENAPI_PATH).permitAll()
                        .anyRequest().authenticated())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .oauth2ResourceServer(server -> server
                        .jwt(jwt -> jwt.decoder(signIn.decoder())
                                .jwtAuthenticationConverter(new ApiTokenConverter(signIn, clients)))
                        .authenticationEntryPoint((request, response, e) -> {
                            bearer.commence(request, response, e);
                            ApiProblems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized",
                                    e.getMessage() == null ? "A bearer token of an API client is required"
                                            : e.getMessage());
                        })
                        .accessDeniedHandler((request, response, e) -> {
                            denied.handle(request, response, e);
                            ApiProblems.write(request, response, HttpStatus.FORBIDDEN, "forbidden", e.getMessage());
                        }))
                .exceptionHandling(errors -> errors.authenticationEntryPoint((request, response, e) -> {
                    bearer.commence(request, response, e);
                    ApiProblems.write(request, response, HttpStatus.UNAUTHORIZED, "unauthorized",
                            "A bearer token of an API client is required");
                }))
                .addFilterAfter(new ApiLimitsFilter(properties), BearerTokenAuthenticationFilter.class)
                .headers(headers -> headers.frameOptions(frames -> frames.deny()));
        return http.build();
    }
}
