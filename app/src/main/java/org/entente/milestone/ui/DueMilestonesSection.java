package org.entente.milestone.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;
import org.entente.milestone.Milestone;
import org.entente.milestone.MilestoneService;
import org.entente.platform.i18n.Formats;
import org.entente.workstream.ui.HomeSection;

/** "Milestones overdue or due soon" on the home page, first below the page's own sections. */
@org.springframework.stereotype.Component
class DueMilestonesSection implements HomeSection {

    private static final int DUE_WITHIN_DAYS = 14;

    private final MilestoneService milestones;

    DueMilestonesSection(MilestoneService milestones) {
        this.milestones = milestones;
    }

    @Override
    public int order() {
        return 100;
    }

    @Override
    public Optional<Part> create() {
        LocalDate today = milestones.today();
        UI ui = UI.getCurrent();
        Locale locale = ui.getLocale();
        Grid<Milestone> due = new Grid<>(Milestone.class, false);
        due.setId("due-milestones");
        due.addColumn(Milestone::title).setHeader(ui.getTranslation("milestone.column.milestone")).setFlexGrow(2);
        due.addColumn(m -> m.owner().name()).setHeader(ui.getTranslation("milestone.column.owner")).setAutoWidth(true);
        due.addColumn(m -> Formats.date(locale, m.plannedDate()))
                .setHeader(ui.getTranslation("milestone.column.planned")).setAutoWidth(true);
        due.addComponentColumn(m -> {
            Span state = new Span(ui.getTranslation(m.overdueOn(today) ? "milestone.overdue" : "milestone.dueSoon"));
            state.getElement().getThemeList().add(m.overdueOn(today) ? "badge error" : "badge");
            return state;
        }).setHeader("").setAutoWidth(true);
        due.setAllRowsVisible(true);
        due.setEmptyStateText(ui.getTranslation("milestone.home.empty", DUE_WITHIN_DAYS));
        VerticalLayout section = new VerticalLayout(new H2(ui.getTranslation("milestone.home.heading")), due);
        section.setPadding(false);
        return Optional.of(new Part() {
            @Override
            public Component component() {
                return section;
            }

            @Override
            public void refresh() {
                due.setItems(milestones.dueOrOverdue(DUE_WITHIN_DAYS));
            }
        });
    }
}
