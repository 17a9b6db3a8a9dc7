package org.entente.analytics.engine.disclosure;

import java.util.List;

/**
 * A two-dimensional table with row totals, column totals and a grand total, the common case of a
 * {@link DisclosureCube}. A null cell is empty (no records). A 1-D table is one row (or one column) with its total.
 * Pass null for totals the table does not have.
 */
public final class DisclosureTable {

    private final int rows;
    private final int columns;
    private final DisclosureProblem problem = new DisclosureProblem();
    private final int[][] cells;
    private final int[] rowTotals;
    private final int[] columnTotals;
    private final int grandTotal;

    public DisclosureTable(CellFacts[][] cells, CellFacts[] rowTotals, CellFacts[] columnTotals, CellFacts grandTotal) {
        this.rows = cells.length;
        this.columns = rows == 0 ? 0 : cells[0].length;
        DisclosureCube cube = problem.cube(2);
        this.cells = new int[rows][columns];
        for (int r = 0; r < rows; r++) {
            if (cells[r].length != columns) {
                throw new IllegalArgumentException("row " + r + " has " + cells[r].length + " cells, not " + columns);
            }
            for (int c = 0; c < columns; c++) {
                this.cells[r][c] = cells[r][c] == null ? -1 : cube.add(List.of(r, c), cells[r][c]);
            }
        }
        this.rowTotals = new int[rows];
        for (int r = 0; r < rows; r++) {
            this.rowTotals[r] = rowTotals == null || rowTotals[r] == null
                    ? -1 : cube.add(List.of(r, DisclosureCube.TOTAL), rowTotals[r]);
        }
        this.columnTotals = new int[columns];
        for (int c = 0; c < columns; c++) {
            this.columnTotals[c] = columnTotals == null || columnTotals[c] == null
                    ? -1 : cube.add(List.of(DisclosureCube.TOTAL, c), columnTotals[c]);
        }
        this.grandTotal = grandTotal == null ? -1 : cube.add(List.of(DisclosureCube.TOTAL, DisclosureCube.TOTAL), grandTotal);
    }

    /** Applies {@code control}; the result tells each cell's fate. */
    public Result protect(DisclosureControl control) {
        return new Result(control.protect(problem));
    }

    public int rows() {
        return rows;
    }

    public int columns() {
        return columns;
    }

    /** Reasons by position; null = published (also for cells that are absent or empty). */
    public final class Result {

        private final Disclosure disclosure;

        private Result(Disclosure disclosure) {
            this.disclosure = disclosure;
        }

        public SuppressionReason cell(int row, int column) {
            return reason(cells[row][column]);
        }

        public SuppressionReason rowTotal(int row) {
            return reason(rowTotals[row]);
        }

        public SuppressionReason columnTotal(int column) {
            return reason(columnTotals[column]);
        }

        public SuppressionReason grandTotal() {
            return reason(grandTotal);
        }

        public int suppressedCount() {
            return disclosure.suppressedCount();
        }

        private SuppressionReason reason(int index) {
            return index < 0 ? null : disclosure.reason(index);
        }
    }
}
