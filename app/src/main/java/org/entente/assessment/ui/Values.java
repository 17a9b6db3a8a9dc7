package org.entente.assessment.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import com.vaadin.flow.component.textfield.BigDecimalField;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import org.entente.assessment.Direction;
import org.entente.assessment.IndicatorUnit;
import org.entente.platform.i18n.Formats;
import org.entente.platform.i18n.ui.Localized;

/**
 * An indicator's values as people read them, and what each unit admits, said in words: in the page's language (the
 * Results tab's static helpers reach it through {@link #locale()}, English where no page is current, as in tests).
 */
final class Values {

    private Values() {
    }

    /** The language of the current page; English outside one. */
    static Locale locale() {
        return Localized.locale();
    }

    /** The text of {@code key} in the page's language. */
    static String t(String key, Object... args) {
        return Localized.text(key, args);
    }

    /** A constant's label in the page's language. */
    static String label(Enum<?> constant) {
        return Localized.label(constant);
    }

    static String format(IndicatorUnit unit, BigDecimal value) {
        if (value == null) {
            return "—";
        }
        return switch (unit) {
            case YES_NO -> t(value.signum() == 0 ? "results.value.no" : "results.value.yes");
            case SCALE_1_5 -> t("results.value.scale", plain(value));
            case PERCENT -> t("results.value.percent", plain(value));
            case EUR -> t("results.value.eur", plain(value));
            case NUMBER -> plain(value);
        };
    }

    /** At most two decimals, written as the page's language writes numbers (1,234.5 / 1 234,5). */
    static String plain(BigDecimal value) {
        return Formats.number(locale(), value.stripTrailingZeros(), 2);
    }

    /** What values the unit admits (helper text of value fields). */
    static String range(IndicatorUnit unit) {
        return t(switch (unit) {
            case NUMBER -> "results.range.number";
            case PERCENT -> "results.range.percent";
            case EUR -> "results.range.eur";
            case YES_NO -> "results.range.yesNo";
            case SCALE_1_5 -> "results.range.scale";
        });
    }

    /** The message when a value is outside what the unit admits. */
    static String outOfRange(IndicatorUnit unit) {
        return t(switch (unit) {
            case NUMBER -> "results.outOfRange.number";
            case PERCENT -> "results.outOfRange.percent";
            case EUR -> "results.outOfRange.eur";
            case YES_NO -> "results.outOfRange.yesNo";
            case SCALE_1_5 -> "results.outOfRange.scale";
        });
    }

    /** "62 %": a ratio as a whole percentage. */
    static String percent(BigDecimal ratio) {
        return t("results.value.percent",
                ratio.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).toPlainString());
    }

    /**
     * Date pickers show and take dates as the rest of the page writes them, 2026-12-31 (ISO 8601 reads the same in
     * both languages); month and day names, Today and Cancel in the page's language.
     */
    static DatePicker iso(DatePicker picker) {
        Localized.datePicker(picker);
        picker.setI18n(picker.getI18n().setDateFormat("yyyy-MM-dd"));
        return picker;
    }

    /**
     * A decimal field in the page's language: on a French page it takes the decimal comma (Vaadin's field, made with
     * the page's locale, reads its separator) and still the point, which people paste from English sources; the
     * field turns either into the same number.
     */
    static BigDecimalField decimalField(String label) {
        BigDecimalField field = Localized.decimalField(new BigDecimalField(label));
        field.setI18n(new BigDecimalField.BigDecimalFieldI18n().setBadInputErrorMessage(t("results.error.notANumber")));
        return field;
    }

    static String direction(Direction direction) {
        return label(direction).toLowerCase(locale());
    }
}
