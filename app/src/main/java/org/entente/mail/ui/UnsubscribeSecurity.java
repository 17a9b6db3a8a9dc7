package org.entente.mail.ui;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The one address open without signing in: the unsubscribe link of a mail ({@link UnsubscribePage}). It is bound to
 * its signed token instead: the page changes nothing without a genuine one. No CSRF token either: RFC 8058 has mail
 * clients POST to the link without any session, and the signed token in the link is what a forger cannot make. No
 * session is made, and the page may load nothing but its own inline style.
 */
@Configuration(proxyBeanMethods = false)
class UnsubscribeSecurity {

    @Bean
    @Order(Ordered.HIGHEST_PRECEDENCE)
    org.springframework.security.web.SecurityFilterChain unsubscribeFilterChain(HttpSecurity http) throws Exception {
        http.securityMatcher(UnsubscribePage.PATH)
                .authorizeHttpRequests(requests -> requests.anyRequest().permitAll())
                .csrf(csrf -> csrf.disable())
                .requestCache(cache -> cache.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .headers(headers -> headers
                        .contentSecurityPolicy(csp -> csp.policyDirectives(
                                "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'"))
                        .frameOptions(frames -> frames.deny()));
        SecurityFilterChain chain = http.build();
        return chain;
    }
}
