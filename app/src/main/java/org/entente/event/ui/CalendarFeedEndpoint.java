package org.entente.event.ui;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Locale;
import org.entente.event.CalendarExport;
import org.entente.event.CalendarFeeds;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code GET /calendar/feed/{token}.ics}: a person's calendar feed for their calendar client, open without signing
 * in ({@link CalendarFeedSecurity}) and bound to the secret in the token instead. A revoked or long-unused feed gets
 * 410 with a plain-text reason; an unknown token 404. No session is made.
 */
@Controller
class CalendarFeedEndpoint {

    static final String PREFIX = "/calendar/feed/";

    private final CalendarFeeds feeds;

    CalendarFeedEndpoint(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping(PREFIX + "{file}")
    ResponseEntity<byte[]> feed(@PathVariable("file") String file, HttpServletRequest request) {
        Locale locale = Language.orDefault(request.getLocale()).locale();
        String token = file.endsWith(".ics") ? file.substring(0, file.length() - 4) : file;
        return switch (feeds.read(token)) {
            case CalendarFeeds.Answer.Calendar calendar -> ResponseEntity.ok()
                    .contentType(MediaType.parseMediaType(CalendarExport.TYPE + ";charset=UTF-8"))
                    .header("Cache-Control", "no-store")
                    .body(calendar.ics());
            case CalendarFeeds.Answer.Gone gone -> text(HttpStatus.GONE,
                    Translations.text(locale, gone.expired() ? "event.feed.gone.expired" : "event.feed.gone.revoked"));
            case CalendarFeeds.Answer.Unknown unknown -> text(HttpStatus.NOT_FOUND,
                    Translations.text(locale, "event.feed.unknown"));
        };
    }

    private static ResponseEntity<byte[]> text(HttpStatus status, String body) {
        return ResponseEntity.status(status).contentType(MediaType.parseMediaType("text/plain;charset=UTF-8"))
                .body((body + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }
}
