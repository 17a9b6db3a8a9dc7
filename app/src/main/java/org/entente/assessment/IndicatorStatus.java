package org.entente.assessment;

/**
 * indicator_status() of V51: where an indicator stands against a straight path from baseline to target. Labels:
 * enum.IndicatorStatus.*.
 */
public enum IndicatorStatus {
    ON_TRACK, AT_RISK, OFF_TRACK, NOT_MEASURED, NO_BASELINE
}
