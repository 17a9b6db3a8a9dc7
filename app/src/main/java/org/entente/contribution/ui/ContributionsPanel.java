package org.entente.contribution.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.formlayout.FormLayout;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.BigDecimalField;
import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.entente.contribution.Contribution;
import org.entente.contribution.ContributionDraft;
import org.entente.contribution.ContributionService;
import org.entente.contribution.importing.ContributionImporter;
import org.entente.platform.importing.ui.SpreadsheetImportDialog;
import org.entente.contribution.ContributionType;
import org.entente.contribution.ValuationRate;
import org.entente.platform.i18n.Formats;
import org.entente.platform.i18n.Translations;
import org.entente.platform.i18n.ui.Localized;
import org.entente.platform.ui.Feedback;
import org.entente.platform.ui.FocusReturn;
import org.entente.workstream.Participant;
import org.entente.workstream.Partner;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamService;
import org.entente.workstream.ui.ReleasabilityChooser;

/** Pledged and delivered contributions the signed-in tenant may see, each with its dates and marking. */
class ContributionsPanel extends VerticalLayout {

    private final Workstream workstream;
    private final ContributionService contributions;
    private final WorkstreamService workstreams;
    private final PartnerDirectory partners;
    private final UUID ownTenant;
    private final Grid<Contribution> grid = new Grid<>(Contribution.class, false);
    private final Span totals = new Span();

    ContributionsPanel(Workstream workstream, ContributionService contributions, WorkstreamService workstreams,
            PartnerDirectory partners, UUID ownTenant, ContributionImporter importer) {
        this.workstream = workstream;
        this.contributions = contributions;
        this.workstreams = workstreams;
        this.partners = partners;
        this.ownTenant = ownTenant;
        setPadding(false);

        Button pledge = new Button(getTranslation("contribution.panel.pledge"), click -> openPledge());
        pledge.setId("pledge");
        pledge.addThemeVariants(ButtonVariant.LUMO_PRIMARY);

        grid.setId("contributions");
        // Whose contribution it is and what it is must stay readable next to eight figure columns: these two keep a
        // minimum width and wrap instead of being cut to "Kingdom…" (the grid scrolls sideways before that).
        grid.addColumn(c -> c.contributor().name())
                .setHeader(getTranslation("contribution.panel.contributor")).setWidth("11rem").setFlexGrow(1)
                .setTooltipGenerator(c -> c.contributor().name());
        grid.addColumn(c -> getTranslation(Translations.enumKey(c.type())))
                .setHeader(getTranslation("contribution.panel.type")).setAutoWidth(true);
        grid.addColumn(c -> c.description() == null ? "" : c.description())
                .setHeader(getTranslation("contribution.panel.description")).setWidth("14rem")
                .setFlexGrow(2).setTooltipGenerator(c -> c.description() == null ? "" : c.description());
        grid.addColumn(c -> amount(c.pledgedAmount(), c.unit()))
                .setHeader(getTranslation("contribution.panel.pledged")).setAutoWidth(true);
        grid.addColumn(Contribution::pledgedOn)
                .setHeader(getTranslation("contribution.panel.pledgedOn")).setKey("pledgedOn").setAutoWidth(true);
        grid.addColumn(c -> amount(c.deliveredAmount(), c.unit()))
                .setHeader(getTranslation("contribution.panel.delivered")).setAutoWidth(true);
        grid.addColumn(c -> c.deliveredOn() == null ? "" : c.deliveredOn().toString())
                .setHeader(getTranslation("contribution.panel.lastDeliveredOn"))
                .setKey("deliveredOn").setAutoWidth(true);
        grid.addColumn(c -> euros(c.pledgedEur()))
                .setHeader(getTranslation("contribution.panel.pledgedEur")).setAutoWidth(true);
        grid.addComponentColumn(c -> {
            Span marking = new Span(partners.marking(c.releasability(), c.relTo(), c.contributor().id()));
            marking.getElement().getThemeList().add("badge contrast small");
            return marking;
        }).setHeader(getTranslation("contribution.panel.releasability")).setAutoWidth(true);
        grid.addComponentColumn(c -> {
            if (!c.contributor().id().equals(ownTenant)) {
                return new Span();
            }
            Button deliver = new Button(getTranslation("contribution.panel.recordDelivery"), click -> openDelivery(c));
            deliver.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
            return deliver;
        }).setAutoWidth(true);
        grid.addThemeVariants(com.vaadin.flow.component.grid.GridVariant.LUMO_WRAP_CELL_CONTENT);
        grid.setEmptyStateText(getTranslation("contribution.panel.empty"));
        grid.setAllRowsVisible(true);
        totals.setId("contribution-totals");
        com.vaadin.flow.component.html.Anchor export = new com.vaadin.flow.component.html.Anchor(
                com.vaadin.flow.server.streams.DownloadHandler.fromInputStream(event -> {
                    // The CSV and its confidentiality label in one zip, so that the label travels with the data.
                    var file = contributions.exportLabelled(workstream.ref());
                    return new com.vaadin.flow.server.streams.DownloadResponse(
                            new java.io.ByteArrayInputStream(file.content()), file.name(), file.contentType(),
                            file.content().length);
                }), getTranslation("contribution.panel.exportCsv"));
        export.setDownload(true);
        export.setId("export-contributions");
        Button importSheet = new Button(getTranslation("contribution.import.open"),
                click -> new SpreadsheetImportDialog<>("contribution", new ContributionSheetImport(importer, workstream.ref()),
                        this::refresh).open());
        importSheet.setId("import-contributions");
        com.vaadin.flow.component.orderedlayout.HorizontalLayout actions =
                new com.vaadin.flow.component.orderedlayout.HorizontalLayout(pledge, importSheet, export);
        actions.setAlignItems(com.vaadin.flow.component.orderedlayout.FlexComponent.Alignment.BASELINE);
        add(actions, grid, totals);
        refresh();
    }

