package org.entente.analytics.engine.rollup;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.entente.analytics.engine.Kpi;
import org.entente.analytics.engine.disclosure.CellFacts;
import org.entente.analytics.engine.disclosure.Disclosure;
import org.entente.analytics.engine.disclosure.DisclosureCube;
import org.entente.analytics.engine.disclosure.DisclosureProblem;
import org.entente.analytics.engine.disclosure.RestrictedPart;
import org.entente.analytics.engine.disclosure.SuppressionReason;

/**
 * One result set of a rollup file as {@link RollupSuite} reads it: its rows (figures at some grouping level), the
 * facts disclosure control decides them on, the decision, and the tables and KPI tiles cut from it.
 */
final class Cube {

    /** One figure of a cube: a result row. */
    static final class CubeRow {
        final List<Object> coordinates;
        final Map<String, Object> values;
        final CellFacts facts;
        /** Distinct partners behind the figure, consenting or not: 0 = no records at all. */
        final long partners;
        final int rank;
        int cell;

        CubeRow(List<Object> coordinates, Map<String, Object> values, CellFacts facts, long partners, int rank) {
            this.coordinates = coordinates;
            this.values = values;
            this.facts = facts;
            this.partners = partners;
            this.rank = rank;
        }

        Object value(String column) {
            return values.get(column);
        }
    }

    final CubeSpec spec;
    final List<CubeRow> rows = new ArrayList<>();
    final Map<List<Object>, Integer> rowAt = new HashMap<>();
    private final Map<String, Column> columns = new HashMap<>();
    private final Set<String> computed = new HashSet<>();
    SuppressionReason[] reasons;
    /** Per derived column: per row the reason it is withheld although its row is published. */
    private final Map<String, SuppressionReason[]> derivedReasons = new HashMap<>();

    Cube(CubeSpec spec) {
        this.spec = spec;
        spec.attributes().forEach(c -> columns.put(c.id(), c));
        spec.measures().forEach(c -> columns.put(c.id(), c));
        spec.computed().forEach(c -> {
            columns.put(c.id(), c);
            computed.add(c.id());
        });
    }

    void add(ResultSet rs) throws SQLException {
        long partners = rs.getLong("partners");
        List<Object> coordinates = new ArrayList<>(spec.dims().size());
        Map<String, Object> values = new HashMap<>();
        for (CubeSpec.Dim dim : spec.dims()) {
            boolean total = rs.getLong(dim.column() + "_is_total") != 0;
            Object value = rs.getObject(dim.column());
            if (total) {
                coordinates.add(DisclosureCube.TOTAL);
            } else if (dim.keyColumns().isEmpty()) {
                coordinates.add(value);
            } else {
                List<Object> key = new ArrayList<>();
                for (String column : dim.keyColumns()) {
                    key.add(rs.getObject(column));
                }
                coordinates.add(key);
                if (dim.othersRow() && key.stream().allMatch(k -> k == null)) {
                    value = RollupTable.otherPartners(partners);
                }
            }
            values.put(dim.column(), value);
            for (String column : dim.keyColumns()) {
                values.put(column, total ? null : rs.getObject(column));
            }
        }
        for (Column column : columns.values()) {
            if (!computed.contains(column.id())) {
                values.put(column.id(), convert(rs.getObject(column.id()), column.kind()));
            }
        }
        values.put("partners", partners);
        values.put("hidden_records", rs.getLong("hidden_records"));
        int rank = rs.getInt("releasability_rank");
        List<Object> key = Collections.unmodifiableList(coordinates);
        if (rowAt.putIfAbsent(key, rows.size()) != null) {
            throw new IllegalStateException("Rollup " + spec.name() + " returned two rows for " + coordinates);
        }
        rows.add(new CubeRow(key, values, facts(rs), partners, Math.max(0, Math.min(4, rank))));
    }

