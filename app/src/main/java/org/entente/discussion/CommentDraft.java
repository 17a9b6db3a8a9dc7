package org.entente.discussion;

import java.util.List;
import java.util.UUID;
import org.entente.workstream.Releasability;

/**
 * What someone writes: the body with {@code @username} mentions, who may read it, and the comment it
 * answers (null to start a thread).
 */
public record CommentDraft(UUID parentId, String body, Releasability releasability, List<UUID> relTo) {

    public CommentDraft {
        relTo = relTo == null ? List.of() : List.copyOf(relTo);
    }

    public static CommentDraft toParticipants(String body) {
        return new CommentDraft(null, body, Releasability.PARTICIPANTS, List.of());
    }

    public CommentDraft replyingTo(UUID parent) {
        return new CommentDraft(parent, body, releasability, relTo);
    }
}
