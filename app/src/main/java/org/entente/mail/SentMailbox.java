package org.entente.mail;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.mail.EmbeddedSmtp;
import org.entente.platform.mail.MailServer;
import org.entente.platform.security.CurrentUser;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;

/**
 * What the embedded SMTP server of {@code ./entente run} received — the app's mails and its Keycloak's — for the
 * platform operator's read-only "Sent mail" view. Mails cross tenants, so only a platform administrator reads them.
 * With a real relay (or e-mail off) there is nothing here: the mails are the relay's business.
 */
@Service
public class SentMailbox {

    /** The view shows the newest ones; the server keeps everything since the start (a demo). */
    static final int SHOWN = 500;

    private final MailServer mail;
    private final CurrentUser currentUser;

    SentMailbox(MailServer mail, CurrentUser currentUser) {
        this.mail = mail;
        this.currentUser = currentUser;
    }

    /** Whether the embedded server runs (otherwise the view says where the mails went). */
    public boolean embedded() {
        return mail.embedded().isPresent();
    }

    /** The received mails, newest first; a platform administrator only. */
    public List<SentMail> newestFirst() {
        boolean platformAdmin = currentUser.get().map(u -> u.roles().contains(EntenteRealm.ROLE_PLATFORM_ADMIN))
                .orElse(false);
        if (!platformAdmin) {
            throw new AccessDeniedException("Only platform administrators read the embedded mail server");
        }
        EmbeddedSmtp smtp = mail.embedded().orElse(null);
        if (smtp == null) {
            return List.of();
        }
        List<MimeMessage> received = smtp.received();
        List<SentMail> mails = new ArrayList<>();
        for (int i = received.size() - 1; i >= 0 && mails.size() < SHOWN; i--) {
            mails.add(read(i + 1, received.get(i)));
        }
        return mails;
    }

    static SentMail read(int number, MimeMessage message) {
        try {
            return new SentMail(number, addresses(message.getRecipients(Message.RecipientType.TO)),
                    addresses(message.getFrom()), message.getSubject(),
                    message.getSentDate() == null ? null : message.getSentDate().toInstant().atOffset(ZoneOffset.UTC),
                    body(message));
        } catch (MessagingException | IOException e) {
            return new SentMail(number, "", "", "", null, "(unreadable: " + e.getMessage() + ")"); // i18n-ok: a diagnostic
        }
    }

    private static String addresses(Address[] addresses) {
        return addresses == null ? "" : Arrays.stream(addresses).map(Address::toString).collect(Collectors.joining(", "));
    }

    /** The plain-text part; else the HTML part without its tags. */
    static String body(Part part) throws MessagingException, IOException {
        String plain = find(part, "text/plain");
        if (plain != null) {
            return plain;
        }
        String html = find(part, "text/html");
        return html == null ? "" : html.replaceAll("(?s)<(script|style)[^>]*>.*?</\\1>", "").replaceAll("<[^>]+>", " ")
                .replaceAll("[ \\t]+", " ").strip();
    }

    private static String find(Part part, String type) throws MessagingException, IOException {
        if (part.isMimeType(type) && !Part.ATTACHMENT.equalsIgnoreCase(part.getDisposition())) {
            return String.valueOf(part.getContent());
        }
        if (part.isMimeType("multipart/*") && part.getContent() instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                String found = find(multipart.getBodyPart(i), type);
                if (found != null) {
                    return found;
                }
            }
        }
        return null;
    }
}
