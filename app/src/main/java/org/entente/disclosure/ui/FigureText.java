package org.entente.disclosure.ui;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Currency;
import java.util.Locale;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.rollup.Cell;
import org.entente.analytics.engine.rollup.CellText;
import org.entente.analytics.engine.rollup.Column;
import org.entente.platform.i18n.Language;

/**
 * How the preview's figures read: as on the Analytics page (EUR without cents, shares in percent with the engine's
 * digits, so that a tiny intensity does not read as 0 %, a withheld figure as the engine's mark, e.g. {@code ✕ n<3}),
 * so that a tenant administrator recognizes them there.
 */
final class FigureText {

    private final AnalyticsSettings settings;
    /** The reader's: 1,234 in English, 1 234 in French. */
    private final Locale locale;

    FigureText(AnalyticsSettings settings, Locale locale) {
        this.settings = settings;
        this.locale = Language.orDefault(locale).locale();
    }

    String text(Cell cell, Column.Kind kind) {
        if (cell == null) {
            return "";
        }
        if (cell.isSuppressed()) {
            return CellText.mark(cell.suppressed(), settings);
        }
        Object value = cell.value();
        if (value == null) {
            return "–";
        }
        if (!(value instanceof Number number)) {
            return CellText.label(value);
        }
        return switch (kind) {
            case MONEY_EUR -> money(number);
            case COUNT -> NumberFormat.getIntegerInstance(locale).format(number);
            case PERCENT -> CellText.percent(number.doubleValue());
            case RATIO -> decimals(number.doubleValue(), 2);
            case NUMBER, TEXT -> decimals(number.doubleValue(), number.doubleValue() == Math.rint(number.doubleValue())
                    ? 0 : 2);
        };
    }

    /** The tooltip of a withheld figure; null for a published one. */
    String reason(Cell cell) {
        return cell == null || !cell.isSuppressed() ? null : CellText.reason(cell.suppressed(), settings);
    }

    private String money(Number number) {
        NumberFormat format = NumberFormat.getCurrencyInstance(locale);
        format.setCurrency(Currency.getInstance("EUR"));
        format.setMaximumFractionDigits(0);
        format.setMinimumFractionDigits(0);
        return format.format(number instanceof BigDecimal big ? big : number.doubleValue());
    }

    private String decimals(double number, int digits) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(digits);
        format.setMaximumFractionDigits(digits);
        return format.format(number);
    }
}
