package org.entente.analytics.engine;

/**
 * Disclosure control settings.
 *
 * @param minimumPartners a figure not fully visible to the viewer needs at least this many distinct partners (k)
 * @param dominanceLimit  ... and its largest partner may hold at most this fraction of it
 */
public record AnalyticsSettings(int minimumPartners, double dominanceLimit) {

    private static final AnalyticsSettings DEFAULTS = new AnalyticsSettings(3, 0.85);

    public AnalyticsSettings {
        if (minimumPartners < 1) {
            throw new IllegalArgumentException("minimum-partners must be at least 1, not " + minimumPartners);
        }
        if (!(dominanceLimit > 0 && dominanceLimit <= 1)) {
            throw new IllegalArgumentException("dominance-limit must be above 0 and at most 1, not " + dominanceLimit);
        }
    }

    /** k = 3 partners, dominance limit 85 %. */
    public static AnalyticsSettings defaults() {
        return DEFAULTS;
    }
}
