package org.entente.briefing.ui;

import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.icon.VaadinIcon;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.entente.briefing.Briefing;
import org.entente.briefing.BriefingDownload;
import org.entente.briefing.BriefingService;

/** How the briefing screens write times and sizes, and the one download link they offer. */
final class BriefingTexts {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    private BriefingTexts() {
    }

    static String time(Instant instant) {
        return instant == null ? "" : TIME.format(instant);
    }

    static String size(Long bytes) {
        if (bytes == null) {
            return "";
        }
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return Math.round(bytes / 1024.0) + " KB";
        }
        return String.format(Locale.UK, "%.1f MB", bytes / (1024.0 * 1024.0));
    }

    /**
     * A link that downloads the briefing's workbook. The service checks, when the link is followed, that the
     * briefing is the signed-in coordinator's organization's and ready, and records the download.
     */
    static Anchor download(BriefingService briefings, Briefing briefing, String text) {
        Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> briefings.download(briefing.id())
                .map(file -> new DownloadResponse(file.content(), file.fileName(), BriefingDownload.MEDIA_TYPE,
                        file.size()))
                .orElse(DownloadResponse.error(404, "This briefing does not exist, is not ready or is not your "
                        + "organization's."))), "");
        link.add(VaadinIcon.DOWNLOAD_ALT.create());
        link.add(new com.vaadin.flow.component.html.Span(" " + text));
        link.setDownload(true);
        link.getElement().setAttribute("aria-label", "Download " + briefing.fileName());
        link.getElement().setAttribute("title", "Download " + briefing.fileName());
        return link;
    }
}
