package org.entente.analytics.engine.briefing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.poi.ss.SpreadsheetVersion;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.EngineTexts;
import org.entente.analytics.engine.Kpi;
import org.entente.analytics.engine.rollup.CellText;
import org.entente.analytics.engine.rollup.Column;

/**
 * The "Key figures" sheet: the KPI tiles of the Analytics screen for the scope, beside the previous period.
 * <ul>
 * <li>A scope with both years: the previous period is as long and ends the year before it starts (2025–2026 →
 *     2023–2024).</li>
 * <li>Otherwise (no years, or only one bound) there is no period to shift: the scope's figures stand beside the last
 *     complete year (the year before the snapshot's as-of date, or the scope's last year if it ends earlier) and the
 *     year before it.</li>
 * </ul>
 * Each period is a report of its own under the same disclosure control; a change is shown only when both figures are
 * published.
 */
final class KeyFigures {

    static final String SHEET = "Key figures";

    /** The sheet's name in the workbook's language. */
    static String sheet(Locale locale) {
        return EngineTexts.text(locale, "sheet.keyFigures");
    }

    /** The periods to compare; {@code current} null = the scope itself. previous null = not available. */
    record Periods(AnalyticsFilter current, String currentLabel, AnalyticsFilter previous, String previousLabel,
                   String scopeLabel) {

        boolean shifted() {
            return current == null;
        }
    }

    private KeyFigures() {
    }

    static Periods periods(AnalyticsFilter scope, LocalDate asOf) {
        return periods(scope, asOf, Locale.UK);
    }

    static Periods periods(AnalyticsFilter scope, LocalDate asOf, Locale locale) {
        Integer from = scope.yearFrom();
        Integer to = scope.yearTo();
        if (from != null && to != null) {
            int span = to - from + 1;
            AnalyticsFilter previous = from - span < AnalyticsFilter.FIRST_YEAR ? null
                    : years(scope, from - span, to - span);
            return new Periods(null, years(from, to), previous,
                    EngineTexts.text(locale, "keyFigures.previousPeriod", years(from - span, to - span)),
                    years(from, to));
        }
        int last = asOf.getYear() - 1;
        if (to != null && to < last) {
            last = to;
        }
        last = Math.min(AnalyticsFilter.LAST_YEAR, Math.max(AnalyticsFilter.FIRST_YEAR + 1, last));
        return new Periods(years(scope, last, last),
                EngineTexts.text(locale, "keyFigures.lastCompleteYear", String.valueOf(last)),
                years(scope, last - 1, last - 1),
                EngineTexts.text(locale, "keyFigures.yearBefore", String.valueOf(last - 1)),
                Scope.yearsText(scope, locale));
    }

    private static AnalyticsFilter years(AnalyticsFilter scope, int from, int to) {
        return new AnalyticsFilter(from, to, scope.region(), scope.partnerKind(), scope.workstreamKind());
    }

    private static String years(int from, int to) {
        return from == to ? Integer.toString(from) : from + "–" + to;
    }

