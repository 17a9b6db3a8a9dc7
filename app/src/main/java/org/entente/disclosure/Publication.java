package org.entente.disclosure;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * What the signed-in person's organization publishes, at one version: the organizations it can publish to, ticked
 * where it does.
 *
 * @param version    the version a save must name (0 before the first save)
 * @param recipients coordinator organizations (without the own) and any organization still granted, by name
 * @param lastChange who saved this version and when; null before the first save
 * @param mayChange  whether the signed-in person may change it (a tenant administrator)
 * @param ownHasCoordinators whether the organization has coordinators itself (others can publish to it)
 */
public record Publication(int version, List<Recipient> recipients, LastChange lastChange, boolean mayChange,
        boolean ownHasCoordinators) {

    public record LastChange(String by, OffsetDateTime at) {
    }

    public Publication {
        recipients = List.copyOf(recipients);
    }

    public Set<UUID> granted() {
        return recipients.stream().filter(Recipient::granted).map(Recipient::id).collect(Collectors.toUnmodifiableSet());
    }
}
