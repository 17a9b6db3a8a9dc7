package org.entente.disclosure;

import java.time.OffsetDateTime;
import java.util.UUID;

/** One line of the consent history: in {@code version}, {@code grantee} was granted or revoked. */
public record ConsentChange(int version, UUID grantee, String granteeName, Action action, String changedBy,
        OffsetDateTime changedAt) {

    public enum Action { GRANT, REVOKE }
}
