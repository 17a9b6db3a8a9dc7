package org.entente.workstream;

import java.util.EnumSet;
import java.util.Set;

/** Lifecycle: PROPOSED → APPROVED → ACTIVE → COMPLETED, or CANCELLED before completion. */
public enum WorkstreamStatus {
    PROPOSED, APPROVED, ACTIVE, COMPLETED, CANCELLED;

    /** The statuses this one may move to; the database enforces the same rule. */
    public Set<WorkstreamStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(APPROVED, CANCELLED);
            case APPROVED -> EnumSet.of(ACTIVE, CANCELLED);
            case ACTIVE -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(WorkstreamStatus.class);
        };
    }

    public String label() {
        return name().charAt(0) + name().substring(1).toLowerCase();
    }
}
