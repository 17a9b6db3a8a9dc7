package org.entente.activity.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import org.entente.activity.ActivityEntry;

/** A feed as a compact list: when, who, what (and where, on the home page). */
class ActivityList extends Grid<ActivityEntry> {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT).withZone(ZoneId.systemDefault());

    ActivityList(String id, boolean showWorkstream, List<ActivityEntry> entries) {
        super(ActivityEntry.class, false);
        setId(id);
        addColumn(e -> WHEN.format(e.at())).setHeader("When").setAutoWidth(true);
        addColumn(e -> e.actor().name()).setHeader("Organization").setAutoWidth(true);
        if (showWorkstream) {
            addColumn(ActivityEntry::workstreamTitle).setHeader("Workstream").setFlexGrow(2);
        }
        addColumn(ActivityEntry::summary).setHeader("What").setFlexGrow(3);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        setAllRowsVisible(true);
        setEmptyStateText("No activity yet.");
        setItems(entries);
    }
}
