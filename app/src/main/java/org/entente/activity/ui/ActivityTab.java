package org.entente.activity.ui;

import com.vaadin.flow.component.Component;
import java.util.Optional;
import org.entente.activity.ActivityFeed;
import org.entente.workstream.ui.WorkstreamTab;

/** Puts the Activity tab (the workstream's latest hundred entries) on the workstream page. */
@org.springframework.stereotype.Component
class ActivityTab implements WorkstreamTab {

    private static final int ENTRIES = 100;

    private final ActivityFeed activity;

    ActivityTab(ActivityFeed activity) {
        this.activity = activity;
    }

    @Override
    public int order() {
        return 600;
    }

    @Override
    public String key() {
        return "activity";
    }

    @Override
    public Optional<Component> create(Context context) {
        return Optional.of(new ActivityList("workstream-activity", false,
                activity.of(context.workstream().ref(), ENTRIES)));
    }
}
