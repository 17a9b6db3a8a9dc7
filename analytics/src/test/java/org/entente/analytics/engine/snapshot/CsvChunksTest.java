package org.entente.analytics.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.entente.analytics.engine.TestPostgres;
import org.junit.jupiter.api.Test;

class CsvChunksTest {

    @Test
    void chunksEndOnlyAtRowEndsEvenWhenAQuotedValueHoldsANewline() throws IOException {
        Path staging = TestPostgres.freshDirectory("csv-chunks");
        List<String> chunks = new ArrayList<>();
        List<Long> reported = new ArrayList<>();
        String csv = "1,plain\n2,\"two\nlines, \"\"quoted\"\"\"\n3,\"\"\n4,\n";
        try (CsvChunks out = new CsvChunks(staging, "t", 8, chunk -> {
            chunks.add(Files.readString(chunk));
            Files.delete(chunk);
        }, reported::add)) {
            byte[] bytes = csv.getBytes(StandardCharsets.UTF_8);
            // Arbitrary write boundaries, as a stream may deliver them.
            for (int i = 0; i < bytes.length; i += 3) {
                out.write(bytes, i, Math.min(3, bytes.length - i));
            }
            out.flush();
            assertThat(out.rows()).isEqualTo(4);
        }
        assertThat(String.join("", chunks)).isEqualTo(csv);
        assertThat(chunks).allMatch(chunk -> chunk.endsWith("\n"));
        assertThat(chunks).hasSizeGreaterThan(1);
        assertThat(chunks).noneMatch(chunk -> chunk.startsWith("lines"));
        try (Stream<Path> left = Files.list(staging)) {
            assertThat(left).isEmpty();
        }
    }

    @Test
    void anInterruptedThreadStopsTheCopyAndAbandonLeavesNoFile() throws IOException {
        Path staging = TestPostgres.freshDirectory("csv-chunks-interrupted");
        CsvChunks out = new CsvChunks(staging, "t", 1 << 20, chunk -> { }, rows -> { });
        out.write("1,a\n".getBytes(StandardCharsets.UTF_8));
        Thread.currentThread().interrupt();
        try {
            assertThatThrownBy(() -> out.write("2,b\n".getBytes(StandardCharsets.UTF_8)))
                    .isInstanceOf(InterruptedIOException.class);
        } finally {
            assertThat(Thread.interrupted()).isTrue();
        }
        out.abandon();
        try (Stream<Path> left = Files.list(staging)) {
            assertThat(left).isEmpty();
        }
    }
}
