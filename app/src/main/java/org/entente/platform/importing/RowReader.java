package org.entente.platform.importing;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Text;
import org.entente.platform.i18n.Translations;
import org.entente.platform.validation.PlainText;

/**
 * One row's cells read as values, each problem kept with its column and a sentence that says how to fix it. Only the
 * sheet's own form is checked here (is it a date, a number, one of the choices); the rules of the record itself are
 * its service's, applied to the draft afterwards, so that an import and the feature's dialog refuse the same things.
 */
public final class RowReader<C extends Enum<C> & SheetColumn> {

    public static final int MAX_REFERENCE = 100;
    private static final Pattern PLAIN_NUMBER = Pattern.compile("-?\\d+([.,]\\d+)?");
    /** Groups of three digits separated by a space (the French way of writing 1 500 000,50). */
    private static final Pattern SPACED_NUMBER = Pattern.compile("-?\\d{1,3}( \\d{3})+([.,]\\d+)?");
    private static final Pattern AMBIGUOUS_COMMA = Pattern.compile("-?\\d{1,3},\\d{3}");

    private final Sheet.Row row;
    private final Map<C, Integer> positions;
    private final List<ImportPlan.Problem> problems = new ArrayList<>();

    RowReader(Sheet.Row row, Map<C, Integer> positions) {
        this.row = row;
        this.positions = positions;
    }

    public int line() {
        return row.line();
    }

    public List<ImportPlan.Problem> problems() {
        return List.copyOf(problems);
    }

    public boolean hasProblems() {
        return !problems.isEmpty();
    }

    public void problem(C column, String key, Object... args) {
        problems.add(new ImportPlan.Problem(column, Text.of(key, args)));
    }

    /** The cell's text, trimmed; "" when empty. */
    public String text(C column) {
        return row.cell(positions.get(column)).strip();
    }

    /** The cell's text; a problem when it is empty. */
    public String required(C column) {
        String text = text(column);
        if (text.isEmpty()) {
            problem(column, "import.error.required");
        }
        return text;
    }

    /**
     * The row's own reference (a row id in the partner's records): one line, at most {@value #MAX_REFERENCE}
     * characters, storable text; "" when the row has none.
     */
    public String reference(C column) {
        String reference = text(column);
        if (reference.length() > MAX_REFERENCE) {
            problem(column, "import.error.referenceTooLong", MAX_REFERENCE);
        } else if (reference.chars().anyMatch(c -> c < 0x20)) {
            // A reference is one line: a tab or line break in it is a slip of the spreadsheet, not part of the number.
            problem(column, "import.error.referenceOneLine");
        } else if (!PlainText.storable(reference)) {
            problems.add(new ImportPlan.Problem(column, Text.of(PlainText.MESSAGE)));
        }
        return reference;
    }

    /** An enum value by its code (FUNDING) or its label in either language (Funding, Financement). */
    public <E extends Enum<E>> E choice(C column, E[] values, E otherwise) {
        String text = text(column);
        if (text.isEmpty()) {
            if (otherwise == null) {
                problem(column, "import.error.required");
            }
            return otherwise;
        }
        String wanted = SheetRows.normalized(text);
        for (E value : values) {
            if (wanted.equals(SheetRows.normalized(value.name()))) {
                return value;
            }
            for (Language language : Language.values()) {
                if (wanted.equals(SheetRows.normalized(Translations.label(language.locale(), value)))) {
                    return value;
                }
            }
        }
        List<String> allowed = new ArrayList<>();
        for (E value : values) {
            allowed.add(value.name());
        }
        problem(column, "import.error.notOneOf", text, String.join(", ", allowed));
        return null;
    }

    /**
     * A decimal with either separator. A comma followed by exactly three digits (1,500) is refused rather than
     * guessed: it is 1.5 in French and 1500 in English.
     */
    public BigDecimal number(C column, boolean required) {
        String text = text(column).replace('\u00a0', ' ').replace('\u202f', ' ');
        if (text.isEmpty()) {
            if (required) {
                problem(column, "import.error.required");
            }
            return null;
        }
        if (AMBIGUOUS_COMMA.matcher(text).matches()) {
            problem(column, "import.error.ambiguousNumber", text);
            return null;
        }
        String plain = SPACED_NUMBER.matcher(text).matches() ? text.replace(" ", "") : text;
        if (PLAIN_NUMBER.matcher(plain).matches()) {
            return new BigDecimal(plain.replace(',', '.'));
        }
        try {
            return new BigDecimal(plain); // a spreadsheet's raw number, e.g. 1.5E7
        } catch (NumberFormatException e) {
            problem(column, "import.error.notANumber", text);
            return null;
        }
    }

    /** A date cell (already ISO) or ISO text; null when empty (the service's default applies). */
    public LocalDate date(C column, boolean required) {
        String text = text(column);
        if (text.isEmpty()) {
            if (required) {
                problem(column, "import.error.required");
            }
            return null;
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            problem(column, "import.error.notADate", text);
            return null;
        }
    }
}
