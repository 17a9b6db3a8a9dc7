package org.entente.analytics.engine.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.analytics.engine.disclosure.SuppressionReason.DOMINATED;
import static org.entente.analytics.engine.disclosure.SuppressionReason.PROTECTS_ANOTHER_CELL;
import static org.entente.analytics.engine.disclosure.SuppressionReason.TOO_FEW_PARTNERS;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Hand-computed tables, one per rule (k = 3 partners, dominance limit 85 %). */
class DisclosureControlTest {

    private final DisclosureControl control = new DisclosureControl(3, 0.85);

    /** Not fully visible: {@code partners} partners, the largest holding {@code share} of {@code value}. */
    private static CellFacts hidden(double value, int partners, double share) {
        return new CellFacts(value, partners, share, false);
    }

    private static CellFacts visible(double value, int partners) {
        return new CellFacts(value, partners, 1.0, true);
    }

    @Test
    void fewerThanKPartnersIsSuppressedAndKIsEnough() {
        // Two partners (< 3) -> withheld; three partners, largest 50 % -> published.
        assertThat(control.primary(hidden(100, 2, 0.5))).isEqualTo(TOO_FEW_PARTNERS);
        assertThat(control.primary(hidden(100, 1, 1.0))).isEqualTo(TOO_FEW_PARTNERS);
        assertThat(control.primary(hidden(100, 3, 0.5))).isNull();
        // k is a setting.
        assertThat(new DisclosureControl(2, 0.85).primary(hidden(100, 2, 0.5))).isNull();
    }

    @Test
    void aPartnerHoldingMoreThanTheLimitDominates() {
        // 5 partners, the largest holds 90 of 100 (> 85 %) -> dominated; exactly 85 of 100 is still allowed.
        assertThat(control.primary(CellFacts.of(100, 5, 90, false))).isEqualTo(DOMINATED);
        assertThat(control.primary(CellFacts.of(100, 5, 85, false))).isNull();
        // Too few partners is reported first when both hold.
        assertThat(control.primary(CellFacts.of(100, 2, 95, false))).isEqualTo(TOO_FEW_PARTNERS);
        // A zero figure has no dominant partner.
        assertThat(control.primary(CellFacts.of(0, 4, 0, false))).isNull();
    }

    @Test
    void fullyVisibleFiguresArePublishedWhateverTheirPartnersAndAreNeverComplements() {
        // One partner holding everything, but the viewer sees all of it: published.
        assertThat(control.primary(visible(100, 1))).isNull();

        // Row: A (2 partners, hidden) | B (fully visible, 1 partner) | total (hidden, 3 partners).
        // A is withheld; the row then has one unknown. B is known to the viewer anyway and cannot hide A,
        // so the complement must be the total.
        DisclosureTable table = new DisclosureTable(
                new CellFacts[][] {{hidden(30, 2, 0.6), visible(70, 1)}},
                new CellFacts[] {hidden(100, 3, 0.7)}, null, null);
        DisclosureTable.Result result = table.protect(control);
        assertThat(result.cell(0, 0)).isEqualTo(TOO_FEW_PARTNERS);
        assertThat(result.cell(0, 1)).isNull();
        assertThat(result.rowTotal(0)).isEqualTo(PROTECTS_ANOTHER_CELL);
    }

    @Test
    void complementInARowIsTheSmallestPublishedCell() {
        // Row: A 5 (1 partner) | B 10 (4 partners) | C 20 (5 partners) | total 35 (10 partners).
        // A is withheld (too few); total - B - C would give it away, so the smallest candidate, B (10 < 20), goes too.
        DisclosureTable table = new DisclosureTable(
                new CellFacts[][] {{hidden(5, 1, 1), hidden(10, 4, 0.3), hidden(20, 5, 0.3)}},
                new CellFacts[] {hidden(35, 10, 0.2)}, null, null);
        DisclosureTable.Result result = table.protect(control);
        assertThat(result.cell(0, 0)).isEqualTo(TOO_FEW_PARTNERS);
        assertThat(result.cell(0, 1)).isEqualTo(PROTECTS_ANOTHER_CELL);
        assertThat(result.cell(0, 2)).isNull();
        assertThat(result.rowTotal(0)).isNull();
        assertThat(result.suppressedCount()).isEqualTo(2);
    }

