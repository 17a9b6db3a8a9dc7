package org.entente.contribution.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.entente.contribution.ContributionService;
import org.entente.contribution.importing.ContributionImporter;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.WorkstreamService;
import org.entente.workstream.ui.WorkstreamTab;

/** Puts the Contributions tab on the workstream page. */
@org.springframework.stereotype.Component
class ContributionsTab implements WorkstreamTab {

    private final ContributionService contributions;
    private final WorkstreamService workstreams;
    private final PartnerDirectory partners;
    private final ContributionImporter importer;

    ContributionsTab(ContributionService contributions, WorkstreamService workstreams, PartnerDirectory partners,
            ContributionImporter importer) {
        this.importer = importer;
        this.contributions = contributions;
        this.workstreams = workstreams;
        this.partners = partners;
    }

    @Override
    public int order() {
        return 200;
    }

    @Override
    public String key() {
        return "contributions";
    }

    @Override
    public Optional<Component> create(Context context) {
        return Optional.of(new ContributionsPanel(context.workstream(), contributions, workstreams, partners,
                context.viewerTenantId(), importer));
    }
}
