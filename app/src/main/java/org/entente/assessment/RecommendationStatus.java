package org.entente.assessment;

public enum RecommendationStatus {
    OPEN, DONE
}
