package org.entente.milestone.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.entente.milestone.MilestoneService;
import org.entente.milestone.importing.MilestoneImporter;
import org.entente.workstream.WorkstreamService;
import org.entente.workstream.ui.WorkstreamTab;

/** Puts the Milestones tab on the workstream page. */
@org.springframework.stereotype.Component
class MilestonesTab implements WorkstreamTab {

    private final MilestoneService milestones;
    private final WorkstreamService workstreams;
    private final MilestoneImporter importer;

    MilestonesTab(MilestoneService milestones, WorkstreamService workstreams, MilestoneImporter importer) {
        this.milestones = milestones;
        this.workstreams = workstreams;
        this.importer = importer;
    }

    @Override
    public int order() {
        return 300;
    }

    @Override
    public String key() {
        return "milestones";
    }

    @Override
    public Optional<Component> create(Context context) {
        return Optional.of(new MilestonesPanel(context.workstream(), milestones, workstreams, context.viewerTenantId(),
                importer));
    }
}
