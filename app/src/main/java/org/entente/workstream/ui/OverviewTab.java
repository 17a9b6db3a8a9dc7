package org.entente.workstream.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.entente.rnd.WorkPackageService;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.WorkstreamService;

/** The workstream page's first tab: description, dates and what this kind of workstream has. */
@org.springframework.stereotype.Component
class OverviewTab implements WorkstreamTab {

    private final WorkstreamService workstreams;
    private final PartnerDirectory partners;
    private final WorkPackageService workPackages;

    OverviewTab(WorkstreamService workstreams, PartnerDirectory partners, WorkPackageService workPackages) {
        this.workstreams = workstreams;
        this.partners = partners;
        this.workPackages = workPackages;
    }

    @Override
    public int order() {
        return 0;
    }

    @Override
    public String key() {
        return "overview";
    }

    @Override
    public Optional<Component> create(Context context) {
        return Optional.of(new WorkstreamOverview(context.workstream(),
                workstreams.details(context.workstream()).orElse(null), partners, context.lead(), workstreams,
                workPackages));
    }
}