    @Test
    void complementInAColumn() {
        // Column: 40 (6 partners) / 8 (dominated: 95 %) / 12 (3 partners) / total 60.
        // 8 is withheld; the smallest other candidate is 12.
        DisclosureTable table = new DisclosureTable(
                new CellFacts[][] {{hidden(40, 6, 0.2)}, {hidden(8, 4, 0.95)}, {hidden(12, 3, 0.4)}},
                null, new CellFacts[] {hidden(60, 9, 0.2)}, null);
        DisclosureTable.Result result = table.protect(control);
        assertThat(result.cell(0, 0)).isNull();
        assertThat(result.cell(1, 0)).isEqualTo(DOMINATED);
        assertThat(result.cell(2, 0)).isEqualTo(PROTECTS_ANOTHER_CELL);
        assertThat(result.columnTotal(0)).isNull();
    }

    @Test
    void complementsCascadeThroughRowsAndColumns() {
        //            c0        c1       | row total
        //   r0    5 (2 p.)   7 (4 p.)  |  12
        //   r1    8 (4 p.)   9 (4 p.)  |  17
        //   col   13         16        |  29
        // (0,0) is withheld; row 0 then needs (0,1); column 1 then needs (1,1); row 1 then needs (1,0); column 0 now
        // has two unknowns. Every inner cell is withheld, every total stays published.
        DisclosureTable table = new DisclosureTable(
                new CellFacts[][] {{hidden(5, 2, 0.5), hidden(7, 4, 0.3)}, {hidden(8, 4, 0.3), hidden(9, 4, 0.3)}},
                new CellFacts[] {hidden(12, 6, 0.3), hidden(17, 8, 0.3)},
                new CellFacts[] {hidden(13, 6, 0.3), hidden(16, 8, 0.3)},
                hidden(29, 12, 0.2));
        DisclosureTable.Result result = table.protect(control);
        assertThat(result.cell(0, 0)).isEqualTo(TOO_FEW_PARTNERS);
        assertThat(result.cell(0, 1)).isEqualTo(PROTECTS_ANOTHER_CELL);
        assertThat(result.cell(1, 0)).isEqualTo(PROTECTS_ANOTHER_CELL);
        assertThat(result.cell(1, 1)).isEqualTo(PROTECTS_ANOTHER_CELL);
        assertThat(result.rowTotal(0)).isNull();
        assertThat(result.rowTotal(1)).isNull();
        assertThat(result.columnTotal(0)).isNull();
        assertThat(result.columnTotal(1)).isNull();
        assertThat(result.grandTotal()).isNull();
    }

    @Test
    void theTotalIsTheComplementWhenNoPartCanBe() {
        // Row: A 30 (1 partner) | B empty | C fully visible 20 (2 partners) | total 50 (3 partners, publishable on
        // its own). B is a structural zero, C is known: the only way to keep A hidden is to withhold the total.
        DisclosureTable table = new DisclosureTable(
                new CellFacts[][] {{hidden(30, 1, 1), null, visible(20, 2)}},
                new CellFacts[] {hidden(50, 3, 0.6)}, null, null);
        DisclosureTable.Result result = table.protect(control);
        assertThat(result.cell(0, 0)).isEqualTo(TOO_FEW_PARTNERS);
        assertThat(result.cell(0, 1)).isNull();
        assertThat(result.cell(0, 2)).isNull();
        assertThat(result.rowTotal(0)).isEqualTo(PROTECTS_ANOTHER_CELL);
    }

