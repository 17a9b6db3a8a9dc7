package org.entente.assessment;

/**
 * Who assesses: the lead itself, or a named organization (e.g. a NATO evaluation team). Labels:
 * enum.AssessmentMode.*.
 */
public enum AssessmentMode {
    SELF, EXTERNAL
}
