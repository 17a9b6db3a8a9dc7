package org.entente.contribution;

import java.math.BigDecimal;

/** EUR value of one unit: a currency, or a person-day of personnel. */
public record ValuationRate(String unit, BigDecimal eurPerUnit, String label) {

    public static final String PERSON_DAY = "PERSON_DAY";
}
