package org.entente.engagement;

/** What a non-state partner is engaged for. */
public enum EngagementType {
    HUMANITARIAN_COORDINATION("Humanitarian coordination"),
    LOGISTICS_SUPPORT("Logistics support"),
    TECHNOLOGY_PARTNERSHIP("Technology partnership"),
    TRAINING("Training"),
    ADVISORY("Advisory"),
    SECURITY_SERVICES("Security services");

    private final String label;

    EngagementType(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
