package org.entente.testing;

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
            throw new AssertionError("Waited " + patience + " for: " + what, e);
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
