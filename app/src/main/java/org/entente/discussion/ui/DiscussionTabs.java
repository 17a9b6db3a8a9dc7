package org.entente.discussion.ui;

import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.UIScope;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.discussion.DiscussionService;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamService;

/**
 * Makes the Discussion tab of a workstream view and keeps, per browser tab (UI) and workstream, what the
 * person was writing: the view rebuilds its tabs whenever someone else changes the workstream, and an
 * unsent comment must survive that.
 */
@SpringComponent
@UIScope
public class DiscussionTabs {

    /** The composer's state between re-renders. */
    static final class Draft {
        String body = "";
        Releasability releasability = Releasability.PARTICIPANTS;
        Set<UUID> relTo = new HashSet<>();
        UUID replyTo;

        void clear() {
            body = "";
            replyTo = null;
        }
    }

    private final DiscussionService discussion;
    private final WorkstreamService workstreams;
    private final PartnerDirectory partners;
    private final ActorSource actors;
    private final Map<UUID, Draft> drafts = new ConcurrentHashMap<>();

    DiscussionTabs(DiscussionService discussion, WorkstreamService workstreams, PartnerDirectory partners,
            ActorSource actors) {
        this.discussion = discussion;
        this.workstreams = workstreams;
        this.partners = partners;
        this.actors = actors;
    }

    public DiscussionTab create(Workstream workstream) {
        Actor actor = actors.currentActor().orElse(null);
        return new DiscussionTab(workstream, discussion, workstreams, partners,
                actor == null ? null : actor.tenantId(), actor == null ? null : actor.memberId(),
                drafts.computeIfAbsent(workstream.id(), id -> new Draft()));
    }
}
