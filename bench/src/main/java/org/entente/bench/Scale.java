package org.entente.bench;

/**
 * How much data a run generates. SF1 = 10 tenants, 1k workstreams, 20k contributions, 100k activity events;
 * SF10 = 50 tenants, 10k workstreams, 200k contributions, 1M activity events; other factors in proportion
 * (tenants grow sub-linearly, between 7 — one of every kind — and the 57 demo organizations).
 *
 * @param factor the scale factor; the targets of the performance table are stated for 10
 */
public record Scale(double factor) {

    /** The factor whose row counts the targets are stated for. */
    public static final double TARGET_FACTOR = 10;

    public Scale {
        if (!(factor > 0) || factor > 100) {
            throw new IllegalArgumentException("The scale factor must be above 0 and at most 100, not " + factor);
        }
    }

    public int tenants() {
        return (int) Math.clamp(Math.round(10 * Math.pow(factor, Math.log10(5))), 7, 57);
    }

    public int workstreams() {
        return Math.max(20, (int) Math.round(1_000 * factor));
    }

    public int contributions() {
        return Math.max(100, (int) Math.round(20_000 * factor));
    }

    public int activityEvents() {
        return Math.max(500, (int) Math.round(100_000 * factor));
    }

    /** True when the targets apply as stated (SF10 or larger). */
    public boolean targetsApply() {
        return factor >= TARGET_FACTOR;
    }

    /** "SF10", "SF0.05". */
    public String label() {
        return "SF" + (factor == Math.rint(factor) ? String.valueOf((long) factor) : String.valueOf(factor));
    }
}
