package org.entente.tenant;

/** What kind of partner organization a tenant is. */
public enum TenantKind {
    STATE("State"),
    ALLIANCE("Alliance"),
    IGO("Intergovernmental organization"),
    NGO("Non-governmental organization"),
    PRIVATE_SECURITY("Private security company"),
    CORPORATION("Multinational corporation"),
    ACADEMIA("Academia");

    private final String label;

    TenantKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
