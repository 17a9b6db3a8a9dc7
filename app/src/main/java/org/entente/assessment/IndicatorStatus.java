package org.entente.assessment;

/** indicator_status() of V51: where an indicator stands against a straight path from baseline to target. */
public enum IndicatorStatus {
    ON_TRACK("On track"), AT_RISK("At risk"), OFF_TRACK("Off track"), NOT_MEASURED("Not measured yet"),
    NO_BASELINE("No baseline");

    private final String label;

    IndicatorStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
