package org.entente.tenant.admin.ui;

import com.vaadin.flow.component.HasValidation;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.IntegerField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.text.NumberFormat;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;
import java.util.Map;
import org.entente.platform.ui.Feedback;
import org.entente.platform.validation.InvalidInput;
import org.entente.tenant.admin.AdministrationException;
import org.entente.tenant.admin.TenantCapacities;
import org.entente.tenant.admin.TenantCapacity;
import org.entente.tenant.admin.TenantSummary;

/**
 * One organization's capacity by year: the figures with their source and who set them; add or change a year (pick a
 * row to change it), delete one after confirming.
 */
final class CapacityDialog extends Dialog {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.SHORT)
            .withLocale(Locale.UK);

    private final TenantCapacities capacities;
    private final TenantSummary tenant;
    private final Grid<TenantCapacity> grid = new Grid<>(TenantCapacity.class, false);
    private final IntegerField year = new IntegerField("Year");
    private final BigDecimalField amount = new BigDecimalField("Capacity (EUR)");
    private final TextField source = new TextField("Source");
    private final Map<String, HasValidation> fields = Map.of("year", year, "capacityEur", amount, "source", source);

    CapacityDialog(TenantCapacities capacities, TenantSummary tenant) {
        this.capacities = capacities;
        this.tenant = tenant;
        setHeaderTitle("Capacity of " + tenant.name());
        setWidth("64rem");
        setId("capacity-dialog");

        Paragraph about = new Paragraph("The organization's capacity per year in EUR — a state's GDP, another "
                + "organization's budget — against which the analytics measure what it delivers. Say where each "
                + "figure comes from, and whether it is approximate.");
        about.getStyle().set("margin-top", "0");

        grid.setId("capacities");
        grid.addColumn(TenantCapacity::year).setHeader("Year").setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> euros(c.capacityEur())).setHeader("Capacity (EUR)").setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(TenantCapacity::source).setHeader("Source").setFlexGrow(1)
                .setTooltipGenerator(TenantCapacity::source);
        grid.addColumn(c -> c.updatedBy() + ", " + WHEN.format(c.updatedAt())).setHeader("Updated")
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::deleteButton).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText("No capacity figures yet: the analytics leave this organization out of the burden "
                + "measures until it has one.");
        grid.setHeight("18rem");
        grid.asSingleSelect().addValueChangeListener(e -> {
            if (e.getValue() != null) {
                year.setValue(e.getValue().year());
                amount.setValue(e.getValue().capacityEur());
                source.setValue(e.getValue().source());
            }
        });

        year.setId("capacity-year");
        year.setWidth("7rem");
        year.setStepButtonsVisible(false);
        year.setHelperText("2000–2100");
        year.setI18n(new IntegerField.IntegerFieldI18n().setBadInputErrorMessage("Enter a year, e.g. 2024."));
        amount.setId("capacity-eur");
        amount.setWidth("14rem");
        amount.setHelperText("EUR; convert other currencies first, or load a CSV");
        source.setId("capacity-source");
        source.setMaxLength(500);
        source.setPlaceholder("e.g. IMF World Economic Outlook, Oct 2025 (approximate)");
        Button save = new Button("Save year", click -> save());
        save.setId("save-capacity");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(year, amount, source, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWidthFull();
        form.expand(source);

        VerticalLayout body = new VerticalLayout(about, grid, form);
        body.setPadding(false);
        add(body);
        Button close = new Button("Close", click -> close());
        close.setId("close-capacity");
        getFooter().add(close);
        refresh();
    }

    private void save() {
        Feedback.clear(fields);
        Integer y = year.getValue();
        try {
            capacities.set(tenant.id(), y, amount.getValue(), source.getValue());
            Feedback.success("Capacity of " + tenant.name() + " for " + y + " saved.");
            year.clear();
            amount.clear();
            source.clear();
            refresh();
        } catch (InvalidInput invalid) {
            Feedback.show(invalid, fields, this::refresh);
        } catch (AdministrationException e) {
            TenantsView.error(e.getMessage());
        }
    }

    private Button deleteButton(TenantCapacity capacity) {
        Button delete = new Button("Delete", click -> {
            ConfirmDialog confirm = new ConfirmDialog();
            confirm.setHeader("Delete the " + capacity.year() + " capacity of " + tenant.name() + "?");
            confirm.setText(euros(capacity.capacityEur()) + " (" + capacity.source() + "). The analytics then use "
                    + "the nearest earlier year's figure, else the nearest later one.");
            confirm.setCancelable(true);
            confirm.setConfirmText("Delete");
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(e -> {
                try {
                    capacities.delete(tenant.id(), capacity.year());
                    Feedback.success("Capacity of " + tenant.name() + " for " + capacity.year() + " deleted.");
                } catch (AdministrationException failure) {
                    TenantsView.error(failure.getMessage());
                }
                refresh();
            });
            confirm.open();
        });
        delete.setId("delete-capacity-" + capacity.year());
        delete.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return delete;
    }

    private void refresh() {
        grid.setItems(capacities.of(tenant.id()));
    }

    static String euros(BigDecimal amount) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Locale.UK);
        format.setCurrency(java.util.Currency.getInstance("EUR"));
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }
}
