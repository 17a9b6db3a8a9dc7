package org.entente.analytics.engine.disclosure;

/** Why a published figure is withheld. */
public enum SuppressionReason {
    /** Built from fewer than k distinct partners, not all of them visible to the viewer. */
    TOO_FEW_PARTNERS("fewer than %d partners"),
    /** One partner holds more than the dominance limit of the figure. */
    DOMINATED("one partner holds more than %d%%"),
    /** Withheld so that another suppressed figure cannot be worked out from its row or column. */
    PROTECTS_ANOTHER_CELL("protects another suppressed figure");

    private final String explanation;

    SuppressionReason(String explanation) {
        this.explanation = explanation;
    }

    /** Human explanation; {@code %d} placeholders take k or the dominance limit in percent. */
    public String explanation(int minimumPartners, double dominanceLimit) {
        return switch (this) {
            case TOO_FEW_PARTNERS -> explanation.formatted(minimumPartners);
            case DOMINATED -> explanation.formatted(Math.round(dominanceLimit * 100));
            case PROTECTS_ANOTHER_CELL -> explanation;
        };
    }
}
