package org.entente.discussion;

import java.util.UUID;

/**
 * A person of an organization taking part in a workstream, as listed by the schema's workstream_members():
 * the only directory of people that crosses tenants, and only within one workstream.
 */
public record WorkstreamMember(UUID tenantId, UUID memberId, String username, String displayName,
        String tenantAlias) {

    /** "Ingrid Solberg (norway)". */
    public String label() {
        return displayName + " (" + tenantAlias + ")";
    }
}
