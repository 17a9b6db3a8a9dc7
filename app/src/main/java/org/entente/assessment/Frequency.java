package org.entente.assessment;

/** How often an indicator is measured: calendar months, quarters or years. */
public enum Frequency {
    MONTHLY("Monthly"), QUARTERLY("Quarterly"), YEARLY("Yearly");

    private final String label;

    Frequency(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
