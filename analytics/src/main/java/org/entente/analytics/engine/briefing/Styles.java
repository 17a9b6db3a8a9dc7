package org.entente.analytics.engine.briefing;

import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.FillPatternType;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.xssf.usermodel.XSSFCellStyle;
import org.apache.poi.xssf.usermodel.XSSFColor;
import org.apache.poi.xssf.usermodel.XSSFFont;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.entente.analytics.engine.rollup.Column;

/** The workbook's cell styles, made once (a workbook holds at most 64,000 styles; cells share them). */
final class Styles {

    static final String MONEY = "\"€\"#,##0";
    static final String MONEY_CENTS = "\"€\"#,##0.00";
    static final String COUNT = "#,##0";
    static final String PERCENT = "0.0%";
    static final String RATIO = "0.00";
    static final String NUMBER = "0.0";
    static final String DATE = "yyyy-mm-dd";

    final XSSFCellStyle banner;
    final XSSFCellStyle title;
    final XSSFCellStyle subtitle;
    final XSSFCellStyle note;
    final XSSFCellStyle header;
    final XSSFCellStyle label;
    final XSSFCellStyle link;
    final XSSFCellStyle emphasis;
    final XSSFCellStyle wrapped;
    final XSSFCellStyle moneyCents;
    final XSSFCellStyle date;
    final XSSFCellStyle dateTime;
    private final XSSFCellStyle[] text = new XSSFCellStyle[2];
    private final XSSFCellStyle[] safeText = new XSSFCellStyle[2];
    private final XSSFCellStyle[] suppressed = new XSSFCellStyle[2];
    private final XSSFCellStyle[][] figures = new XSSFCellStyle[Column.Kind.values().length][2];
    private final XSSFCellStyle[][] changes = new XSSFCellStyle[Column.Kind.values().length][2];
    private final XSSFWorkbook workbook;
    private final XSSFFont bold;
    /** Figure styles of a format other than their kind's (finer percentages), made when first needed. */
    private final java.util.Map<String, XSSFCellStyle> formatted = new java.util.HashMap<>();

    Styles(XSSFWorkbook workbook, int markingRank) {
        this.workbook = workbook;
        XSSFFont bold = font(workbook, true, false, 11, null);
        this.bold = bold;
        XSSFFont italic = font(workbook, false, true, 10, new byte[] {(byte) 0x55, 0x55, 0x55});
        XSSFFont white = font(workbook, true, false, 12, new byte[] {(byte) 0xFF, (byte) 0xFF, (byte) 0xFF});

        banner = workbook.createCellStyle();
        banner.setFont(white);
        banner.setFillForegroundColor(new XSSFColor(bannerColour(markingRank), null));
        banner.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        banner.setAlignment(HorizontalAlignment.CENTER);
        banner.setVerticalAlignment(VerticalAlignment.CENTER);

        title = workbook.createCellStyle();
        title.setFont(font(workbook, true, false, 16, new byte[] {0x1F, 0x3A, 0x5F}));
        subtitle = workbook.createCellStyle();
        subtitle.setFont(italic);
        note = workbook.createCellStyle();
        note.setFont(italic);
        note.setWrapText(false);
        wrapped = workbook.createCellStyle();
        wrapped.setWrapText(true);
        wrapped.setVerticalAlignment(VerticalAlignment.TOP);
        emphasis = workbook.createCellStyle();
        emphasis.setFont(font(workbook, true, false, 13, new byte[] {(byte) 0x9C, 0x1C, 0x1C}));

        header = workbook.createCellStyle();
        header.setFont(bold);
        header.setFillForegroundColor(new XSSFColor(new byte[] {(byte) 0xDD, (byte) 0xE4, (byte) 0xEE}, null));
        header.setFillPattern(FillPatternType.SOLID_FOREGROUND);
        header.setBorderBottom(BorderStyle.THIN);
        header.setWrapText(true);
        header.setVerticalAlignment(VerticalAlignment.TOP);

        label = workbook.createCellStyle();
        label.setFont(bold);
        label.setVerticalAlignment(VerticalAlignment.TOP);
        link = workbook.createCellStyle();
        XSSFFont linkFont = font(workbook, false, false, 11, new byte[] {0x05, 0x63, (byte) 0xC1});
        linkFont.setUnderline(XSSFFont.U_SINGLE);
        link.setFont(linkFont);

        for (int total = 0; total < 2; total++) {
            XSSFFont rowFont = total == 1 ? bold : null;
            text[total] = style(workbook, rowFont, null);
            safeText[total] = style(workbook, rowFont, null);
            // A text that begins like a formula is marked "quote prefixed": Excel and LibreOffice show and keep it as
            // text even when someone edits the cell (the stored cell is a string either way).
            safeText[total].setQuotePrefixed(true);
            suppressed[total] = style(workbook, font(workbook, total == 1, true, 11,
                    new byte[] {(byte) 0x8A, 0x1F, 0x1F}), null);
            suppressed[total].setAlignment(HorizontalAlignment.RIGHT);
            for (Column.Kind kind : Column.Kind.values()) {
                figures[kind.ordinal()][total] = style(workbook, rowFont, format(kind));
                changes[kind.ordinal()][total] = style(workbook, rowFont, changeFormat(kind));
            }
        }
        // Styles that only ever carry text are quote prefixed too: a name in a header or a note stays text as well.
        for (XSSFCellStyle textual : new XSSFCellStyle[] {banner, title, subtitle, note, wrapped, emphasis, header, label,
                link, suppressed[0], suppressed[1]}) {
            textual.setQuotePrefixed(true);
        }
        moneyCents = style(workbook, null, MONEY_CENTS);
        date = style(workbook, null, DATE);
        dateTime = style(workbook, null, "yyyy-mm-dd hh:mm");
    }

