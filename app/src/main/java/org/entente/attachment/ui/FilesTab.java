package org.entente.attachment.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.entente.attachment.AttachmentService;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.WorkstreamService;
import org.entente.workstream.ui.WorkstreamTab;

/** Puts the Files tab on the workstream page. */
@org.springframework.stereotype.Component
class FilesTab implements WorkstreamTab {

    private final AttachmentService attachments;
    private final WorkstreamService workstreams;
    private final PartnerDirectory partners;

    FilesTab(AttachmentService attachments, WorkstreamService workstreams, PartnerDirectory partners) {
        this.attachments = attachments;
        this.workstreams = workstreams;
        this.partners = partners;
    }

    @Override
    public int order() {
        return 500;
    }

    @Override
    public String key() {
        return "files";
    }

    @Override
    public Optional<Component> create(Context context) {
        return Optional.of(new FilesPanel(context.workstream(), attachments, workstreams, partners,
                context.viewerTenantId()));
    }
}
