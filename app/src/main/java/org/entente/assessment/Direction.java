package org.entente.assessment;

/** Which way is better for an indicator. */
public enum Direction {
    HIGHER("Higher is better"), LOWER("Lower is better");

    private final String label;

    Direction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
