package org.entente.platform.importing;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of a sheet as a feature's columns: the header decides where each column is, and {@link #row} reads one row
 * cell by cell, collecting each problem with its column.
 *
 * @param <C> the feature's columns, in the template's order
 */
public final class SheetRows<C extends Enum<C> & SheetColumn> {

    private final Map<C, Integer> positions;

    private SheetRows(Map<C, Integer> positions) {
        this.positions = positions;
    }

    /**
     * Reads the header: every column must be named once, in any order; other columns are refused (a typo in a header
     * would otherwise drop a column's values without a word).
     */
    public static <C extends Enum<C> & SheetColumn> SheetRows<C> forHeader(List<String> header, Class<C> columns) {
        Map<C, Integer> positions = new EnumMap<>(columns);
        List<String> unknown = new ArrayList<>();
        for (int i = 0; i < header.size(); i++) {
            String cell = header.get(i);
            if (cell.isBlank()) {
                continue;
            }
            C named = null;
            for (C column : columns.getEnumConstants()) {
                if (column.namedBy(cell)) {
                    named = column;
                    break;
                }
            }
            if (named == null || positions.putIfAbsent(named, i) != null) {
                unknown.add(cell);
            }
        }
        List<String> missing = new ArrayList<>();
        for (C column : columns.getEnumConstants()) {
            if (!positions.containsKey(column)) {
                missing.add(column.code());
            }
        }
        if (!missing.isEmpty() || !unknown.isEmpty()) {
            throw new ImportFileException("import.error.header", String.join(", ", missing), String.join(", ", unknown));
        }
        return new SheetRows<>(positions);
    }

    /** A reader of one row's cells. */
    public RowReader<C> row(Sheet.Row row) {
        return new RowReader<>(row, positions);
    }

    /** A header or choice as compared: trimmed, lower case, a no-break space as a space. */
    public static String normalized(String text) {
        return text == null ? "" : text.strip().replace('\u00a0', ' ').toLowerCase(Locale.ROOT);
    }
}
