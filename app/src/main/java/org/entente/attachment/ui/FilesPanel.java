package org.entente.attachment.ui;

import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.entente.attachment.Attachment;
import org.entente.attachment.AttachmentService;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;
import org.entente.platform.i18n.ui.Localized;
import org.entente.platform.ui.Feedback;
import org.entente.platform.validation.InvalidInput;
import org.entente.workstream.Participant;
import org.entente.workstream.Partner;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamService;
import org.entente.workstream.ui.ReleasabilityChooser;

/** Files of the workstream: upload with a releasability, download what the organization may see. */
class FilesPanel extends VerticalLayout {

    private final Workstream workstream;
    private final AttachmentService attachments;
    private final Grid<Attachment> grid = new Grid<>(Attachment.class, false);

    FilesPanel(Workstream workstream, AttachmentService attachments, WorkstreamService workstreams,
            PartnerDirectory partners, UUID ownTenant) {
        this.workstream = workstream;
        this.attachments = attachments;
        setPadding(false);

        ReleasabilityChooser audience = new ReleasabilityChooser("file", workstream, workstreams, ownTenant);

        // The callback runs in the upload request (signed-in user, own transaction); only feedback needs the UI lock.
        Upload upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            RuntimeException failure = null;
            try {
                attachments.upload(workstream.ref(), metadata.fileName(), bytes, audience.value(), audience.relToIds());
            } catch (RuntimeException e) {
                failure = e;
            }
            RuntimeException outcome = failure;
            getUI().ifPresent(ui -> ui.access(() -> {
                if (outcome == null) {
                    Feedback.success(ui.getTranslation("attachment.files.uploaded", metadata.fileName()));
                    refresh();
                } else if (outcome instanceof InvalidInput invalid && invalid.fieldTexts().containsKey("file")) {
                    Feedback.error(invalid.fieldTexts().get("file"));
                } else {
                    Feedback.show(outcome, Map.of("relTo", audience.relTo, "releasability", audience.releasability),
                            this::refresh);
                }
            }));
        }));
        upload.setId("file-upload");
        upload.setMaxFileSize((int) Math.min(Integer.MAX_VALUE, attachments.policy().maxSize().toBytes()));
        Localized.upload(upload);
        upload.setDropLabel(new Span(getTranslation("attachment.files.dropLabel",
                attachments.policy().maxSize().toMegabytes())));
        upload.addFileRejectedListener(e -> Feedback.error(e.getErrorMessage()));

        grid.setId("files");
        String notShared = getTranslation("attachment.files.notShared");
        grid.addComponentColumn(a -> {
            Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> attachments.download(a.workstream(), a.id())
                    .map(f -> new DownloadResponse(new ByteArrayInputStream(f.content()), f.fileName(), f.mediaType(),
                            f.content().length))
                    .orElse(DownloadResponse.error(404, notShared))),
                    a.fileName());
            link.setDownload(true);
            return link;
        }).setHeader(getTranslation("attachment.files.file")).setFlexGrow(2);
        grid.addColumn(a -> a.owner().name()).setHeader(getTranslation("attachment.files.organization")).setAutoWidth(true);
        grid.addColumn(a -> a.mediaType()).setHeader(getTranslation("attachment.files.type")).setAutoWidth(true);
        grid.addColumn(a -> humanSize(getLocale(), a.sizeBytes())).setHeader(getTranslation("attachment.files.size")).setAutoWidth(true);
        grid.addColumn(a -> DateTimeFormatter.ISO_LOCAL_DATE.format(a.createdAt())).setHeader(getTranslation("attachment.files.added")).setAutoWidth(true);
        grid.addComponentColumn(a -> {
            Span marking = new Span(partners.marking(a.releasability(), a.relTo(), a.owner().id()));
            marking.getElement().getThemeList().add("badge contrast small");
            return marking;
        }).setHeader(getTranslation("attachment.files.releasability")).setAutoWidth(true);
        grid.addColumn(a -> a.sha256().substring(0, 12) + "…").setHeader("SHA-256").setAutoWidth(true); // i18n-ok: the algorithm's name
        grid.setEmptyStateText(getTranslation("attachment.files.empty"));
        grid.setAllRowsVisible(true);

        add(new HorizontalLayout(audience.releasability, audience.relTo), upload, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(attachments.of(workstream.ref()));
    }

    /** "512 B", "1.5 KB", "2.0 MB" (one decimal, written as the language writes it: "1,5 Ko" in French). */
    static String humanSize(Locale locale, long bytes) {
        if (bytes < 1024) {
            return Translations.text(locale, "attachment.size.bytes", String.valueOf(bytes));
        }
        NumberFormat oneDecimal = NumberFormat.getNumberInstance(Language.orDefault(locale).locale());
        oneDecimal.setMinimumFractionDigits(1);
        oneDecimal.setMaximumFractionDigits(1);
        oneDecimal.setGroupingUsed(false);
        if (bytes < 1024 * 1024) {
            return Translations.text(locale, "attachment.size.kilobytes", oneDecimal.format(bytes / 1024.0));
        }
        return Translations.text(locale, "attachment.size.megabytes", oneDecimal.format(bytes / (1024.0 * 1024)));
    }
}
