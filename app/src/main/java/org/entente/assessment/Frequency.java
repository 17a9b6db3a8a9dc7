package org.entente.assessment;

/** How often an indicator is measured: calendar months, quarters or years (labels: enum.Frequency.*). */
public enum Frequency {
    MONTHLY, QUARTERLY, YEARLY
}
