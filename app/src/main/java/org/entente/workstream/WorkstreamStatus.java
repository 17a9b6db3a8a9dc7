package org.entente.workstream;

import java.util.EnumSet;
import java.util.Set;
import org.entente.platform.i18n.Text;

/**
 * Lifecycle: PROPOSED → APPROVED → ACTIVE → COMPLETED, or CANCELLED before completion. Labels:
 * {@code enum.WorkstreamStatus.*} ({@code Translations.label(locale, constant)}).
 */
public enum WorkstreamStatus {
    PROPOSED, APPROVED, ACTIVE, COMPLETED, CANCELLED;

    /** The statuses this one may move to; the database enforces the same rule. */
    public Set<WorkstreamStatus> next() {
        return switch (this) {
            case PROPOSED -> EnumSet.of(APPROVED, CANCELLED);
            case APPROVED -> EnumSet.of(ACTIVE, CANCELLED);
            case ACTIVE -> EnumSet.of(COMPLETED, CANCELLED);
            case COMPLETED, CANCELLED -> EnumSet.noneOf(WorkstreamStatus.class);
        };
    }

    /** The status as a word inside a sentence ("a proposed workstream", « un chantier proposé »). */
    public Text inSentence() {
        return Text.of("workstream.status.inSentence." + name());
    }
}
