package org.entente.analytics.engine.briefing;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.xssf.usermodel.XSSFHyperlink;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.BurdenGuideline;
import org.entente.analytics.engine.ConsentingPartner;
import org.entente.analytics.engine.EngineTexts;
import org.entente.analytics.engine.disclosure.SuppressionReason;
import org.entente.analytics.engine.rollup.CellText;
import org.entente.analytics.engine.rollup.RollupTable;

/** The Cover and the Notes sheet. */
final class TextSheets {

    static final String COVER = "Cover";
    static final String NOTES = "Notes";
    static final String NO_DATA = "No data in this scope";
    static final String CONSENT_STATE = "Consent state as of";
    static final String GUIDELINE = "Guideline";
    static final String PUBLISHED_BY_CONSENT = "Published by consent";
    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    /**
     * What each rollup table counts, for the Notes sheet (the rollup files' headers say it in full): bundle keys
     * {@code notes.counts.<table id>}; a table without one shows its question.
     */
    private static final String COUNTS = "notes.counts.";

    /** Width of the Notes text column, in widths of a digit. */
    private static final int NOTE_WIDTH = 120;
    /** Characters of running text that fit it: letters are narrower than digits on average. */
    private static final int NOTE_CHARACTERS = 145;

    private TextSheets() {
    }

    record Entry(String sheet, String about) {
    }

    static void cover(XSSFSheet sheet, BriefingRequest request, String scopeText, String asOf, String marking,
                      boolean empty, AnalyticsSettings settings, List<Entry> contents, AnalyticsReport figures,
                      Consent consent, Layout layout, Styles styles) {
        Locale locale = layout.locale();
        layout.mark(sheet, 4, styles);
        Layout.text(Layout.titleRow(sheet, 2).createCell(0), request.kind().title(locale), styles.title);
        Layout.text(sheet.createRow(3).createCell(0), request.organizationName().isBlank()
                ? layout.t("cover.subtitle") : layout.t("cover.subtitleFor", request.organizationName()),
                styles.subtitle);
        int r = 5;
        r = pair(sheet, r, layout.t("cover.scope"), scopeText, styles);
        r = pair(sheet, r, layout.t("cover.asOf"), asOf, styles);
        r = pair(sheet, r, layout.t("cover.generatedBy"), request.generatedBy(), styles);
        r = pair(sheet, r, layout.t("cover.generatedAt"), TIME.format(request.generatedAt()), styles);
        r = pair(sheet, r, layout.t("cover.marking"), marking, styles);
        r = pair(sheet, r, layout.t("cover.view"), request.viewer().federation()
                ? layout.t("cover.view.federation", settings.minimumPartners(),
                        Math.round(settings.dominanceLimit() * 100))
                : layout.t("cover.view.organization"), styles);
        if (request.viewer().federation()) {
            int consenting = consent.publishedByConsent().size();
            r = pair(sheet, r, layout.t("cover.consentState"), layout.t("cover.consentState.text",
                    TIME.format(consent.stateAt()), consenting == 0 ? layout.t("cover.consentState.none")
                            : consenting == 1 ? layout.t("cover.consentState.one")
                            : layout.t("cover.consentState.many", consenting)), styles);
            Optional<GuidelineStanding> standing = GuidelineStanding.of(figures);
            if (standing.isPresent()) {
                r = pair(sheet, r, layout.t("cover.guideline"), standing.get().sentence(locale), styles);
            } else if (!request.guideline().isEmpty()) {
                r = pair(sheet, r, layout.t("cover.guideline"), GuidelineStanding.perYear(request.guideline(), locale),
                        styles);
            }
        }
        r++;
        if (empty) {
            Layout.text(sheet.createRow(r++).createCell(0), layout.t("cover.noData"), styles.emphasis);
            r++;
        }
        Layout.text(sheet.createRow(r++).createCell(0), layout.t("cover.contents"), styles.label);
        XSSFWorkbook workbook = sheet.getWorkbook();
        for (Entry entry : contents) {
            Row row = sheet.createRow(r++);
            Cell cell = row.createCell(0);
            Layout.text(cell, entry.sheet(), styles.link);
            XSSFHyperlink link = workbook.getCreationHelper().createHyperlink(HyperlinkType.DOCUMENT);
            link.setAddress("'" + entry.sheet().replace("'", "''") + "'!A1");
            cell.setHyperlink(link);
            Layout.text(row.createCell(1), entry.about(), styles, false);
        }
        sheet.setColumnWidth(0, 28 * 256);
        sheet.setColumnWidth(1, 110 * 256);
    }

