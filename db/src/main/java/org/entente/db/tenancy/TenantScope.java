package org.entente.db.tenancy;

import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * An explicit actor for work that runs without a signed-in request: tests, background jobs,
 * login-time provisioning. Transactions started inside the scope on the same thread act as that
 * actor ({@link TenantTransactionManager}); scopes nest, and the previous actor is restored after.
 *
 * <p>The scope applies to transactions <em>begun</em> inside it: open the transaction inside the
 * scope, not the other way round.
 */
public final class TenantScope {

    private static final ThreadLocal<Actor> CURRENT = new ThreadLocal<>();

    private TenantScope() {
    }

    /** Runs {@code work} as {@code actor} and returns its result. */
    public static <T> T callAs(Actor actor, Supplier<T> work) {
        Objects.requireNonNull(actor, "actor");
        Actor previous = CURRENT.get();
        CURRENT.set(actor);
        try {
            return work.get();
        } finally {
            if (previous == null) {
                CURRENT.remove();
            } else {
                CURRENT.set(previous);
            }
        }
    }

    /** Runs {@code work} as {@code actor}. */
    public static void runAs(Actor actor, Runnable work) {
        callAs(actor, () -> {
            work.run();
            return null;
        });
    }

    /** The actor of the innermost scope on this thread, if any. */
    public static Optional<Actor> current() {
        return Optional.ofNullable(CURRENT.get());
    }
}
