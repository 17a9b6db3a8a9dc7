package org.entente.initiative;

/** How a shared initiative cooperates. */
public enum Mechanism {
    JOINT_EXERCISE("Joint exercise"),
    PEACEKEEPING("Peacekeeping"),
    CAPACITY_BUILDING("Capacity building"),
    INTELLIGENCE_SHARING("Intelligence sharing"),
    COUNTER_TERRORISM("Counter-terrorism"),
    CYBER_DEFENSE("Cyber defense"),
    MARITIME_SECURITY("Maritime security"),
    HUMANITARIAN_RESPONSE("Humanitarian / disaster response"),
    TREATY_FRAMEWORK("Defense pact / treaty framework"),
    ARMS_CONTROL("Arms control");

    private final String label;

    Mechanism(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
