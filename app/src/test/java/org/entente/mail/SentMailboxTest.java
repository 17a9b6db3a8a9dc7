package org.entente.mail;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.util.Locale;
import java.util.UUID;
import org.entente.platform.mail.EmbeddedSmtp;
import org.entente.workstream.Releasability;
import org.junit.jupiter.api.Test;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;

/**
 * "Sent mail" reads a mention's mail as the outbox sends it (plain text and HTML, marked subject) from the embedded
 * server: recipient, subject, time, and the plain text as the body — never the HTML, which is user content.
 */
class SentMailboxTest {

    @Test
    void aMentionsMailReadsWithItsRecipientSubjectTimeAndPlainText() throws Exception {
        UUID workstream = UUID.randomUUID();
        PendingMail mention = new PendingMail("claire.dubois@france.demo.entente.org", "Claire Dubois", Locale.UK, null,
                "Ingrid Solberg mentioned you in Port visit: <script>alert(1)</script> the berth is confirmed.",
                workstream, Releasability.PARTICIPANTS);
        MailComposer.Composed composed = MailComposer.compose(mention, "https://entente.test/workstream/" + workstream);
        EmbeddedSmtp smtp = EmbeddedSmtp.start(0);
        try {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost(EmbeddedSmtp.HOST);
            sender.setPort(smtp.port());
            MimeMessage message = sender.createMimeMessage();
            MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
            helper.setFrom("no-reply@entente.test");
            helper.setTo(new InternetAddress(mention.email(), mention.recipientName(), "UTF-8"));
            helper.setSubject(composed.subject());
            helper.setText(composed.plain(), composed.html());
            sender.send(message);

            SentMail read = SentMailbox.read(1, smtp.received().getFirst());
            assertThat(read.to()).contains("claire.dubois@france.demo.entente.org");
            assertThat(read.subject()).startsWith("[REL TO PARTICIPANTS] ").contains("Ingrid Solberg mentioned you");
            assertThat(read.sentAt()).isNotNull();
            assertThat(read.body()).startsWith("Hello Claire Dubois,").contains("the berth is confirmed")
                    .contains("https://entente.test/workstream/" + workstream).doesNotContain("<p>");
        } finally {
            smtp.stop();
        }
    }
}
