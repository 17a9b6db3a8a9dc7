package org.entente.platform.importing.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.Div;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.upload.Upload;
import com.vaadin.flow.server.streams.DownloadHandler;
import com.vaadin.flow.server.streams.DownloadResponse;
import com.vaadin.flow.server.streams.UploadHandler;
import java.io.ByteArrayInputStream;
import java.util.Locale;
import java.util.stream.Collectors;
import org.entente.platform.i18n.Translations;
import org.entente.platform.importing.ImportFileException;
import org.entente.platform.importing.ImportPlan;
import org.entente.platform.importing.SpreadsheetImport;
import org.entente.platform.i18n.ui.Localized;
import org.entente.platform.ui.Feedback;
import org.entente.platform.ui.FocusReturn;
import org.entente.platform.validation.NotAllowed;

/**
 * Importing records from a spreadsheet: download the template, upload the filled file, see every row with what
 * importing it would do (new, update, unchanged, or what is wrong and in which column), then import all rows at once.
 * Nothing is stored before the confirmation, and nothing at all while a row has an error.
 *
 * <p>The feature names the dialog with a prefix: its element ids ({@code <prefix>-import-dialog},
 * {@code <prefix>-upload}, {@code <prefix>-template}, {@code apply-<prefix>-import}, …) and its own words
 * ({@code <prefix>.import.header}, {@code .intro}, {@code .template}, {@code .templateFile}, {@code .what}).
 */
public final class SpreadsheetImportDialog<D, E> extends Dialog {

    private final SpreadsheetImport<D, E> importer;
    private final Runnable afterImport;
    private final Upload upload;
    private final Div problems = new Div();
    private final Span summary = new Span();
    private final Grid<ImportPlan.Row<D, E>> rows = new Grid<>();
    private final Button apply = new Button(getTranslation("import.apply.none"));
    private final String prefix;
    private String fileName;
    private byte[] content;

    public SpreadsheetImportDialog(String prefix, SpreadsheetImport<D, E> importer, Runnable afterImport) {
        FocusReturn.to(this);
        this.prefix = prefix;
        this.importer = importer;
        this.afterImport = afterImport;
        setId(prefix + "-import-dialog");
        setHeaderTitle(getTranslation(prefix + ".import.header"));
        setWidth("72rem");

        Locale locale = getLocale();
        Anchor template = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] workbook = importer.template(locale);
            return new DownloadResponse(new ByteArrayInputStream(workbook),
                    Translations.text(locale, prefix + ".import.templateFile") + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.length);
        }), getTranslation(prefix + ".import.template"));
        template.setDownload(true);
        template.setId(prefix + "-template");
        Paragraph intro = new Paragraph(getTranslation(prefix + ".import.intro") + " ");
        intro.add(template);
        intro.getStyle().set("margin-top", "0");

        upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            // Runs in the upload request (signed in); only showing the outcome needs the page.
            ImportPlan<D, E> preview = null;
            String failure = null;
            try {
                preview = importer.preview(metadata.fileName(), bytes);
            } catch (ImportFileException e) {
                failure = e.text().in(locale);
            } catch (NotAllowed e) {
                failure = e.text().in(locale);
            }
            ImportPlan<D, E> result = preview;
            String problem = failure;
            getUI().ifPresent(ui -> ui.access(() -> show(metadata.fileName(), bytes, result, problem)));
        }));
        Localized.upload(upload);
        upload.setId(prefix + "-upload");
        upload.setAcceptedFileTypes(".xlsx", ".csv", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(5 * 1024 * 1024);
        upload.setDropLabel(new Span(getTranslation("import.drop")));
        upload.addFileRejectedListener(e -> show(null, null, null, e.getErrorMessage()));

        problems.setId(prefix + "-import-problems");
        problems.addClassName("import-problems");
        problems.getStyle().set("white-space", "pre-line").set("box-sizing", "border-box").set("width", "100%")
                .set("color", "var(--lumo-error-text-color)").set("background", "var(--lumo-error-color-10pct)")
                .set("padding", "var(--lumo-space-s)").set("border-radius", "var(--lumo-border-radius-m)");
        problems.setVisible(false);
        summary.setId(prefix + "-import-summary");
        summary.getStyle().set("font-weight", "600");

        rows.setId(prefix + "-import-rows");
        rows.addColumn(ImportPlan.Row::line).setHeader(getTranslation("import.row"))
                .setAutoWidth(true).setFlexGrow(0);
        rows.addColumn(ImportPlan.Row::reference).setHeader(getTranslation("import.reference"))
                .setAutoWidth(true).setFlexGrow(0);
        rows.addColumn(r -> getTranslation("import.outcome." + r.outcome().name()))
                .setHeader(getTranslation("import.outcome")).setAutoWidth(true).setFlexGrow(0);
        rows.addColumn(r -> r.draft() == null ? "" : importer.describe(r.draft(), locale))
                .setHeader(getTranslation(prefix + ".import.what")).setAutoWidth(true).setFlexGrow(0);
        rows.addColumn(r -> r.problems().stream().map(p -> (p.column() == null ? ""
                        : p.column().label(locale) + ": ") + p.text().in(locale))
                        .collect(Collectors.joining("\n")))
                .setHeader(getTranslation("import.problems")).setFlexGrow(1);
        rows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        rows.setVisible(false);

        VerticalLayout body = new VerticalLayout(intro, upload, problems, summary, rows);
        body.setPadding(false);
        add(body);

        apply.setId("apply-" + prefix + "-import");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(click -> apply());
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("cancel-" + prefix + "-import");
        getFooter().add(cancel, apply);
    }

    private void show(String name, byte[] bytes, ImportPlan<D, E> preview, String problem) {
        upload.clearFileList(); // ready for the next (corrected) file
        fileName = preview == null ? null : name;
        content = preview == null ? null : bytes;
        problems.setText(problem == null ? "" : problem);
        problems.setVisible(problem != null);
        if (preview == null) {
            summary.setText("");
            rows.setItems();
            rows.setVisible(false);
            apply.setEnabled(false);
            return;
        }
        summary.setText(getTranslation("import.summaryLine", name, preview.summary().in(getLocale())));
        // Rows in error first: in a file of hundreds, the three to fix are what the person came to see.
        rows.setItems(preview.rows().stream().sorted(java.util.Comparator.comparing(
                (ImportPlan.Row<D, E> r) -> r.outcome() != ImportPlan.Outcome.ERROR)).toList());
        rows.setAllRowsVisible(preview.rows().size() <= 12);
        if (preview.rows().size() > 12) {
            rows.setHeight("22rem");
        }
        rows.setVisible(true);
        long writes = preview.writes();
        apply.setEnabled(!preview.hasErrors() && writes > 0);
        apply.setText(preview.hasErrors() ? getTranslation("import.apply.fixFirst")
                : getTranslation("import.apply.rows", writes));
    }

    private void apply() {
        if (content == null) {
            return;
        }
        try {
            ImportPlan<D, E> done = importer.apply(fileName, content);
            Feedback.success(getTranslation("import.done", done.summary().in(getLocale())));
            close();
            afterImport.run();
        } catch (ImportFileException e) {
            show(null, null, null, e.text().in(getLocale()));
        } catch (RuntimeException e) {
            // Rows in error now (the file meant something else since the preview: a partner withdrew), an edit of
            // the same record meanwhile, a refusal: nothing was stored; say why, and keep the dialog open.
            show(null, null, null, null);
            Feedback.show(e, java.util.Map.of(), () -> { });
        }
    }
}
