package org.entente.platform.importing;

import java.util.List;

/**
 * A sheet as read, before any value is interpreted: the header row's cells and each further row's cells as text
 * (dates from date cells as ISO dates, numbers as plain decimals, formulas as their cached values).
 *
 * @param rows the rows that hold any value, each with its line number in the file (1 = the header)
 */
public record Sheet(List<String> header, List<Row> rows) {

    public Sheet {
        header = List.copyOf(header);
        rows = List.copyOf(rows);
    }

    /** @param cells the row's cells by column position; "" for an empty cell */
    public record Row(int line, List<String> cells) {

        public Row {
            cells = List.copyOf(cells);
        }

        public String cell(int index) {
            return index >= 0 && index < cells.size() ? cells.get(index) : "";
        }
    }
}