    XSSFCellStyle text(boolean total, String value) {
        return formulaLike(value) ? safeText[total ? 1 : 0] : text[total ? 1 : 0];
    }

    XSSFCellStyle suppressed(boolean total) {
        return suppressed[total ? 1 : 0];
    }

    XSSFCellStyle figure(Column.Kind kind, boolean total) {
        return figures[kind.ordinal()][total ? 1 : 0];
    }

    /** A figure in {@code format} (e.g. {@link #percent(int)}), bold on a total row. */
    XSSFCellStyle figure(String format, boolean total) {
        return formatted.computeIfAbsent(format + (total ? "|total" : ""),
                key -> style(workbook, total ? bold : null, format));
    }

    /** A percentage with {@code decimals} decimals: 0.05 % needs two, 25.0 % one. */
    static String percent(int decimals) {
        return decimals <= 0 ? "0%" : "0." + "0".repeat(decimals) + "%";
    }

    /**
     * The decimals a percentage needs: one from 0.1 % up, below that two significant digits (intensities are small
     * fractions of a capacity: 0.0005 → "0.050%"), at most eight; the rule the screen follows.
     */
    static int percentDecimals(double fraction) {
        double percent = Math.abs(fraction * 100);
        if (!Double.isFinite(percent) || percent == 0 || percent >= 0.1) {
            return 1;
        }
        return Math.clamp((int) Math.ceil(-Math.log10(percent)) + 1, 1, 8);
    }

    /** A difference of two figures: signed, percentages in points. */
    XSSFCellStyle change(Column.Kind kind) {
        return changes[kind.ordinal()][0];
    }

    /** Texts Excel or LibreOffice would take for a formula or a command when typed: = + - @, tab, CR. */
    static boolean formulaLike(String value) {
        if (value == null || value.isEmpty()) {
            return false;
        }
        char first = value.charAt(0);
        return first == '=' || first == '+' || first == '-' || first == '@' || first == '\t' || first == '\r'
                || first == '\n';
    }

    static String format(Column.Kind kind) {
        return switch (kind) {
            case MONEY_EUR -> MONEY;
            case COUNT -> COUNT;
            case PERCENT -> PERCENT;
            case RATIO -> RATIO;
            case NUMBER -> NUMBER;
            case TEXT -> "@";
        };
    }

    private static String changeFormat(Column.Kind kind) {
        return switch (kind) {
            case MONEY_EUR -> "+\"€\"#,##0;-\"€\"#,##0;0";
            case COUNT -> "+#,##0;-#,##0;0";
            case PERCENT -> "+0.0\" pp\";-0.0\" pp\";0\" pp\"";
            default -> "+0.00;-0.00;0";
        };
    }

    private static byte[] bannerColour(int rank) {
        return switch (rank) {
            case 4 -> new byte[] {(byte) 0x9C, 0x1C, 0x1C};        // PRIVATE: red
            case 3 -> new byte[] {(byte) 0xB3, 0x5C, 0x00};        // REL TO named partners: amber
            case 2 -> new byte[] {0x1F, 0x3A, 0x5F};                // REL TO PARTICIPANTS: navy
            default -> new byte[] {0x2E, 0x6B, 0x3A};               // REL TO ALL PARTNERS: green
        };
    }

    private static XSSFCellStyle style(XSSFWorkbook workbook, XSSFFont font, String format) {
        XSSFCellStyle style = workbook.createCellStyle();
        if (font != null) {
            style.setFont(font);
        }
        if (format != null && !"@".equals(format)) {
            style.setDataFormat(workbook.createDataFormat().getFormat(format));
        }
        style.setVerticalAlignment(VerticalAlignment.TOP);
        return style;
    }

    private static XSSFFont font(XSSFWorkbook workbook, boolean bold, boolean italic, int points, byte[] rgb) {
        XSSFFont font = workbook.createFont();
        font.setBold(bold);
        font.setItalic(italic);
        font.setFontHeightInPoints((short) points);
        if (rgb != null) {
            font.setColor(new XSSFColor(rgb, null));
        }
        return font;
    }
}
