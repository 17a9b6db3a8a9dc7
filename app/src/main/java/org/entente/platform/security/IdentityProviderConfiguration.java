package org.entente.platform.security;

import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicReference;
import org.entente.keycloak.KeycloakServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.client.registration.ClientRegistrations;
import org.springframework.security.oauth2.client.registration.InMemoryClientRegistrationRepository;

/** The one client registration ("keycloak"): authorization code with PKCE, organization scope requested. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IdentityProperties.class)
class IdentityProviderConfiguration {

    static final String REGISTRATION_ID = "keycloak";

    private static final Logger log = LoggerFactory.getLogger(IdentityProviderConfiguration.class);

    /** The demo Keycloak runs once per JVM and stops with it. */
    private static final AtomicReference<KeycloakServer> EMBEDDED = new AtomicReference<>();

    @Bean
    ClientRegistrationRepository clientRegistrationRepository(IdentityProperties identity,
            @Value("${entente.data-dir}") Path dataDir) {
        String issuer = identity.externalIssuerConfigured() ? identity.issuerUri() : embeddedKeycloak(identity, dataDir);
        ClientRegistration registration;
        try {
            registration = ClientRegistrations.fromIssuerLocation(issuer)
                    .registrationId(REGISTRATION_ID)
                    .clientName("Keycloak")
                    .clientId(identity.clientId())
                    .clientSecret(identity.clientSecret())
                    .scope("openid", "profile", "email", "organization")
                    .userNameAttributeName("preferred_username")
                    .clientSettings(ClientRegistration.ClientSettings.builder().requireProofKey(true).build())
                    .build();
        } catch (RuntimeException e) {
            throw new IdentityProviderUnreachableException(issuer, e);
        }
        return new InMemoryClientRegistrationRepository(registration);
    }

    private static String embeddedKeycloak(IdentityProperties identity, Path dataDir) {
        KeycloakServer server = EMBEDDED.updateAndGet(running -> running != null ? running : startKeycloak(identity, dataDir));
        return server.issuerUri();
    }

    private static KeycloakServer startKeycloak(IdentityProperties identity, Path dataDir) {
        Path folder = dataDir.resolve("keycloak").toAbsolutePath().normalize();
        log.info("No {} set: starting the demo Keycloak on port {} with data in {}",
                IdentityProperties.ISSUER_PROPERTY, identity.embeddedPort(), folder);
        return KeycloakServer.start(new KeycloakServer.Options(identity.embeddedPort(), folder, false,
                folder.resolveSibling("keycloak.log")));
    }
}