    private String unitLabel(String unit) {
        return ValuationRate.PERSON_DAY.equals(unit) ? getTranslation("contribution.unit.personDays") : unit;
    }

    /** An amount in its unit as the grid shows it: "5,000 EUR", "12 person-days" ("5 000 EUR" in French). */
    private String amount(BigDecimal value, String unit) {
        return Formats.number(getLocale(), value, 2) + " " + unitLabel(unit);
    }

    /** A value in euros, up to the cent: "€ 5,000.5" in English, "5 000,5 €" in French. */
    private String euros(BigDecimal value) {
        return getTranslation("contribution.panel.euros", Formats.number(getLocale(), value, 2));
    }

    private void refresh() {
        var visible = contributions.of(workstream.ref());
        grid.setItems(visible);
        BigDecimal pledged = visible.stream().map(Contribution::pledgedEur).reduce(BigDecimal.ZERO, BigDecimal::add);
        BigDecimal delivered = visible.stream().map(Contribution::deliveredEur).reduce(BigDecimal.ZERO, BigDecimal::add);
        totals.setText(getTranslation("contribution.panel.totals",
                Formats.number(getLocale(), pledged.setScale(0, RoundingMode.HALF_UP), 2),
                Formats.number(getLocale(), delivered.setScale(0, RoundingMode.HALF_UP), 2)));
    }

