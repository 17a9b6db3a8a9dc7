package org.entente.assessment.ui;

import com.vaadin.flow.component.datepicker.DatePicker;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.NumberFormat;
import java.util.Locale;
import org.entente.assessment.Direction;
import org.entente.assessment.IndicatorUnit;

/** An indicator's values as people read them, and what each unit admits, said in words. */
final class Values {

    private Values() {
    }

    static String format(IndicatorUnit unit, BigDecimal value) {
        if (value == null) {
            return "—";
        }
        return switch (unit) {
            case YES_NO -> value.signum() == 0 ? "No" : "Yes";
            case SCALE_1_5 -> plain(value) + " of 5";
            case PERCENT -> plain(value) + " %";
            case EUR -> "€ " + plain(value);
            case NUMBER -> plain(value);
        };
    }

    static String plain(BigDecimal value) {
        NumberFormat format = NumberFormat.getNumberInstance(Locale.UK);
        format.setMaximumFractionDigits(2);
        return format.format(value.stripTrailingZeros());
    }

    /** What values the unit admits (helper text of value fields). */
    static String range(IndicatorUnit unit) {
        return switch (unit) {
            case NUMBER -> "Any number.";
            case PERCENT -> "A percentage from 0 to 100.";
            case EUR -> "An amount in euros, 0 or more.";
            case YES_NO -> "Yes or no (1 or 0).";
            case SCALE_1_5 -> "A rating from 1 to 5.";
        };
    }

    /** The message when a value is outside what the unit admits. */
    static String outOfRange(IndicatorUnit unit) {
        return switch (unit) {
            case NUMBER -> "Enter a number.";
            case PERCENT -> "A percentage lies between 0 and 100.";
            case EUR -> "An amount in euros cannot be negative.";
            case YES_NO -> "Choose yes or no.";
            case SCALE_1_5 -> "Choose a rating from 1 to 5.";
        };
    }

    /** "62 % of the way" from the baseline to the target, or null without a ratio. */
    static String ofTheWay(BigDecimal ratio) {
        if (ratio == null) {
            return null;
        }
        return percent(ratio) + " of the way";
    }

    static String percent(BigDecimal ratio) {
        return ratio.multiply(BigDecimal.valueOf(100)).setScale(0, RoundingMode.HALF_UP).toPlainString() + " %";
    }

    /** Date pickers show and take dates as the rest of the page writes them: 2026-12-31. */
    static DatePicker iso(DatePicker picker) {
        picker.setI18n(new DatePicker.DatePickerI18n().setDateFormat("yyyy-MM-dd"));
        return picker;
    }

    static String direction(Direction direction) {
        return direction.label().toLowerCase(Locale.ROOT);
    }
}
