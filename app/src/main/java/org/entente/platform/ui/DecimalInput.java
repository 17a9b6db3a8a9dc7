package org.entente.platform.ui;

import com.vaadin.flow.component.textfield.TextField;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.Optional;
import org.entente.platform.i18n.Language;

/**
 * A decimal number a person types, as their language writes it. Vaadin's BigDecimalField accepts only the page
 * locale's separator (on a French page it blocks the point, which people paste from spreadsheets and websites), so
 * amounts are typed in a text field and read here: on a French page the comma or the point is the decimal separator
 * and spaces group thousands (1 234,5 or 1234.5); on an English page the point is, and commas group thousands
 * (1,234.5).
 */
public final class DecimalInput {

    private DecimalInput() {
    }

    /** A text field that takes digits, signs, separators and spaces only. */
    public static TextField field(String label) {
        TextField field = new TextField(label);
        field.setAllowedCharPattern("[-+\\d.,\\s\u00a0\u202f]");
        return field;
    }

    /**
     * The number typed: empty when blank.
     *
     * @throws NumberFormatException when the text is not a number in the locale's writing
     */
    public static Optional<BigDecimal> parse(String text, Locale locale) {
        String compact = text == null ? "" : text.replaceAll("[\\s\u00a0\u202f]", "");
        if (compact.isEmpty()) {
            return Optional.empty();
        }
        if (Language.orDefault(locale) == Language.FR) {
            if (compact.contains(",") && compact.contains(".")) {
                throw new NumberFormatException(text);
            }
            compact = compact.replace(',', '.');
        } else {
            compact = compact.replace(",", "");
        }
        return Optional.of(new BigDecimal(compact));
    }

    /** A stored number as the person would type it again: no grouping, the language's decimal separator. */
    public static String format(BigDecimal value, Locale locale) {
        if (value == null) {
            return "";
        }
        String plain = value.stripTrailingZeros().toPlainString();
        return Language.orDefault(locale) == Language.FR ? plain.replace('.', ',') : plain;
    }
}
