package org.entente.mail;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.UnsupportedEncodingException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.event.EventListener;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sends the outbox's due mails over SMTP, on every instance every {@code entente.mail.poll-interval}: claims a batch
 * (one instance per mail), decides each as its recipient's tenant, sends, records the outcome. A failed send is tried
 * again after an exponential backoff, up to {@code entente.mail.max-attempts}.
 *
 * <p>Without {@code spring.mail.host} Spring makes no {@link JavaMailSender}: e-mail is off, said once at start-up, and
 * the mails stay PENDING in the outbox (sent once a server is configured, if still wanted then).
 */
@Component
@EnableConfigurationProperties(MailSettings.class)
public class OutboxSender {

    private static final Logger log = LoggerFactory.getLogger(OutboxSender.class);

    private final MailOutbox outbox;
    private final ObjectProvider<JavaMailSender> smtp;
    private final MailSettings settings;
    private final UnsubscribeTokens tokens;

    OutboxSender(MailOutbox outbox, ObjectProvider<JavaMailSender> smtp, MailSettings settings,
            UnsubscribeTokens tokens) {
        this.outbox = outbox;
        this.smtp = smtp;
        this.settings = settings;
        this.tokens = tokens;
    }

    /** Whether a mail server is configured. */
    public boolean enabled() {
        return smtp.getIfAvailable() != null;
    }

    @EventListener(ApplicationReadyEvent.class)
    void sayWhetherEmailIsOn() {
        if (enabled()) {
            log.info("E-mail is on: notifications are sent from {} every {}", settings.from(), settings.pollInterval());
        } else {
            log.info("E-mail is off (spring.mail.host is not set): notifications reach the bell only; their mails "
                    + "wait in the outbox unsent");
        }
    }

    @Scheduled(initialDelayString = "${entente.mail.poll-interval:PT15S}",
            fixedDelayString = "${entente.mail.poll-interval:PT15S}")
    void onSchedule() {
        try {
            sendDue();
        } catch (RuntimeException e) {
            // The next round tries again; a scheduled task that throws would only log the same.
            log.warn("Sending e-mail failed this round: {}", e.toString());
        }
    }

    /**
     * Sends what is due now, batch after batch, until nothing due is left to this instance. Returns how many mails it
     * dealt with (sent, skipped or failed). Does nothing while e-mail is off.
     */
    public int sendDue() {
        JavaMailSender sender = smtp.getIfAvailable();
        if (sender == null) {
            return 0;
        }
        int handled = 0;
        List<ClaimedMail> batch;
        do {
            batch = outbox.claim(settings.batchSize(), settings.lease());
            for (ClaimedMail claimed : batch) {
                deliver(sender, claimed);
                handled++;
            }
        } while (batch.size() == settings.batchSize());
        return handled;
    }

    private void deliver(JavaMailSender sender, ClaimedMail claimed) {
        MailOutbox.Decision decision = outbox.read(claimed);
        if (decision instanceof MailOutbox.Skip(String reason)) {
            outbox.skipped(claimed, reason);
            return;
        }
        MailOutbox.Send send = (MailOutbox.Send) decision;
        try {
            sender.send(message(sender, claimed, send));
            outbox.sent(claimed);
        } catch (MailException | MessagingException | UnsupportedEncodingException e) {
            boolean last = claimed.attempt() >= settings.maxAttempts();
            log.warn("Mail {} of tenant {} not sent (attempt {} of {}): {}", claimed.id(), claimed.tenantId(),
                    claimed.attempt(), settings.maxAttempts(), e.toString());
            outbox.failed(claimed, e.toString(), last, settings.waitAfter(claimed.attempt()));
        }
    }

    private MimeMessage message(JavaMailSender sender, ClaimedMail claimed, MailOutbox.Send send)
            throws MessagingException, UnsupportedEncodingException {
        PendingMail mail = send.mail();
        String unsubscribe = null;
        String kindLabel = null;
        java.util.Optional<org.entente.workstream.Notifications.Kind> kind = MailPreferences.parse(send.kind());
        if (kind.isPresent()) {
            unsubscribe = settings.unsubscribeLink(tokens.sign(claimed.tenantId(), send.memberId(), kind.get()));
            kindLabel = org.entente.platform.i18n.Translations.text(mail.locale(), "notification.kind." + kind.get().name());
        }
        MailComposer.Composed composed = MailComposer.compose(mail, settings.link(mail.workstreamId()), kindLabel,
                unsubscribe);
        return message(sender, mail.email(), mail.recipientName(), composed, unsubscribe);
    }

    /** A mail as every mail of the outbox is sent: from, to, subject, both parts, and the protocol headers. */
    MimeMessage message(JavaMailSender sender, String email, String recipientName, MailComposer.Composed composed,
            String unsubscribe) throws MessagingException, UnsupportedEncodingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom(settings.from());
        helper.setTo(new InternetAddress(email, recipientName, "UTF-8"));
        helper.setSubject(composed.subject());
        helper.setText(composed.plain(), composed.html());
        // RFC 3834: sent by a machine; auto-responders should not answer it.
        message.setHeader("Auto-Submitted", "auto-generated"); // i18n-ok: a protocol header, not language
        if (unsubscribe != null) {
            // RFC 2369 and RFC 8058: mail clients offer "unsubscribe" and POST List-Unsubscribe=One-Click to the link.
            message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">"); // i18n-ok: a protocol header
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click"); // i18n-ok: a protocol header
        }
        return message;
    }
}
