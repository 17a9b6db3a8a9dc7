package org.entente.attachment;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.entente.workstream.Partner;
import org.entente.workstream.Releasability;
import org.entente.workstream.WorkstreamRef;

/** A file's metadata; the content is read only on download. */
public record Attachment(WorkstreamRef workstream, UUID id, Partner owner, String fileName, String mediaType,
        long sizeBytes, String sha256, Releasability releasability, List<UUID> relTo, OffsetDateTime createdAt) {

    public Attachment {
        relTo = List.copyOf(relTo);
    }
}
