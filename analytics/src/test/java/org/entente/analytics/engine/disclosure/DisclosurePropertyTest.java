package org.entente.analytics.engine.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Random tables built from random records (so the totals add up, as in a rollup), many fixed seeds: whatever the
 * shape, no line ends up with exactly one unknown, fully visible figures are never withheld, and the primary rules
 * hold exactly.
 */
class DisclosurePropertyTest {

    private static final int TABLES = 600;

    /** One record: a partner's value, visible to the viewer or not. */
    private record Rec(int partner, double value, boolean visible) {
    }

    @Test
    void twoDimensionalTablesWithTotals() {
        for (int seed = 1; seed <= TABLES; seed++) {
            Random random = new Random(seed);
            int k = 2 + random.nextInt(3);
            double limit = 0.6 + random.nextDouble() * 0.35;
            DisclosureControl control = new DisclosureControl(k, limit);
            int rows = 1 + random.nextInt(6);
            int columns = 1 + random.nextInt(6);
            double visibleShare = random.nextDouble();
            List<Rec>[][] records = randomRecords(random, rows, columns, visibleShare);

            CellFacts[][] cells = new CellFacts[rows][columns];
            CellFacts[] rowTotals = new CellFacts[rows];
            CellFacts[] columnTotals = new CellFacts[columns];
            List<Rec> everything = new ArrayList<>();
            for (int r = 0; r < rows; r++) {
                List<Rec> row = new ArrayList<>();
                for (int c = 0; c < columns; c++) {
                    cells[r][c] = records[r][c].isEmpty() ? null : facts(records[r][c]);
                    row.addAll(records[r][c]);
                }
                rowTotals[r] = row.isEmpty() ? null : facts(row);
                everything.addAll(row);
            }
            for (int c = 0; c < columns; c++) {
                List<Rec> column = new ArrayList<>();
                for (int r = 0; r < rows; r++) {
                    column.addAll(records[r][c]);
                }
                columnTotals[c] = column.isEmpty() ? null : facts(column);
            }
            CellFacts grand = everything.isEmpty() ? null : facts(everything);
            DisclosureTable.Result result = new DisclosureTable(cells, rowTotals, columnTotals, grand).protect(control);

            String at = "seed " + seed;
            // Every line: each row with its total, each column with its total, the totals row and column.
            for (int r = 0; r < rows; r++) {
                int unknowns = result.rowTotal(r) != null ? 1 : 0;
                for (int c = 0; c < columns; c++) {
                    unknowns += result.cell(r, c) != null ? 1 : 0;
                }
                assertThat(unknowns).as(at + ", row " + r).isNotEqualTo(1);
            }
            for (int c = 0; c < columns; c++) {
                int unknowns = result.columnTotal(c) != null ? 1 : 0;
                for (int r = 0; r < rows; r++) {
                    unknowns += result.cell(r, c) != null ? 1 : 0;
                }
                assertThat(unknowns).as(at + ", column " + c).isNotEqualTo(1);
            }
            int totalsRow = result.grandTotal() != null ? 1 : 0;
            for (int c = 0; c < columns; c++) {
                totalsRow += result.columnTotal(c) != null ? 1 : 0;
            }
            assertThat(totalsRow).as(at + ", totals row").isNotEqualTo(1);
            int totalsColumn = result.grandTotal() != null ? 1 : 0;
            for (int r = 0; r < rows; r++) {
                totalsColumn += result.rowTotal(r) != null ? 1 : 0;
            }
            assertThat(totalsColumn).as(at + ", totals column").isNotEqualTo(1);

            for (int r = 0; r < rows; r++) {
                for (int c = 0; c < columns; c++) {
                    checkPrimary(control, cells[r][c], result.cell(r, c), at + ", cell " + r + "/" + c);
                }
                checkPrimary(control, rowTotals[r], result.rowTotal(r), at + ", row total " + r);
            }
            for (int c = 0; c < columns; c++) {
                checkPrimary(control, columnTotals[c], result.columnTotal(c), at + ", column total " + c);
            }
            checkPrimary(control, grand, result.grandTotal(), at + ", grand total");
        }
    }

