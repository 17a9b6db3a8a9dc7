package org.entente.assessment;

/** An indicator my organization is responsible for whose last ended period has no value yet. */
public record DueMeasurement(String workstreamTitle, Indicator indicator) {
}
