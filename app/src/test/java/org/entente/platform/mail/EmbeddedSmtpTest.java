package org.entente.platform.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/** When the demo's SMTP server starts, and that it receives what is sent to it, on the loopback address only. */
class EmbeddedSmtpTest {

    @Test
    void itStartsForTheDemoKeycloakUnlessARelayIsSetOrItIsSwitchedOff() {
        assertThat(EmbeddedSmtpConfiguration.wanted(new MockEnvironment())).as("./entente run").isTrue();
        assertThat(EmbeddedSmtpConfiguration.wanted(new MockEnvironment()
                .withProperty("entente.identity.issuer-uri", "https://kc.example.org/realms/entente")))
                .as("an external Keycloak: a real deployment").isFalse();
        assertThat(EmbeddedSmtpConfiguration.wanted(new MockEnvironment().withProperty("spring.mail.host", "smtp.example.org")))
                .as("a relay always wins").isFalse();
        assertThat(EmbeddedSmtpConfiguration.wanted(new MockEnvironment().withProperty("spring.mail.host", "smtp.example.org")
                .withProperty("entente.mail.embedded", "true"))).isFalse();
        assertThat(EmbeddedSmtpConfiguration.wanted(new MockEnvironment().withProperty("entente.mail.embedded", "false")))
                .isFalse();
        assertThat(EmbeddedSmtpConfiguration.wanted(new MockEnvironment()
                .withProperty("entente.identity.issuer-uri", "https://kc.example.org/realms/entente")
                .withProperty("entente.mail.embedded", "true"))).isTrue();
    }

    @Test
    void whatIsSentArrivesAndNothingListensBeyondLoopback() throws Exception {
        EmbeddedSmtp smtp = EmbeddedSmtp.start(0);
        try {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost(EmbeddedSmtp.HOST);
            sender.setPort(smtp.port());
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, false, "UTF-8");
            helper.setFrom("no-reply@entente.test");
            helper.setTo("claire.dubois@france.demo.entente.org");
            helper.setSubject("Ingrid Solberg mentioned you");
            helper.setText("Bonjour Claire");
            sender.send(message);

            assertThat(smtp.received()).singleElement().satisfies(m -> {
                assertThat(m.getRecipients(Message.RecipientType.TO)[0].toString())
                        .isEqualTo("claire.dubois@france.demo.entente.org");
                assertThat(m.getSubject()).isEqualTo("Ingrid Solberg mentioned you");
            });
            assertThat(java.net.InetAddress.getByName(EmbeddedSmtp.HOST).isLoopbackAddress()).isTrue();
        } finally {
            smtp.stop();
        }
    }
}
