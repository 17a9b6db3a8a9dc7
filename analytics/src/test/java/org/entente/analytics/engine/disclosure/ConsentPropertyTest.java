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
 * Random cubes built from random records of 10 partners, a random set of which consented to the viewer, many fixed
 * seeds. The attacker knows every published figure and every consenting partner's part of every figure; whatever the
 * shape, (1) every published figure's restricted part (the non-consenting partners' records) is empty, fully visible,
 * or has at least k partners and none above the dominance limit, so that subtracting the consenting parts gives away
 * no single non-consenting partner; (2) every line (a total and its parts) has 0 or at least 2 withheld figures, each
 * with non-consenting content, so that no withheld figure is a total minus known parts; (3) a figure only consenting
 * partners made is never withheld. And without consent the facts and the decisions are exactly those of the rule
 * without consent.
 */
class ConsentPropertyTest {

    private static final int CUBES = 400;
    private static final int PARTNERS = 10;

    /** One record: a partner's pledged and delivered value, visible to the viewer or not. */
    private record Rec(int partner, double pledged, double delivered, boolean visible) {
    }

    @Test
    void noNonConsentingPartnerCanBeWorkedOutFromPublishedAndConsentedFigures() {
        int withConsent = 0;
        for (int seed = 1; seed <= CUBES; seed++) {
            Random random = new Random(20_000 + seed);
            int k = 2 + random.nextInt(3);
            double limit = 0.6 + random.nextDouble() * 0.35;
            DisclosureControl control = new DisclosureControl(k, limit);
            Set<Integer> consented = randomConsent(random);
            withConsent += consented.isEmpty() ? 0 : 1;
            Map<List<Object>, List<Rec>> byCell = randomCube(random);

            DisclosureProblem problem = new DisclosureProblem();
            DisclosureCube cube = problem.cube(3);
            Map<Integer, List<Rec>> records = new HashMap<>();
            for (Map.Entry<List<Object>, List<Rec>> cell : byCell.entrySet()) {
                if (!cell.getValue().isEmpty()) {
                    int index = cube.add(cell.getKey(), facts(cell.getValue(), consented));
                    records.put(index, cell.getValue());
                }
            }
            Disclosure disclosure = control.protect(problem);
            String at = "seed " + seed + ", consent " + consented + ", k " + k + ", limit " + limit;

            for (DisclosureProblem.Line line : problem.lines()) {
                int unknowns = 0;
                List<Integer> cells = new ArrayList<>();
                cells.add(line.total());
                for (int part : line.parts()) {
                    cells.add(part);
                }
                for (int cell : cells) {
                    if (disclosure.isSuppressed(cell)) {
                        assertThat(restricted(records.get(cell), consented)).as(at + ": a withheld figure has"
                                + " non-consenting content, cell " + cell).isNotEmpty();
                        unknowns++;
                    }
                }
                assertThat(unknowns).as(at + ", " + line).isNotEqualTo(1);
            }
            for (Map.Entry<Integer, List<Rec>> cell : records.entrySet()) {
                List<Rec> part = restricted(cell.getValue(), consented);
                if (!disclosure.isSuppressed(cell.getKey())) {
                    assertPasses(part, k, limit, at + ", published cell " + cell.getKey());
                }
                if (part.isEmpty()) {
                    assertThat(disclosure.reason(cell.getKey())).as(at + ": known to the viewer").isNull();
                }
            }
        }
        assertThat(withConsent).as("cubes with some consent").isGreaterThan(CUBES / 2);
    }

    @Test
    void withoutConsentTheRuleIsTheOneBefore() {
        for (int seed = 1; seed <= CUBES / 2; seed++) {
            Random random = new Random(30_000 + seed);
            DisclosureControl control = new DisclosureControl(3, 0.85);
            Map<List<Object>, List<Rec>> byCell = randomCube(random);
            DisclosureProblem withRule = new DisclosureProblem();
            DisclosureProblem before = new DisclosureProblem();
            DisclosureCube a = withRule.cube(3);
            DisclosureCube b = before.cube(3);
            for (Map.Entry<List<Object>, List<Rec>> cell : byCell.entrySet()) {
                if (!cell.getValue().isEmpty()) {
                    CellFacts consentRule = facts(cell.getValue(), Set.of());
                    CellFacts previous = previousFacts(cell.getValue());
                    assertThat(consentRule).as("seed " + seed + ", cell " + cell.getKey()).isEqualTo(previous);
                    a.add(cell.getKey(), consentRule);
                    b.add(cell.getKey(), previous);
                }
            }
            Disclosure x = control.protect(withRule);
            Disclosure y = control.protect(before);
            for (int i = 0; i < x.size(); i++) {
                assertThat(x.reason(i)).as("seed " + seed + ", cell " + i).isEqualTo(y.reason(i));
            }
        }
    }

