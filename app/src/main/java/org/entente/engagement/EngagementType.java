package org.entente.engagement;

/** What a non-state partner is engaged for; people read it as {@code enum.EngagementType.<CONSTANT>}. */
public enum EngagementType {
    HUMANITARIAN_COORDINATION,
    LOGISTICS_SUPPORT,
    TECHNOLOGY_PARTNERSHIP,
    TRAINING,
    ADVISORY,
    SECURITY_SERVICES
}
