package org.entente.initiative;

/** How a shared initiative cooperates; people read it as {@code enum.Mechanism.<CONSTANT>}. */
public enum Mechanism {
    JOINT_EXERCISE,
    PEACEKEEPING,
    CAPACITY_BUILDING,
    INTELLIGENCE_SHARING,
    COUNTER_TERRORISM,
    CYBER_DEFENSE,
    MARITIME_SECURITY,
    HUMANITARIAN_RESPONSE,
    TREATY_FRAMEWORK,
    ARMS_CONTROL
}
