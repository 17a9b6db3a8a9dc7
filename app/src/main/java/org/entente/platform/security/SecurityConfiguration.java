package org.entente.platform.security;

import com.vaadin.flow.spring.security.VaadinSecurityConfigurer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * Sign-in only through Keycloak (OAuth2 authorization code + PKCE). Signing out ends the Keycloak
 * session too (RP-initiated logout) and returns to the app's root.
 */
@Configuration(proxyBeanMethods = false)
@EnableWebSecurity
class SecurityConfiguration {

    static final String LOGIN_PATH = "/oauth2/authorization/" + IdentityProviderConfiguration.REGISTRATION_ID;

    @Bean
    SecurityFilterChain securityFilterChain(HttpSecurity http, SignInUserService signInUserService) throws Exception {
        // Static libraries served from jars (ECharts for the Analytics workspace): signed-in users only.
        http.authorizeHttpRequests(requests -> requests.requestMatchers("/webjars/**").authenticated());
        http.with(VaadinSecurityConfigurer.vaadin(), vaadin -> vaadin.oauth2LoginPage(LOGIN_PATH, "{baseUrl}"));
        http.oauth2Login(login -> login.userInfoEndpoint(userInfo -> userInfo.oidcUserService(signInUserService)));
        return http.build();
    }
}
