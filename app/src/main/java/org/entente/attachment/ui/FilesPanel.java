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
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.UUID;
import org.entente.attachment.Attachment;
import org.entente.attachment.AttachmentService;
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
                    Feedback.success(metadata.fileName() + " uploaded.");
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
        upload.setDropLabel(new Span("Drop a file here (up to " + attachments.policy().maxSize().toMegabytes() + " MB: "
                + "PDF, images, text, CSV, Office documents)"));
        upload.addFileRejectedListener(e -> Feedback.error(e.getErrorMessage()));

        grid.setId("files");
        grid.addComponentColumn(a -> {
            Anchor link = new Anchor(DownloadHandler.fromInputStream(event -> attachments.download(a.workstream(), a.id())
                    .map(f -> new DownloadResponse(new ByteArrayInputStream(f.content()), f.fileName(), f.mediaType(),
                            f.content().length))
                    .orElse(DownloadResponse.error(404, "This file does not exist or is not shared with you."))),
                    a.fileName());
            link.setDownload(true);
            return link;
        }).setHeader("File").setFlexGrow(2);
        grid.addColumn(a -> a.owner().name()).setHeader("Organization").setAutoWidth(true);
        grid.addColumn(a -> a.mediaType()).setHeader("Type").setAutoWidth(true);
        grid.addColumn(a -> humanSize(a.sizeBytes())).setHeader("Size").setAutoWidth(true);
        grid.addColumn(a -> DateTimeFormatter.ISO_LOCAL_DATE.format(a.createdAt())).setHeader("Added").setAutoWidth(true);
        grid.addComponentColumn(a -> {
            Span marking = new Span(partners.marking(a.releasability(), a.relTo(), a.owner().id()));
            marking.getElement().getThemeList().add("badge contrast small");
            return marking;
        }).setHeader("Releasability").setAutoWidth(true);
        grid.addColumn(a -> a.sha256().substring(0, 12) + "…").setHeader("SHA-256").setAutoWidth(true);
        grid.setEmptyStateText("No files you may see yet.");
        grid.setAllRowsVisible(true);

        add(new HorizontalLayout(audience.releasability, audience.relTo), upload, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(attachments.of(workstream.ref()));
    }

    static String humanSize(long bytes) {
        if (bytes < 1024) {
            return bytes + " B";
        }
        if (bytes < 1024 * 1024) {
            return String.format("%.1f KB", bytes / 1024.0);
        }
        return String.format("%.1f MB", bytes / (1024.0 * 1024));
    }
}
