package org.entente.disclosure.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.ColumnTextAlign;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H3;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.entente.analytics.engine.rollup.Cell;
import org.entente.analytics.engine.rollup.Column;
import org.entente.analytics.engine.rollup.RollupTable;
import org.entente.analytics.engine.rollup.Row;
import org.entente.disclosure.PreviewFigures;
import org.entente.platform.i18n.Language;
import org.entente.platform.ui.FocusReturn;

/** "What NATO ACT's coordinators will see of us": the own rows of the tables consent publishes, read-only. */
final class PreviewDialog extends Dialog {

    /** A snapshot as the Analytics page names it ("as of 7 Dec 2026, 13:48:01 UTC"), to the second. */
    static DateTimeFormatter snapshot(Locale locale) {
        return DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Language.orDefault(locale).locale())
                .withZone(ZoneOffset.UTC);
    }

    PreviewDialog(PreviewFigures preview, FigureText figures) {
        FocusReturn.to(this);
        setId("publication-preview");
        setHeaderTitle(getTranslation("disclosure.preview.title", preview.granteeName(), preview.ownName()));
        setWidth("min(80rem, 95vw)");
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        if (preview.snapshotTakenAt() == null) {
            body.add(paragraph(getTranslation("disclosure.preview.noSnapshot"), "preview-no-snapshot"));
        } else {
            body.add(paragraph(getTranslation("disclosure.preview.asOf",
                    snapshot(getLocale()).format(preview.snapshotTakenAt()), preview.ownName(), preview.granteeName()),
                    "preview-as-of"));
            body.add(paragraph(getTranslation("disclosure.preview.leftOut", preview.granteeName()), "preview-left-out"));
            if (preview.tables().isEmpty()) {
                body.add(paragraph(getTranslation("disclosure.preview.empty", preview.ownName()), "preview-empty"));
            }
            for (RollupTable table : preview.tables()) {
                H3 title = new H3(table.title());
                body.add(title, grid(table, figures));
            }
            preview.notes().forEach(note -> body.add(paragraph(note, null)));
        }
        add(body);
        Button close = new Button(getTranslation("action.close"), click -> close());
        close.setId("close-preview");
        getFooter().add(close);
    }

    private static Grid<Row> grid(RollupTable table, FigureText figures) {
        Grid<Row> grid = new Grid<>();
        grid.setId("preview-" + table.id());
        grid.addThemeVariants(GridVariant.LUMO_COMPACT, GridVariant.LUMO_ROW_STRIPES);
        List<Column> columns = table.columns();
        for (int i = 0; i < columns.size(); i++) {
            int index = i;
            Column column = columns.get(i);
            Grid.Column<Row> gridColumn = grid.addColumn(row -> figures.text(cell(row, index), column.kind()))
                    .setHeader(column.label())
                    .setTooltipGenerator(row -> figures.reason(cell(row, index)));
            if (column.kind() != Column.Kind.TEXT) {
                gridColumn.setTextAlign(ColumnTextAlign.END).setAutoWidth(true);
            } else {
                gridColumn.setAutoWidth(true);
            }
        }
        grid.setItems(table.rows());
        grid.setAllRowsVisible(true);
        return grid;
    }

    private static Cell cell(Row row, int index) {
        return index < row.cells().size() ? row.cells().get(index) : null;
    }

    private static Paragraph paragraph(String text, String id) {
        Paragraph paragraph = new Paragraph(text);
        if (id != null) {
            paragraph.setId(id);
        }
        return paragraph;
    }
}
