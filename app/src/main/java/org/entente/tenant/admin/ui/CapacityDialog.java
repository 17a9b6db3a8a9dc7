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
import java.util.Locale;
import java.util.Map;
import org.entente.platform.i18n.Formats;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.ui.Localized;
import org.entente.platform.ui.Feedback;
import org.entente.platform.validation.InvalidInput;
import org.entente.tenant.admin.AdministrationException;
import org.entente.tenant.admin.TenantCapacities;
import org.entente.tenant.admin.TenantCapacity;
import org.entente.tenant.admin.TenantSummary;
import org.entente.platform.ui.FocusReturn;

/**
 * One organization's capacity by year: the figures with their source and who set them; add or change a year (pick a
 * row to change it), delete one after confirming.
 */
final class CapacityDialog extends Dialog {

    private final TenantCapacities capacities;
    private final TenantSummary tenant;
    private final Grid<TenantCapacity> grid = new Grid<>(TenantCapacity.class, false);
    private final IntegerField year = new IntegerField(getTranslation("admin.capacity.year"));
    private final BigDecimalField amount =
            Localized.decimalField(new BigDecimalField(getTranslation("admin.capacity.amount")));
    private final TextField source = new TextField(getTranslation("admin.capacity.source"));
    private final Map<String, HasValidation> fields = Map.of("year", year, "capacityEur", amount, "source", source);

    CapacityDialog(TenantCapacities capacities, TenantSummary tenant) {
        FocusReturn.to(this);
        this.capacities = capacities;
        this.tenant = tenant;
        setHeaderTitle(getTranslation("admin.capacity.header", tenant.name()));
        setWidth("64rem");
        setId("capacity-dialog");

        Paragraph about = new Paragraph(getTranslation("admin.capacity.about"));
        about.getStyle().set("margin-top", "0");

        grid.setId("capacities");
        grid.addColumn(TenantCapacity::year).setHeader(getTranslation("admin.capacity.year")).setAutoWidth(true).setFlexGrow(0);
        grid.addColumn(c -> euros(c.capacityEur(), getLocale())).setHeader(getTranslation("admin.capacity.amount")).setAutoWidth(true).setFlexGrow(0)
                .setTextAlign(ColumnTextAlign.END);
        grid.addColumn(TenantCapacity::source).setHeader(getTranslation("admin.capacity.source")).setFlexGrow(1)
                .setTooltipGenerator(TenantCapacity::source);
        grid.addColumn(c -> getTranslation("admin.capacity.updatedBy", c.updatedBy(),
                        Formats.dateTimeUtc(getLocale(), c.updatedAt())))
                .setHeader(getTranslation("admin.capacity.updated"))
                .setAutoWidth(true).setFlexGrow(0);
        grid.addComponentColumn(this::deleteButton).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        grid.setEmptyStateText(getTranslation("admin.capacity.empty"));
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
        year.setHelperText("2000–2100"); // i18n-ok: a range of years
        year.setI18n(new IntegerField.IntegerFieldI18n()
                .setBadInputErrorMessage(getTranslation("admin.capacity.yearBadInput")));
        amount.setI18n(new BigDecimalField.BigDecimalFieldI18n()
                .setBadInputErrorMessage(getTranslation("admin.capacity.amountBadInput")));
        amount.setId("capacity-eur");
        amount.setWidth("14rem");
        amount.setHelperText(getTranslation("admin.capacity.amountHelp"));
        source.setId("capacity-source");
        source.setMaxLength(500);
        source.setPlaceholder(getTranslation("admin.capacity.sourcePlaceholder"));
        Button save = new Button(getTranslation("admin.capacity.saveYear"), click -> save());
        save.setId("save-capacity");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout form = new HorizontalLayout(year, amount, source, save);
        form.setAlignItems(FlexComponent.Alignment.BASELINE);
        form.setWidthFull();
        form.expand(source);

        VerticalLayout body = new VerticalLayout(about, grid, form);
        body.setPadding(false);
        add(body);
        Button close = new Button(getTranslation("action.close"), click -> close());
        close.setId("close-capacity");
        getFooter().add(close);
        refresh();
    }

    private void save() {
        if (amount.isInvalid() && amount.getValue() == null) {
            return; // typed text that is no number: the field says so (its bad-input message)
        }
        Feedback.clear(fields);
        Integer y = year.getValue();
        BigDecimal eur = amount.getValue();
        try {
            capacities.set(tenant.id(), y, eur, source.getValue());
            Feedback.success(getTranslation("admin.capacity.saved", tenant.name(), String.valueOf(y)));
            year.clear();
            amount.clear();
            source.clear();
            refresh();
        } catch (InvalidInput invalid) {
            Feedback.show(invalid, fields, this::refresh);
        } catch (AdministrationException e) {
            TenantsView.error(e);
        }
    }

    private Button deleteButton(TenantCapacity capacity) {
        Button delete = new Button(getTranslation("action.delete"), click -> {
            ConfirmDialog confirm = Localized.confirmDialog(
                    getTranslation("admin.capacity.delete.header", String.valueOf(capacity.year()), tenant.name()),
                    getTranslation("admin.capacity.delete.text", euros(capacity.capacityEur(), getLocale()),
                            capacity.source()),
                    getTranslation("action.delete"));
            confirm.setConfirmButtonTheme("error primary");
            confirm.addConfirmListener(e -> {
                try {
                    capacities.delete(tenant.id(), capacity.year());
                    Feedback.success(getTranslation("admin.capacity.deleted", tenant.name(),
                            String.valueOf(capacity.year())));
                } catch (AdministrationException failure) {
                    TenantsView.error(failure);
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

    /** An amount in EUR, cents only when there are any: €482,500,000,000 / 482 500 000 000 €. */
    static String euros(BigDecimal amount, Locale locale) {
        NumberFormat format = NumberFormat.getCurrencyInstance(Language.orDefault(locale).locale());
        format.setCurrency(java.util.Currency.getInstance("EUR"));
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }
}
