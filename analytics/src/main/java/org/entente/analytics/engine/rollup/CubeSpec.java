package org.entente.analytics.engine.rollup;

import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * How to read one result set of a rollup file (a "cube": every row one figure, at some grouping level) and which
 * tables to show from it. All tables of a cube are cut from the one disclosure decision about it, so they agree.
 *
 * @param name       the cube's name (the id of its main table)
 * @param dims       dimension columns; the SQL has {@code <column>} and {@code <column>_is_total}
 * @param attributes further text columns that depend on the dimensions (shown, not protected)
 * @param measures   the figures; all of a row's figures are published or withheld together
 * @param dominance  (figure, largest partner's part) column pairs; the row is dominated if any pair is
 * @param derived    figures that also depend on other rows (shares of a total, running sums)
 * @param views      the tables shown from the cube
 * @param byConsent  disclosure control decides the rows on their restricted part (the partners that did not consent
 *                   to the viewer's organization, see {@link org.entente.analytics.engine.disclosure.RestrictedPart}):
 *                   the SQL has {@code restricted_partners}, {@code restricted_hidden_records} and, for every
 *                   dominance pair, {@code restricted_<figure>} and {@code restricted_<largest part>}
 * @param computed   measures RollupSuite computes after reading the rows (not SQL columns), withheld with their row
 */
record CubeSpec(String name, List<Dim> dims, List<Column> attributes, List<Column> measures,
                List<Dominance> dominance, List<Derived> derived, List<View> views, boolean byConsent,
                List<Column> computed) {

    CubeSpec(String name, List<Dim> dims, List<Column> attributes, List<Column> measures, List<Dominance> dominance,
             List<Derived> derived, List<View> views) {
        this(name, dims, attributes, measures, dominance, derived, views, false, List.of());
    }

    /** The same cube, decided by consent (see {@link #byConsent}). */
    CubeSpec decidedByConsent() {
        return new CubeSpec(name, dims, attributes, measures, dominance, derived, views, true, computed);
    }

    /**
     * A dimension.
     *
     * @param column     its SQL column (text shown in the table)
     * @param label      heading
     * @param keyColumns SQL columns that identify a value when the text may repeat (a partner's id); empty = the text
     * @param display    turns the SQL value into the text shown (e.g. 202403 into "2024-03")
     */
    record Dim(String column, String label, List<String> keyColumns, Function<Object, String> display,
               boolean othersRow) {

        static Dim of(String column, String label) {
            return new Dim(column, label, List.of(), value -> value == null ? null : value.toString(), false);
        }

        Dim keyedBy(String... columns) {
            return new Dim(column, label, List.of(columns), display, othersRow);
        }

        Dim shownAs(Function<Object, String> format) {
            return new Dim(column, label, keyColumns, value -> value == null ? null : format.apply(value), othersRow);
        }

        /**
         * A row whose keys are all null (and that is no total) stands for the partners without a row of their own:
         * it reads {@link RollupTable#otherPartners(long) "Other partners (n)"}, n its {@code partners}.
         */
        Dim withOthersRow() {
            return new Dim(column, label, keyColumns, display, true);
        }
    }

    record Dominance(String valueColumn, String topColumn) {
    }

    sealed interface Derived permits ShareOfTotal, ShareOfGroup, Cumulative {
        List<String> columns();
    }

    /** {@code columns} divide by the row that totals over {@code totalOver}: withheld when that row is. */
    record ShareOfTotal(List<String> columns, List<String> totalOver) implements Derived {
    }

    /**
     * {@code columns} divide by the row one level up a hierarchy of dimensions, {@code levels} from the innermost out
     * (partner, then partner kind): the row with its innermost dimension that is not a total made a total. Withheld
     * when that row is. A row that totals over every level divides by itself.
     */
    record ShareOfGroup(List<String> columns, List<String> levels) implements Derived {
    }

    /** {@code columns} sum the rows up to this one along {@code along}: withheld from the first withheld row on. */
    record Cumulative(List<String> columns, String along) implements Derived {
    }

    /**
     * A table cut from the cube.
     *
     * @param columns              its columns in order (dimensions, attributes, measures); dimensions not listed
     *                             must be totals on its rows
     * @param notTotal             listed dimensions that must not be totals on its rows
     * @param omitSuppressedDetail leave out rows that are not totals and withheld, for tables where the row itself
     *                             is the information (a link between two partners)
     */
    record View(String id, String title, String question, List<String> columns, Set<String> notTotal,
                boolean omitSuppressedDetail, Chart chart) {
    }
}
