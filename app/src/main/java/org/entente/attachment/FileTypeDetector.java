package org.entente.attachment;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.tika.Tika;
import org.apache.tika.mime.MediaType;
import org.apache.tika.mime.MediaTypeRegistry;
import org.apache.tika.mime.MimeTypes;
import org.springframework.stereotype.Component;

/** What a file really is (from its bytes) and whether that agrees with its name. */
@Component
class FileTypeDetector {

    private final Tika tika = new Tika();
    private final MediaTypeRegistry registry = MimeTypes.getDefaultMimeTypes().getMediaTypeRegistry();

    /** The type the name claims, e.g. application/pdf for "plan.pdf". */
    String byName(String fileName) {
        return tika.detect(fileName);
    }

    /** The type the content shows, without looking at the name. */
    String byContent(byte[] content) {
        try {
            return tika.detect(new ByteArrayInputStream(content));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * True if the content is of the claimed type, or of a more general type the claimed one specializes
     * (a .docx is a ZIP/OOXML container, a .csv is plain text).
     */
    boolean agrees(String claimed, String detected) {
        MediaType claimedType = MediaType.parse(claimed);
        MediaType detectedType = MediaType.parse(detected);
        return claimedType.equals(detectedType) || registry.isSpecializationOf(claimedType, detectedType);
    }
}
