package org.entente.platform.importing;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.entente.platform.validation.UploadedText;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;

/**
 * Reads the first sheet of an xlsx workbook (streaming, with POI's event API: a large file is never held as a
 * workbook) or a UTF-8 CSV file (Commons CSV; comma or semicolon, as Excel writes it in French) into text cells.
 * Formulas are read as the values the spreadsheet saved with them, never evaluated here; a date cell becomes an ISO
 * date, a number a plain decimal, whatever the cell's display format.
 */
public final class SheetReader {

    /** A few thousand rows; far below what would strain the server. */
    public static final int MAX_BYTES = 5 * 1024 * 1024;
    public static final int MAX_ROWS = 5_000;

    private SheetReader() {
    }

    public static Sheet read(String fileName, byte[] content) {
        if (content.length == 0) {
            throw new ImportFileException("import.error.empty");
        }
        if (content.length > MAX_BYTES) {
            throw new ImportFileException("import.error.tooLarge", String.valueOf(MAX_BYTES / (1024 * 1024)));
        }
        boolean zip = content.length > 3 && content[0] == 'P' && content[1] == 'K';
        String name = fileName == null ? "" : fileName.toLowerCase(Locale.ROOT);
        if (zip || name.endsWith(".xlsx")) {
            return xlsx(content);
        }
        if (name.endsWith(".xls")) {
            throw new ImportFileException("import.error.oldExcel");
        }
        return csv(content);
    }

    private static Sheet xlsx(byte[] content) {
        Collector rows = new Collector();
        try (OPCPackage workbook = OPCPackage.open(new ByteArrayInputStream(content))) {
            XSSFReader reader = new XSSFReader(workbook);
            Iterator<InputStream> sheets = reader.getSheetsData();
            if (!sheets.hasNext()) {
                throw new ImportFileException("import.error.noHeader");
            }
            XMLReader parser = XMLHelper.newXMLReader();
            parser.setContentHandler(new XSSFSheetXMLHandler(reader.getStylesTable(), null,
                    new ReadOnlySharedStringsTable(workbook), rows, new PlainValues(), false));
            try (InputStream first = sheets.next()) {
                parser.parse(new InputSource(first));
            }
        } catch (ImportFileException e) {
            throw e;
        } catch (Exception e) {
            // Not a workbook, a damaged one, or one POI's zip-bomb guard refuses: the person gets one plain sentence.
            throw new ImportFileException("import.error.notSpreadsheet");
        }
        return rows.sheet();
    }

    private static Sheet csv(byte[] content) {
        String text = utf8(content);
        String firstLine = text.lines().findFirst().orElse("");
        char delimiter = firstLine.indexOf(';') >= 0 && firstLine.indexOf(',') < 0 ? ';' : ',';
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        Collector rows = new Collector();
        try (CSVParser parser = CSVParser.builder().setReader(new StringReader(text)).setFormat(format).get()) {
            for (CSVRecord record : parser) {
                rows.add((int) parser.getCurrentLineNumber(), record.toList());
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new ImportFileException("import.error.notCsv", String.valueOf(e.getMessage()));
        }
        return rows.sheet();
    }

    private static String utf8(byte[] content) {
        return UploadedText.utf8(content).orElseThrow(() -> new ImportFileException("import.error.notUtf8"));
    }

    /** Rows as they arrive: the first with any value is the header; empty rows are left out; the row limit holds. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private List<String> header;
        private final List<Sheet.Row> rows = new ArrayList<>();
        private List<String> current;

        void add(int line, List<String> cells) {
            List<String> stripped = cells.stream().map(c -> c == null ? "" : c.strip()).toList();
            if (stripped.stream().allMatch(String::isEmpty)) {
                return;
            }
            if (header == null) {
                header = stripped;
                return;
            }
            if (rows.size() >= MAX_ROWS) {
                throw new ImportFileException("import.error.tooManyRows", MAX_ROWS);
            }
            rows.add(new Sheet.Row(line, stripped));
        }

        Sheet sheet() {
            if (header == null) {
                throw new ImportFileException("import.error.noHeader");
            }
            return new Sheet(header, rows);
        }

        @Override
        public void startRow(int rowNum) {
            current = new ArrayList<>();
        }

        @Override
        public void endRow(int rowNum) {
            add(rowNum + 1, current);
        }

        @Override
        public void cell(String reference, String value, XSSFComment comment) {
            int column = new CellReference(reference).getCol();
            while (current.size() < column) {
                current.add("");
            }
            current.add(value == null ? "" : value);
        }
    }

    /** Date cells as ISO dates and numbers as plain decimals, whatever format the cell displays them in. */
    private static final class PlainValues extends DataFormatter {

        PlainValues() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString) {
            return formatRawCellContents(value, formatIndex, formatString, false);
        }

        @Override
        public String formatRawCellContents(double value, int formatIndex, String formatString, boolean use1904) {
            if (DateUtil.isADateFormat(formatIndex, formatString) && DateUtil.isValidExcelDate(value)) {
                return DateUtil.getLocalDateTime(value, use1904).toLocalDate().toString();
            }
            return new BigDecimal(Double.toString(value)).stripTrailingZeros().toPlainString();
        }
    }
}