    /** The facts of a row: of its records (the rule without consent), or of its restricted part. */
    private CellFacts facts(ResultSet rs) throws SQLException {
        String prefix = spec.byConsent() ? "restricted_" : "";
        int measures = spec.dominance().size();
        double[] totals = new double[measures];
        double[] largest = new double[measures];
        for (int i = 0; i < measures; i++) {
            CubeSpec.Dominance pair = spec.dominance().get(i);
            totals[i] = number(rs.getObject(prefix + pair.valueColumn()));
            largest[i] = number(rs.getObject(prefix + pair.topColumn()));
        }
        long partners = rs.getLong(prefix + "partners");
        boolean anyHidden = rs.getLong(prefix + "hidden_records") != 0;
        if (!spec.byConsent()) {
            // As ever: a figure without records is no figure, whatever its dominance columns say.
            double share = 0;
            for (int i = 0; i < measures; i++) {
                share = Math.max(share, CellFacts.share(largest[i], totals[i]));
            }
            return new CellFacts(measures == 0 ? 0 : totals[0], partners, share, !anyHidden);
        }
        return RestrictedPart.summarized(partners, anyHidden, totals, largest).facts();
    }

    void addTo(DisclosureProblem problem) {
        DisclosureCube cube = problem.cube(spec.dims().size());
        for (CubeRow row : rows) {
            row.cell = cube.add(row.coordinates, row.facts);
        }
    }

    void decide(Disclosure disclosure) {
        reasons = new SuppressionReason[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            reasons[i] = disclosure.reason(rows.get(i).cell);
        }
        for (CubeSpec.Derived derived : spec.derived()) {
            SuppressionReason[] withheld = new SuppressionReason[rows.size()];
            switch (derived) {
                case CubeSpec.ShareOfTotal share -> {
                    List<Integer> dims = dimIndexes(share.totalOver());
                    for (int i = 0; i < rows.size(); i++) {
                        List<Object> at = new ArrayList<>(rows.get(i).coordinates);
                        dims.forEach(d -> at.set(d, DisclosureCube.TOTAL));
                        withheld[i] = withheldWith(at);
                    }
                }
                case CubeSpec.ShareOfGroup group -> {
                    List<Integer> levels = dimIndexes(group.levels());
                    for (int i = 0; i < rows.size(); i++) {
                        List<Object> at = new ArrayList<>(rows.get(i).coordinates);
                        for (int d : levels) {
                            if (at.get(d) != DisclosureCube.TOTAL) {
                                at.set(d, DisclosureCube.TOTAL);
                                break;
                            }
                        }
                        withheld[i] = withheldWith(at);
                    }
                }
                case CubeSpec.Cumulative cumulative -> {
                    // Rows come in the order of the running sum (the SQL sorts by the dimension).
                    int along = dimIndexes(List.of(cumulative.along())).getFirst();
                    Set<List<Object>> broken = new HashSet<>();
                    for (int i = 0; i < rows.size(); i++) {
                        List<Object> coordinates = rows.get(i).coordinates;
                        if (coordinates.get(along) == DisclosureCube.TOTAL) {
                            continue;
                        }
                        List<Object> series = new ArrayList<>(coordinates);
                        series.set(along, null);
                        if (reasons[i] != null) {
                            broken.add(series);
                        } else if (broken.contains(series)) {
                            withheld[i] = SuppressionReason.PROTECTS_ANOTHER_CELL;
                        }
                    }
                }
            }
            for (String column : derived.columns()) {
                derivedReasons.put(column, withheld);
            }
        }
    }

    private SuppressionReason withheldWith(List<Object> denominator) {
        Integer row = rowAt.get(denominator);
        return row != null && reasons[row] != null ? SuppressionReason.PROTECTS_ANOTHER_CELL : null;
    }