    /**
     * @param current  the report of the current period when it is not the scope's (see {@link Periods}); else null
     * @param previous the previous period's report; null when not available
     */
    static void write(XSSFSheet sheet, AnalyticsReport scope, Periods periods, AnalyticsReport current,
                      AnalyticsReport previous, Layout layout, Styles styles, AnalyticsSettings settings) {
        List<String> headers = new ArrayList<>();
        headers.add(layout.t("keyFigures.header.figure"));
        headers.add(periods.shifted() ? periods.scopeLabel()
                : layout.t("keyFigures.header.thisScope", periods.scopeLabel()));
        if (!periods.shifted()) {
            headers.add(periods.currentLabel());
        }
        headers.add(periods.previousLabel());
        headers.add(layout.t("keyFigures.header.change"));
        layout.mark(sheet, Math.max(headers.size(), 6), styles);
        Layout.text(Layout.titleRow(sheet, 1).createCell(0), sheet(layout.locale()), styles.title);
        Layout.text(sheet.createRow(2).createCell(0), layout.t(periods.shifted()
                ? "keyFigures.about.shifted" : "keyFigures.about.lastYear"), styles.subtitle);
        Layout.text(sheet.createRow(3).createCell(0), layout.t("keyFigures.about.change"), styles.note);

        Row header = sheet.createRow(RollupSheet.HEADER_ROW);
        for (int c = 0; c < headers.size(); c++) {
            Layout.text(header.createCell(c), headers.get(c), styles.header);
        }
        int r = RollupSheet.HEADER_ROW + 1;
        for (Kpi kpi : scope.kpis()) {
            Row row = sheet.createRow(r++);
            int c = 0;
            Layout.text(row.createCell(c++), kpi.label(), styles, false);
            value(row.createCell(c++), kpi.value(), kpi.kind(), styles, settings, layout);
            org.entente.analytics.engine.rollup.Cell newer = kpi.value();
            if (!periods.shifted()) {
                newer = cell(current, kpi.id());
                value(row.createCell(c++), newer, kpi.kind(), styles, settings, layout);
            }
            org.entente.analytics.engine.rollup.Cell older = cell(previous, kpi.id());
            value(row.createCell(c++), older, kpi.kind(), styles, settings, layout);
            Double change = change(newer, older, kpi.kind());
            Cell cell = row.createCell(c);
            if (change == null) {
                Layout.text(cell, "–", styles.suppressed(false));
            } else {
                cell.setCellValue(change);
                cell.setCellStyle(styles.change(kpi.kind()));
            }
        }
        AreaReference area = new AreaReference(new CellReference(RollupSheet.HEADER_ROW, 0),
                new CellReference(r - 1, headers.size() - 1), SpreadsheetVersion.EXCEL2007);
        XSSFTable table = sheet.createTable(area);
        table.setName("T_key_figures");
        table.setDisplayName("T_key_figures");
        table.updateHeaders();
        table.setStyleName("TableStyleLight9");
        if (!table.getCTTable().isSetAutoFilter()) {
            table.getCTTable().addNewAutoFilter();
        }
        table.getCTTable().getAutoFilter().setRef(area.formatAsString());
        sheet.createFreezePane(0, RollupSheet.HEADER_ROW + 1);
        sheet.setColumnWidth(0, 38 * 256);
        for (int c = 1; c < headers.size(); c++) {
            sheet.setColumnWidth(c, Math.max(18, headers.get(c).length() + 2) * 256);
        }
    }

    private static org.entente.analytics.engine.rollup.Cell cell(AnalyticsReport report, String id) {
        return report == null ? null : report.kpi(id).map(Kpi::value).orElse(null);
    }

    private static void value(Cell cell, org.entente.analytics.engine.rollup.Cell value, Column.Kind kind,
                              Styles styles, AnalyticsSettings settings, Layout layout) {
        if (value == null) {
            Layout.text(cell, layout.t("keyFigures.notAvailable"), styles.suppressed(false));
        } else if (value.isSuppressed()) {
            Layout.text(cell, CellText.mark(value.suppressed(), settings, layout.locale()), styles.suppressed(false));
        } else if (value.value() instanceof Number number) {
            cell.setCellValue(number.doubleValue());
            cell.setCellStyle(styles.figure(kind, false));
        } else {
            Layout.text(cell, "–", styles.suppressed(false));
        }
    }

    static Double change(org.entente.analytics.engine.rollup.Cell newer, org.entente.analytics.engine.rollup.Cell older,
                         Column.Kind kind) {
        if (newer == null || older == null || !(newer.value() instanceof Number a) || !(older.value() instanceof Number b)) {
            return null;
        }
        if (kind == Column.Kind.MONEY_EUR) {
            return new BigDecimal(a.toString()).subtract(new BigDecimal(b.toString())).doubleValue();
        }
        double difference = a.doubleValue() - b.doubleValue();
        return kind == Column.Kind.PERCENT ? difference * 100 : difference;
    }
}
