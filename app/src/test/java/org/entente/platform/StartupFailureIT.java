package org.entente.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.entente.Application;
import org.entente.keycloak.testing.KeycloakTestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/** A wrong database URL or an unreachable issuer stops the app with one message naming the setting. */
@ExtendWith(OutputCaptureExtension.class)
class StartupFailureIT {

    @Test
    void anUnreachableDatabaseNamesTheDatasourceSettings(CapturedOutput output) {
        String url = "jdbc:postgresql://127.0.0.1:9/entente";
        assertThatThrownBy(() -> start(
                "spring.datasource.url=" + url,
                "spring.datasource.username=entente_app",
                "spring.datasource.password=wrong",
                "entente.identity.issuer-uri=" + KeycloakTestServer.shared().issuerUri()))
                .isInstanceOf(Exception.class);

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("Entente cannot connect to its PostgreSQL database at " + url)
                .contains("Fix spring.datasource.url");
    }

    @Test
    void anUnreachableIssuerNamesTheIssuerSetting(CapturedOutput output) {
        String issuer = "http://127.0.0.1:9/realms/entente";
        assertThatThrownBy(() -> start("entente.identity.issuer-uri=" + issuer))
                .isInstanceOf(Exception.class);

        assertThat(output.getAll())
                .contains("APPLICATION FAILED TO START")
                .contains("Entente cannot reach its identity provider at " + issuer)
                .contains("Fix entente.identity.issuer-uri");
    }

    /** Properties as command-line arguments, which (unlike defaults) win over application.yml. */
    private static void start(String... properties) {
        String[] arguments = java.util.stream.Stream.concat(
                        java.util.stream.Stream.of("server.port=0", "entente.data-dir=" + org.entente.testing.ItData.dir(),
                                "spring.main.banner-mode=off"),
                        java.util.stream.Stream.of(properties))
                .map(property -> "--" + property)
                .toArray(String[]::new);
        new SpringApplicationBuilder(Application.class).run(arguments).close();
    }
}
