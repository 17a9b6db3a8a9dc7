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
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
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
    private final ComboBox<WorkPackage> deliverableWorkPackage = new ComboBox<>("Work package");

    WorkPackagesPanel(Workstream project, WorkPackageService workPackages, WorkstreamService workstreams, boolean lead) {
        this.project = project;
        this.workPackages = workPackages;
        setPadding(false);
        NumberFormat money = NumberFormat.getNumberInstance(Locale.UK);
        grid.setId("work-packages");
        grid.addColumn(WorkPackage::code).setHeader("Code").setAutoWidth(true);
        grid.addColumn(WorkPackage::title).setHeader("Title").setFlexGrow(2);
        grid.addColumn(wp -> wp.lead().name()).setHeader("Lead").setAutoWidth(true);
        grid.addColumn(wp -> "€ " + money.format(wp.budgetEur())).setHeader("Budget").setAutoWidth(true);
        grid.addColumn(wp -> wp.deliverables().isEmpty() ? "—" : wp.deliverables().stream()
                .map(d -> d.title() + (d.dueDate() == null ? "" : " (" + d.dueDate() + ")") + " " + d.status().toLowerCase())
                .collect(Collectors.joining("; "))).setHeader("Deliverables").setFlexGrow(3);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText("No work packages yet.");
        add(new H3("Work packages"));
        if (lead) {
            add(workPackageForm(workstreams), deliverableForm());
        }
        add(grid);
        refresh();
    }

    private HorizontalLayout workPackageForm(WorkstreamService workstreams) {
        TextField code = new TextField("Code");
        code.setWidth("6rem");
        code.setId("wp-code");
        TextField title = new TextField("Work package");
        title.setId("wp-title");
        ComboBox<Partner> lead = new ComboBox<>("Led by");
        List<Partner> accepted = workstreams.participants(project.ref()).stream()
                .filter(p -> p.status() == Participant.ParticipationStatus.ACCEPTED).map(Participant::partner).toList();
        lead.setItems(accepted);
        lead.setItemLabelGenerator(Partner::name);
        BigDecimalField budget = new BigDecimalField("Budget (EUR)");
        Map<String, HasValidation> fields = Map.of("code", code, "title", title, "lead", lead, "budget", budget);
        Button add = new Button("Add work package", click -> {
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
        TextField title = new TextField("Deliverable");
        DatePicker due = new DatePicker("Due");
        Map<String, HasValidation> fields = Map.of("workPackage", deliverableWorkPackage, "deliverable", title);
        Button add = new Button("Add deliverable", click -> {
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
