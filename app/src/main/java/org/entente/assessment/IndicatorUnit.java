package org.entente.assessment;

import java.math.BigDecimal;

/**
 * What an indicator counts in (labels: enum.IndicatorUnit.*); which values it admits is the database's
 * unit_admits() rule, repeated for forms.
 */
public enum IndicatorUnit {
    NUMBER, PERCENT, EUR, YES_NO, SCALE_1_5;

    /** Whether a value of this unit may be {@code value} (V51 unit_admits). */
    public boolean admits(BigDecimal value) {
        if (value == null) {
            return false;
        }
        return switch (this) {
            case NUMBER -> true;
            case EUR -> value.signum() >= 0;
            case PERCENT -> value.signum() >= 0 && value.compareTo(BigDecimal.valueOf(100)) <= 0;
            case YES_NO -> value.compareTo(BigDecimal.ZERO) == 0 || value.compareTo(BigDecimal.ONE) == 0;
            case SCALE_1_5 -> value.compareTo(BigDecimal.ONE) >= 0 && value.compareTo(BigDecimal.valueOf(5)) <= 0;
        };
    }
}
