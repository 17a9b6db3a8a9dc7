package org.entente.analytics.engine.disclosure;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Disclosure control with publication consent: the part of a figure it protects, and the {@link CellFacts} it
 * decides on.
 * <p>
 * An organization may publish its own aggregate figures to the viewer's organization (consent). A record is then
 * <em>known</em> to the viewer when the viewer may see it, or when its partner is the viewer's own organization or
 * one that consented. A figure's <em>restricted part</em> is the records of the partners that did not consent; the
 * figure is decided on that part alone:
 * <ul>
 * <li>{@code partners}: the distinct non-consenting partners behind it;</li>
 * <li>{@code largestPartnerShare}: the largest non-consenting partner's part of the restricted part (for several
 *     measures, the largest over all of them);</li>
 * <li>{@code fullyVisible}: no record of a non-consenting partner is hidden from the viewer;</li>
 * <li>an empty restricted part (only consenting partners) is a figure the viewer may know: published, and never
 *     withheld to protect another one.</li>
 * </ul>
 * Complementary suppression ({@link DisclosureControl}) is unchanged: in every line the consenting partners' parts are
 * known, so each line of restricted parts adds up as the line of figures does, and a single unknown restricted part
 * in a line could be worked out. Without any consent (and without records of the viewer's own organization, which it
 * knows anyway) the restricted part is the whole figure: the rule as before.
 * <p>
 * Built from a figure's per-partner parts ({@link #add}), or from the aggregates a rollup's SQL computed over them
 * ({@link #summarized}); either way {@link #facts()} is the one place the rule is applied.
 */
public final class RestrictedPart {

    private final int measures;
    private final Map<Object, double[]> perPartner = new HashMap<>();
    private long partners;
    private boolean hidden;
    private double[] totals;
    private double[] largest;

    private RestrictedPart(int measures) {
        if (measures < 1) {
            throw new IllegalArgumentException("a figure has at least one measure");
        }
        this.measures = measures;
    }

    /** An empty figure with {@code measures} measures (the first orders the choice of complements). */
    public static RestrictedPart of(int measures) {
        return new RestrictedPart(measures);
    }

    /**
     * The restricted part as SQL aggregates it.
     *
     * @param partners  distinct non-consenting partners
     * @param anyHidden whether any of their records behind the figure is hidden from the viewer
     * @param totals    per measure, the restricted part's value
     * @param largest   per measure, the largest non-consenting partner's part of it
     */
    public static RestrictedPart summarized(long partners, boolean anyHidden, double[] totals, double[] largest) {
        if (totals.length != largest.length) {
            throw new IllegalArgumentException("one largest part per measure: " + totals.length + " vs " + largest.length);
        }
        RestrictedPart part = new RestrictedPart(totals.length);
        part.partners = partners;
        part.hidden = anyHidden;
        part.totals = totals.clone();
        part.largest = largest.clone();
        return part;
    }

    /**
     * Adds records of one partner (several calls for the same partner add up).
     *
     * @param partner   who the records are from
     * @param consented the partner is the viewer's own organization or consented to publish to it
     * @param hidden    at least one of the records is hidden from the viewer
     * @param values    the records' values, one per measure
     */
    public RestrictedPart add(Object partner, boolean consented, boolean hidden, double... values) {
        Objects.requireNonNull(partner, "partner");
        if (totals != null) {
            throw new IllegalStateException("a summarized part takes no more records");
        }
        if (values.length != measures) {
            throw new IllegalArgumentException("expected " + measures + " values, got " + values.length);
        }
        if (consented) {
            return this;
        }
        this.hidden |= hidden;
        double[] sums = perPartner.computeIfAbsent(partner, p -> new double[measures]);
        for (int i = 0; i < measures; i++) {
            sums[i] += values[i];
        }
        return this;
    }

    /** What disclosure control decides the figure on. */
    public CellFacts facts() {
        long count = totals != null ? partners : perPartner.size();
        if (count == 0) {
            return CellFacts.empty();
        }
        double[] sums = totals != null ? totals : new double[measures];
        double[] tops = largest != null ? largest : new double[measures];
        if (totals == null) {
            Arrays.fill(tops, 0);
            for (double[] part : perPartner.values()) {
                for (int i = 0; i < measures; i++) {
                    sums[i] += part[i];
                    tops[i] = Math.max(tops[i], part[i]);
                }
            }
        }
        double share = 0;
        for (int i = 0; i < measures; i++) {
            share = Math.max(share, CellFacts.share(tops[i], sums[i]));
        }
        return new CellFacts(sums[0], count, share, !hidden);
    }
}