    /** The attacker's view of a published figure: minus the consenting parts, what is left must not single anyone out. */
    private static void assertPasses(List<Rec> part, int k, double limit, String at) {
        if (part.isEmpty() || part.stream().allMatch(Rec::visible)) {
            return;
        }
        Map<Integer, double[]> perPartner = new HashMap<>();
        double pledged = 0;
        double delivered = 0;
        for (Rec rec : part) {
            double[] sums = perPartner.computeIfAbsent(rec.partner(), p -> new double[2]);
            sums[0] += rec.pledged();
            sums[1] += rec.delivered();
            pledged += rec.pledged();
            delivered += rec.delivered();
        }
        assertThat(perPartner.size()).as(at + ": non-consenting partners").isGreaterThanOrEqualTo(k);
        for (double[] sums : perPartner.values()) {
            if (pledged > 0) {
                assertThat(sums[0] / pledged).as(at + ": largest pledged part").isLessThanOrEqualTo(limit);
            }
            if (delivered > 0) {
                assertThat(sums[1] / delivered).as(at + ": largest delivered part").isLessThanOrEqualTo(limit);
            }
        }
    }

    private static List<Rec> restricted(List<Rec> records, Set<Integer> consented) {
        return records.stream().filter(r -> !consented.contains(r.partner())).toList();
    }

    private static CellFacts facts(List<Rec> records, Set<Integer> consented) {
        RestrictedPart part = RestrictedPart.of(2);
        for (Rec rec : records) {
            part.add(rec.partner(), consented.contains(rec.partner()), !rec.visible(), rec.pledged(), rec.delivered());
        }
        return part.facts();
    }

    /** What the rollups reported before consent: every partner, the largest share over both measures. */
    private static CellFacts previousFacts(List<Rec> records) {
        Map<Integer, double[]> perPartner = new HashMap<>();
        double pledged = 0;
        double delivered = 0;
        boolean hidden = false;
        for (Rec rec : records) {
            double[] sums = perPartner.computeIfAbsent(rec.partner(), p -> new double[2]);
            sums[0] += rec.pledged();
            sums[1] += rec.delivered();
            pledged += rec.pledged();
            delivered += rec.delivered();
            hidden |= !rec.visible();
        }
        double share = 0;
        for (double[] sums : perPartner.values()) {
            share = Math.max(share, Math.max(CellFacts.share(sums[0], pledged), CellFacts.share(sums[1], delivered)));
        }
        return new CellFacts(pledged, perPartner.size(), share, !hidden);
    }

    /** 0 to 6 of the 10 partners; none in about a fifth of the cubes. */
    private static Set<Integer> randomConsent(Random random) {
        Set<Integer> consented = new HashSet<>();
        if (random.nextInt(5) == 0) {
            return consented;
        }
        int count = random.nextInt(7);
        while (consented.size() < count) {
            consented.add(random.nextInt(PARTNERS));
        }
        return consented;
    }

    /** Up to 4 x 4 x 3 leaf cells of 0-5 records each, and every margin (each coordinate a value or TOTAL). */
    private static Map<List<Object>, List<Rec>> randomCube(Random random) {
        int[] sizes = {1 + random.nextInt(4), 1 + random.nextInt(4), 1 + random.nextInt(3)};
        double visibleShare = random.nextDouble();
        Map<List<Object>, List<Rec>> byCell = new java.util.LinkedHashMap<>();
        for (int x = 0; x < sizes[0]; x++) {
            for (int y = 0; y < sizes[1]; y++) {
                for (int z = 0; z < sizes[2]; z++) {
                    List<Rec> leaf = new ArrayList<>();
                    int count = random.nextInt(6);
                    for (int i = 0; i < count; i++) {
                        double pledged = random.nextInt(10) == 0 ? 500 + random.nextInt(1000) : 1 + random.nextInt(100);
                        double delivered = random.nextInt(4) == 0 ? 0 : Math.floor(pledged * random.nextDouble());
                        leaf.add(new Rec(random.nextInt(PARTNERS), pledged, delivered,
                                random.nextDouble() < visibleShare));
                    }
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
        return byCell;
    }
}
