package org.entente.analytics.engine.briefing;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    /** What each rollup table counts, for the Notes sheet (the rollup files' headers say it in full). */
    private static final Map<String, String> COUNTS = Map.ofEntries(
            Map.entry("burden-ranking", "Partners of one kind (the scope's partner kind, else states) ranked by"
                    + " intensity over the scope's years: the top 25, then \"Other partners (n)\" for the rest of the"
                    + " kind. The chart draws each partner's intensity as a bar and the guideline as a line."),
            Map.entry("burden-sharing", "EUR pledged and delivered per contributor and contributor kind (contributions"
                    + " pledged in the scope's years), capacity, intensity, the delivery rate, each partner's share of"
                    + " what its kind delivered, its fair share, its burden ratio and whether it is above or below the"
                    + " guideline; partners that are not named are counted in \"Other partners (n)\"."),
            Map.entry("burden-by-kind", "The same per contributor kind: each kind's share of all that was delivered"
                    + " and its fair share of the capacity of all kinds (a state's GDP and another organization's"
                    + " budget added together, so read it as an order of magnitude only)."),
            Map.entry("burden-sharing-by-year", "The same per year of pledge, against that year's capacity and"
                    + " guideline."),
            Map.entry("pledge-fulfilment", "EUR pledged (in the month of the pledge) and delivered (in the month of"
                    + " the last delivery) per month and contribution type, and both summed to date."),
            Map.entry("overdue-pledges", "Pledges whose workstream ended before the as-of date with less delivered"
                    + " than pledged, per contributor kind and type, and the EUR outstanding."),
            Map.entry("portfolio", "Workstreams whose period overlaps the years, by kind, subtype (mechanism, technology"
                    + " area or engagement type) and status; accepted participants (the lead included)."),
            Map.entry("portfolio-by-region", "The same workstreams by region and kind."),
            Map.entry("lead-kinds", "Workstreams per kind by the kind of their lead, and each lead kind's share of"
                    + " the kind."),
            Map.entry("rnd", "R&D projects per technology area: mean TRL at start, now and targeted, work package"
                    + " budgets, EUR delivered, deliverables on time and late."),
            Map.entry("engagements", "Engagements with non-state parties by engagement type and the party's kind."),
            Map.entry("engagement-vetting", "The same engagements by vetting status and risk rating."),
            Map.entry("expiring-agreements", "Engagement agreements that end within 90 days of the as-of date."),
            Map.entry("collaboration-network", "Pairs of partners that take part in the same workstreams (accepted"
                    + " participation or lead), with the number of shared workstreams, per link class."),
            Map.entry("partner-links", "Links between states and non-state partners: pairs and shared workstreams per"
                    + " link class."),
            Map.entry("partner-degree", "Per partner: how many partners it works with and in how many workstreams."),
            Map.entry("milestones", "Milestones planned in the years (not cancelled): on time, late, overdue and the"
                    + " on-time rate of those due, by workstream kind and lead kind."),
            Map.entry("milestones-by-lead", "The same per lead."),
            Map.entry("results", "Indicators on workstreams whose period overlaps the years, by kind and subtype, by"
                    + " their status as of the snapshot: on track (at most ten points of the way behind a straight path"
                    + " from baseline to target), at risk (at most 25 behind), off track (further behind, or the target"
                    + " date passed short of the target), not measured yet, no baseline; measurements overdue (the last"
                    + " ended reporting period has no value) and workstreams with an indicator off track."),
            Map.entry("results-by-region", "The same indicators by region and kind."),
            Map.entry("results-by-lead", "The same indicators per lead and lead kind."),
            Map.entry("recommendations", "Assessments made in the years (initial, periodic, final; external ones by a"
                    + " named organization) by workstream kind and lead kind, and their recommendations: open, open past"
                    + " their due date, done."),
            Map.entry("recommendations-by-lead", "The same per lead."),
            Map.entry("data-completeness", "Per partner: its records (workstreams it leads, their engagements, its"
                    + " contributions) and how many lack key facts (dates, region, vetting, delivery after the end)."));

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
        layout.mark(sheet, 4, styles);
        Layout.text(Layout.titleRow(sheet, 2).createCell(0), request.kind().title(), styles.title);
        Layout.text(sheet.createRow(3).createCell(0), "Entente briefing"
                + (request.organizationName().isBlank() ? "" : " for " + request.organizationName()), styles.subtitle);
        int r = 5;
        r = pair(sheet, r, "Scope", scopeText, styles);
        r = pair(sheet, r, "Snapshot as of", asOf, styles);
        r = pair(sheet, r, "Generated by", request.generatedBy(), styles);
        r = pair(sheet, r, "Generated at", TIME.format(request.generatedAt()), styles);
        r = pair(sheet, r, "Marking", marking, styles);
        r = pair(sheet, r, "View", request.viewer().federation()
                ? "Federation: every partner's records, under disclosure control (k = " + settings.minimumPartners()
                        + " partners, dominance limit " + Math.round(settings.dominanceLimit() * 100) + " %)"
                : "Your organization's records", styles);
        if (request.viewer().federation()) {
            int consenting = consent.publishedByConsent().size();
            r = pair(sheet, r, CONSENT_STATE, TIME.format(consent.stateAt()) + " (the snapshot's: a consent granted or"
                    + " revoked since applies from the next refresh). " + (consenting == 0
                    ? "No figure here is published by consent."
                    : consenting + (consenting == 1 ? " organization's" : " organizations'")
                            + " own figures are published by their consent (named on Notes)."), styles);
            Optional<GuidelineStanding> standing = GuidelineStanding.of(figures);
            if (standing.isPresent()) {
                r = pair(sheet, r, GUIDELINE, standing.get().sentence(), styles);
            } else if (!request.guideline().isEmpty()) {
                r = pair(sheet, r, GUIDELINE, GuidelineStanding.perYear(request.guideline()), styles);
            }
        }
        r++;
        if (empty) {
            Layout.text(sheet.createRow(r++).createCell(0), NO_DATA
                    + ": no figures and no records match it. Widen the years, region or kinds and generate again.",
                    styles.emphasis);
            r++;
        }
        Layout.text(sheet.createRow(r++).createCell(0), "Contents", styles.label);
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

    private static int pair(XSSFSheet sheet, int r, String label, String value, Styles styles) {
        Row row = sheet.createRow(r);
        Layout.text(row.createCell(0), label, styles.label);
        Layout.text(row.createCell(1), value, styles, false);
        return r + 1;
    }

    static void notes(XSSFSheet sheet, List<RollupTable> tables, KeyFigures.Periods periods, int rowsPerSheet,
                      AnalyticsSettings settings, BriefingRequest request, AnalyticsReport figures, Consent consent,
                      Layout layout, Styles styles) {
        layout.mark(sheet, 3, styles);
        Layout.text(Layout.titleRow(sheet, 1).createCell(0), NOTES, styles.title);
        int[] r = {3};
        heading(sheet, r, "Method", styles);
        line(sheet, r, "Delivery rate", "EUR delivered ÷ EUR pledged on the same pledges.", styles);
        line(sheet, r, "Share of delivered", "A partner's EUR delivered ÷ the EUR delivered by all partners of its"
                + " kind in the scope (the same year, or all years): states with states. On a kind's total row, the"
                + " kind's part of what all kinds delivered.", styles);
        line(sheet, r, "Capacity", "A partner's capacity in EUR for the year of each pledge: a state's GDP, an"
                + " organization's budget, as the platform records it. A year without a figure takes the nearest"
                + " earlier year's, else the nearest later year's (each such case is listed under \"Capacity and the"
                + " guideline\"). A partner without any capacity counts in neither intensity, fair share nor burden"
                + " ratio.", styles);
        line(sheet, r, "Intensity", "EUR delivered ÷ capacity: what a partner delivered as a share of what it has"
                + " (0.05 % = 5 EUR delivered per 10,000 EUR of GDP or budget).", styles);
        line(sheet, r, "Fair share", "A partner's capacity ÷ the capacity of all partners of its kind that pledged in"
                + " the scope (the same year, or all years). Kinds are not compared on one scale (a state's GDP and"
                + " an NGO's budget are not one measure); on a kind's total row, the kind's part of all capacity.",
                styles);
        line(sheet, r, "Burden ratio", "Share of delivered ÷ fair share: 1 = carries its fair share, above 1 = more,"
                + " below 1 = less.", styles);
        line(sheet, r, "Scope", "Contributions count by the year they were pledged; workstreams when their period"
                + " overlaps the years (a missing start counts from the day it was created, a missing end as still"
                + " running); milestones by the year they are planned for. Region and workstream kind are the"
                + " workstream's; the partner kind is each rollup's partner (the contributor, the lead, the engaged"
                + " party).", styles);
        line(sheet, r, "Key figures", periods.shifted()
                ? "The previous period has the scope's length and ends the year before the scope starts (e.g."
                        + " 2025–2026 beside 2023–2024)."
                : "The scope has no closed span of years, so its figures stand beside the last complete year (the"
                        + " year before the snapshot's as-of date, or the scope's last year if it ends earlier) and"
                        + " the year before it. Each period is its own report under the same disclosure control.",
                styles);
        r[0]++;
        consent(sheet, r, tables, settings, request, consent, styles);
        r[0]++;
        guideline(sheet, r, request, figures, consent, styles);
        r[0]++;
        heading(sheet, r, "What each sheet counts", styles);
        for (RollupTable table : tables) {
            line(sheet, r, table.title(), COUNTS.getOrDefault(table.id(), table.question()), styles);
        }
        if (tables.stream().anyMatch(t -> t.chart() != null
                && t.chart().type() == org.entente.analytics.engine.rollup.Chart.Type.GRAPH)) {
            line(sheet, r, "Network charts", "Excel has no network chart: the collaboration network is drawn as bars"
                    + " of its strongest links; each partner's links are on \"Partners' connections\".", styles);
        }
        r[0]++;
        heading(sheet, r, "Suppression legend (disclosure control)", styles);
        line(sheet, r, "Settings", "k = " + settings.minimumPartners() + " partners, dominance limit "
                + Math.round(settings.dominanceLimit() * 100) + " %. A figure built only from records you may see is"
                + " always published.", styles);
        for (SuppressionReason reason : SuppressionReason.values()) {
            line(sheet, r, CellText.mark(reason, settings), CellText.reason(reason, settings)
                    + switch (reason) {
                        case TOO_FEW_PARTNERS -> " (a figure with records you may not see needs at least k partners).";
                        case DOMINATED -> " (the largest partner may hold at most the dominance limit).";
                        case PROTECTS_ANOTHER_CELL -> " (so that a withheld figure cannot be worked out from its row,"
                                + " column, total or running sum).";
                    }, styles);
        }
        line(sheet, r, "–", "No value (e.g. a rate without anything due, a partner without a region).", styles);
        line(sheet, r, "Charts", "Charts draw published figures only: a withheld figure is a gap, never a zero.",
                styles);
        r[0]++;
        heading(sheet, r, "Marking and detail", styles);
        line(sheet, r, "Marking", "The workbook carries the most restrictive releasability of the records behind its"
                + " figures and of its detail rows (PRIVATE > REL TO NAMED PARTNERS > REL TO PARTICIPANTS > REL TO ALL"
                + " PARTNERS), in every sheet's banner, header and footer and in the document properties.", styles);
        line(sheet, r, "Detail sheets", "Every contribution and workstream your organization may see in the scope,"
                + " as the workspace shows them. At most " + String.format(Locale.UK, "%,d", rowsPerSheet)
                + " rows per sheet; more continue on \"Contributions (2)\" and so on. Contributions of other"
                + " organizations exported here are recorded in their access ledgers.", styles);
        sheet.setColumnWidth(0, 30 * 256);
        sheet.setColumnWidth(1, NOTE_WIDTH * 256);
    }

    /** What consent is and what it is not, the remainder rows, the consent state, and who consented. */
    private static void consent(XSSFSheet sheet, int[] r, List<RollupTable> tables, AnalyticsSettings settings,
                                BriefingRequest request, Consent consent, Styles styles) {
        heading(sheet, r, "Publication consent", styles);
        line(sheet, r, "What it is", "An organization may publish its own aggregate figures to the coordinators of"
                + " another organization: what it pledged and delivered, by year, workstream kind, region and"
                + " contribution type, and how many workstreams it takes part in. Its tenant administrator grants or"
                + " revokes this under My organization → What we publish; every change is audited, and each use of"
                + " a consent (on the screen or in a briefing like this one) is written in that organization's access"
                + " ledger.", styles);
        line(sheet, r, "What it lifts", "Consent lifts disclosure control for that organization's own totals only:"
                + " they are published although they are one partner's figures. It never lifts row-level"
                + " security: no record, title or anything its releasability hides becomes visible, and the detail"
                + " sheets hold exactly what your organization may see, with or without consent.", styles);
        line(sheet, r, "Other partners (n)", "Partners that did not consent to your organization, and whose records"
                + " you may not all see, are not named: each group counts them together in one row \"Other partners"
                + " (n)\", n being how many. That row is published only when it passes the rule (at least k = "
                + settings.minimumPartners() + " partners, none over the dominance limit of "
                + Math.round(settings.dominanceLimit() * 100) + " %); otherwise it reads ✕ like any withheld figure."
                + " Consented figures count as known to complementary suppression, so no other partner's figure can"
                + " be worked out by subtracting them from a total.", styles);
        if (tables.stream().anyMatch(t -> GuidelineStanding.RANKING.equals(t.id()))) {
            line(sheet, r, "In the ranking", "The ranking names the top 25 partners of one kind; \"Other partners"
                    + " (n)\" is the rest of that kind (the kind's total less the top 25), withheld whenever it would"
                    + " give away a partner that is not named.", styles);
        }
        line(sheet, r, CONSENT_STATE, TIME.format(consent.stateAt()) + ": the snapshot's. A consent granted or"
                + " revoked since then applies from the next refresh of the snapshot.", styles);
        if (!request.viewer().federation()) {
            line(sheet, r, "This briefing", "Your organization's own view: every figure is built from records it may"
                    + " see, so consent changes nothing here.", styles);
        }
        r[0]++;
        heading(sheet, r, PUBLISHED_BY_CONSENT, styles);
        if (consent.publishedByConsent().isEmpty()) {
            line(sheet, r, "None", "No figure in this workbook is published only by a partner's consent.", styles);
            return;
        }
        String to = request.organizationName().isBlank() ? "your organization" : request.organizationName();
        line(sheet, r, "", "The own figures of these organizations are published because they consented to " + to
                + " (consent state of " + TIME.format(consent.stateAt()) + "):", styles);
        for (ConsentingPartner partner : consent.publishedByConsent()) {
            line(sheet, r, "", partner.name(), styles);
        }
    }

    /** The guideline, how many ranked partners are above it, and the notes on capacities taken from other years. */
    private static void guideline(XSSFSheet sheet, int[] r, BriefingRequest request, AnalyticsReport figures,
                                  Consent consent, Styles styles) {
        heading(sheet, r, "Capacity and the guideline", styles);
        BurdenGuideline guideline = figures.guideline().isEmpty() ? request.guideline() : figures.guideline();
        if (guideline.isEmpty()) {
            line(sheet, r, GUIDELINE, request.viewer().federation()
                    ? "None is set: a coordinator of your organization can set a target intensity per year, which the"
                            + " ranking then draws as a line and the tables mark Above or Below."
                    : "A guideline belongs to a coordinator's federation view; this is your organization's view.",
                    styles);
        } else {
            line(sheet, r, GUIDELINE, "Your organization's target intensity per year (" + GuidelineStanding.perYear(
                    guideline) + "). A partner is marked Above when its intensity reaches the year's target, Below"
                    + " when it falls short; the mark is withheld whenever the intensity is. For all years together"
                    + " the target is the mean of the targets of the years with pledges in scope that have one. The"
                    + " ranked chart draws it as a line.", styles);
            GuidelineStanding.of(figures).ifPresent(standing -> line(sheet, r, "Above the guideline",
                    standing.sentence() + ".", styles));
        }
        if (consent.notes().isEmpty()) {
            line(sheet, r, "Capacities", "Every capacity is that of the pledge's own year.", styles);
        }
        for (String note : consent.notes()) {
            line(sheet, r, "Note", note, styles);
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
