package org.entente.analytics.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.disclosure.SuppressionReason;
import org.entente.analytics.engine.rollup.Cell;
import org.entente.analytics.engine.rollup.CellText;
import org.entente.analytics.engine.rollup.Column;
import org.entente.platform.i18n.Language;

/**
 * How figures read on the screen, in the reader's language: EUR and counts with thousands separators (€1,234 /
 * 1 234 €), shares in percent, and a suppressed figure as a short mark ({@code ✕ n<3}) whose reason is said in full in
 * its tooltip and the legend.
 */
final class Figures {

    private final int minimumPartners;
    private final double dominanceLimit;
    /** The reader's locale (their language's: the United Kingdom's or France's). */
    private final Locale locale;

    /** In English. */
    Figures(int minimumPartners, double dominanceLimit) {
        this(minimumPartners, dominanceLimit, Language.EN.locale());
    }

    Figures(int minimumPartners, double dominanceLimit, Locale locale) {
        this.minimumPartners = minimumPartners;
        this.dominanceLimit = dominanceLimit;
        this.locale = Language.orDefault(locale).locale();
    }

    String text(Cell cell, Column.Kind kind) {
        if (cell == null) {
            return "";
        }
        if (cell.isSuppressed()) {
            return mark(cell.suppressed());
        }
        return value(cell.value(), kind);
    }

    /** The tooltip of a suppressed figure; null for a published one. */
    String reason(Cell cell) {
        return cell == null || !cell.isSuppressed() ? null : CellText.reason(cell.suppressed(), settings(), locale);
    }

    String explanation(SuppressionReason reason) {
        return CellText.explanation(reason, settings(), locale);
    }

    /** The engine's mark, so the screen and the Excel briefing show suppressed figures alike. */
    String mark(SuppressionReason reason) {
        return CellText.mark(reason, settings(), locale);
    }

    private AnalyticsSettings settings() {
        return new AnalyticsSettings(minimumPartners, dominanceLimit);
    }

    static boolean numeric(Column.Kind kind) {
        return kind != Column.Kind.TEXT;
    }

    String value(Object value, Column.Kind kind) {
        if (value == null) {
            return "–";
        }
        if (!(value instanceof Number number)) {
            return kind == Column.Kind.TEXT ? Labels.of(locale, value) : value.toString();
        }
        return switch (kind) {
            case MONEY_EUR -> money(number);
            case COUNT -> NumberFormat.getIntegerInstance(locale).format(number);
            case PERCENT -> percent(number);
            case RATIO -> decimals(number, 2);
            case NUMBER -> decimals(number, number.doubleValue() == Math.rint(number.doubleValue()) ? 0 : 1);
            case TEXT -> number.toString();
        };
    }

    String money(Number number) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance("EUR"));
        format.setMaximumFractionDigits(0);
        format.setMinimumFractionDigits(0);
        return format.format(number instanceof BigDecimal big ? big : number.doubleValue());
    }

    /**
     * Shares are fractions (0.25 = 25 %): one decimal, and below 0.1 % two significant digits (0.0042 %), so that a
     * small intensity does not read as 0.0 % — the engine's own text, as the briefing writes it.
     */
    String percent(Number number) {
        return CellText.percent(number.doubleValue(), locale);
    }

    private String decimals(Number number, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(number.doubleValue());
    }

    /** The number a chart plots, or null for a gap (suppressed or missing). */
    static Double plotted(Cell cell) {
        if (cell == null || cell.isSuppressed() || !(cell.value() instanceof Number number)) {
            return null;
        }
        return number.doubleValue();
    }
}
