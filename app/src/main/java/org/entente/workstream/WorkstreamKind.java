package org.entente.workstream;

/** The three kinds of cross-tenant work, sharing one model. */
public enum WorkstreamKind {
    INITIATIVE("Shared initiative"),
    RND_PROJECT("Joint R&D project"),
    ENGAGEMENT("Non-state partner engagement");

    private final String label;

    WorkstreamKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
