package org.entente.label;

import java.time.Period;
import org.entente.label.standard.LabelPolicy;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The confidentiality label every export carries, per deployment ({@code entente.labels.*}).
 *
 * @param policyIdentifier the security policy's name ({@code PolicyIdentifier} of ADatP-4774)
 * @param policyUri        the policy's OID as {@code urn:oid:...}, or unset
 * @param classification   the classification of Entente's exports under that policy
 * @param reviewAfter      when a label is due for review, counted from the export (ISO-8601 period)
 */
@ConfigurationProperties("entente.labels")
public record LabelProperties(@DefaultValue("ENTENTE") String policyIdentifier, String policyUri,
        @DefaultValue("UNCLASSIFIED") String classification, @DefaultValue("P2Y") Period reviewAfter) {

    /** Refuses a policy the label could not carry (blank names, a URI that is not urn:oid) when the app starts. */
    public LabelProperties {
        new LabelPolicy(policyIdentifier, policyUri, classification, reviewAfter);
    }

    LabelPolicy policy() {
        return new LabelPolicy(policyIdentifier, policyUri, classification, reviewAfter);
    }
}