    private void openPledge() {
        Dialog dialog = FocusReturn.to(new Dialog());
        dialog.setHeaderTitle(getTranslation("contribution.panel.pledge"));
        ComboBox<ContributionType> type = new ComboBox<>(getTranslation("contribution.panel.type"),
                ContributionType.values());
        type.setItemLabelGenerator(t -> getTranslation(Translations.enumKey(t)));
        type.setValue(ContributionType.FUNDING);
        type.setId("contribution-type");
        ComboBox<String> unit = new ComboBox<>(getTranslation("contribution.panel.unit"));
        unit.setItems(contributions.units().stream().map(ValuationRate::unit).toList());
        unit.setItemLabelGenerator(this::unitLabel);
        unit.setValue("EUR");
        unit.setAllowCustomValue(true);
        unit.addCustomValueSetListener(e -> unit.setValue(e.getDetail().toUpperCase()));
        unit.setId("contribution-unit");
        type.addValueChangeListener(e -> unit.setValue(e.getValue() == ContributionType.PERSONNEL
                ? ValuationRate.PERSON_DAY : "EUR"));
        TextField description = new TextField(getTranslation("contribution.panel.description"));
        description.setMaxLength(1000);
        BigDecimalField pledged = Localized.decimalField(new BigDecimalField(getTranslation("contribution.panel.pledgedAmount")));
        pledged.setId("contribution-pledged");
        LocalDate today = contributions.today();
        DatePicker pledgedOn = Localized.datePicker(new DatePicker(getTranslation("contribution.panel.pledgedOn"), today));
        pledgedOn.setMax(today);
        pledgedOn.setId("contribution-pledged-on");
        BigDecimalField delivered = Localized.decimalField(new BigDecimalField(getTranslation("contribution.panel.deliveredSoFar")));
        delivered.setId("contribution-delivered");
        // Offered once something is delivered: today unless changed, never before the pledge.
        DatePicker deliveredOn = Localized.datePicker(getTranslation("contribution.panel.deliveredOn"));
        deliveredOn.setMax(today);
        deliveredOn.setMin(today);
        deliveredOn.setVisible(false);
        deliveredOn.setId("contribution-delivered-on");
        pledgedOn.addValueChangeListener(e -> deliveredOn.setMin(e.getValue()));
        delivered.addValueChangeListener(e -> {
            boolean any = e.getValue() != null && e.getValue().signum() > 0;
            deliveredOn.setVisible(any);
            if (!any) {
                deliveredOn.clear();
            } else if (deliveredOn.isEmpty()) {
                deliveredOn.setValue(today);
            }
        });
        ReleasabilityChooser audience = new ReleasabilityChooser("contribution", workstream, workstreams, ownTenant);
        FormLayout form = new FormLayout(type, unit, pledged, pledgedOn, delivered, deliveredOn, description,
                audience.releasability, audience.relTo);
        dialog.add(form);
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("type", type, "unit", unit,
                "pledgedAmount", pledged, "deliveredAmount", delivered, "pledgedOn", pledgedOn, "deliveredOn", deliveredOn,
                "description", description, "releasability", audience.releasability, "relTo", audience.relTo);
        Button save = new Button(getTranslation("contribution.panel.pledgeButton"), click -> {
            Feedback.clear(fields);
            if (pledged.isInvalid() && pledged.getValue() == null && !pledged.isEmpty()) {
                return;
            }
            try {
                if (pledgedOn.isEmpty()) {
                    // A cleared date would silently become today: ask instead.
                    pledgedOn.setErrorMessage(getTranslation("contribution.error.pledgeDateMissing"));
                    pledgedOn.setInvalid(true);
                    return;
                }
                contributions.pledge(workstream.ref(), new ContributionDraft(type.getValue(), description.getValue(),
                        unit.getValue(), pledged.getValue(), delivered.getValue(), pledgedOn.getValue(),
                        deliveredOn.getValue(), audience.value(), audience.relToIds()));
                dialog.close();
                Feedback.success(getTranslation("contribution.panel.pledged.done"));
                refresh();
            } catch (RuntimeException e) {
                Feedback.show(e, fields, this::refresh);
            }
        });
        save.setId("save-contribution");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void openDelivery(Contribution contribution) {
        Dialog dialog = FocusReturn.to(new Dialog());
        dialog.setHeaderTitle(getTranslation("contribution.panel.recordDelivery"));
        BigDecimalField delivered = Localized.decimalField(new BigDecimalField(getTranslation("contribution.panel.deliveredSoFarIn",
                unitLabel(contribution.unit()))));
        delivered.setValue(contribution.deliveredAmount());
        delivered.setId("delivery-amount");
        // More than before is a delivery today unless another date is chosen; less is a correction that
        // keeps the last delivery date; nothing delivered has no date.
        LocalDate today = contributions.today();
        DatePicker deliveredOn = Localized.datePicker(new DatePicker(getTranslation("contribution.panel.lastDeliveredOn"),
                contribution.deliveredOn()));
        deliveredOn.setMin(contribution.pledgedOn());
        deliveredOn.setMax(today);
        deliveredOn.setVisible(contribution.deliveredOn() != null);
        deliveredOn.setId("delivery-date");
        boolean[] dateChosen = {false};
        deliveredOn.addValueChangeListener(e -> dateChosen[0] |= e.isFromClient());
        delivered.addValueChangeListener(e -> {
            boolean any = e.getValue() != null && e.getValue().signum() > 0;
            deliveredOn.setVisible(any);
            if (!any) {
                deliveredOn.clear();
            } else if (!dateChosen[0]) {
                boolean more = e.getValue().compareTo(contribution.deliveredAmount()) > 0;
                deliveredOn.setValue(more || contribution.deliveredOn() == null ? today : contribution.deliveredOn());
            }
        });
        dialog.add(new FormLayout(delivered, deliveredOn));
        Map<String, com.vaadin.flow.component.HasValidation> fields = Map.of("deliveredAmount", delivered,
                "deliveredOn", deliveredOn);
        Button save = new Button(getTranslation("action.save"), click -> {
            Feedback.clear(fields);
            try {
                contributions.recordDelivery(contribution, delivered.getValue(), deliveredOn.getValue());
                dialog.close();
                Feedback.success(getTranslation("contribution.panel.delivery.done"));
                refresh();
            } catch (RuntimeException e) {
                Feedback.show(e, fields, () -> {
                    dialog.close();
                    refresh();
                });
            }
        });
        save.setId("save-delivery");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }
}
