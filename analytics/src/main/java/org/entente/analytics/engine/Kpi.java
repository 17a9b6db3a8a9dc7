package org.entente.analytics.engine;

import org.entente.analytics.engine.rollup.Cell;
import org.entente.analytics.engine.rollup.Column;

/**
 * A headline figure, taken from a rollup table's cell and so under the same disclosure control.
 *
 * @param id    stable identifier, e.g. {@code delivered-eur}
 * @param label for people
 * @param kind  how to read and format the value
 * @param value the figure, or why it is withheld
 */
public record Kpi(String id, String label, Column.Kind kind, Cell value) {
}