    /** The Cover's and the Notes' names in the workbook's language. */
    static String cover(Locale locale) {
        return EngineTexts.text(locale, "sheet.cover");
    }

    static String notes(Locale locale) {
        return EngineTexts.text(locale, "sheet.notes");
    }

    private static int pair(XSSFSheet sheet, int r, String label, String value, Styles styles) {
        Row row = sheet.createRow(r);
        Layout.text(row.createCell(0), label, styles.label);
        Layout.text(row.createCell(1), value, styles, false);
        return r + 1;
    }

    static void notes(XSSFSheet sheet, List<RollupTable> tables, KeyFigures.Periods periods, int rowsPerSheet,
                      AnalyticsSettings settings, BriefingRequest request, AnalyticsReport figures, Consent consent,
                      Layout layout, Styles styles) {
        Locale locale = layout.locale();
        layout.mark(sheet, 3, styles);
        Layout.text(Layout.titleRow(sheet, 1).createCell(0), notes(locale), styles.title);
        int[] r = {3};
        heading(sheet, r, layout.t("notes.method"), styles);
        for (String term : List.of("deliveryRate", "shareOfDelivered", "capacity", "intensity", "fairShare",
                "burdenRatio", "scope")) {
            line(sheet, r, layout.t("notes.method." + term), layout.t("notes.method." + term + ".text"), styles);
        }
        line(sheet, r, layout.t("notes.method.keyFigures"), layout.t(periods.shifted()
                ? "notes.method.keyFigures.shifted" : "notes.method.keyFigures.lastYear"), styles);
        r[0]++;
        consent(sheet, r, tables, settings, request, consent, layout, styles);
        r[0]++;
        guideline(sheet, r, request, figures, consent, layout, styles);
        r[0]++;
        heading(sheet, r, layout.t("notes.counts"), styles);
        for (RollupTable table : tables) {
            line(sheet, r, table.title(), EngineTexts.has(COUNTS + table.id()) ? layout.t(COUNTS + table.id())
                    : table.question(), styles);
        }
        if (tables.stream().anyMatch(t -> t.chart() != null
                && t.chart().type() == org.entente.analytics.engine.rollup.Chart.Type.GRAPH)) {
            line(sheet, r, layout.t("notes.networkCharts"), layout.t("notes.networkCharts.text",
                    EngineTexts.textOr(locale, "table.partner-degree.title", "Partners' connections")), styles);
        }
        r[0]++;
        heading(sheet, r, layout.t("notes.legend"), styles);
        line(sheet, r, layout.t("notes.legend.settings"), layout.t("notes.legend.settings.text",
                settings.minimumPartners(), Math.round(settings.dominanceLimit() * 100)), styles);
        for (SuppressionReason reason : SuppressionReason.values()) {
            line(sheet, r, CellText.mark(reason, settings, locale), CellText.reason(reason, settings, locale)
                    + layout.t("notes.legend.why." + reason.name()), styles);
        }
        line(sheet, r, "–", layout.t("notes.legend.noValue"), styles);
        line(sheet, r, layout.t("notes.legend.charts"), layout.t("notes.legend.charts.text"), styles);
        r[0]++;
        heading(sheet, r, layout.t("notes.marking"), styles);
        line(sheet, r, layout.t("notes.marking.marking"), layout.t("notes.marking.marking.text",
                Markings.text("PRIVATE", locale), Markings.text("REL_TO", locale),
                Markings.text("PARTICIPANTS", locale), Markings.text("ALL_PARTNERS", locale)), styles);
        line(sheet, r, layout.t("notes.marking.detail"), layout.t("notes.marking.detail.text", rowsPerSheet,
                DetailSheets.contributions(locale)), styles);
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, NOTE_WIDTH * 256);
    }

    /** What consent is and what it is not, the remainder rows, the consent state, and who consented. */
    private static void consent(XSSFSheet sheet, int[] r, List<RollupTable> tables, AnalyticsSettings settings,
                                BriefingRequest request, Consent consent, Layout layout, Styles styles) {
        heading(sheet, r, layout.t("notes.consent"), styles);
        line(sheet, r, layout.t("notes.consent.what"), layout.t("notes.consent.what.text"), styles);
        line(sheet, r, layout.t("notes.consent.lifts"), layout.t("notes.consent.lifts.text"), styles);
        line(sheet, r, layout.t("notes.consent.others"), layout.t("notes.consent.others.text",
                settings.minimumPartners(), Math.round(settings.dominanceLimit() * 100)), styles);
        if (tables.stream().anyMatch(t -> GuidelineStanding.RANKING.equals(t.id()))) {
            line(sheet, r, layout.t("notes.consent.ranking"), layout.t("notes.consent.ranking.text"), styles);
        }
        line(sheet, r, layout.t("cover.consentState"), layout.t("notes.consent.state.text",
                TIME.format(consent.stateAt())), styles);
        if (!request.viewer().federation()) {
            line(sheet, r, layout.t("notes.consent.thisBriefing"), layout.t("notes.consent.thisBriefing.text"), styles);
        }
        r[0]++;
        heading(sheet, r, layout.t("notes.publishedByConsent"), styles);
        if (consent.publishedByConsent().isEmpty()) {
            line(sheet, r, layout.t("notes.publishedByConsent.none"), layout.t("notes.publishedByConsent.none.text"),
                    styles);
            return;
        }
        String to = request.organizationName().isBlank() ? layout.t("notes.yourOrganization")
                : request.organizationName();
        line(sheet, r, "", layout.t("notes.publishedByConsent.text", to, TIME.format(consent.stateAt())), styles);
        for (ConsentingPartner partner : consent.publishedByConsent()) {
            line(sheet, r, "", partner.name(), styles);
        }
    }

    /** The guideline, how many ranked partners are above it, and the notes on capacities taken from other years. */
    private static void guideline(XSSFSheet sheet, int[] r, BriefingRequest request, AnalyticsReport figures,
                                  Consent consent, Layout layout, Styles styles) {
        Locale locale = layout.locale();
        heading(sheet, r, layout.t("notes.guideline"), styles);
        BurdenGuideline guideline = figures.guideline().isEmpty() ? request.guideline() : figures.guideline();
        if (guideline.isEmpty()) {
            line(sheet, r, layout.t("cover.guideline"), layout.t(request.viewer().federation()
                    ? "notes.guideline.none" : "notes.guideline.memberView"), styles);
        } else {
            line(sheet, r, layout.t("cover.guideline"), layout.t("notes.guideline.text",
                    GuidelineStanding.perYear(guideline, locale)), styles);
            GuidelineStanding.of(figures).ifPresent(standing -> line(sheet, r, layout.t("notes.guideline.above"),
                    standing.sentence(locale) + ".", styles));
        }
        if (consent.notes().isEmpty()) {
            line(sheet, r, layout.t("notes.capacities"), layout.t("notes.capacities.ownYear"), styles);
        }
        for (String note : consent.notes()) {
            line(sheet, r, layout.t("notes.note"), note, styles);
        }
    }

    private static void heading(XSSFSheet sheet, int[] r, String text, Styles styles) {
        Layout.text(sheet.createRow(r[0]++).createCell(0), text, styles.label);
    }

    private static void line(XSSFSheet sheet, int[] r, String label, String text, Styles styles) {
        Row row = sheet.createRow(r[0]++);
        // Spreadsheets do not grow a row for wrapped text they did not lay out themselves: give it its lines.
        int lines = Math.max(1, (text.length() + NOTE_CHARACTERS - 1) / NOTE_CHARACTERS);
        row.setHeightInPoints(lines * 15f);
        Layout.text(row.createCell(0), label, styles, false);
        Layout.text(row.createCell(1), text, styles.wrapped);
    }
}
