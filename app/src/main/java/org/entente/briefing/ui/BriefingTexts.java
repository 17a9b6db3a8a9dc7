package org.entente.briefing.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Locale;
import org.entente.briefing.Briefing;
import org.entente.briefing.BriefingDownload;
import org.entente.briefing.BriefingFrequency;
import org.entente.briefing.BriefingService;
import org.entente.platform.i18n.Formats;
import org.entente.platform.i18n.Translations;

/** How the briefing screens write times, sizes and frequencies in the reader's language, and the one download link. */
final class BriefingTexts {

    private BriefingTexts() {
    }

    /** "7 Dec 2026, 14:05 UTC" / "7 déc. 2026, 14:05 UTC". */
    static String time(Instant instant, Locale locale) {
        return instant == null ? "" : Formats.dateTimeUtc(locale, instant.atOffset(ZoneOffset.UTC));
    }

    /** "512 B", "12 KB", "1.5 MB" / "512 o", "12 Ko", "1,5 Mo". */
    static String size(Long bytes, Locale locale) {
        if (bytes == null) {
            return "";
        }
        if (bytes < 1024) {
            return Translations.text(locale, "briefing.size.bytes", bytes);
        }
        if (bytes < 1024 * 1024) {
            return Translations.text(locale, "briefing.size.kilobytes", Math.round(bytes / 1024.0));
        }
        return Translations.text(locale, "briefing.size.megabytes", bytes / (1024.0 * 1024.0));
    }

    /** "Weekly (every Monday)". */
    static String frequency(BriefingFrequency frequency, Locale locale) {
        return Translations.text(locale, "briefing.frequency.label", Translations.label(locale, frequency),
                Translations.text(locale, "briefing.frequency.when." + frequency.name()));
    }

    /**
     * A link that downloads the briefing's workbook. The service checks, when the link is followed, that the
     * briefing is the signed-in coordinator's organization's and ready, and records the download.
     */
    static Anchor download(BriefingService briefings, Briefing briefing, String text) {
        Locale locale = UI.getCurrent().getLocale();
        String missing = Translations.text(locale, "briefing.download.missing");
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> briefings.download(briefing.id())
                .map(file -> new DownloadResponse(file.content(), file.fileName(), BriefingDownload.MEDIA_TYPE,
                        file.size()))
                .orElse(DownloadResponse.error(404, missing))), "");
        link.add(VaadinIcon.DOWNLOAD_ALT.create());
        link.add(new com.vaadin.flow.component.html.Span(" " + text));
        link.setDownload(true);
        String label = Translations.text(locale, "briefing.download.label", briefing.fileName());
        link.getElement().setAttribute("aria-label", label);
        link.getElement().setAttribute("title", label);
        return link;
    }
}
