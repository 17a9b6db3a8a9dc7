package org.entente.platform.validation;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** An uploaded text file read as strict UTF-8: bytes that are not UTF-8 are refused, never replaced by "?". */
public final class UploadedText {

    private UploadedText() {
    }

    /** The text, without the byte-order mark spreadsheets put first; empty when the bytes are not UTF-8. */
    public static Optional<String> utf8(byte[] content) {
        try {
            String text = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(content)).toString();
            return Optional.of(text.startsWith("\uFEFF") ? text.substring(1) : text);
        } catch (CharacterCodingException e) {
            return Optional.empty();
        }
    }
}
