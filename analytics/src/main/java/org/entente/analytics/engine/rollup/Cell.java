package org.entente.analytics.engine.rollup;

import org.entente.analytics.engine.disclosure.SuppressionReason;

/**
 * One value of a {@link Row}, as disclosure control lets it out.
 *
 * @param value      the value (its type follows the column's {@link Column.Kind}); null when suppressed, and also when
 *                   there is nothing to show (a rate without a denominator, a dimension without a value)
 * @param suppressed why the value is withheld; null when it is published
 */
public record Cell(Object value, SuppressionReason suppressed) {

    public Cell {
        if (suppressed != null && value != null) {
            throw new IllegalArgumentException("a suppressed cell carries no value");
        }
    }

    public static Cell of(Object value) {
        return new Cell(value, null);
    }

    public static Cell suppressed(SuppressionReason reason) {
        return new Cell(null, java.util.Objects.requireNonNull(reason, "reason"));
    }

    public boolean isSuppressed() {
        return suppressed != null;
    }
}
