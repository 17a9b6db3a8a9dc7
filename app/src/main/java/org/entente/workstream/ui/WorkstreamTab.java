package org.entente.workstream.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import java.util.UUID;
import org.entente.workstream.Workstream;

/**
 * A tab another feature adds to the workstream page, so that the page composes it without knowing that feature:
 * the feature provides a Spring bean of this type (holding the services it needs); the page asks every such bean,
 * in {@link #order()}, for its tab each time it renders (after a save, or when someone else changed the workstream).
 */
public interface WorkstreamTab {

    /** Where the tab stands: Overview 0, Participants 100, Contributions 200, Milestones 300, Results 350,
     *  Discussion 400, Files 500, Activity 600. */
    int order();

    /**
     * The tab's stable name ("results"): the page's address names it ({@code ?tab=results}), and its caption is the
     * translation {@code workstream.tab.<key>} in the page's language.
     */
    String key();

    /** The tab's content for this page, or empty when the feature has nothing for this viewer or kind. */
    Optional<Component> create(Context context);

    /**
     * What the page knows when it renders.
     *
     * @param workstream     the workstream, as the viewer may see it
     * @param viewerTenantId the signed-in person's organization
     * @param lead           whether that organization leads (owns) the workstream
     */
    record Context(Workstream workstream, UUID viewerTenantId, boolean lead) {
    }
}
