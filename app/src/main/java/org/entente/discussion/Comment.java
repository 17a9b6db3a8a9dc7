package org.entente.discussion;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;
import org.entente.workstream.Partner;
import org.entente.workstream.Releasability;
import org.entente.workstream.WorkstreamRef;

/**
 * A comment as the signed-in tenant sees it, in thread order.
 *
 * @param parentId the comment it replies to, or null for a new thread
 * @param depth    0 for a thread's first comment, 1 for a reply to it, and so on (replies to comments the
 *                 reader cannot see start at 0)
 * @param authorName the author's display name, or null if their organization no longer takes part
 */
public record Comment(WorkstreamRef workstream, UUID id, UUID parentId, int depth, Partner authorOrganization,
        UUID authorMemberId, String authorName, String body, Releasability releasability, List<UUID> relTo,
        OffsetDateTime createdAt, OffsetDateTime editedAt, int version) {

    public Comment {
        relTo = List.copyOf(relTo);
    }

    public boolean edited() {
        return editedAt != null;
    }
}
