package org.entente.briefing;

/** Where a briefing stands; the database checks what each status carries (V31, briefing_*_ck). */
public enum BriefingStatus {
    /** Asked for; waits for the requester's earlier briefing or a free worker. */
    QUEUED("Queued"),
    /** Being written. */
    RUNNING("Being written"),
    /** Its file can be downloaded. */
    READY("Ready"),
    /** Nothing to download; the briefing says why. */
    FAILED("Failed");

    private final String label;

    BriefingStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    public boolean finished() {
        return this == READY || this == FAILED;
    }
}
