package org.entente.tenant;

import java.io.Serializable;
import java.util.List;
import java.util.UUID;

/** Which tenant a signed-in person acts for, decided once at sign-in from the token. */
public sealed interface Affiliation extends Serializable {

    /** Member of exactly one registered organization: the tenant of every transaction. */
    record Affiliated(UUID tenantId, String alias) implements Affiliation {
    }

    /** The token carries no organization. */
    record Unaffiliated() implements Affiliation {
    }

    /** The token names several organizations; Entente acts for one tenant per account. */
    record Ambiguous(List<String> aliases) implements Affiliation {
    }

    /** The organization exists in Keycloak but Entente cannot register it (its kind is unknown). */
    record Unregistered(String alias) implements Affiliation {
    }
}
