package org.entente.contribution.ui;

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
import org.entente.contribution.importing.ContributionImport;
import org.entente.contribution.importing.ContributionImporter;
import org.entente.contribution.importing.ImportFileException;
import org.entente.platform.i18n.Formats;
import org.entente.platform.i18n.Translations;
import org.entente.platform.i18n.ui.Localized;
import org.entente.platform.ui.Feedback;
import org.entente.platform.ui.FocusReturn;
import org.entente.platform.validation.NotAllowed;
import org.entente.workstream.WorkstreamRef;

/**
 * Importing contributions from a spreadsheet: download the template, upload the filled file, see every row with what
 * importing it would do (new, update, unchanged, or what is wrong and in which column), then import all rows at once.
 * Nothing is stored before the confirmation, and nothing at all while a row has an error.
 */
final class ContributionImportDialog extends Dialog {

    private final ContributionImporter importer;
    private final WorkstreamRef workstream;
    private final Runnable afterImport;
    private final Upload upload;
    private final Div problems = new Div();
    private final Span summary = new Span();
    private final Grid<ContributionImport.Row> rows = new Grid<>();
    private final Button apply = new Button(getTranslation("contribution.import.apply.none"));
    private String fileName;
    private byte[] content;

    ContributionImportDialog(ContributionImporter importer, WorkstreamRef workstream, Runnable afterImport) {
        FocusReturn.to(this);
        this.importer = importer;
        this.workstream = workstream;
        this.afterImport = afterImport;
        setId("contribution-import-dialog");
        setHeaderTitle(getTranslation("contribution.import.header"));
        setWidth("72rem");

        Locale locale = getLocale();
        Anchor template = new Anchor(DownloadHandler.fromInputStream(event -> {
            byte[] workbook = importer.template(locale);
            return new DownloadResponse(new ByteArrayInputStream(workbook),
                    Translations.text(locale, "contribution.import.templateFile") + ".xlsx",
                    "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", workbook.length);
        }), getTranslation("contribution.import.template"));
        template.setDownload(true);
        template.setId("contribution-template");
        Paragraph intro = new Paragraph(getTranslation("contribution.import.intro") + " ");
        intro.add(template);
        intro.getStyle().set("margin-top", "0");

        upload = new Upload(UploadHandler.inMemory((metadata, bytes) -> {
            // Runs in the upload request (signed in); only showing the outcome needs the page.
            ContributionImport preview = null;
            String failure = null;
            try {
                preview = importer.preview(workstream, metadata.fileName(), bytes);
            } catch (ImportFileException e) {
                failure = e.text().in(locale);
            } catch (NotAllowed e) {
                failure = e.text().in(locale);
            }
            ContributionImport result = preview;
            String problem = failure;
            getUI().ifPresent(ui -> ui.access(() -> show(metadata.fileName(), bytes, result, problem)));
        }));
        Localized.upload(upload);
        upload.setId("contribution-upload");
        upload.setAcceptedFileTypes(".xlsx", ".csv", "text/csv",
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet");
        upload.setMaxFiles(1);
        upload.setMaxFileSize(5 * 1024 * 1024);
        upload.setDropLabel(new Span(getTranslation("contribution.import.drop")));
        upload.addFileRejectedListener(e -> show(null, null, null, e.getErrorMessage()));

        problems.setId("contribution-import-problems");
        problems.addClassName("import-problems");
        problems.getStyle().set("white-space", "pre-line").set("box-sizing", "border-box").set("width", "100%")
                .set("color", "var(--lumo-error-text-color)").set("background", "var(--lumo-error-color-10pct)")
                .set("padding", "var(--lumo-space-s)").set("border-radius", "var(--lumo-border-radius-m)");
        problems.setVisible(false);
        summary.setId("contribution-import-summary");
        summary.getStyle().set("font-weight", "600");

        rows.setId("contribution-import-rows");
        rows.addColumn(ContributionImport.Row::line).setHeader(getTranslation("contribution.import.row"))
                .setAutoWidth(true).setFlexGrow(0);
        rows.addColumn(ContributionImport.Row::reference).setHeader(getTranslation("contribution.import.column.reference"))
                .setAutoWidth(true).setFlexGrow(0);
        rows.addColumn(r -> getTranslation("contribution.import.outcome." + r.outcome().name()))
                .setHeader(getTranslation("contribution.import.outcome")).setAutoWidth(true).setFlexGrow(0);
        rows.addColumn(r -> r.draft() == null ? "" : getTranslation(Translations.enumKey(r.draft().type())) + " · "
                        + Formats.number(locale, r.draft().pledgedAmount(), 2) + " " + r.draft().unit())
                .setHeader(getTranslation("contribution.import.what")).setAutoWidth(true).setFlexGrow(0);
        rows.addColumn(r -> r.problems().stream().map(p -> (p.column() == null ? ""
                        : getTranslation(p.column().key()) + ": ") + p.text().in(locale))
                        .collect(Collectors.joining("\n")))
                .setHeader(getTranslation("contribution.import.problems")).setFlexGrow(1);
        rows.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_WRAP_CELL_CONTENT);
        rows.setVisible(false);

        VerticalLayout body = new VerticalLayout(intro, upload, problems, summary, rows);
        body.setPadding(false);
        add(body);

        apply.setId("apply-contribution-import");
        apply.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        apply.setEnabled(false);
        apply.addClickListener(click -> apply());
        Button cancel = new Button(getTranslation("action.cancel"), click -> close());
        cancel.setId("cancel-contribution-import");
        getFooter().add(cancel, apply);
    }

    private void show(String name, byte[] bytes, ContributionImport preview, String problem) {
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
        summary.setText(getTranslation("contribution.import.summaryLine", name, preview.summary().in(getLocale())));
        rows.setItems(preview.rows());
        rows.setAllRowsVisible(preview.rows().size() <= 12);
        if (preview.rows().size() > 12) {
            rows.setHeight("22rem");
        }
        rows.setVisible(true);
        long writes = preview.count(ContributionImport.Outcome.NEW) + preview.count(ContributionImport.Outcome.UPDATE);
        apply.setEnabled(!preview.hasErrors() && writes > 0);
        apply.setText(preview.hasErrors() ? getTranslation("contribution.import.apply.fixFirst")
                : getTranslation("contribution.import.apply.rows", writes));
    }

    private void apply() {
        if (content == null) {
            return;
        }
        try {
            ContributionImport done = importer.apply(workstream, fileName, content);
            Feedback.success(getTranslation("contribution.import.done", done.summary().in(getLocale())));
            close();
            afterImport.run();
        } catch (ImportFileException e) {
            show(null, null, null, e.text().in(getLocale()));
        } catch (RuntimeException e) {
            // Rows in error now (the file meant something else since the preview: a partner withdrew), an edit of
            // the same contribution meanwhile, a refusal: nothing was stored; say why, and keep the dialog open.
            show(null, null, null, null);
            Feedback.show(e, java.util.Map.of(), () -> { });
        }
    }
}
