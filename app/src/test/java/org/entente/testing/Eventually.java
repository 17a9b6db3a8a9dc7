package org.entente.testing;

import com.sun.management.HotSpotDiagnosticMXBean;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.function.Supplier;
import org.openqa.selenium.support.ui.FluentWait;

/** Waits for a condition that other threads or instances bring about: polls it, and fails after a deadline. */
public final class Eventually {

    private static final Duration POLL = Duration.ofMillis(50);

    private Eventually() {
    }

    /** The value {@code probe} finds, once it finds one; an AssertionError naming {@code what} after {@code patience}. */
    public static <T> T value(String what, Duration patience, Supplier<Optional<T>> probe) {
        try {
            return new FluentWait<>(probe).withTimeout(patience).pollingEvery(POLL)
                    .until(p -> p.get().orElse(null));
        } catch (org.openqa.selenium.TimeoutException e) {
            throw new AssertionError("Waited " + patience + " for: " + what + threadDump(what), e);
        }
    }

    /**
     * Every thread of this JVM, virtual ones included, written where the failure can be read after the run: what a
     * wait that timed out in the full suite (and never alone) was stuck behind.
     */
    private static String threadDump(String what) {
        try {
            Path folder = Path.of("target", "thread-dumps").toAbsolutePath();
            Files.createDirectories(folder);
            Path file = folder.resolve(what.replaceAll("[^A-Za-z0-9]+", "-") + "-" + System.nanoTime() + ".txt");
            ManagementFactory.getPlatformMXBean(HotSpotDiagnosticMXBean.class)
                    .dumpThreads(file.toString(), HotSpotDiagnosticMXBean.ThreadDumpFormat.TEXT_PLAIN);
            return " (threads: " + file + ")";
        } catch (IOException | RuntimeException e) {
            return " (no thread dump: " + e + ")";
        }
    }

    /** Runs {@code assertion} until it passes; after {@code patience}, fails with its last failure. */
    public static void within(Duration patience, Runnable assertion) {
        try {
            new FluentWait<>(assertion).withTimeout(patience).pollingEvery(POLL).ignoring(AssertionError.class)
                    .until(a -> {
                        a.run();
                        return true;
                    });
        } catch (org.openqa.selenium.TimeoutException e) {
            throw e.getCause() instanceof AssertionError last ? last : new AssertionError("Waited " + patience, e);
        }
    }
}
