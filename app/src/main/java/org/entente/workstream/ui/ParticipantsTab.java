package org.entente.workstream.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.WorkstreamService;

/** The participating organizations' tab; the lead invites more there. */
@org.springframework.stereotype.Component
class ParticipantsTab implements WorkstreamTab {

    private final WorkstreamService workstreams;
    private final PartnerDirectory partners;

    ParticipantsTab(WorkstreamService workstreams, PartnerDirectory partners) {
        this.workstreams = workstreams;
        this.partners = partners;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public String key() {
        return "participants";
    }

    @Override
    public Optional<Component> create(Context context) {
        return Optional.of(new ParticipantsPanel(context.workstream(), context.lead(), workstreams, partners));
    }
}
