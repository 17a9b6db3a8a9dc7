package org.entente.mail;

import java.util.Locale;
import org.entente.platform.i18n.Translations;
import org.springframework.web.util.HtmlUtils;

/**
 * Writes a notification's mail: subject with the workstream's marking, a plain-text and an HTML part saying the same,
 * all in the recipient's language. What the notification says is user content (titles, comment excerpts): the HTML
 * part escapes it, and the subject keeps it on one line (no header can be smuggled in).
 */
final class MailComposer {

    /** Subjects longer than this are cut: mail clients show about as much. */
    static final int SUBJECT_TEXT_LENGTH = 150;

    record Composed(String subject, String plain, String html) {
    }

    private MailComposer() {
    }

    static Composed compose(PendingMail mail, String link) {
        Locale locale = mail.locale();
        String text = mail.text();
        String marking = mail.marking() == null ? null : Translations.label(locale, mail.marking());
        String summary = oneLine(text);
        String subject = marking == null ? Translations.text(locale, "mail.subject.unmarked", summary)
                : Translations.text(locale, "mail.subject.marked", marking, summary);
        String greeting = Translations.text(locale, "mail.greeting", mail.recipientName());
        String footer = Translations.text(locale, "mail.footer");

        StringBuilder plain = new StringBuilder(greeting).append("\n\n").append(text).append("\n\n");
        if (marking != null) {
            plain.append(Translations.text(locale, "mail.marking", marking)).append('\n');
        }
        plain.append(Translations.text(locale, "mail.open", link)).append("\n\n-- \n").append(footer).append('\n');

        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"><title>").append(escape(subject)).append("</title></head><body>");
        if (marking != null) {
            html.append("<p><strong>").append(escape(marking)).append("</strong></p>");
        }
        html.append("<p>").append(escape(greeting)).append("</p>")
                .append("<p>").append(escape(text).replace("\n", "<br>")).append("</p>")
                .append("<p><a href=\"").append(escape(link)).append("\">")
                .append(escape(Translations.text(locale, "mail.openLink"))).append("</a></p>")
                .append("<hr><p><small>").append(escape(footer)).append("</small></p></body></html>");
        return new Composed(subject, plain.toString(), html.toString());
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
        return line.length() <= SUBJECT_TEXT_LENGTH ? line : line.substring(0, SUBJECT_TEXT_LENGTH - 1).strip() + "…";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
