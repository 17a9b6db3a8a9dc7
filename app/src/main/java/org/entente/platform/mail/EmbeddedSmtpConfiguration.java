package org.entente.platform.mail;

import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The demo's mail server: with no {@code spring.mail.host} and the demo Keycloak (no
 * {@code entente.identity.issuer-uri}: the same switch that gives {@code ./entente run} its embedded PostgreSQL and
 * Keycloak), the app starts {@link EmbeddedSmtp} and sends through it. {@code entente.mail.embedded} true or false
 * overrides the default; a configured {@code spring.mail.host} always wins. Spring Boot's own mail sender exists only
 * with {@code spring.mail.host}, so the two never meet.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedSmtpConfiguration.Wanted.class)
class EmbeddedSmtpConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedSmtpConfiguration.class);

    @Bean(destroyMethod = "stop")
    EmbeddedSmtp embeddedSmtp(@Value("${entente.mail.embedded-port:0}") int port) {
        EmbeddedSmtp smtp = EmbeddedSmtp.start(port);
        log.info("No spring.mail.host set: e-mail goes to the embedded SMTP server at {}:{} (read it on Sent mail, "
                + "/sent-mail, as a platform administrator; nothing leaves this machine)", EmbeddedSmtp.HOST, smtp.port());
        return smtp;
    }

    @Bean
    JavaMailSenderImpl mailSender(EmbeddedSmtp smtp) {
        JavaMailSenderImpl sender = new JavaMailSenderImpl();
        sender.setHost(EmbeddedSmtp.HOST);
        sender.setPort(smtp.port());
        sender.setDefaultEncoding(StandardCharsets.UTF_8.name());
        return sender;
    }

    static class Wanted implements Condition {
        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return wanted(context.getEnvironment());
        }
    }

    static boolean wanted(Environment environment) {
        if (!environment.getProperty("spring.mail.host", "").isBlank()) {
            return false;
        }
        String setting = environment.getProperty("entente.mail.embedded", "");
        if (!setting.isBlank()) {
            return Boolean.parseBoolean(setting.strip());
        }
        return environment.getProperty("entente.identity.issuer-uri", "").isBlank();
    }
}
