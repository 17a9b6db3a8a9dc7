package org.entente.briefing;

/**
 * Where a briefing stands; the database checks what each status carries (V31, briefing_*_ck). People read its label,
 * {@code enum.BriefingStatus.<CONSTANT>}.
 */
public enum BriefingStatus {
    /** Asked for; waits for the requester's earlier briefing or a free worker. */
    QUEUED,
    /** Being written. */
    RUNNING,
    /** Its file can be downloaded. */
    READY,
    /** Nothing to download; the briefing says why. */
    FAILED;

    public boolean finished() {
        return this == READY || this == FAILED;
    }
}
