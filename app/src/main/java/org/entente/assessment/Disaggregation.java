package org.entente.assessment;

/**
 * Whether an indicator is also measured per participant organization (the status always uses the totals). Labels:
 * enum.Disaggregation.*.
 */
public enum Disaggregation {
    NONE, BY_PARTNER
}
