package org.entente.analytics.engine.disclosure;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Disclosure control: the one rule deciding which figures a viewer gets, used by the screen, the Excel briefing and
 * every export.
 * <ol>
 * <li>A figure whose records are all visible to the viewer is published as computed: the viewer can compute it anyway,
 *     so it is never suppressed, not even to protect another figure.</li>
 * <li>Otherwise it is published only if at least {@code minimumPartners} distinct partners are behind it
 *     ({@link SuppressionReason#TOO_FEW_PARTNERS}) and the largest of them holds at most {@code dominanceLimit} of it
 *     ({@link SuppressionReason#DOMINATED}): primary suppression.</li>
 * <li>Complementary suppression: in every line (a total and its parts) the number of unknown figures must be 0 or at
 *     least 2, since a single unknown is the total minus the known parts (or the other way round). While some line has
 *     exactly one, one more figure of that line is suppressed ({@link SuppressionReason#PROTECTS_ANOTHER_CELL}), to a
 *     fixed point.</li>
 * </ol>
 * Empty figures (no records) are structural zeros: published, and never chosen as complements.
 */
public final class DisclosureControl {

    private final int minimumPartners;
    private final double dominanceLimit;

    public DisclosureControl(int minimumPartners, double dominanceLimit) {
        if (minimumPartners < 1) {
            throw new IllegalArgumentException("minimumPartners must be at least 1: " + minimumPartners);
        }
        if (!(dominanceLimit > 0 && dominanceLimit <= 1)) {
            throw new IllegalArgumentException("dominanceLimit must be within (0, 1]: " + dominanceLimit);
        }
        this.minimumPartners = minimumPartners;
        this.dominanceLimit = dominanceLimit;
    }

    public int minimumPartners() {
        return minimumPartners;
    }

    public double dominanceLimit() {
        return dominanceLimit;
    }

    /** The primary rule for one figure: null when it may be published on its own. */
    public SuppressionReason primary(CellFacts cell) {
        if (cell.fullyVisible() || cell.isEmpty()) {
            return null;
        }
        if (cell.partners() < minimumPartners) {
            return SuppressionReason.TOO_FEW_PARTNERS;
        }
        if (cell.largestPartnerShare() > dominanceLimit) {
            return SuppressionReason.DOMINATED;
        }
        return null;
    }

    /** Decides every figure of the problem. */
    public Disclosure protect(DisclosureProblem problem) {
        int size = problem.size();
        SuppressionReason[] reasons = new SuppressionReason[size];
        for (int i = 0; i < size; i++) {
            reasons[i] = primary(problem.cell(i));
        }

        List<DisclosureProblem.Line> lines = problem.lines();
        List<List<Integer>> linesOfCell = new ArrayList<>(size);
        for (int i = 0; i < size; i++) {
            linesOfCell.add(new ArrayList<>(2));
        }
        for (int l = 0; l < lines.size(); l++) {
            DisclosureProblem.Line line = lines.get(l);
            linesOfCell.get(line.total()).add(l);
            for (int p = 0; p < line.size(); p++) {
                linesOfCell.get(line.part(p)).add(l);
            }
        }

        // Work list of lines to (re)check; a line is checked again whenever one of its cells gets suppressed.
        // Every round suppresses one more cell or drops a line from the list, so this ends.
        Deque<Integer> pending = new ArrayDeque<>(lines.size());
        boolean[] queued = new boolean[lines.size()];
        for (int l = 0; l < lines.size(); l++) {
            pending.add(l);
            queued[l] = true;
        }
        while (!pending.isEmpty()) {
            int l = pending.poll();
            queued[l] = false;
            DisclosureProblem.Line line = lines.get(l);
            if (unknowns(line, reasons) != 1) {
                continue;
            }
            int complement = complement(line, problem, reasons);
            if (complement < 0) {
                // No candidate: every other figure of the line is fully visible or empty. Then the single unknown's
                // records would all be visible as well, which contradicts its being suppressed - this happens only
                // when a table's parts do not add up to its total; nothing more can be withheld without suppressing
                // something the viewer already knows.
                continue;
            }
            reasons[complement] = SuppressionReason.PROTECTS_ANOTHER_CELL;
            for (int other : linesOfCell.get(complement)) {
                if (!queued[other]) {
                    queued[other] = true;
                    pending.add(other);
                }
            }
        }
        return new Disclosure(reasons);
    }

    private static int unknowns(DisclosureProblem.Line line, SuppressionReason[] reasons) {
        int unknowns = reasons[line.total()] != null ? 1 : 0;
        for (int p = 0; p < line.size() && unknowns < 2; p++) {
            if (reasons[line.part(p)] != null) {
                unknowns++;
            }
        }
        return unknowns;
    }

    /**
     * The figure to withhold next in a line with one unknown: among the parts that are published, not fully visible
     * and not empty, the one with the smallest value; only if there is none, the line's total. Smallest first because
     * the complement exists only to hide the other figure: withholding the least of the line keeps the most of what
     * the viewer could have had, and leaves the totals - the figures people come for - published wherever possible.
     * Ties go to the earlier cell, so the outcome is deterministic.
     */
    private static int complement(DisclosureProblem.Line line, DisclosureProblem problem, SuppressionReason[] reasons) {
        int best = -1;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int p = 0; p < line.size(); p++) {
            int cell = line.part(p);
            if (candidate(cell, problem, reasons)) {
                double value = Math.abs(problem.cell(cell).value());
                if (value < bestValue || (value == bestValue && cell < best)) {
                    best = cell;
                    bestValue = value;
                }
            }
        }
        if (best < 0 && candidate(line.total(), problem, reasons)) {
            best = line.total();
        }
        return best;
    }

    private static boolean candidate(int cell, DisclosureProblem problem, SuppressionReason[] reasons) {
        CellFacts facts = problem.cell(cell);
        return reasons[cell] == null && !facts.fullyVisible() && !facts.isEmpty();
    }
}
