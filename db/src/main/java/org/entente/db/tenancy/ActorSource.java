package org.entente.db.tenancy;

import java.util.Optional;

/**
 * Where the actor of the current request comes from when no explicit {@link TenantScope} is
 * active, e.g. the signed-in user's organization and subject in the app's security context.
 */
@FunctionalInterface
public interface ActorSource {

    /** The actor of the current thread's work, or empty when nobody is signed in to a tenant. */
    Optional<Actor> currentActor();

    /** An ActorSource that never has an actor: only explicit {@link TenantScope}s see data. */
    static ActorSource none() {
        return Optional::empty;
    }
}
