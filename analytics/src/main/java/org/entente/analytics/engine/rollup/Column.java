package org.entente.analytics.engine.rollup;

import java.util.Objects;

/**
 * A column of a {@link RollupTable}.
 *
 * @param id    stable identifier (the rollup's SQL column name), used by {@link Chart} and exports
 * @param label heading for people
 * @param kind  how its values are to be read and formatted
 */
public record Column(String id, String label, Kind kind) {

    /**
     * The type of a column's values: TEXT → {@link String} (codes such as {@code STATE} or names; null when the
     * records have no value, e.g. no region), MONEY_EUR → {@link java.math.BigDecimal} with 2 decimals,
     * COUNT → {@link Long}, PERCENT → {@link Double} as a fraction (0.25 = 25 %), RATIO and NUMBER → {@link Double}.
     */
    public enum Kind { TEXT, MONEY_EUR, COUNT, PERCENT, RATIO, NUMBER }

    public Column {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(label, "label");
        Objects.requireNonNull(kind, "kind");
    }
}
