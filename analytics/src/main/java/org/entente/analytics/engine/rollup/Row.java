package org.entente.analytics.engine.rollup;

import java.util.List;

/**
 * A row of a {@link RollupTable}: one cell per column, in column order.
 *
 * @param total true when the row totals over at least one of the table's dimension columns (its dimension cell then
 *              reads {@link RollupTable#TOTAL}); charts draw the rows that are not totals
 */
public record Row(List<Cell> cells, boolean total) {

    public Row {
        cells = List.copyOf(cells);
    }

    public Cell cell(int column) {
        return cells.get(column);
    }
}
