package org.entente.analytics.engine.briefing;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.BurdenGuideline;
import org.entente.analytics.engine.EngineTexts;
import org.entente.analytics.engine.rollup.Cell;
import org.entente.analytics.engine.rollup.Chart;
import org.entente.analytics.engine.rollup.RollupTable;
import org.entente.analytics.engine.rollup.Row;

/**
 * How the ranked partners stand against the viewer organization's burden guideline, as the cover and the Notes say
 * it: "3 of 12 partners above the guideline of 0.05 % of capacity". Counted on the ranking
 * ({@value #RANKING}): its named partners whose "Guideline" mark is published; a partner whose intensity is withheld
 * is not compared, and the remainder row ("Other partners (n)") is not one partner.
 *
 * @param above       named partners marked "Above"
 * @param compared    named partners marked "Above" or "Below"
 * @param notCompared named partners without a published mark (intensity withheld, or no capacity)
 * @param target      the all-years target the ranking is measured against (a fraction)
 */
record GuidelineStanding(int above, int compared, int notCompared, double target) {

    static final String RANKING = "burden-ranking";
    static final String MARK = "guideline";

    /** Empty when the report has no guideline, or no ranking to count on. */
    static Optional<GuidelineStanding> of(AnalyticsReport report) {
        Optional<RollupTable> ranking = report.table(RANKING);
        Chart chart = ranking.map(RollupTable::chart).orElse(null);
        Double target = chart == null ? null : chart.referenceLine();
        int mark = ranking.map(t -> t.columnIndex(MARK)).orElse(-1);
        if (ranking.isEmpty() || mark < 0 || target == null) {
            return Optional.empty();   // no ranking, or no target for the years in scope
        }
        int above = 0;
        int below = 0;
        int other = 0;
        for (Row row : ranking.get().rows()) {
            if (row.total()) {
                continue;
            }
            Cell cell = row.cells().get(mark);
            String value = cell.isSuppressed() || cell.value() == null ? "" : cell.value().toString();
            if ("Above".equalsIgnoreCase(value)) {
                above++;
            } else if ("Below".equalsIgnoreCase(value)) {
                below++;
            } else {
                other++;
            }
        }
        return Optional.of(new GuidelineStanding(above, above + below, other, target));
    }

    /** "3 of 12 partners above the guideline of 0.05 % of capacity" (and those not compared). */
    String sentence(Locale locale) {
        String guideline = EngineTexts.text(locale, "guideline.of", percent(target, locale));
        if (compared == 0) {
            return EngineTexts.text(locale, notCompared > 0 ? "guideline.noneComparedSome" : "guideline.noneCompared",
                    guideline, notCompared);
        }
        return notCompared > 0
                ? EngineTexts.text(locale, "guideline.aboveNotCompared", above, compared, guideline, notCompared)
                : EngineTexts.text(locale, "guideline.above", above, compared, guideline);
    }

    /** A fraction as the chart's legend and the screen write it: 0.0005 → "0.050 %", 0.02 → "2.0 %". */
    static String percent(double fraction, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(EngineTexts.formats(locale));
        int decimals = Styles.percentDecimals(fraction);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        return format.format(fraction * 100) + (EngineTexts.french(locale) ? "\u00a0%" : " %");
    }

    /** The guideline per year: "2024: 0.05 %, 2025: 0.06 %"; empty when there is none. */
    static String perYear(BurdenGuideline guideline, Locale locale) {
        Map<Integer, Double> targets = guideline.targetIntensityByYear();
        return targets.entrySet().stream()
                .map(e -> EngineTexts.text(locale, "guideline.year", String.valueOf(e.getKey()),
                        percent(e.getValue(), locale)))
                .collect(Collectors.joining(", "));
    }
}
