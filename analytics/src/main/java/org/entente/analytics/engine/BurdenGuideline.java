package org.entente.analytics.engine;

import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * A coordinator organization's guideline for its federation view: per year, the target intensity (delivered as a share
 * of capacity, a fraction: 0.0005 = 0.05 %) partners are measured against. The burden chart draws it as a line, the
 * tables mark each partner above or below it, the briefing says how many are above.
 *
 * @param targetIntensityByYear target intensity per year; years without an entry have no guideline
 */
public record BurdenGuideline(Map<Integer, Double> targetIntensityByYear) {

    private static final BurdenGuideline NONE = new BurdenGuideline(Map.of());

    public BurdenGuideline {
        Objects.requireNonNull(targetIntensityByYear, "targetIntensityByYear");
        targetIntensityByYear.forEach((year, target) -> {
            if (year == null || target == null || !(target >= 0 && target <= 1)) {
                throw new IllegalArgumentException("a target intensity is a fraction within 0..1, per year: "
                        + year + " = " + target);
            }
        });
        targetIntensityByYear = java.util.Collections.unmodifiableMap(new TreeMap<>(targetIntensityByYear));
    }

    public static BurdenGuideline none() {
        return NONE;
    }

    public boolean isEmpty() {
        return targetIntensityByYear.isEmpty();
    }

    /** The target for {@code year}, if the guideline has one. */
    public OptionalDouble targetFor(int year) {
        Double target = targetIntensityByYear.get(year);
        return target == null ? OptionalDouble.empty() : OptionalDouble.of(target);
    }
}
