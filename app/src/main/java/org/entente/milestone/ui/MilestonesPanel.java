package org.entente.milestone.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.TextField;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.entente.milestone.Milestone;
import org.entente.milestone.MilestoneService;
import org.entente.milestone.MilestoneStatus;
import org.entente.milestone.importing.MilestoneImporter;
import org.entente.platform.importing.ui.SpreadsheetImportDialog;
import org.entente.platform.i18n.Formats;
import org.entente.platform.i18n.Translations;
import org.entente.platform.i18n.ui.Localized;
import org.entente.platform.ui.Feedback;
import org.entente.workstream.Participant;
import org.entente.workstream.Partner;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamService;

/** Planned and actual dates; overdue milestones stand out. */
class MilestonesPanel extends VerticalLayout {

    private final Workstream workstream;
    private final MilestoneService milestones;
    private final Grid<Milestone> grid = new Grid<>(Milestone.class, false);

    MilestonesPanel(Workstream workstream, MilestoneService milestones, WorkstreamService workstreams, UUID ownTenant,
            MilestoneImporter importer) {
        this.workstream = workstream;
        this.milestones = milestones;
        setPadding(false);
        LocalDate today = milestones.today();

        Locale locale = getLocale();
        TextField title = new TextField(getTranslation("milestone.column.milestone"));
        title.setMaxLength(200);
        title.setId("milestone-title");
        ComboBox<Partner> owner = new ComboBox<>(getTranslation("milestone.column.owner"));
        owner.setItems(workstreams.participants(workstream.ref()).stream()
                .filter(p -> p.status() == Participant.ParticipationStatus.ACCEPTED).map(Participant::partner).toList());
        owner.setItemLabelGenerator(Partner::name);
        owner.getListDataView().getItems().filter(p -> p.id().equals(ownTenant)).findFirst().ifPresent(owner::setValue);
        DatePicker planned = Localized.datePicker(getTranslation("milestone.column.planned"));
        planned.setId("milestone-planned");
        Button add = new Button(getTranslation("milestone.add"), click -> {
            Map<String, com.vaadin.flow.component.HasValidation> fields =
                    Map.of("title", title, "owner", owner, "plannedDate", planned);
            Feedback.clear(fields);
            try {
                milestones.add(workstream.ref(), title.getValue(), owner.getValue() == null ? null : owner.getValue().id(),
                        planned.getValue());
                title.clear();
                planned.clear();
                refresh();
            } catch (RuntimeException e) {
                Feedback.show(e, fields, this::refresh);
            }
        });
        add.setId("add-milestone");
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(title, owner, planned, add);
        if (workstream.ref().tenantId().equals(ownTenant)) {
            // The lead plans every milestone: it may also bring its plan from a spreadsheet.
            Button importPlan = new Button(getTranslation("milestone.import.open"), click -> new SpreadsheetImportDialog<>(
                    "milestone", new MilestoneSheetImport(importer, workstream.ref()), this::refresh).open());
            importPlan.setId("import-milestones");
            form.add(importPlan);
        }
        form.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("milestones");
        grid.addColumn(Milestone::title).setHeader(getTranslation("milestone.column.milestone")).setFlexGrow(2);
        grid.addColumn(m -> m.owner().name()).setHeader(getTranslation("milestone.column.owner")).setAutoWidth(true);
        grid.addColumn(m -> Formats.date(locale, m.plannedDate())).setHeader(getTranslation("milestone.column.planned"))
                .setAutoWidth(true);
        grid.addColumn(m -> Formats.date(locale, m.actualDate())).setHeader(getTranslation("milestone.column.actual"))
                .setAutoWidth(true);
        grid.addComponentColumn(m -> {
            Span status = new Span(getTranslation(m.overdueOn(today) ? "milestone.overdue"
                    : Translations.enumKey(m.status())));
            status.getElement().getThemeList().add(m.overdueOn(today) ? "badge error" : m.status() == MilestoneStatus.DONE
                    ? "badge success" : "badge");
            return status;
        }).setHeader(getTranslation("milestone.column.status")).setAutoWidth(true);
        grid.addComponentColumn(m -> {
            if (m.status() == MilestoneStatus.DONE || m.status() == MilestoneStatus.CANCELLED) {
                return new Span();
            }
            Button done = new Button(getTranslation("milestone.markDone"), click -> {
                try {
                    milestones.changeStatus(m, MilestoneStatus.DONE, null);
                    refresh();
                } catch (RuntimeException e) {
                    Feedback.show(e, Map.of(), this::refresh);
                }
            });
            done.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return done;
        }).setAutoWidth(true);
        grid.setPartNameGenerator(m -> m.overdueOn(today) ? "overdue" : null);
        grid.setEmptyStateText(getTranslation("milestone.empty"));
        grid.setAllRowsVisible(true);
        add(form, grid);
        refresh();
    }

    private void refresh() {
        grid.setItems(milestones.of(workstream.ref()));
    }
}
