package org.entente.engagement;

public enum RiskRating {
    LOW, MEDIUM, HIGH, CRITICAL
}
