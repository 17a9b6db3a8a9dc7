package org.entente.analytics.engine.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.entente.analytics.engine.disclosure.SuppressionReason.DOMINATED;
import static org.entente.analytics.engine.disclosure.SuppressionReason.PROTECTS_ANOTHER_CELL;
import static org.entente.analytics.engine.disclosure.SuppressionReason.TOO_FEW_PARTNERS;

import org.junit.jupiter.api.Test;

/** The consent rule on hand-computed figures (k = 3 partners, dominance limit 85 %). */
class RestrictedPartTest {

    private final DisclosureControl control = new DisclosureControl(3, 0.85);

    @Test
    void consentingPartnersDropOutOfTheRestrictedPart() {
        // A 500 (consented, hidden), B 300 (hidden), C 150, D 50 (visible): restricted part B + C + D = 500,
        // 3 partners, the largest (B) 60 %, not fully visible.
        CellFacts facts = RestrictedPart.of(1)
                .add("A", true, true, 500)
                .add("B", false, true, 300)
                .add("C", false, false, 100)
                .add("C", false, false, 50)
                .add("D", false, false, 50)
                .facts();
        assertThat(facts.partners()).isEqualTo(3);
        assertThat(facts.value()).isEqualTo(500);
        assertThat(facts.largestPartnerShare()).isCloseTo(0.6, within(1e-12));
        assertThat(facts.fullyVisible()).isFalse();
        assertThat(control.primary(facts)).isNull();
    }

    @Test
    void whatOnlyConsentingPartnersMadeIsKnown() {
        // Two consenting partners with hidden records: nothing to protect; published, and never a complement.
        CellFacts facts = RestrictedPart.of(2).add("A", true, true, 10, 5).add("B", true, true, 20, 0).facts();
        assertThat(facts.isEmpty()).isTrue();
        assertThat(control.primary(facts)).isNull();
    }

    @Test
    void oneNonConsentingPartnerNextToConsentingOnesIsStillOnePartner() {
        // A and B consented; C alone is what the figure minus A's and B's published figures gives away.
        CellFacts facts = RestrictedPart.of(1).add("A", true, false, 400).add("B", true, true, 400)
                .add("C", false, true, 7).facts();
        assertThat(facts.partners()).isEqualTo(1);
        assertThat(control.primary(facts)).isEqualTo(TOO_FEW_PARTNERS);
        // ... unless every record of C is visible to the viewer anyway.
        CellFacts visible = RestrictedPart.of(1).add("A", true, true, 400).add("C", false, false, 7).facts();
        assertThat(control.primary(visible)).isNull();
    }

    @Test
    void dominanceIsWithinTheRestrictedPartOverEveryMeasure() {
        // Pledged: B 90, C 5, D 5 (B 90 %) -> dominated although A (consented) would dilute it to 45 %.
        CellFacts pledged = RestrictedPart.of(2)
                .add("A", true, true, 100, 0)
                .add("B", false, true, 90, 10)
                .add("C", false, true, 5, 10)
                .add("D", false, true, 5, 10)
                .facts();
        assertThat(pledged.largestPartnerShare()).isCloseTo(0.9, within(1e-12));
        assertThat(control.primary(pledged)).isEqualTo(DOMINATED);
    }

    @Test
    void withoutConsentItIsTheRuleAsBefore() {
        // Every partner not consenting: the facts are those CellFacts.of gives for the whole figure.
        CellFacts facts = RestrictedPart.of(2)
                .add("A", false, false, 60, 10)
                .add("B", false, true, 30, 30)
                .add("C", false, false, 10, 10)
                .facts();
        // value 100, 3 partners, largest share max(60/100, 30/50)
        assertThat(facts).isEqualTo(new CellFacts(100, 3, 0.6, false));
    }

    @Test
    void theSqlAggregatesGiveTheSameFactsAsTheParts() {
        // Restricted part as a rollup's SQL sums it: 2 partners, pledged 300 (largest 200), delivered 50 (largest 50).
        CellFacts summarized = RestrictedPart.summarized(2, true, new double[] {300, 50}, new double[] {200, 50}).facts();
        CellFacts parts = RestrictedPart.of(2).add("A", true, true, 999, 999).add("B", false, true, 200, 0)
                .add("C", false, false, 100, 50).facts();
        assertThat(summarized).isEqualTo(parts).isEqualTo(new CellFacts(300, 2, 1.0, false));
        assertThat(RestrictedPart.summarized(0, false, new double[] {0}, new double[] {0}).facts())
                .isEqualTo(CellFacts.empty());
    }

    @Test
    void aConsentedTotalWithOneHiddenNonConsentingPartIsProtectedByItsNeighbour() {
        // Row: A (consented, hidden) | B (1 partner, hidden) | C (1 partner, visible) | total.
        // A is known; B is withheld (one partner); C is visible, so the total is the only possible complement:
        // total - A - C would be B.
        DisclosureProblem problem = new DisclosureProblem();
        DisclosureCube cube = problem.cube(1);
        int a = cube.add(java.util.List.of("A"), RestrictedPart.of(1).add("A", true, true, 50).facts());
        int b = cube.add(java.util.List.of("B"), RestrictedPart.of(1).add("B", false, true, 30).facts());
        int c = cube.add(java.util.List.of("C"), RestrictedPart.of(1).add("C", false, false, 20).facts());
        int total = cube.add(java.util.List.of(DisclosureCube.TOTAL), RestrictedPart.of(1).add("A", true, true, 50)
                .add("B", false, true, 30).add("C", false, false, 20).add("D", false, true, 0).facts());
        Disclosure disclosure = control.protect(problem);
        assertThat(disclosure.reason(a)).isNull();
        assertThat(disclosure.reason(b)).isEqualTo(TOO_FEW_PARTNERS);
        assertThat(disclosure.reason(c)).isNull();
        // The total's restricted part (B, C, D: 3 partners, B 30/50 = 60 %) passes on its own, but must go.
        assertThat(disclosure.reason(total)).isEqualTo(PROTECTS_ANOTHER_CELL);
    }
}
