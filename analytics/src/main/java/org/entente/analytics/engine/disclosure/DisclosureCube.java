package org.entente.analytics.engine.disclosure;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A table of any number of dimensions with totals, as a rollup's GROUPING SETS produce it: every cell has one
 * coordinate per dimension, either a value (null is a value too: "not set") or {@link #TOTAL}.
 * <p>
 * The lines follow from the coordinates: for every cell and every dimension where it has a value, the cell is a part
 * of the line whose total has the same coordinates but {@link #TOTAL} in that dimension, if that total is in the
 * table. A two-dimensional table with row totals, column totals and a grand total thus gets exactly its rows, its
 * columns, its totals row and its totals column; a hierarchy (partner within partner kind, ...) gets one line per
 * level; a 1-D table without a total gets none. Cells not added are empty: structural zeros, known to everyone.
 */
public final class DisclosureCube {

    /** The coordinate of a total over a dimension. */
    public static final Object TOTAL = new Object() {
        @Override
        public String toString() {
            return "TOTAL";
        }
    };

    private final DisclosureProblem problem;
    private final int dimensions;
    private final Map<List<Object>, Integer> cells = new LinkedHashMap<>();

    DisclosureCube(DisclosureProblem problem, int dimensions) {
        if (dimensions < 1) {
            throw new IllegalArgumentException("a cube needs at least one dimension");
        }
        this.problem = problem;
        this.dimensions = dimensions;
    }

    /** Adds a cell at {@code coordinates}; returns its index in the problem. */
    public int add(List<?> coordinates, CellFacts facts) {
        List<Object> key = key(coordinates);
        if (cells.containsKey(key)) {
            throw new IllegalArgumentException("cell " + coordinates + " is already in the table");
        }
        int index = problem.add(facts);
        cells.put(key, index);
        return index;
    }

    /** The problem index of the cell at {@code coordinates}, if it is in the table. */
    public OptionalInt find(List<?> coordinates) {
        Integer index = cells.get(key(coordinates));
        return index == null ? OptionalInt.empty() : OptionalInt.of(index);
    }

    public int dimensions() {
        return dimensions;
    }

    List<DisclosureProblem.Line> lines() {
        Map<List<Object>, List<Integer>> parts = new HashMap<>();
        Map<List<Object>, Integer> totals = new LinkedHashMap<>();
        for (Map.Entry<List<Object>, Integer> cell : cells.entrySet()) {
            List<Object> coordinates = cell.getKey();
            for (int d = 0; d < dimensions; d++) {
                if (coordinates.get(d) == TOTAL) {
                    continue;
                }
                List<Object> totalKey = new ArrayList<>(coordinates);
                totalKey.set(d, TOTAL);
                Integer total = cells.get(totalKey);
                if (total == null) {
                    continue;
                }
                // The same total can head lines along several dimensions: the line key is (dimension, total).
                List<Object> lineKey = new ArrayList<>(totalKey);
                lineKey.add(d);
                totals.putIfAbsent(lineKey, total);
                parts.computeIfAbsent(lineKey, k -> new ArrayList<>()).add(cell.getValue());
            }
        }
        List<DisclosureProblem.Line> lines = new ArrayList<>();
        for (Map.Entry<List<Object>, Integer> line : totals.entrySet()) {
            int[] members = parts.get(line.getKey()).stream().mapToInt(Integer::intValue).toArray();
            lines.add(new DisclosureProblem.Line(line.getValue(), members));
        }
        return lines;
    }

    private List<Object> key(List<?> coordinates) {
        if (coordinates.size() != dimensions) {
            throw new IllegalArgumentException("expected " + dimensions + " coordinates, got " + coordinates);
        }
        return Collections.unmodifiableList(new ArrayList<>(coordinates));
    }
}
