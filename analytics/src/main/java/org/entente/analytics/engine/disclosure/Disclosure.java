package org.entente.analytics.engine.disclosure;

/** The outcome of {@link DisclosureControl#protect}: per figure (by index), why it is withheld, or null. */
public final class Disclosure {

    private final SuppressionReason[] reasons;

    Disclosure(SuppressionReason[] reasons) {
        this.reasons = reasons;
    }

    /** Why figure {@code cell} is withheld; null when it is published. */
    public SuppressionReason reason(int cell) {
        return reasons[cell];
    }

    public boolean isSuppressed(int cell) {
        return reasons[cell] != null;
    }

    public int size() {
        return reasons.length;
    }

    /** How many figures are withheld. */
    public int suppressedCount() {
        int count = 0;
        for (SuppressionReason reason : reasons) {
            if (reason != null) {
                count++;
            }
        }
        return count;
    }
}