    @Test
    void aWithheldTotalTakesTheSmallestPartWithIt() {
        // total 100 dominated (90 %); parts 60, 25, 15, each with 3+ partners: the parts would add up to the total,
        // so the smallest, 15, is withheld too.
        DisclosureProblem problem = new DisclosureProblem();
        int total = problem.add(hidden(100, 5, 0.9));
        int a = problem.add(hidden(60, 3, 0.5));
        int b = problem.add(hidden(25, 3, 0.5));
        int c = problem.add(hidden(15, 3, 0.5));
        problem.addLine(total, a, b, c);
        Disclosure disclosure = control.protect(problem);
        assertThat(disclosure.reason(total)).isEqualTo(DOMINATED);
        assertThat(disclosure.reason(a)).isNull();
        assertThat(disclosure.reason(b)).isNull();
        assertThat(disclosure.reason(c)).isEqualTo(PROTECTS_ANOTHER_CELL);
    }

    @Test
    void emptyCellsArePublishedAndNeverChosen() {
        // Row: A withheld | empty | B 40 | C 50 | total. The empty cell is skipped; B (40 < 50) is the complement.
        DisclosureTable table = new DisclosureTable(
                new CellFacts[][] {{hidden(10, 2, 0.5), CellFacts.empty(), hidden(40, 3, 0.4), hidden(50, 3, 0.4)}},
                new CellFacts[] {hidden(100, 6, 0.3)}, null, null);
        DisclosureTable.Result result = table.protect(control);
        assertThat(result.cell(0, 1)).isNull();
        assertThat(result.cell(0, 2)).isEqualTo(PROTECTS_ANOTHER_CELL);
        assertThat(result.cell(0, 3)).isNull();
    }

    @Test
    void linkedFiguresShareTheirFate() {
        // The same figure in two tables: withheld in one (as a complement), so withheld in the other.
        DisclosureProblem problem = new DisclosureProblem();
        int first = problem.add(hidden(10, 4, 0.3));
        int second = problem.add(hidden(10, 4, 0.3));
        int secret = problem.add(hidden(3, 1, 1));
        int total = problem.add(hidden(13, 5, 0.3));
        problem.addLine(total, first, secret);
        problem.link(first, second);
        Disclosure disclosure = control.protect(problem);
        assertThat(disclosure.reason(first)).isEqualTo(PROTECTS_ANOTHER_CELL);
        assertThat(disclosure.reason(second)).isEqualTo(PROTECTS_ANOTHER_CELL);
    }

    @Test
    void cubesDeriveOneLinePerDimensionAndLevel() {
        // partner within kind (a hierarchy) x year, as burden-sharing has it; T = total.
        Object t = DisclosureCube.TOTAL;
        DisclosureProblem problem = new DisclosureProblem();
        DisclosureCube cube = problem.cube(3);
        int a2023 = cube.add(List.of("STATE", "A", 2023), hidden(1, 1, 1));
        int b2023 = cube.add(List.of("STATE", "B", 2023), hidden(1, 1, 1));
        int aAll = cube.add(List.of("STATE", "A", t), hidden(1, 1, 1));
        int bAll = cube.add(List.of("STATE", "B", t), hidden(1, 1, 1));
        int state2023 = cube.add(List.of("STATE", t, 2023), hidden(1, 1, 1));
        int stateAll = cube.add(List.of("STATE", t, t), hidden(1, 1, 1));
        int all2023 = cube.add(List.of(t, t, 2023), hidden(1, 1, 1));
        int all = cube.add(List.of(t, t, t), hidden(1, 1, 1));
        assertThat(problem.lines()).containsExactlyInAnyOrder(
                new DisclosureProblem.Line(aAll, new int[] {a2023}),              // A over the years
                new DisclosureProblem.Line(bAll, new int[] {b2023}),              // B over the years
                new DisclosureProblem.Line(state2023, new int[] {a2023, b2023}),  // partners within STATE, 2023
                new DisclosureProblem.Line(stateAll, new int[] {aAll, bAll}),     // partners within STATE, all years
                new DisclosureProblem.Line(stateAll, new int[] {state2023}),      // STATE over the years
                new DisclosureProblem.Line(all2023, new int[] {state2023}),       // kinds, 2023
                new DisclosureProblem.Line(all, new int[] {stateAll}),            // kinds, all years
                new DisclosureProblem.Line(all, new int[] {all2023}));            // all over the years
    }
}
