package org.entente.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testing.DemoActors.NORWAY;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.entente.attachment.Attachment;
import org.entente.attachment.AttachmentService;
import org.entente.db.embedded.LocalPostgres;
import org.entente.initiative.Mechanism;
import org.entente.platform.validation.InvalidInput;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.DemoActors;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 10, part 3, uploads: each hostile file is either refused with a message for the file field and nothing
 * stored (no row, no audit event, no activity), or kept as an opaque file: the bytes exactly as sent, under a
 * type from the accepted list that a browser never runs (no HTML, SVG or script), never opened or unpacked by
 * the app. Downloads go out through Vaadin's download handler as an attachment (not inline), with the app's
 * X-Content-Type-Options: nosniff (HttpHygieneIT).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileUploadIT extends AppIntegrationTest {

    enum Outcome { REFUSED, KEPT_OPAQUE }

    /** Types a browser would render or run if served inline. */
    static final Set<String> ACTIVE_TYPES = Set.of("text/html", "application/xhtml+xml", "image/svg+xml",
            "application/javascript", "text/javascript", "application/xml", "text/xml");

    static final byte[] PDF_HEAD = "%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n".getBytes(StandardCharsets.US_ASCII);
    static final byte[] WINDOWS_EXE = {'M', 'Z', (byte) 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0, (byte) 0xFF, (byte) 0xFF, 0, 0,
            (byte) 0xB8, 0, 0, 0, 0, 0, 0, 0, 0x40, 0, 0, 0, 'P', 'E', 0, 0};
    static final byte[] LINUX_ELF = {0x7F, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2, 0, 0x3E, 0, 1, 0, 0, 0};
    static final String SCRIPT = "<html><body><script>alert(document.cookie)</script></body></html>\n";

    @Autowired
    AttachmentService attachments;
    @Autowired
    WorkstreamService workstreams;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    LocalPostgres postgres;

    DemoActors actors;
    SuperuserDatabase database;
    Workstream workstream;

    @BeforeAll
    void aWorkstreamToUploadTo() {
        actors = new DemoActors(transactionManager);
        database = new SuperuserDatabase(postgres);
        workstream = actors.as(NORWAY, () -> workstreams.create(new WorkstreamDraft("Hostile uploads " + UUID.randomUUID(),
                "", Releasability.PARTICIPANTS, List.of(), null, null, null,
                new KindDetails.Initiative(Mechanism.CAPACITY_BUILDING, List.of()))));
    }

    Stream<Arguments> hostileFiles() {
        long max = 10L * 1024 * 1024; // the default limit (entente.attachments.max-size); checked below
        return Stream.of(
                Arguments.of("zero bytes", "empty.pdf", (Supplier<byte[]>) () -> new byte[0], Outcome.REFUSED, "empty"),
                Arguments.of("one byte over the limit", "huge.pdf", (Supplier<byte[]>) () -> pdfOf((int) max + 1),
                        Outcome.REFUSED, "larger than"),
                Arguments.of("Windows executable named .pdf", "minutes.pdf", (Supplier<byte[]>) () -> WINDOWS_EXE,
                        Outcome.REFUSED, "does not match"),
                Arguments.of("Linux executable named .pdf", "minutes.pdf", (Supplier<byte[]>) () -> LINUX_ELF,
                        Outcome.REFUSED, "does not match"),
                Arguments.of("Linux executable named .txt", "notes.txt", (Supplier<byte[]>) () -> LINUX_ELF,
                        Outcome.REFUSED, "does not match"),
                Arguments.of("executable under its own name", "tool.exe", (Supplier<byte[]>) () -> WINDOWS_EXE,
                        Outcome.REFUSED, "not accepted"),
                Arguments.of("HTML page named .txt", "notes.txt", (Supplier<byte[]>) () -> ascii(SCRIPT),
                        Outcome.REFUSED, "does not match"),
                Arguments.of("SVG with script named .png", "chart.png", (Supplier<byte[]>) () -> ascii(
                        "<?xml version=\"1.0\"?><svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"),
                        Outcome.REFUSED, "does not match"),
                Arguments.of("HTML page named .html", "page.html", (Supplier<byte[]>) () -> ascii(SCRIPT),
                        Outcome.REFUSED, "not accepted"),
                Arguments.of("GIF/JavaScript polyglot named .png", "logo.png",
                        (Supplier<byte[]>) () -> ascii("GIF89a/*\u0001\u0001\u0000\u0000*/=alert(1);//" + SCRIPT),
                        Outcome.REFUSED, "does not match"),
                Arguments.of("GIF/JavaScript polyglot named .gif", "logo.gif",
                        (Supplier<byte[]>) () -> ascii("GIF89a/*\u0001\u0001\u0000\u0000*/=alert(1);//" + SCRIPT),
                        Outcome.REFUSED, "not accepted"),
                Arguments.of("PDF/HTML polyglot named .pdf", "brief.pdf",
                        (Supplier<byte[]>) () -> concat(PDF_HEAD, ascii(SCRIPT + "%%EOF\n")), Outcome.KEPT_OPAQUE, null),
                Arguments.of("zip bomb named .xlsx (256 MB of zeros inside)", "budget.xlsx",
                        (Supplier<byte[]>) () -> zipBomb(256), Outcome.KEPT_OPAQUE, null),
                Arguments.of("zip bomb named .pdf", "budget.pdf", (Supplier<byte[]>) () -> zipBomb(16), Outcome.REFUSED,
                        "does not match"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("hostileFiles")
    void isRefusedWithAMessageOrKeptAsAnOpaqueFile(String what, String fileName, Supplier<byte[]> bytes, Outcome expected,
            String message) {
        assertThat(attachments.policy().maxSize().toBytes()).isEqualTo(10L * 1024 * 1024);
        byte[] content = bytes.get();
        List<Object> before = state();
        Attachment stored = null;
        InvalidInput refused = null;
        try {
            stored = actors.as(NORWAY, () -> attachments.upload(workstream.ref(), fileName, content,
                    Releasability.PARTICIPANTS, List.of()));
        } catch (InvalidInput e) {
            refused = e;
        } catch (RuntimeException e) {
            fail(what + " failed with " + e.getClass().getName() + " instead of a message", e);
        }

        if (expected == Outcome.REFUSED) {
            assertThat(refused).as(what + " is refused").isNotNull();
            assertThat(refused.fieldErrors()).containsKey("file");
            assertThat(refused.fieldErrors().get("file")).contains(message);
            assertThat(state()).as("nothing of a refused upload is stored").isEqualTo(before);
        } else {
            assertThat(refused).as(what + " is kept as an opaque file").isNull();
            UUID id = stored.id();
            String type = stored.mediaType();
            assertThat(type).isIn(attachments.policy().allowedTypes()).isNotIn(ACTIVE_TYPES);
            assertThat(actors.as(NORWAY, () -> attachments.download(workstream.ref(), id)))
                    .hasValueSatisfying(d -> {
                        assertThat(d.content()).isEqualTo(content);
                        assertThat(d.mediaType()).isEqualTo(type);
                    });
            assertThat(database.query("select content, media_type from attachment where id = ?", id).getFirst())
                    .containsExactly(content, type);
        }
    }

    private List<Object> state() {
        return List.of(count("attachment"), count("audit_event"), count("activity"));
    }

    private Object count(String table) {
        return database.query("select count(*) from " + table + " where tenant_id = ?", NORWAY.tenantId())
                .getFirst().getFirst();
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.ISO_8859_1);
    }

    private static byte[] pdfOf(int size) {
        byte[] content = new byte[size];
        System.arraycopy(PDF_HEAD, 0, content, 0, PDF_HEAD.length);
        return content;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] both = new byte[a.length + b.length];
        System.arraycopy(a, 0, both, 0, a.length);
        System.arraycopy(b, 0, both, a.length, b.length);
        return both;
    }

    /** A small zip (about a thousandth of its content) whose one entry inflates to {@code megabytes} of zeros. */
    private static byte[] zipBomb(int megabytes) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            zip.setLevel(9);
            zip.putNextEntry(new ZipEntry("xl/worksheets/sheet1.xml"));
            byte[] zeros = new byte[1024 * 1024];
            for (int i = 0; i < megabytes; i++) {
                zip.write(zeros);
            }
            zip.closeEntry();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        byte[] bomb = out.toByteArray();
        assertThat(bomb.length).as("the bomb is small").isLessThan(megabytes * 1024 * 1024 / 500);
        return bomb;
    }
}
