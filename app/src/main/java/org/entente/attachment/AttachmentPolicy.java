package org.entente.attachment;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * Upload limits: the largest file, and the media types accepted. A file is accepted only if the type
 * detected from its bytes agrees with the type its name claims.
 */
@ConfigurationProperties("entente.attachments")
public record AttachmentPolicy(DataSize maxSize, List<String> allowedTypes) {

    public AttachmentPolicy {
        maxSize = maxSize == null ? DataSize.ofMegabytes(10) : maxSize;
        allowedTypes = allowedTypes == null || allowedTypes.isEmpty() ? List.of(
                "application/pdf", "image/png", "image/jpeg", "text/plain", "text/csv",
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                "application/vnd.openxmlformats-officedocument.presentationml.presentation") : List.copyOf(allowedTypes);
    }
}
