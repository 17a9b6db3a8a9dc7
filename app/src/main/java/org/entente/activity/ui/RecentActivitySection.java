package org.entente.activity.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.List;
import java.util.Optional;
import org.entente.activity.ActivityFeed;
import org.entente.workstream.ui.HomeSection;

/** "Recent activity" on the home page: the latest entries across the organization's workstreams, last of all. */
@org.springframework.stereotype.Component
class RecentActivitySection implements HomeSection {

    private static final int ENTRIES = 15;

    private final ActivityFeed activity;

    RecentActivitySection(ActivityFeed activity) {
        this.activity = activity;
    }

    @Override
    public int order() {
        return 1000;
    }

    @Override
    public Optional<Part> create() {
        ActivityList recent = new ActivityList("recent-activity", true, List.of());
        VerticalLayout section = new VerticalLayout(new H2(recent.getTranslation("activity.home.heading")), recent);
        section.setPadding(false);
        return Optional.of(new Part() {
            @Override
            public Component component() {
                return section;
            }

            @Override
            public void refresh() {
                recent.setItems(activity.recent(ENTRIES));
            }
        });
    }
}
