package org.entente.analytics.engine.rollup;

import java.text.NumberFormat;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.EngineTexts;
import org.entente.analytics.engine.disclosure.SuppressionReason;

/**
 * How a withheld figure reads wherever figures are shown (the Analytics screen, the Excel briefing): a short mark
 * ({@code ✕ n<3}, {@code ✕ >85%}, {@code ✕ protects}) and, in tooltips and legends, the reason in full. One
 * implementation, so that the screen and the workbook say the same.
 */
public final class CellText {

    /** Codes with an underscore read as words ({@code IN_REVIEW} → "In review"). */
    private static final Pattern CODE = Pattern.compile("[A-Z][A-Z0-9]*(_[A-Z0-9]+)+");
    /**
     * Codes whose words are not simply the code's, as the workspace labels them. The app has the full list (from
     * its enums); this one serves where the engine writes alone.
     */
    private static final Map<String, String> KNOWN = Map.ofEntries(
            Map.entry("INITIATIVE", "Shared initiative"),
            Map.entry("RND_PROJECT", "Joint R&D project"),
            Map.entry("ENGAGEMENT", "Non-state partner engagement"),
            Map.entry("STATE", "State"),
            Map.entry("ALLIANCE", "Alliance"),
            Map.entry("IGO", "Intergovernmental organization"),
            Map.entry("NGO", "Non-governmental organization"),
            Map.entry("PRIVATE_SECURITY", "Private security company"),
            Map.entry("CORPORATION", "Multinational corporation"),
            Map.entry("ACADEMIA", "Academia"),
            Map.entry("HUMANITARIAN_RESPONSE", "Humanitarian / disaster response"),
            Map.entry("TREATY_FRAMEWORK", "Defense pact / treaty framework"),
            Map.entry("COUNTER_TERRORISM", "Counter-terrorism"),
            Map.entry("AI", "Artificial intelligence"),
            Map.entry("C4ISR", "C4ISR"),
            Map.entry("EXTERNAL", "External party"));

    /** One-word codes of statuses, ratings, types and areas that read as their word ({@code ACTIVE} → "Active"). */
    private static final java.util.Set<String> WORDS = java.util.Set.of("PROPOSED", "APPROVED", "ACTIVE", "COMPLETED",
            "CANCELLED", "PLANNED", "DONE", "CLEARED", "REJECTED", "LOW", "MEDIUM", "HIGH", "CRITICAL", "FUNDING",
            "PERSONNEL", "EQUIPMENT", "CYBER", "SPACE", "ENERGY", "MEDICAL", "MATERIALS", "PEACEKEEPING", "TRAINING",
            "ADVISORY", "INVITED", "ACCEPTED", "DECLINED", "WITHDRAWN", "SUBMITTED");

    private CellText() {
    }

    /** The mark a withheld figure shows in place of its value, e.g. {@code ✕ n<3}. */
    public static String mark(SuppressionReason reason, AnalyticsSettings settings) {
        return mark(reason, settings, Locale.UK);
    }

    /** The mark in the reader's language ({@code ✕ protects} / {@code ✕ protège}; the others are symbols). */
    public static String mark(SuppressionReason reason, AnalyticsSettings settings, Locale locale) {
        return switch (reason) {
            case TOO_FEW_PARTNERS -> "✕ n<" + settings.minimumPartners();
            case DOMINATED -> "✕ >" + Math.round(settings.dominanceLimit() * 100) + "%";
            case PROTECTS_ANOTHER_CELL -> EngineTexts.text(locale, "suppression.mark.PROTECTS_ANOTHER_CELL");
        };
    }

    /**
     * A share (a fraction: 0.254 = 25.4 %) as people read it, for the screen and the briefing alike: one decimal
     * ("25.4 %"), and below 0.1 % two significant digits ("0.0042 %"), so that a small intensity - delivered as a share
     * of a state's GDP - does not read as "0.0 %".
     */
    public static String percent(double fraction) {
        return percent(fraction, Locale.UK);
    }

