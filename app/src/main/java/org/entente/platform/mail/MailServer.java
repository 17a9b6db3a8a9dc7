package org.entente.platform.mail;

import java.util.Optional;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.stereotype.Component;

/**
 * Whether e-mail can go out, and through which server: a relay from {@code spring.mail.*} (Spring Boot makes the
 * sender), the embedded server of {@code ./entente run}, or none ("e-mail is off"). Features ask here rather than
 * look for a {@link JavaMailSender} themselves, so "off" means the same everywhere.
 */
@Component
public class MailServer {

    private final ObjectProvider<JavaMailSender> sender;
    private final ObjectProvider<EmbeddedSmtp> embedded;

    MailServer(ObjectProvider<JavaMailSender> sender, ObjectProvider<EmbeddedSmtp> embedded) {
        this.sender = sender;
        this.embedded = embedded;
    }

    /** Whether a mail server is configured (a relay or the embedded one). */
    public boolean configured() {
        return sender.getIfAvailable() != null;
    }

    /** The embedded server, when {@code ./entente run} started one. */
    public Optional<EmbeddedSmtp> embedded() {
        return Optional.ofNullable(embedded.getIfAvailable());
    }

    /** The server's settings, for Keycloak; empty when e-mail is off. */
    public Optional<SmtpServer> smtp() {
        if (!(sender.getIfAvailable() instanceof JavaMailSenderImpl impl) || impl.getHost() == null) {
            return Optional.empty();
        }
        boolean ssl = "smtps".equalsIgnoreCase(impl.getProtocol());
        int port = impl.getPort() > 0 ? impl.getPort() : ssl ? 465 : 25;
        boolean starttls = Boolean.parseBoolean(impl.getJavaMailProperties().getProperty("mail.smtp.starttls.enable",
                "false"));
        return Optional.of(new SmtpServer(impl.getHost(), port, impl.getUsername(), impl.getPassword(), starttls, ssl));
    }
}
