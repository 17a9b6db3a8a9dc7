package org.entente.activity.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import java.util.List;
import java.util.Locale;
import org.entente.activity.ActivityEntry;
import org.entente.platform.i18n.Formats;

/** A feed as a compact list: when, who, what (and where, on the home page). */
class ActivityList extends Grid<ActivityEntry> {

    ActivityList(String id, boolean showWorkstream, List<ActivityEntry> entries) {
        super(ActivityEntry.class, false);
        setId(id);
        Locale locale = getLocale();
        addColumn(e -> Formats.dateTimeUtc(locale, e.at())).setHeader(getTranslation("activity.column.when"))
                .setAutoWidth(true);
        addColumn(e -> e.actor().name()).setHeader(getTranslation("activity.column.organization")).setAutoWidth(true);
        if (showWorkstream) {
            addColumn(ActivityEntry::workstreamTitle).setHeader(getTranslation("activity.column.workstream"))
                    .setFlexGrow(2);
        }
        // What happened, in the reader's language (entries recorded before V54 have their English summary only).
        addColumn(e -> e.summaryIn(locale)).setHeader(getTranslation("activity.column.what")).setFlexGrow(3);
        addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_NO_BORDER);
        setAllRowsVisible(true);
        setEmptyStateText(getTranslation("activity.empty"));
        setItems(entries);
    }
}
