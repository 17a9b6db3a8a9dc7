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

/** "What NATO ACT's coordinators will see of us": the own rows of the tables consent publishes, read-only. */
final class PreviewDialog extends Dialog {

    /** A snapshot as the Analytics page names it ("as of 7 Dec 2026, 13:48:01 UTC"), to the second. */
    static final DateTimeFormatter SNAPSHOT = DateTimeFormatter.ofPattern("d MMM yyyy, HH:mm:ss 'UTC'", Locale.UK)
            .withZone(ZoneOffset.UTC);

    PreviewDialog(PreviewFigures preview, FigureText figures) {
        setId("publication-preview");
        setHeaderTitle("What " + preview.granteeName() + "'s coordinators will see of " + preview.ownName());
        setWidth("min(80rem, 95vw)");
        VerticalLayout body = new VerticalLayout();
        body.setPadding(false);
        if (preview.snapshotTakenAt() == null) {
            body.add(paragraph("There is no analytics snapshot yet, so there are no figures to preview. Try again once "
                    + "the first snapshot is taken.", "preview-no-snapshot"));
        } else {
            body.add(paragraph("From the analytics snapshot of " + SNAPSHOT.format(preview.snapshotTakenAt())
                    + ", as if you published to them: these are the figures about " + preview.ownName() + " that "
                    + preview.granteeName() + "'s coordinators see unsuppressed once you publish and the snapshot is "
                    + "refreshed. Never any record, title or detail: only totals.", "preview-as-of"));
            body.add(paragraph("Left out here: shares of the delivered total, fair share, burden ratio and the "
                    + "guideline mark. They compare you with the other partners, whose totals this preview may not show "
                    + "you; " + preview.granteeName() + "'s coordinators see them beside your figures, as far as "
                    + "disclosure control lets them.", "preview-left-out"));
            if (preview.tables().isEmpty()) {
                body.add(paragraph(preview.ownName() + " has no contributions or participations in the snapshot, so "
                        + "there are no figures of yours to publish yet.", "preview-empty"));
            }
            for (RollupTable table : preview.tables()) {
                H3 title = new H3(table.title());
                body.add(title, grid(table, figures));
            }
            preview.notes().forEach(note -> body.add(paragraph(note, null)));
        }
        add(body);
        Button close = new Button("Close", click -> close());
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
