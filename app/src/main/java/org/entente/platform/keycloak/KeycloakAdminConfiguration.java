package org.entente.platform.keycloak;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Lazy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The admin client talks to the same realm users sign in to (the registration's issuer), as the service
 * account of {@code entente.identity.admin.client-id}. Its secret is configuration; no admin password.
 */
@Configuration(proxyBeanMethods = false)
class KeycloakAdminConfiguration {

    @Bean
    @Lazy
    KeycloakAdminClient keycloakAdminClient(ClientRegistrationRepository registrations,
            @Value("${entente.identity.admin.client-id}") String clientId,
            @Value("${entente.identity.admin.client-secret}") String clientSecret) {
        String issuer = registrations.findByRegistrationId("keycloak").getProviderDetails().getIssuerUri();
        return new KeycloakAdminClient(issuer, clientId, clientSecret);
    }
}
