package org.entente.assessment;

/** Who assesses: the lead itself, or a named organization (e.g. a NATO evaluation team). */
public enum AssessmentMode {
    SELF("Self-assessment"), EXTERNAL("External");

    private final String label;

    AssessmentMode(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
