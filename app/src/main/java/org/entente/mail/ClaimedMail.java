package org.entente.mail;

import java.util.UUID;

/**
 * A mail of the outbox this instance has claimed (leased): its key, and the how-many-th attempt this is.
 */
record ClaimedMail(UUID tenantId, long id, int attempt) {
}
