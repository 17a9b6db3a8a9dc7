package org.entente.assessment;

/** When in a workstream's life an assessment is made. */
public enum AssessmentKind {
    INITIAL("Initial (baseline)"), PERIODIC("Periodic"), FINAL("Final");

    private final String label;

    AssessmentKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
