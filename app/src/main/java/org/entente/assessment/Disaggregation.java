package org.entente.assessment;

/** Whether an indicator is also measured per participant organization (the status always uses the totals). */
public enum Disaggregation {
    NONE("Totals only"), BY_PARTNER("Also by partner");

    private final String label;

    Disaggregation(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
