package org.entente.briefing;

import java.io.BufferedOutputStream;
import java.io.FilterOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Where briefing workbooks live: {@code <root>/<tenant id>/<briefing id>.xlsx}. A workbook is written to
 * {@code .<briefing id>.xlsx.part} beside it, forced to disk, and renamed atomically only once it is complete, so a
 * file under its final name is always a whole workbook. Names come from ids only, never from input. The folder may be
 * shared by several app instances: a part is some instance's work in progress until its briefing's lease has passed.
 */
@Component
final class BriefingFiles {

    private static final Logger log = LoggerFactory.getLogger(BriefingFiles.class);
    private static final String PART = ".xlsx.part";

    private final Path root;

    /** Under {@code entente.briefings.directory}, else {@code <entente.data-dir>/briefings}. */
    BriefingFiles(BriefingProperties properties, @Value("${entente.data-dir:.data}") Path dataDirectory) {
        Path root = properties.directory() != null ? properties.directory() : dataDirectory.resolve("briefings");
        this.root = root.toAbsolutePath().normalize();
    }

    Path root() {
        return root;
    }

    Path file(UUID tenantId, UUID briefingId) {
        return root.resolve(tenantId.toString()).resolve(briefingId + ".xlsx");
    }

    /** A workbook being written; {@link Writing#complete()} puts it in place, closing without it discards it. */
    Writing start(UUID tenantId, UUID briefingId) throws IOException {
        Path target = file(tenantId, briefingId);
        Files.createDirectories(target.getParent());
        return new Writing(part(target, briefingId), target);
    }

    boolean exists(UUID tenantId, UUID briefingId) {
        return Files.isRegularFile(file(tenantId, briefingId));
    }

    /** Opens a complete workbook, or null when there is none (any more). */
    InputStream open(UUID tenantId, UUID briefingId) {
        Path file = file(tenantId, briefingId);
        try {
            return Files.newInputStream(file);
        } catch (java.nio.file.NoSuchFileException e) {
            return null;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    void delete(UUID tenantId, UUID briefingId) {
        deleteQuietly(file(tenantId, briefingId));
    }

    /** Removes the unfinished part of a briefing, whose generation will not finish (its instance died). */
    void discardPart(UUID tenantId, UUID briefingId) {
        deleteQuietly(part(file(tenantId, briefingId), briefingId));
    }

    /**
     * Which of a tenant's briefings an app instance may still be writing; the part files of the others are
     * leftovers.
     */
    @FunctionalInterface
    interface Leases {
        Set<UUID> held(UUID tenantId, Set<UUID> briefingIds);
    }

    /**
     * Removes unfinished parts that nobody is writing any more. The folder is shared by all app instances, so a part
     * goes only when its briefing is not {@linkplain Leases#held held} by a live instance; a part whose name carries
     * no ids (not written by this class) only once untouched for longer than {@code lease}.
     */
    void removeLeftovers(Leases leases, Duration lease) {
        if (!Files.isDirectory(root)) {
            return;
        }
        Map<UUID, Map<UUID, Path>> parts = new HashMap<>();
        try (Stream<Path> files = Files.walk(root, 2)) {
            files.filter(f -> f.getFileName().toString().endsWith(PART)).forEach(f -> {
                UUID tenant = uuid(f.getParent().getFileName().toString());
                String name = f.getFileName().toString();
                UUID briefing = name.startsWith(".") ? uuid(name.substring(1, name.length() - PART.length())) : null;
                if (tenant != null && briefing != null && f.getParent().getParent().equals(root)) {
                    parts.computeIfAbsent(tenant, t -> new HashMap<>()).put(briefing, f);
                } else if (untouchedFor(f, lease)) {
                    deleteQuietly(f);
                }
            });
        } catch (IOException | UncheckedIOException e) {
            log.warn("Could not look for unfinished briefings under {}", root, e);
            return;
        }
        parts.forEach((tenant, ofTenant) -> {
            Set<UUID> held;
            try {
                held = leases.held(tenant, Set.copyOf(ofTenant.keySet()));
            } catch (RuntimeException e) {
                log.warn("Could not tell whether the unfinished briefings of {} are still being written; kept", tenant, e);
                return;
            }
            ofTenant.forEach((briefing, part) -> {
                if (!held.contains(briefing)) {
                    log.info("Removing the unfinished briefing file {} (no app instance writes it any more)", part);
                    deleteQuietly(part);
                }
            });
        });
    }

    private static Path part(Path target, UUID briefingId) {
        return target.resolveSibling("." + briefingId + PART);
    }

    private static UUID uuid(String text) {
        try {
            UUID id = UUID.fromString(text);
            return id.toString().equals(text) ? id : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean untouchedFor(Path file, Duration age) {
        try {
            return Files.getLastModifiedTime(file).toInstant().isBefore(Instant.now().minus(age));
        } catch (IOException e) {
            return false;
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            log.warn("Could not delete {}", file, e);
        }
    }

    /** One workbook on its way to disk. */
    static final class Writing implements AutoCloseable {

        private final Path part;
        private final Path target;
        private final FileChannel channel;
        private final OutputStream out;
        private boolean complete;

        private Writing(Path part, Path target) throws IOException {
            this.part = part;
            this.target = target;
            this.channel = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.TRUNCATE_EXISTING,
                    StandardOpenOption.WRITE);
            this.out = new Interruptible(new BufferedOutputStream(Channels.newOutputStream(channel), 1 << 16));
        }

        /** Where the workbook is written; stops with an {@link InterruptedIOException} once the thread is interrupted. */
        OutputStream out() {
            return out;
        }

        /** Flushes, forces to disk and closes the part; returns its size. Call {@link #complete()} after. */
        long finish() throws IOException {
            out.flush();
            channel.force(true);
            long size = channel.size();
            out.close();
            return size;
        }

        /** Renames the finished part to the workbook's name, atomically. */
        void complete() throws IOException {
            Files.move(part, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            complete = true;
        }

        /** Undoes {@link #complete()}: the workbook goes again (its row could not be marked ready). */
        void discard() {
            complete = false;
            deleteQuietly(target);
        }

        @Override
        public void close() {
            try {
                out.close();
            } catch (IOException e) {
                log.debug("Closing {}", part, e);
            }
            if (!complete) {
                deleteQuietly(part);
            }
        }
    }

    /** Lets a stopping app (or a cancelled job) end a generation at its next write. */
    private static final class Interruptible extends FilterOutputStream {

        Interruptible(OutputStream out) {
            super(out);
        }

        @Override
        public void write(int b) throws IOException {
            check();
            out.write(b);
        }

        @Override
        public void write(byte[] b, int off, int len) throws IOException {
            check();
            out.write(b, off, len);
        }

        private static void check() throws InterruptedIOException {
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedIOException("the briefing was interrupted");
            }
        }
    }
}
