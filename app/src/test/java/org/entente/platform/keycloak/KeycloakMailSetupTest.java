package org.entente.platform.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.entente.platform.mail.SmtpServer;
import org.junit.jupiter.api.Test;

/** Keycloak's realm mail settings from Entente's: the keys Keycloak reads, written only when they differ. */
class KeycloakMailSetupTest {

    @Test
    void aRelayWithStarttlsAndAuthenticationBecomesTheRealmsSettings() {
        Map<String, String> settings = KeycloakMailSetup.settings(
                new SmtpServer("smtp.example.org", 587, "entente", "s3cret", true, false),
                "Entente <no-reply@example.org>");
        assertThat(settings).containsEntry("host", "smtp.example.org").containsEntry("port", "587")
                .containsEntry("from", "no-reply@example.org").containsEntry("fromDisplayName", "Entente")
                .containsEntry("starttls", "true").containsEntry("ssl", "false").containsEntry("auth", "true")
                .containsEntry("user", "entente").containsEntry("password", "s3cret");
        assertThat(new SmtpServer("smtp.example.org", 587, "entente", "s3cret", true, false).toString())
                .doesNotContain("s3cret");
    }

    @Test
    void theEmbeddedServerNeedsNoAuthenticationAndAnUnchangedRealmIsNotWrittenAgain() {
        Map<String, String> wanted = KeycloakMailSetup.settings(new SmtpServer("127.0.0.1", 2525, null, null, false, false),
                "no-reply@entente.local");
        assertThat(wanted).containsEntry("auth", "false").doesNotContainKeys("user", "password", "fromDisplayName");

        RecordingClient keycloak = new RecordingClient();
        assertThat(KeycloakMailSetup.apply(keycloak, wanted)).as("first start").isTrue();
        assertThat(KeycloakMailSetup.apply(keycloak, wanted)).as("second start: nothing to do").isFalse();
        assertThat(keycloak.writes).hasSize(1);

        Map<String, String> moved = new HashMap<>(wanted);
        moved.put("port", "2526");
        assertThat(KeycloakMailSetup.apply(keycloak, moved)).as("the server moved").isTrue();
        assertThat(keycloak.realm).containsEntry("port", "2526");
    }

    @Test
    void withAuthenticationThePasswordIsWrittenEachStartSinceKeycloakOnlyShowsItMasked() {
        Map<String, String> wanted = KeycloakMailSetup.settings(
                new SmtpServer("smtp.example.org", 587, "entente", "s3cret", true, false), "no-reply@example.org");
        RecordingClient keycloak = new RecordingClient();
        KeycloakMailSetup.apply(keycloak, wanted);
        keycloak.realm.put("password", "**********");
        assertThat(KeycloakMailSetup.apply(keycloak, wanted)).isTrue();
    }

    /** The realm's smtpServer in memory instead of Keycloak's admin API. */
    static final class RecordingClient extends KeycloakAdminClient {
        final Map<String, String> realm = new HashMap<>();
        final List<Map<String, String>> writes = new ArrayList<>();

        RecordingClient() {
            super("http://127.0.0.1:9/realms/entente", "entente-admin-api", "unused");
        }

        @Override
        public Map<String, String> realmSmtpServer() {
            return new HashMap<>(realm);
        }

        @Override
        public void updateRealmSmtpServer(Map<String, String> smtpServer) {
            writes.add(Map.copyOf(smtpServer));
            realm.clear();
            realm.putAll(smtpServer);
        }
    }
}
