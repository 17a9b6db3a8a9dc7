package org.entente.label.standard;

import java.time.Period;
import java.util.Objects;

/**
 * What a deployment writes into every confidentiality label (settings {@code entente.labels.*} in the app): the
 * security policy the label belongs to and the classification of what Entente exports under it.
 *
 * @param policyIdentifier the 4774 {@code PolicyIdentifier} (the policy's name, e.g. "ENTENTE" or a national one)
 * @param policyUri        its {@code URI} attribute, {@code urn:oid:...} as ADatP-4774 Table 5 asks, or null
 * @param classification   the 4774 {@code Classification}, a name of that policy (e.g. "UNCLASSIFIED")
 * @param reviewAfter      how long after its creation a label is to be reviewed ({@code ReviewDateTime}, which the
 *                         4774 prose requires when no SuccessionHandling is given)
 */
public record LabelPolicy(String policyIdentifier, String policyUri, String classification, Period reviewAfter) {

    /** Entente's own policy name and an unclassified marking, reviewed after two years: a deployment sets its own. */
    public static final LabelPolicy DEFAULT = new LabelPolicy("ENTENTE", null, "UNCLASSIFIED", Period.ofYears(2));

    public LabelPolicy {
        policyIdentifier = required(policyIdentifier, "policyIdentifier");
        classification = required(classification, "classification");
        policyUri = policyUri == null || policyUri.isBlank() ? null : policyUri.strip();
        if (policyUri != null && !policyUri.startsWith("urn:oid:")) {
            throw new IllegalArgumentException("The label policy's URI must be urn:oid:... (ADatP-4774), not "
                    + policyUri);
        }
        reviewAfter = reviewAfter == null ? Period.ofYears(2) : reviewAfter;
    }

    private static String required(String value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isBlank()) {
            throw new IllegalArgumentException("The label policy's " + name + " must not be blank");
        }
        return value.strip();
    }
}
