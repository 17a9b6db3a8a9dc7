package org.entente.event.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The calendar feed is fetched by calendar clients, which have no session: its address is open without signing in
 * and bound to the secret in its token instead (as the mail unsubscribe link is, UnsubscribeSecurity). GET only, no
 * session made, nothing but the calendar or a short text answered.
 */
@Configuration(proxyBeanMethods = false)
class CalendarFeedSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE + 1)
    SecurityFilterChain calendarFeedFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(CalendarFeedEndpoint.PREFIX + "**")
                .authorizeHttpRequests(requests -> requests
                        .requestMatchers(org.springframework.http.HttpMethod.GET).permitAll()
                        .anyRequest().denyAll())
                // Anything but GET is refused outright (403), never sent to sign in: a calendar client cannot.
                .exceptionHandling(errors -> errors.authenticationEntryPoint(
                        new org.springframework.security.web.authentication.HttpStatusEntryPoint(
                                org.springframework.http.HttpStatus.FORBIDDEN)))
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives("default-src 'none'; frame-ancestors 'none'"))
                        .frameOptions(frames -> frames.deny()));
        return http.build();
    }
}
