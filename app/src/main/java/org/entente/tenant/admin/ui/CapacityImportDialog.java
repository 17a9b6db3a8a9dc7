package org.entente.tenant.admin.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.UploadHandler;
import org.entente.platform.i18n.Formats;
import org.entente.platform.i18n.ui.Localized;
import org.entente.tenant.admin.AdministrationException;
import org.entente.tenant.admin.CapacityImport;
import org.entente.tenant.admin.TenantCapacities;
import org.entente.platform.ui.FocusReturn;

/**
 * Loading capacities from a CSV file: the file is read and checked first, the dialog says what it would change (new,
 * replaced, unchanged figures, with the figure each replaces), and only the administrator's confirmation stores it —
 * all lines or none. A bad file is refused with every problem's line and column.
 */
final class CapacityImportDialog extends Dialog {

    private static final int MAX_BYTES = 1024 * 1024;

    private final TenantCapacities capacities;
    private final Runnable afterLoad;
    private final Div problems = new Div();
    private final Upload upload;
    private final Span summary = new Span();
    private final Grid<CapacityImport.Change> changes = new Grid<>();
    private final Button apply = new Button(getTranslation("admin.capacityFile.load"));
    private CapacityImport read;

    CapacityImportDialog(TenantCapacities capacities, Runnable afterLoad) {
        FocusReturn.to(this);
        this.capacities = capacities;
        this.afterLoad = afterLoad;
        setId("capacity-import-dialog");
        setHeaderTitle(getTranslation("admin.capacityFile.dialogHeader"));
        setWidth("72rem");

        // The file itself stays machine-readable in every language: English column names, a decimal point.
        Paragraph format = new Paragraph(getTranslation("admin.capacityFile.format",
                String.join(", ", capacities.currencies().keySet())));
        format.getStyle().set("margin-top", "0");

        upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            // Runs in the upload request (signed in); only showing the outcome needs the page.
            CapacityImport outcome = null;
            AdministrationException failure = null;
            try {
                outcome = capacities.read(metadata.fileName(), bytes);
            } catch (AdministrationException e) {
                failure = e;
            }
            CapacityImport result = outcome;
            AdministrationException problem = failure;
            getUI().ifPresent(ui -> ui.access(() -> show(result, problem == null ? null : problem.in(ui.getLocale()))));
        }));
        Localized.upload(upload);
        upload.setId("capacity-upload");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setDropLabel(new Span(getTranslation("admin.capacityFile.drop")));
        upload.addFileRejectedListener(e -> show(null, e.getErrorMessage()));

        problems.setId("capacity-import-problems");
        problems.getStyle().set("white-space", "pre-line").set("box-sizing", "border-box").set("width", "100%").set("color", "var(--lumo-error-text-color)")
                .set("background", "var(--lumo-error-color-10pct)").set("padding", "var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("margin", "0");
        problems.setVisible(false);
        summary.setId("capacity-import-summary");
        summary.getStyle().set("font-weight", "600");

        changes.setId("capacity-import-changes");
        changes.addColumn(CapacityImport.Change::line).setHeader(getTranslation("admin.capacityFile.column.line")).setAutoWidth(true).setFlexGrow(0);
        changes.addColumn(CapacityImport.Change::tenantName)
                .setHeader(getTranslation("admin.capacityFile.column.organization")).setFlexGrow(1);
        changes.addColumn(CapacityImport.Change::year).setHeader(getTranslation("admin.capacity.year")).setAutoWidth(true).setFlexGrow(0);
        changes.addColumn(c -> getTranslation("admin.capacityFile.amountInCurrency",
                        Formats.number(getLocale(), c.amount(), 2), c.currency()))
                .setHeader(getTranslation("admin.capacityFile.column.inFile")).setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END).setFlexGrow(0);
        changes.addColumn(c -> CapacityDialog.euros(c.capacityEur(), getLocale())).setHeader("EUR") // i18n-ok: ISO code.setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END).setFlexGrow(0);
        changes.addColumn(c -> c.isNew() ? getTranslation("admin.capacityFile.new")
                        : c.unchanged() ? getTranslation("admin.capacityFile.unchanged")
                        : getTranslation("admin.capacityFile.replaces", CapacityDialog.euros(c.before().capacityEur(),
                                getLocale())))
                .setHeader(getTranslation("admin.capacityFile.column.change")).setAutoWidth(true).setFlexGrow(0);
        changes.addColumn(CapacityImport.Change::source).setHeader(getTranslation("admin.capacity.source")).setFlexGrow(1)
                .setTooltipGenerator(CapacityImport.Change::source);
        changes.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        changes.setVisible(false);

        VerticalLayout body = new VerticalLayout(format, upload, problems, summary, changes);
        body.setPadding(false);
        add(body);

        apply.setId("apply-capacity-import");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(click -> apply());
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("cancel-capacity-import");
        getFooter().add(cancel, apply);
    }

    private void show(CapacityImport result, String problem) {
        read = result;
        upload.clearFileList(); // ready for the next (corrected) file
        problems.setText(problem == null ? "" : problem);
        problems.setVisible(problem != null);
        if (result == null) {
            summary.setText("");
            changes.setItems();
            changes.setVisible(false);
            apply.setEnabled(false);
            apply.setText(getTranslation("admin.capacityFile.load"));
            return;
        }
        long writes = result.added() + result.replaced();
        summary.setText(getTranslation(writes == 0 ? "admin.capacityFile.summaryAllStored" : "admin.capacityFile.summaryLine",
                result.fileName(), result.summaryText().in(getLocale())));
        changes.setItems(result.changes());
        if (result.changes().size() <= 12) {
            changes.setAllRowsVisible(true);
        } else {
            changes.setAllRowsVisible(false);
            changes.setHeight("20rem");
        }
        changes.setVisible(true);
        apply.setEnabled(writes > 0);
        apply.setText(getTranslation("admin.capacityFile.loadFigures", writes));
    }

    private void apply() {
        if (read == null) {
            return;
        }
        try {
            int written = capacities.apply(read);
            TenantsView.success(getTranslation("admin.capacityFile.loaded", written, read.fileName()));
            close();
            afterLoad.run();
        } catch (AdministrationException e) {
            show(null, e.in(getLocale()));
        }
    }
}
