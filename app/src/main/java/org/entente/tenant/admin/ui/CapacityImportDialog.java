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
import java.math.BigDecimal;
import org.entente.tenant.admin.AdministrationException;
import org.entente.tenant.admin.CapacityImport;
import org.entente.tenant.admin.TenantCapacities;

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
    private final Button apply = new Button("Load");
    private CapacityImport read;

    CapacityImportDialog(TenantCapacities capacities, Runnable afterLoad) {
        this.capacities = capacities;
        this.afterLoad = afterLoad;
        setId("capacity-import-dialog");
        setHeaderTitle("Load capacities from a CSV file");
        setWidth("72rem");

        Paragraph format = new Paragraph("UTF-8 CSV with a header line naming the columns alias, year, amount, "
                + "currency, source — one line per organization and year, e.g. "
                + "\"norway,2024,5100000000000,NOK,Statistics Norway, GDP 2024 (approximate)\" (quote a source that "
                + "holds a comma). Amounts use a decimal point and no thousands separators; they are converted to EUR "
                + "at the valuation rates contributions use (" + String.join(", ", capacities.currencies().keySet())
                + "). A year already stored is replaced. Nothing is stored until you confirm, and then every line or "
                + "none.");
        format.getStyle().set("margin-top", "0");

        upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            // Runs in the upload request (signed in); only showing the outcome needs the page.
            CapacityImport outcome = null;
            String failure = null;
            try {
                outcome = capacities.read(metadata.fileName(), bytes);
            } catch (AdministrationException e) {
                failure = e.getMessage();
            }
            CapacityImport result = outcome;
            String problem = failure;
            getUI().ifPresent(ui -> ui.access(() -> show(result, problem)));
        }));
        upload.setId("capacity-upload");
        upload.setAcceptedFileTypes(".csv", "text/csv");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(MAX_BYTES);
        upload.setDropLabel(new Span("Drop a CSV file here (up to 1 MiB, 5,000 lines)"));
        upload.addFileRejectedListener(e -> show(null, e.getErrorMessage()));

        problems.setId("capacity-import-problems");
        problems.getStyle().set("white-space", "pre-line").set("box-sizing", "border-box").set("width", "100%").set("color", "var(--lumo-error-text-color)")
                .set("background", "var(--lumo-error-color-10pct)").set("padding", "var(--lumo-space-s)")
                .set("border-radius", "var(--lumo-border-radius-m)").set("margin", "0");
        problems.setVisible(false);
        summary.setId("capacity-import-summary");
        summary.getStyle().set("font-weight", "600");

        changes.setId("capacity-import-changes");
        changes.addColumn(CapacityImport.Change::line).setHeader("Line").setAutoWidth(true).setFlexGrow(0);
        changes.addColumn(CapacityImport.Change::tenantName).setHeader("Organization").setFlexGrow(1);
        changes.addColumn(CapacityImport.Change::year).setHeader("Year").setAutoWidth(true).setFlexGrow(0);
        changes.addColumn(c -> plain(c.amount()) + " " + c.currency()).setHeader("In the file").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END).setFlexGrow(0);
        changes.addColumn(c -> CapacityDialog.euros(c.capacityEur())).setHeader("EUR").setAutoWidth(true)
                .setTextAlign(ColumnTextAlign.END).setFlexGrow(0);
        changes.addColumn(c -> c.isNew() ? "new" : c.unchanged() ? "unchanged"
                : "replaces " + CapacityDialog.euros(c.before().capacityEur())).setHeader("Change").setAutoWidth(true)
                .setFlexGrow(0);
        changes.addColumn(CapacityImport.Change::source).setHeader("Source").setFlexGrow(1)
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
        Button cancel = new Button("Cancel", click -> close());
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
            apply.setText("Load");
            return;
        }
        long writes = result.added() + result.replaced();
        summary.setText(result.fileName() + ": " + result.summary() + "."
                + (writes == 0 ? " Everything in it is stored already." : ""));
        changes.setItems(result.changes());
        if (result.changes().size() <= 12) {
            changes.setAllRowsVisible(true);
        } else {
            changes.setAllRowsVisible(false);
            changes.setHeight("20rem");
        }
        changes.setVisible(true);
        apply.setEnabled(writes > 0);
        apply.setText("Load " + writes + (writes == 1 ? " figure" : " figures"));
    }

    private void apply() {
        if (read == null) {
            return;
        }
        try {
            int written = capacities.apply(read);
            TenantsView.success(written + (written == 1 ? " capacity figure" : " capacity figures") + " loaded from "
                    + read.fileName() + ".");
            close();
            afterLoad.run();
        } catch (AdministrationException e) {
            show(null, e.getMessage());
        }
    }

    private static String plain(BigDecimal amount) {
        java.text.NumberFormat format = java.text.NumberFormat.getNumberInstance(java.util.Locale.UK);
        format.setMaximumFractionDigits(2);
        return format.format(amount);
    }
}
