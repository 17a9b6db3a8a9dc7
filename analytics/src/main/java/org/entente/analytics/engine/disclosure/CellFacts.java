package org.entente.analytics.engine.disclosure;

/**
 * What disclosure control needs to know about one figure (a cell of a table, or one of its totals).
 *
 * @param value               the figure; also orders the choice of complementary suppressions (smallest first)
 * @param partners            distinct partners whose records are behind the figure; 0 = no records (an empty cell, a
 *                            structural zero: always published, never chosen to protect another cell)
 * @param largestPartnerShare the largest single partner's part of the figure, as a fraction 0..1 (for a cell with
 *                            several measures, the largest over all of them)
 * @param fullyVisible        every record behind the figure is visible to the viewer, who could compute it anyway
 */
public record CellFacts(double value, long partners, double largestPartnerShare, boolean fullyVisible) {

    private static final CellFacts EMPTY = new CellFacts(0, 0, 0, true);

    public CellFacts {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException("value must be finite: " + value);
        }
        if (partners < 0) {
            throw new IllegalArgumentException("partners must not be negative: " + partners);
        }
        if (!(largestPartnerShare >= 0 && largestPartnerShare <= 1)) {
            throw new IllegalArgumentException("largestPartnerShare must be within 0..1: " + largestPartnerShare);
        }
    }

    /**
     * A figure from its value and the largest single partner's part of that value (same unit).
     * A zero figure has no dominant partner.
     */
    public static CellFacts of(double value, long partners, double largestPartnerValue, boolean fullyVisible) {
        return new CellFacts(value, partners, share(largestPartnerValue, value), fullyVisible);
    }

    /** No records behind it. */
    public static CellFacts empty() {
        return EMPTY;
    }

    /** {@code part / whole} within 0..1; 0 when the whole is not positive. */
    public static double share(double part, double whole) {
        if (!(whole > 0) || !(part > 0)) {
            return 0;
        }
        return Math.min(1, part / whole);
    }

    public boolean isEmpty() {
        return partners == 0;
    }
}