    /** As {@link #percent(double)}, written as the reader's language writes numbers: "25,4 %" in French. */
    public static String percent(double fraction, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(EngineTexts.formats(locale));
        int decimals = percentDecimals(fraction);
        format.setMinimumFractionDigits(decimals);
        format.setMaximumFractionDigits(decimals);
        // French typography: a no-break space before the sign; English keeps the space the screens always had.
        return format.format(fraction * 100) + (EngineTexts.french(locale) ? "\u00a0%" : " %");
    }

    /**
     * How many decimals {@link #percent} shows, in percent (1 to 8): for a number format elsewhere (Excel
     * {@code "0.0000%"} for 4).
     */
    public static int percentDecimals(double fraction) {
        double percent = Math.abs(fraction * 100);
        if (!Double.isFinite(percent) || percent == 0 || percent >= 0.1) {
            return 1;
        }
        return Math.clamp((int) Math.ceil(-Math.log10(percent)) + 1, 1, 8);
    }

    /** The tooltip of a withheld figure: "Suppressed: fewer than 3 partners". */
    public static String reason(SuppressionReason reason, AnalyticsSettings settings) {
        return reason(reason, settings, Locale.UK);
    }

    public static String reason(SuppressionReason reason, AnalyticsSettings settings, Locale locale) {
        return EngineTexts.text(locale, "suppression.reason", explanation(reason, settings, locale));
    }

    /** Why a figure is withheld, in the reader's language: "fewer than 3 partners". */
    public static String explanation(SuppressionReason reason, AnalyticsSettings settings, Locale locale) {
        return EngineTexts.text(locale, "suppression.explanation." + reason.name(), settings.minimumPartners(),
                Math.round(settings.dominanceLimit() * 100));
    }

    /**
     * The words for a code the rollups carry ({@code RND_PROJECT} → "Joint R&D project", {@code IN_REVIEW} → "In
     * review"); any other text (a partner's name) as it is. The app labels codes from its enums instead.
     */
    public static String label(Object value) {
        return label(value, Locale.UK);
    }

    /**
     * As {@link #label(Object)}, in the reader's language: the engine's own words ("Total", "Other partners (4)",
     * "Above" / "Below" the guideline) and, in French, the codes the bundle names ({@code code.<CODE>}).
     */
    public static String label(Object value, Locale locale) {
        if (value == null) {
            return "";
        }
        String text = value.toString();
        String own = own(text, locale);
        if (own != null) {
            return own;
        }
        if (EngineTexts.french(locale) && EngineTexts.has("code." + text)) {
            return EngineTexts.text(locale, "code." + text);
        }
        String known = KNOWN.get(text);
        if (known != null) {
            return known;
        }
        if (CODE.matcher(text).matches() || WORDS.contains(text)) {
            String words = text.replace('_', ' ').toLowerCase(Locale.ROOT);
            return Character.toUpperCase(words.charAt(0)) + words.substring(1);
        }
        return text;
    }

    /**
     * The words the engine itself puts in cells, in the reader's language; null for any other value. English is the
     * cell's own text (it stays a key: drill-downs and tests compare it).
     */
    public static String own(String text, Locale locale) {
        if (!EngineTexts.french(locale)) {
            return null;
        }
        if (text.equals(RollupTable.TOTAL)) {
            return EngineTexts.text(locale, "cell.total");
        }
        if (text.equals(BurdenFigures.ABOVE) || text.equals(BurdenFigures.BELOW)) {
            return EngineTexts.text(locale, "cell.guideline." + text);
        }
        if (RollupTable.isOtherPartners(text)) {
            String count = text.substring(RollupTable.OTHER_PARTNERS.length() + 2, text.length() - 1);
            return EngineTexts.text(locale, "cell.otherPartners", count);
        }
        return null;
    }
}