    RollupTable table(CubeSpec.View view, int[] marking) {
        Set<Integer> shown = new TreeSet<>();
        for (int d = 0; d < spec.dims().size(); d++) {
            if (view.columns().contains(spec.dims().get(d).column())) {
                shown.add(d);
            }
        }
        List<Integer> notTotal = dimIndexes(List.copyOf(view.notTotal()));
        List<Column> tableColumns = new ArrayList<>();
        for (String id : view.columns()) {
            tableColumns.add(column(id));
        }
        List<Row> tableRows = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            CubeRow row = rows.get(i);
            if (!inView(row.coordinates, shown, notTotal)) {
                continue;
            }
            boolean total = shown.stream().anyMatch(d -> row.coordinates.get(d) == DisclosureCube.TOTAL);
            if (view.omitSuppressedDetail() && !total && reasons[i] != null) {
                continue;
            }
            tableRows.add(new Row(cells(i, view.columns()), total));
            publish(i, marking);
        }
        return new RollupTable(view.id(), view.title(), view.question(), tableColumns, tableRows, view.chart());
    }

    /** Row {@code row}'s cells of {@code ids}, as disclosure control lets them out. */
    List<Cell> cells(int row, List<String> ids) {
        List<Cell> cells = new ArrayList<>(ids.size());
        for (String id : ids) {
            cells.add(cell(row, id));
        }
        return cells;
    }

    Kpi kpi(Rollups.KpiSpec kpi, int[] marking) {
        List<Object> at = new ArrayList<>();
        for (CubeSpec.Dim dim : spec.dims()) {
            at.add(kpi.at().getOrDefault(dim.column(), DisclosureCube.TOTAL));
        }
        Integer row = rowAt.get(at);
        if (row == null) {
            return new Kpi(kpi.id(), kpi.label(), kpi.kind(), Cell.of(kpi.whenEmpty()));
        }
        publish(row, marking);
        Cell value = reasons[row] != null ? Cell.suppressed(reasons[row])
                : Cell.of(convert(rows.get(row).values.get(kpi.column()), kpi.kind()));
        return new Kpi(kpi.id(), kpi.label(), kpi.kind(), value);
    }

    /** Raises the report's marking to the row's, when the row is published and has records. */
    void publish(int row, int[] marking) {
        if (reasons[row] == null && rows.get(row).partners > 0) {
            marking[0] = Math.max(marking[0], rows.get(row).rank);
        }
    }

    Cell cell(int row, String id) {
        CubeRow r = rows.get(row);
        for (int d = 0; d < spec.dims().size(); d++) {
            CubeSpec.Dim dim = spec.dims().get(d);
            if (dim.column().equals(id)) {
                return Cell.of(r.coordinates.get(d) == DisclosureCube.TOTAL
                        ? RollupTable.TOTAL : dim.display().apply(r.values.get(id)));
            }
        }
        Column column = columns.get(id);
        if (spec.attributes().contains(column)) {
            return Cell.of(r.values.get(id));
        }
        if (reasons[row] != null) {
            return Cell.suppressed(reasons[row]);
        }
        SuppressionReason[] derived = derivedReasons.get(id);
        if (derived != null && derived[row] != null) {
            return Cell.suppressed(derived[row]);
        }
        return Cell.of(r.values.get(id));
    }

    Column column(String id) {
        for (CubeSpec.Dim dim : spec.dims()) {
            if (dim.column().equals(id)) {
                return new Column(id, dim.label(), Column.Kind.TEXT);
            }
        }
        Column column = columns.get(id);
        if (column == null) {
            throw new IllegalStateException("cube " + spec.name() + " has no column " + id);
        }
        return column;
    }

    /** The position of dimension {@code name}. */
    int dim(String name) {
        return dimIndexes(List.of(name)).getFirst();
    }

    private static boolean inView(List<Object> coordinates, Set<Integer> shown, List<Integer> notTotal) {
        for (int d = 0; d < coordinates.size(); d++) {
            boolean total = coordinates.get(d) == DisclosureCube.TOTAL;
            if (!shown.contains(d) && !total) {
                return false;
            }
            if (total && notTotal.contains(d)) {
                return false;
            }
        }
        return true;
    }

    private List<Integer> dimIndexes(List<String> names) {
        List<Integer> indexes = new ArrayList<>();
        for (String name : names) {
            int index = -1;
            for (int d = 0; d < spec.dims().size(); d++) {
                if (spec.dims().get(d).column().equals(name)) {
                    index = d;
                }
            }
            if (index < 0) {
                throw new IllegalStateException("cube " + spec.name() + " has no dimension " + name);
            }
            indexes.add(index);
        }
        return indexes;
    }

    static double number(Object value) {
        return value instanceof Number n ? n.doubleValue() : 0;
    }

    static Object convert(Object value, Column.Kind kind) {
        if (value == null) {
            return null;
        }
        return switch (kind) {
            case TEXT -> value.toString();
            case MONEY_EUR -> (value instanceof BigDecimal d ? d : new BigDecimal(value.toString()))
                    .setScale(2, RoundingMode.HALF_UP);
            case COUNT -> ((Number) value).longValue();
            case PERCENT, RATIO, NUMBER -> ((Number) value).doubleValue();
        };
    }
}
