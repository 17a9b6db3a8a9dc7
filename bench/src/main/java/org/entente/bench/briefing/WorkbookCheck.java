package org.entente.bench.briefing;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipFile;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reopens a written briefing with POI's event API (sheet XML parsed as a stream, nothing held): the rows and cells
 * of each sheet and the charts in the package. A benchmark of a broken workbook would be worthless.
 *
 * @param rows   rows per sheet, in workbook order (banner and header rows included)
 * @param cells  cells of all sheets
 * @param charts chart parts in the package
 */
record WorkbookCheck(Map<String, Long> rows, long cells, int charts) {

    static WorkbookCheck read(Path file) throws Exception {
        Map<String, Long> rows = new LinkedHashMap<>();
        long[] cells = {0};
        try (OPCPackage workbook = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
            XSSFReader reader = new XSSFReader(workbook);
            XSSFReader.SheetIterator sheets = (XSSFReader.SheetIterator) reader.getSheetsData();
            while (sheets.hasNext()) {
                try (InputStream sheet = sheets.next()) {
                    long[] count = {0};
                    XMLReader parser = XMLHelper.newXMLReader();
                    // Java 24+ caps the text that entity references (every "&amp;") add up to at 100,000 characters
                    // per document; a million-row sheet has more. Lifting the caps reads nothing external.
                    for (String limit : List.of("totalEntitySizeLimit", "maxGeneralEntitySizeLimit",
                            "entityExpansionLimit")) {
                        parser.setProperty("http://www.oracle.com/xml/jaxp/properties/" + limit, "0");
                    }
                    parser.setContentHandler(new DefaultHandler() {
                        @Override
                        public void startElement(String uri, String localName, String qName, Attributes attributes) {
                            if ("row".equals(localName)) {
                                count[0]++;
                            } else if ("c".equals(localName)) {
                                cells[0]++;
                            }
                        }
                    });
                    parser.parse(new InputSource(sheet));
                    rows.put(sheets.getSheetName(), count[0]);
                }
            }
        }
        int charts;
        try (ZipFile zip = new ZipFile(file.toFile())) {
            charts = (int) zip.stream().map(e -> e.getName())
                    .filter(n -> n.startsWith("xl/charts/chart") && n.endsWith(".xml")).count();
        }
        return new WorkbookCheck(rows, cells[0], charts);
    }

    /** Data rows of the detail sheets whose names start with {@code base} ("Contributions", "Contributions (2)"). */
    long dataRows(String base) {
        return rows.entrySet().stream().filter(e -> e.getKey().equals(base) || e.getKey().startsWith(base + " ("))
                .mapToLong(e -> Math.max(0, e.getValue() - 2)).sum();
    }
}
