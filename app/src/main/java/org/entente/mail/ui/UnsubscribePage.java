package org.entente.mail.ui;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.entente.mail.MailPreferences;
import org.entente.mail.UnsubscribeTokens;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;
import org.entente.workstream.Notifications;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.HtmlUtils;

/**
 * The one-click unsubscribe link of every mail ({@code /mail/unsubscribe?token=…}), open without signing in
 * ({@link UnsubscribeSecurity}) and bound to its signed token. GET shows what the link turns off and a button to
 * confirm (a link scanner or preview that fetches the page changes nothing); POST turns it off: the button, or a mail
 * client's RFC 8058 one-click POST ({@code List-Unsubscribe=One-Click}). A forged or changed token gets a page saying
 * the link is not valid (HTTP 400), and nothing changes.
 */
@Controller
class UnsubscribePage {

    static final String PATH = "/mail/unsubscribe";

    private final MailPreferences preferences;

    UnsubscribePage(MailPreferences preferences) {
        this.preferences = preferences;
    }

    @GetMapping(PATH)
    ResponseEntity<String> confirm(@RequestParam(name = "token", required = false) String token,
            HttpServletRequest request) {
        Locale locale = Language.orDefault(request.getLocale()).locale();
        Optional<UnsubscribeTokens.Subject> subject = preferences.unsubscribeTarget(token);
        if (subject.isEmpty()) {
            return refused(locale);
        }
        String body = "<p id=\"unsubscribe-what\">" + escape(what(locale, subject.get())) + "</p>"
                + "<form method=\"post\" action=\"" + escape(PATH + "?token=" + token) + "\">"
                + "<button type=\"submit\" id=\"unsubscribe-confirm\">"
                + escape(Translations.text(locale, "mail.unsubscribe.confirm")) + "</button></form>"
                + "<p>" + escape(Translations.text(locale, "mail.unsubscribe.account")) + "</p>";
        return page(HttpStatus.OK, locale, Translations.text(locale, "mail.unsubscribe.title"), body);
    }

    @PostMapping(PATH)
    ResponseEntity<String> unsubscribe(@RequestParam(name = "token", required = false) String token,
            HttpServletRequest request) {
        Locale locale = Language.orDefault(request.getLocale()).locale();
        Optional<UnsubscribeTokens.Subject> subject = preferences.unsubscribeTarget(token);
        Optional<List<Notifications.Kind>> off = preferences.unsubscribe(token);
        if (subject.isEmpty() || off.isEmpty()) {
            return refused(locale);
        }
        String body = "<p id=\"unsubscribe-done\">" + escape(subject.get().wholeDigest()
                ? Translations.text(locale, "mail.unsubscribe.doneDigest")
                : Translations.text(locale, "mail.unsubscribe.done", label(locale, subject.get().kinds().getFirst())))
                + "</p><p>" + escape(Translations.text(locale, "mail.unsubscribe.account")) + "</p>";
        return page(HttpStatus.OK, locale, Translations.text(locale, "mail.unsubscribe.title"), body);
    }

    private static String what(Locale locale, UnsubscribeTokens.Subject subject) {
        return subject.wholeDigest() ? Translations.text(locale, "mail.unsubscribe.askDigest")
                : Translations.text(locale, "mail.unsubscribe.ask", label(locale, subject.kinds().getFirst()));
    }

    private static String label(Locale locale, Notifications.Kind kind) {
        return Translations.text(locale, "notification.kind." + kind.name());
    }

    private static ResponseEntity<String> refused(Locale locale) {
        return page(HttpStatus.BAD_REQUEST, locale, Translations.text(locale, "mail.unsubscribe.invalidTitle"),
                "<p id=\"unsubscribe-invalid\">" + escape(Translations.text(locale, "mail.unsubscribe.invalid")) + "</p>");
    }

    private static ResponseEntity<String> page(HttpStatus status, Locale locale, String title, String body) {
        String html = "<!DOCTYPE html><html lang=\"" + locale.getLanguage() + "\"><head><meta charset=\"UTF-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
                + "<meta name=\"robots\" content=\"noindex\"><title>" + escape(title) + "</title>"
                + "<style>body{font-family:system-ui,sans-serif;max-width:40rem;margin:3rem auto;padding:0 1rem;"
                + "color:#1a1a1a}button{font:inherit;padding:.5rem 1rem;background:#1a56b0;color:#fff;border:0;"
                + "border-radius:4px}button:focus-visible{outline:3px solid #1a1a1a;outline-offset:2px}</style>"
                + "</head><body><main><h1>" + escape(title) + "</h1>" + body + "</main></body></html>";
        return ResponseEntity.status(status).contentType(new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8))
                .header("Cache-Control", "no-store").body(html);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text, "UTF-8");
    }
}
