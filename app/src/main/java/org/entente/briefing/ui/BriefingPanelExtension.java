package org.entente.briefing.ui;

import java.util.Optional;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.ui.AnalyticsPageExtension;
import org.entente.briefing.BriefingService;

/** Puts the {@link BriefingPanel} on the Analytics page, for coordinators only. */
@org.springframework.stereotype.Component
class BriefingPanelExtension implements AnalyticsPageExtension {

    private final BriefingService briefings;

    BriefingPanelExtension(BriefingService briefings) {
        this.briefings = briefings;
    }

    @Override
    public Optional<Part> create() {
        if (!briefings.mayGenerate()) {
            return Optional.empty();
        }
        BriefingPanel panel = new BriefingPanel(briefings);
        return Optional.of(new Part() {
            @Override
            public com.vaadin.flow.component.Component component() {
                return panel;
            }

            @Override
            public void filterChanged(AnalyticsFilter filter) {
                panel.filterChanged(filter);
            }
        });
    }
}
