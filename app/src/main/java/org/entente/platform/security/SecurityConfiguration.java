package org.entente.platform.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.entente.platform.i18n.LanguageCookie;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizationRequestRedirectFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.header.writers.ReferrerPolicyHeaderWriter.ReferrerPolicy;

/**
 * Sign-in only through Keycloak (OAuth2 authorization code + PKCE). Signing out ends the Keycloak
 * session too (RP-initiated logout) and returns to the app's root. While Keycloak does not answer, a browser about to
 * be sent there to sign in or out gets the app's sign-in-unavailable page (HTTP 503) instead; signed-in people go on
 * working, as their session does not need Keycloak.
 *
 * <p>Every response carries a Content-Security-Policy that keeps the browser on the app's own origin (Vaadin
 * needs inline bootstrap scripts and {@code new Function} for {@code executeJs}, hence the two unsafe keywords;
 * nothing may load from elsewhere and no one may frame the app), nosniff, DENY framing and a same-origin referrer;
 * HSTS is sent when the request came over TLS (directly or through a proxy's X-Forwarded-Proto, see
 * application.yml). The session cookie is HttpOnly, SameSite=Lax, and Secure behind TLS.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String LOGIN_PATH = "/oauth2/authorization/" + IdentityProviderConfiguration.REGISTRATION_ID;

    static final String CONTENT_SECURITY_POLICY = String.join("; ",
            "default-src 'self'",
            "script-src 'self' 'unsafe-inline' 'unsafe-eval'",
            "style-src 'self' 'unsafe-inline'",
            "img-src 'self' data: blob:",
            "font-src 'self' data:",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'");

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInUserService signInUserService,
            IdentityProviderProbe identityProvider, ClientRegistrationRepository registrations) throws Exception {
        // Static libraries served from jars (ECharts for the Analytics workspace): signed-in users only.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/webjars/**").authenticated());
        // Vaadin 25 denies every path that is no route (a typo, a stale link, /workstreams/not-an-id) with a bare
        // 403 from the browser. Signed-in people go on to Vaadin instead, whose own page says "Page not available"
        // (404); views keep their own access checks, and there are no other endpoints to expose.
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.oauth2LoginPage(LOGIN_PATH, "{baseUrl}")
                .logoutSuccessHandler(new KeycloakSignOut(registrations, identityProvider))
                .anyRequest(AuthorizeHttpRequestsConfigurer.AuthorizedUrl::authenticated));
        http.oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(signInUserService))
                .authorizationEndpoint(endpoint -> endpoint.authorizationRequestResolver(
                        LanguageCookie.signInInTheRememberedLanguage(registrations, "/oauth2/authorization"))));
        // Keycloak down: new sign-ins get the app's own page, not the browser's connection error.
        http.addFilterBefore(new SignInAvailabilityFilter(identityProvider), OAuth2AuthorizationRequestRedirectFilter.class);
        http.headers(headers -> headers
                .contentSecurityPolicy(csp -> csp.policyDirectives(CONTENT_SECURITY_POLICY))
                .referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN))
                .frameOptions(frames -> frames.deny())
                .httpStrictTransportSecurity(hsts -> hsts.includeSubDomains(true).maxAgeInSeconds(31_536_000)));
        return http.build();
    }
}
