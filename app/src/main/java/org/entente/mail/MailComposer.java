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
        return compose(mail, link, null, null);
    }

    /**
     * With an unsubscribe line in the footer: {@code unsubscribe} turns this kind ({@code kindLabel}, in the
     * recipient's language) off in one click; null for none.
     */
    static Composed compose(PendingMail mail, String link, String kindLabel, String unsubscribe) {
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
        if (unsubscribe != null) {
            plain.append(Translations.text(locale, "mail.unsubscribe.plain", kindLabel, unsubscribe)).append('\n');
        }

        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"><title>").append(escape(subject)).append("</title></head><body>");
        if (marking != null) {
            html.append("<p><strong>").append(escape(marking)).append("</strong></p>");
        }
        html.append("<p>").append(escape(greeting)).append("</p>")
                .append("<p>").append(escape(text).replace("\n", "<br>")).append("</p>")
                .append("<p><a href=\"").append(escape(link)).append("\">")
                .append(escape(Translations.text(locale, "mail.openLink"))).append("</a></p>")
                .append("<hr><p><small>").append(escape(footer)).append("</small></p>");
        if (unsubscribe != null) {
            html.append(unsubscribeHtml(locale, kindLabel, unsubscribe));
        }
        html.append("</body></html>");
        return new Composed(subject, plain.toString(), html.toString());
    }

    /** One kind's unsubscribe line of an HTML footer. */
    static String unsubscribeHtml(Locale locale, String kindLabel, String unsubscribe) {
        return "<p><small><a href=\"" + escape(unsubscribe) + "\">"
                + escape(Translations.text(locale, "mail.unsubscribe.link", kindLabel)) + "</a></small></p>";
    }

    /**
     * The daily digest: one mail listing the person's notifications grouped by workstream (title and marking as the
     * recipient reads them now), those about no workstream last; an unsubscribe line per kind it holds, and one for
     * the whole digest.
     *
     * @param groups       workstream title (null: no workstream) → its marking (may be null) and items
     * @param unsubscribes kind label → its unsubscribe link, in the order to show
     */
    static Composed composeDigest(Locale locale, String recipientName, java.util.List<DigestGroup> groups,
            java.util.Map<String, String> unsubscribes, String digestUnsubscribe, String appLink) {
        int count = groups.stream().mapToInt(g -> g.items().size()).sum();
        String subject = Translations.text(locale, "mail.digest.subject", count);
        String greeting = Translations.text(locale, "mail.greeting", recipientName);
        String intro = Translations.text(locale, "mail.digest.intro", count);
        String footer = Translations.text(locale, "mail.digest.footer");
        StringBuilder plain = new StringBuilder(greeting).append("\n\n").append(intro).append("\n");
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"").append(locale.getLanguage())
                .append("\"><head><meta charset=\"UTF-8\"><title>").append(escape(subject)).append("</title></head><body>")
                .append("<p>").append(escape(greeting)).append("</p><p>").append(escape(intro)).append("</p>");
        for (DigestGroup group : groups) {
            String heading = group.title() == null ? Translations.text(locale, "mail.digest.noWorkstream")
                    : group.marking() == null ? group.title()
                    : Translations.text(locale, "mail.digest.workstream", group.title(),
                            Translations.label(locale, group.marking()));
            plain.append("\n== ").append(oneLine(heading)).append(" ==\n");
            html.append("<h2>").append(escape(heading)).append("</h2><ul>");
            for (String item : group.items()) {
                plain.append("- ").append(item.replace("\n", "\n  ")).append('\n');
                html.append("<li>").append(escape(item).replace("\n", "<br>")).append("</li>");
            }
            html.append("</ul>");
            if (group.link() != null) {
                plain.append(Translations.text(locale, "mail.open", group.link())).append('\n');
                html.append("<p><a href=\"").append(escape(group.link())).append("\">")
                        .append(escape(Translations.text(locale, "mail.openLink"))).append("</a></p>");
            }
        }
        plain.append('\n').append(Translations.text(locale, "mail.open", appLink)).append("\n\n-- \n").append(footer)
                .append('\n');
        html.append("<hr><p><small>").append(escape(footer)).append("</small></p>");
        unsubscribes.forEach((label, link) -> {
            plain.append(Translations.text(locale, "mail.unsubscribe.plain", label, link)).append('\n');
            html.append(unsubscribeHtml(locale, label, link));
        });
        plain.append(Translations.text(locale, "mail.unsubscribe.digestPlain", digestUnsubscribe)).append('\n');
        html.append("<p><small><a href=\"").append(escape(digestUnsubscribe)).append("\">")
                .append(escape(Translations.text(locale, "mail.unsubscribe.digestLink"))).append("</a></small></p>")
                .append("</body></html>");
        return new Composed(subject, plain.toString(), html.toString());
    }

    /** One workstream's part of a digest: its title (null: about no workstream), marking, link and items. */
    record DigestGroup(String title, org.entente.workstream.Releasability marking, String link,
            java.util.List<String> items) {
    }

    private static String oneLine(String text) {
        String line = text.replaceAll("[\\s\\p{Cntrl}]+", " ").strip();
        return line.length() <= SUBJECT_TEXT_LENGTH ? line : line.substring(0, SUBJECT_TEXT_LENGTH - 1).strip() + "…";
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
