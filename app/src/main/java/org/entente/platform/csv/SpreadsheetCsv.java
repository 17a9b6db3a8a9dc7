package org.entente.platform.csv;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * CSV that people open in a spreadsheet: RFC 4180 as Apache Commons CSV writes it (UTF-8, CRLF, quotes where a value
 * needs them), and text that a spreadsheet would run as a formula defused.
 */
public final class SpreadsheetCsv {

    private SpreadsheetCsv() {
    }

    /**
     * Text as a spreadsheet will read it: a value starting with =, +, -, @, tab or carriage return (which spreadsheets
     * skip before reading a formula; OWASP's list) gets a leading apostrophe. Only for text people typed: numbers and
     * dates the export writes itself never pass here (a negative number would get the apostrophe too).
     */
    public static String defused(String value) {
        String text = value == null ? "" : value;
        return !text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0 ? "'" + text : text;
    }

    /** The header and the rows, each value written as {@link String#valueOf} (null: empty). */
    public static byte[] write(List<String> header, List<? extends List<?>> rows) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new))
                .setRecordSeparator("\r\n").setNullString("").get();
        try (CSVPrinter csv = new CSVPrinter(new OutputStreamWriter(out, StandardCharsets.UTF_8), format)) {
            for (List<?> row : rows) {
                csv.printRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
