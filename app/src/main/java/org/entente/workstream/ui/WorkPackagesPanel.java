package org.entente.workstream.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.entente.platform.i18n.Formats;
import org.entente.platform.i18n.ui.Localized;
import org.entente.platform.ui.Feedback;
import org.entente.rnd.WorkPackage;
import org.entente.rnd.WorkPackageService;
import org.entente.workstream.Participant;
import org.entente.workstream.Partner;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamService;

/** Work packages of an R&D project with their leads, budgets and deliverables; the lead plans them. */
class WorkPackagesPanel extends VerticalLayout {

    private final Workstream project;
    private final WorkPackageService workPackages;
    private final Grid<WorkPackage> grid = new Grid<>(WorkPackage.class, false);
    private final ComboBox<WorkPackage> deliverableWorkPackage =
            new ComboBox<>(getTranslation("rnd.workPackages.workPackage"));

    WorkPackagesPanel(Workstream project, WorkPackageService workPackages, WorkstreamService workstreams, boolean lead) {
        this.project = project;
        this.workPackages = workPackages;
        setPadding(false);
        Locale locale = getLocale();
        grid.setId("work-packages");
        grid.addColumn(WorkPackage::code).setHeader(getTranslation("rnd.workPackages.code")).setAutoWidth(true);
        grid.addColumn(WorkPackage::title).setHeader(getTranslation("rnd.workPackages.title")).setFlexGrow(2);
        grid.addColumn(wp -> wp.lead().name()).setHeader(getTranslation("rnd.workPackages.lead")).setAutoWidth(true);
        grid.addColumn(wp -> Formats.money(locale, wp.budgetEur(), "EUR"))
                .setHeader(getTranslation("rnd.workPackages.budget")).setAutoWidth(true);
        grid.addColumn(wp -> wp.deliverables().isEmpty() ? "—" : wp.deliverables().stream()
                .map(d -> deliverable(locale, d)).collect(Collectors.joining("; ")))
                .setHeader(getTranslation("rnd.workPackages.deliverables")).setFlexGrow(3);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("rnd.workPackages.empty"));
        add(new H3(getTranslation("rnd.workPackages.heading")));
        if (lead) {
            add(workPackageForm(workstreams), deliverableForm());
        }
        add(grid);
        refresh();
    }

    /** "Threat model (7 Dec 2026) planned": title, due date if any, status. */
    private String deliverable(Locale locale, WorkPackage.Deliverable d) {
        String status = getTranslation("rnd.deliverable.status." + d.status());
        return d.dueDate() == null ? getTranslation("rnd.deliverable.line", d.title(), status)
                : getTranslation("rnd.deliverable.lineDue", d.title(), Formats.date(locale, d.dueDate()), status);
    }

    private HorizontalLayout workPackageForm(WorkstreamService workstreams) {
        TextField code = new TextField(getTranslation("rnd.workPackages.code"));
        code.setWidth("6rem");
        code.setId("wp-code");
        TextField title = new TextField(getTranslation("rnd.workPackages.workPackage"));
        title.setId("wp-title");
        ComboBox<Partner> lead = new ComboBox<>(getTranslation("rnd.workPackages.ledBy"));
        List<Partner> accepted = workstreams.participants(project.ref()).stream()
                .filter(p -> p.status() == Participant.ParticipationStatus.ACCEPTED).map(Participant::partner).toList();
        lead.setItems(accepted);
        lead.setItemLabelGenerator(Partner::name);
        BigDecimalField budget = new BigDecimalField(getTranslation("rnd.workPackages.budgetEur"));
        Map<String, HasValidation> fields = Map.of("code", code, "title", title, "lead", lead, "budget", budget);
        Button add = new Button(getTranslation("rnd.workPackages.add"), click -> {
            Feedback.clear(fields);
            try {
                workPackages.add(project.ref(), code.getValue(), title.getValue(),
                        lead.getValue() == null ? null : lead.getValue().id(), budget.getValue());
                code.clear();
                title.clear();
                budget.clear();
                refresh();
            } catch (RuntimeException e) {
                Feedback.show(e, fields, this::refresh);
            }
        });
        add.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(code, title, lead, budget, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private HorizontalLayout deliverableForm() {
        deliverableWorkPackage.setItemLabelGenerator(WorkPackage::code);
        deliverableWorkPackage.setWidth("8rem");
        TextField title = new TextField(getTranslation("rnd.deliverable.title"));
        DatePicker due = Localized.datePicker(getTranslation("rnd.deliverable.due"));
        Map<String, HasValidation> fields = Map.of("workPackage", deliverableWorkPackage, "deliverable", title);
        Button add = new Button(getTranslation("rnd.deliverable.add"), click -> {
            Feedback.clear(fields);
            try {
                workPackages.addDeliverable(project.ref(), deliverableWorkPackage.getValue() == null ? null
                        : deliverableWorkPackage.getValue().id(), title.getValue(), due.getValue());
                title.clear();
                due.clear();
                refresh();
            } catch (RuntimeException e) {
                Feedback.show(e, fields, this::refresh);
            }
        });
        HorizontalLayout form = new HorizontalLayout(deliverableWorkPackage, title, due, add);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        return form;
    }

    private void refresh() {
        List<WorkPackage> packages = workPackages.of(project.ref());
        grid.setItems(packages);
        deliverableWorkPackage.setItems(packages);
    }
}