    @Test
    void threeDimensionalCubesWithAllMargins() {
        for (int seed = 1; seed <= TABLES / 3; seed++) {
            Random random = new Random(10_000 + seed);
            DisclosureControl control = new DisclosureControl(3, 0.85);
            int[] sizes = {1 + random.nextInt(4), 1 + random.nextInt(4), 1 + random.nextInt(3)};
            double visibleShare = random.nextDouble();
            // records per leaf cell, then every margin (each coordinate either a value or TOTAL) aggregated
            Map<List<Object>, List<Rec>> byCell = new HashMap<>();
            for (int x = 0; x < sizes[0]; x++) {
                for (int y = 0; y < sizes[1]; y++) {
                    for (int z = 0; z < sizes[2]; z++) {
                        List<Rec> leaf = randomCell(random, visibleShare);
                        for (int mask = 0; mask < 8; mask++) {
                            List<Object> key = List.of(
                                    (mask & 1) != 0 ? DisclosureCube.TOTAL : x,
                                    (mask & 2) != 0 ? DisclosureCube.TOTAL : y,
                                    (mask & 4) != 0 ? DisclosureCube.TOTAL : z);
                            byCell.computeIfAbsent(key, kk -> new ArrayList<>()).addAll(leaf);
                        }
                    }
                }
            }
            DisclosureProblem problem = new DisclosureProblem();
            DisclosureCube cube = problem.cube(3);
            Map<Integer, CellFacts> facts = new HashMap<>();
            for (Map.Entry<List<Object>, List<Rec>> cell : byCell.entrySet()) {
                if (!cell.getValue().isEmpty()) {
                    CellFacts f = facts(cell.getValue());
                    facts.put(cube.add(cell.getKey(), f), f);
                }
            }
            Disclosure disclosure = control.protect(problem);
            String at = "cube seed " + seed;
            for (DisclosureProblem.Line line : problem.lines()) {
                int unknowns = disclosure.isSuppressed(line.total()) ? 1 : 0;
                for (int part : line.parts()) {
                    unknowns += disclosure.isSuppressed(part) ? 1 : 0;
                }
                assertThat(unknowns).as(at + ", " + line).isNotEqualTo(1);
            }
            for (Map.Entry<Integer, CellFacts> cell : facts.entrySet()) {
                checkPrimary(control, cell.getValue(), disclosure.reason(cell.getKey()), at + ", cell " + cell.getKey());
            }
        }
    }

    private static void checkPrimary(DisclosureControl control, CellFacts facts, SuppressionReason reason, String at) {
        if (facts == null || facts.isEmpty() || facts.fullyVisible()) {
            assertThat(reason).as(at + " (fully visible or empty)").isNull();
        } else if (facts.partners() < control.minimumPartners()) {
            assertThat(reason).as(at).isEqualTo(SuppressionReason.TOO_FEW_PARTNERS);
        } else if (facts.largestPartnerShare() > control.dominanceLimit()) {
            assertThat(reason).as(at).isEqualTo(SuppressionReason.DOMINATED);
        } else {
            assertThat(reason).as(at).isIn(null, SuppressionReason.PROTECTS_ANOTHER_CELL);
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Rec>[][] randomRecords(Random random, int rows, int columns, double visibleShare) {
        List<Rec>[][] records = new List[rows][columns];
        for (int r = 0; r < rows; r++) {
            for (int c = 0; c < columns; c++) {
                records[r][c] = randomCell(random, visibleShare);
            }
        }
        return records;
    }

    /** 0-5 records from 8 partners; now and then one big partner, so that dominance happens. */
    private static List<Rec> randomCell(Random random, double visibleShare) {
        List<Rec> cell = new ArrayList<>();
        int count = random.nextInt(6);
        for (int i = 0; i < count; i++) {
            double value = random.nextInt(10) == 0 ? 500 + random.nextInt(1000) : 1 + random.nextInt(100);
            cell.add(new Rec(random.nextInt(8), value, random.nextDouble() < visibleShare));
        }
        return cell;
    }

    /** What a rollup would report: distinct partners, the largest partner's share, all visible. */
    private static CellFacts facts(List<Rec> records) {
        Map<Integer, Double> perPartner = new HashMap<>();
        Set<Boolean> visibility = new HashSet<>();
        double value = 0;
        for (Rec rec : records) {
            perPartner.merge(rec.partner(), rec.value(), Double::sum);
            visibility.add(rec.visible());
            value += rec.value();
        }
        double largest = perPartner.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return CellFacts.of(value, perPartner.size(), largest, !visibility.contains(false));
    }
}
