package org.entente.discussion.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.spring.annotation.SpringComponent;
import com.vaadin.flow.spring.annotation.UIScope;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.discussion.DiscussionService;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.Releasability;
import org.entente.workstream.WorkstreamService;
import org.entente.workstream.ui.WorkstreamTab;

/**
 * Puts the Discussion tab on the workstream page and keeps, per browser tab (UI) and workstream, what the
 * person was writing: the page rebuilds its tabs whenever someone else changes the workstream, and an
 * unsent comment must survive that (hence UI scope, not a singleton).
 */
@SpringComponent
@UIScope
class DiscussionTab implements WorkstreamTab {

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

    DiscussionTab(DiscussionService discussion, WorkstreamService workstreams, PartnerDirectory partners,
            ActorSource actors) {
        this.discussion = discussion;
        this.workstreams = workstreams;
        this.partners = partners;
        this.actors = actors;
    }

    @Override
    public int order() {
        return 400;
    }

    @Override
    public String key() {
        return "discussion";
    }

    @Override
    public Optional<Component> create(Context context) {
        UUID member = actors.currentActor().map(Actor::memberId).orElse(null);
        return Optional.of(new DiscussionPanel(context.workstream(), discussion, workstreams, partners,
                context.viewerTenantId(), member,
                drafts.computeIfAbsent(context.workstream().id(), id -> new Draft())));
    }
}
