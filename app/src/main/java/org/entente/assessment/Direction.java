package org.entente.assessment;

/** Which way is better for an indicator (labels: enum.Direction.*). */
public enum Direction {
    HIGHER, LOWER
}
