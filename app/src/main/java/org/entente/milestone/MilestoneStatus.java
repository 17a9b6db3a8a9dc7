package org.entente.milestone;

public enum MilestoneStatus {
    PLANNED, IN_PROGRESS, DONE, CANCELLED
}
