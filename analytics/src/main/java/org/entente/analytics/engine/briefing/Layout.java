package org.entente.analytics.engine.briefing;

import java.util.Locale;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.entente.analytics.engine.EngineTexts;

/**
 * What every sheet has: the marking banner in its first row, the marking in its printed header and footer, and a
 * landscape page one sheet wide. And the one way text gets into a cell.
 */
final class Layout {

    /** Excel's limit for a cell's text. */
    private static final int MAX_TEXT = 32_767;

    private final String marking;
    private final String title;
    private final String asOf;
    private final Locale locale;

    /**
     * @param marking the workbook's marking as people read it
     * @param title   the briefing, e.g. "Full briefing — Unity Alliance"
     * @param asOf    the snapshot's as-of text, for the footer
     */
    Layout(String marking, String title, String asOf, Locale locale) {
        this.marking = marking;
        this.title = title;
        this.asOf = asOf;
        this.locale = locale;
    }

    /** The workbook's language: the requester's. */
    Locale locale() {
        return locale;
    }

    /** The text of {@code key} in the workbook's language. */
    String t(String key, Object... args) {
        return EngineTexts.text(locale, key, args);
    }

    /** Row 0: the marking across {@code columns} columns; header, footer and page set-up. */
    void mark(Sheet sheet, int columns, Styles styles) {
        Row row = sheet.createRow(0);
        row.setHeightInPoints(22);
        Cell cell = row.createCell(0);
        text(cell, t("layout.banner", marking), styles.banner);
        int last = Math.max(1, columns) - 1;
        for (int c = 1; c <= last; c++) {
            row.createCell(c).setCellStyle(styles.banner);
        }
        if (last > 0) {
            sheet.addMergedRegion(new CellRangeAddress(0, 0, 0, last));
        }
        // Header and footer print on every page; "&" starts a code in them, so literal ones are doubled.
        sheet.getHeader().setLeft(escape("Entente — " + title));
        sheet.getHeader().setCenter("&B" + escape(marking));
        sheet.getHeader().setRight("&A");
        sheet.getFooter().setLeft(escape(t("layout.footer.asOf", asOf)));
        sheet.getFooter().setCenter("&B" + escape(marking));
        sheet.getFooter().setRight(t("layout.footer.page")); // &P and &N: the page and the number of pages
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setAutobreaks(true);
    }

    /** A row for a sheet's title, tall enough for its large font. */
    static Row titleRow(Sheet sheet, int index) {
        Row row = sheet.createRow(index);
        row.setHeightInPoints(24);
        return row;
    }

    String marking() {
        return marking;
    }

    /** Text into a cell, always as a string (never a formula), with a quote-prefixed style if it looks like one. */
    static void text(Cell cell, String value, Styles styles, boolean total) {
        String safe = limit(value);
        cell.setCellValue(safe);
        cell.setCellStyle(styles.text(total, safe));
    }

    static void text(Cell cell, String value, CellStyle style) {
        cell.setCellValue(limit(value));
        if (style != null) {
            cell.setCellStyle(style);
        }
    }

    private static String limit(String value) {
        if (value == null) {
            return "";
        }
        return value.length() <= MAX_TEXT ? value : value.substring(0, MAX_TEXT - 1) + "…";
    }

    static String escape(String text) {
        return text == null ? "" : text.replace("&", "&&");
    }
}
