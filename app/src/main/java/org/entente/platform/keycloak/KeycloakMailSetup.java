package org.entente.platform.keycloak;

import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.entente.platform.mail.MailServer;
import org.entente.platform.mail.SmtpServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Keycloak sends its own mails (organization invitations, e-mail verification) through the server Entente sends
 * through: at start-up the realm's {@code smtpServer} is set from {@code spring.mail.*} (or the embedded server) and
 * {@code entente.mail.from}, by the admin API. Idempotent: unchanged settings are not written again. With e-mail off
 * the realm is left as it is (an operator may have set it in Keycloak). A Keycloak that does not answer is logged, not
 * fatal: the app works, Keycloak's mails wait for the next start.
 */
@Component
class KeycloakMailSetup {

    private static final Logger log = LoggerFactory.getLogger(KeycloakMailSetup.class);

    private final MailServer mail;
    private final ObjectProvider<KeycloakAdminClient> keycloak;
    private final String from;

    KeycloakMailSetup(MailServer mail, ObjectProvider<KeycloakAdminClient> keycloak,
            @Value("${entente.mail.from:Entente <no-reply@entente.local>}") String from) {
        this.mail = mail;
        this.keycloak = keycloak;
        this.from = from;
    }

    @EventListener(ApplicationReadyEvent.class)
    void configureRealm() {
        SmtpServer smtp = mail.smtp().orElse(null);
        KeycloakAdminClient admin = keycloak.getIfAvailable();
        if (smtp == null || admin == null) {
            return;
        }
        try {
            if (apply(admin, settings(smtp, from))) {
                log.info("Keycloak's realm now sends its mails through {} as {}", smtp, from);
            }
        } catch (KeycloakUnavailableException | KeycloakRequestException e) {
            log.warn("Could not set Keycloak's realm mail server to {} ({}): Keycloak's own mails (invitations) are "
                    + "not sent until the next start", smtp, e.getMessage());
        }
    }

    /** Writes the settings when they differ from the realm's; returns whether it wrote. */
    static boolean apply(KeycloakAdminClient admin, Map<String, String> wanted) {
        Map<String, String> current = admin.realmSmtpServer();
        boolean same = wanted.entrySet().stream()
                // The password comes back masked: it cannot be compared, and with auth it is written every start.
                .allMatch(e -> !e.getKey().equals("password") && Objects.equals(e.getValue(), current.get(e.getKey())));
        if (same) {
            return false;
        }
        admin.updateRealmSmtpServer(wanted);
        return true;
    }

    /** Keycloak's {@code smtpServer} keys (all strings) for this server and sender address. */
    static Map<String, String> settings(SmtpServer smtp, String from) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("host", smtp.host());
        settings.put("port", String.valueOf(smtp.port()));
        try {
            InternetAddress address = new InternetAddress(from, true);
            settings.put("from", address.getAddress());
            if (address.getPersonal() != null) {
                settings.put("fromDisplayName", address.getPersonal());
            }
        } catch (AddressException e) {
            throw new IllegalArgumentException("entente.mail.from is not an e-mail address: " + from, e);
        }
        settings.put("starttls", String.valueOf(smtp.starttls()));
        settings.put("ssl", String.valueOf(smtp.ssl()));
        settings.put("auth", String.valueOf(smtp.authenticated()));
        if (smtp.authenticated()) {
            settings.put("user", smtp.username());
            settings.put("password", smtp.password() == null ? "" : smtp.password());
        }
        return settings;
    }
}
