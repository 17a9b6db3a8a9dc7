package org.entente.analytics.spark;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.spark.sql.Row;

/**
 * A result set as both engines can agree on it: the column names (lower case), then the rows, each as text, sorted
 * (order-independent). Numbers are rounded to {@value #DECIMALS} decimals (HALF_UP): that is the tolerance. Integers
 * and DECIMAL money are exact on both engines, so only DOUBLE ratios can differ, in their last bits.
 */
record ResultRows(String columns, List<String> rows) {

    static final int DECIMALS = 6;

    static ResultRows of(ResultSet rs) throws SQLException {
        ResultSetMetaData meta = rs.getMetaData();
        List<String> names = new ArrayList<>();
        for (int c = 1; c <= meta.getColumnCount(); c++) {
            names.add(meta.getColumnLabel(c));
        }
        List<String> rows = new ArrayList<>();
        while (rs.next()) {
            List<Object> values = new ArrayList<>();
            for (int c = 1; c <= names.size(); c++) {
                values.add(rs.getObject(c));
            }
            rows.add(row(values));
        }
        return sorted(names, rows);
    }

    static ResultRows of(List<String> columns, List<Row> sparkRows) {
        List<String> rows = new ArrayList<>();
        for (Row row : sparkRows) {
            List<Object> values = new ArrayList<>();
            for (int c = 0; c < row.size(); c++) {
                values.add(row.get(c));
            }
            rows.add(row(values));
        }
        return sorted(columns, rows);
    }

    private static ResultRows sorted(List<String> columns, List<String> rows) {
        List<String> sorted = new ArrayList<>(rows);
        sorted.sort(null);
        return new ResultRows(String.join(" ", columns).toLowerCase(Locale.ROOT), List.copyOf(sorted));
    }

    private static String row(List<Object> values) {
        StringBuilder text = new StringBuilder();
        for (Object value : values) {
            text.append(text.isEmpty() ? "" : " | ").append(cell(value));
        }
        return text.toString();
    }

    static String cell(Object value) {
        if (value == null) {
            return "NULL";
        }
        if (value instanceof Number number) {
            try {
                return new BigDecimal(number.toString()).setScale(DECIMALS, RoundingMode.HALF_UP).stripTrailingZeros()
                        .toPlainString();
            } catch (NumberFormatException e) {
                return number.toString();   // NaN, Infinity
            }
        }
        if (value instanceof java.sql.Date date) {
            return date.toLocalDate().toString();
        }
        return value.toString();    // text; DuckDB's UUID and the Parquet copy's UUID text print the same
    }
}
