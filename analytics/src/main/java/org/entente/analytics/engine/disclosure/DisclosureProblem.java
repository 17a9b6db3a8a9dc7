package org.entente.analytics.engine.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The figures a report wants to publish and the additive relations between them, for {@link DisclosureControl}.
 * <p>
 * A <em>line</em> says "this total is the sum of these parts" (a row of a table with its row total, a column with
 * its column total, the totals row with the grand total, ...). Tables with totals are best added as
 * {@linkplain #cube(int) cubes}, which derive their lines themselves. {@link #link} says that two cells of different
 * tables are the same figure, so that one cannot be published where the other is withheld.
 */
public final class DisclosureProblem {

    /** A total and the parts it is the sum of (cell indexes). */
    public record Line(int total, int[] parts) {

        public Line {
            parts = parts.clone();
        }

        @Override
        public int[] parts() {
            return parts.clone();
        }

        int part(int i) {
            return parts[i];
        }

        int size() {
            return parts.length;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Line line && line.total == total && Arrays.equals(line.parts, parts);
        }

        @Override
        public int hashCode() {
            return 31 * total + Arrays.hashCode(parts);
        }

        @Override
        public String toString() {
            return "Line[total=" + total + ", parts=" + Arrays.toString(parts) + "]";
        }
    }

    private final List<CellFacts> cells = new ArrayList<>();
    private final List<Line> lines = new ArrayList<>();
    private final List<DisclosureCube> cubes = new ArrayList<>();

    /** Adds a figure; returns its index. */
    public int add(CellFacts facts) {
        cells.add(java.util.Objects.requireNonNull(facts, "facts"));
        return cells.size() - 1;
    }

    /** Declares {@code total} to be the sum of {@code parts}. */
    public void addLine(int total, int... parts) {
        check(total);
        for (int part : parts) {
            check(part);
            if (part == total) {
                throw new IllegalArgumentException("a line's total cannot be one of its parts: " + total);
            }
        }
        if (parts.length > 0) {
            lines.add(new Line(total, parts));
        }
    }

    /** Declares two cells (usually of different tables) to be the same figure. */
    public void link(int a, int b) {
        if (a != b) {
            addLine(b, a);
        }
    }

    /** A new table of {@code dimensions} dimensions whose cells go into this problem. */
    public DisclosureCube cube(int dimensions) {
        DisclosureCube cube = new DisclosureCube(this, dimensions);
        cubes.add(cube);
        return cube;
    }

    public int size() {
        return cells.size();
    }

    public CellFacts cell(int index) {
        return cells.get(index);
    }

    /** The lines added directly plus those of every cube. */
    public List<Line> lines() {
        List<Line> all = new ArrayList<>(lines);
        for (DisclosureCube cube : cubes) {
            all.addAll(cube.lines());
        }
        return all;
    }

    private void check(int index) {
        if (index < 0 || index >= cells.size()) {
            throw new IndexOutOfBoundsException("no cell " + index + " (there are " + cells.size() + ")");
        }
    }
}
