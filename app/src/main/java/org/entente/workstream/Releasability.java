package org.entente.workstream;

/**
 * Which tenants may see a record. Enforced by row-level security (the can_see_* functions of the schema);
 * the UI shows it as a banner marking.
 */
public enum Releasability {
    /** Only the record's own tenant. */
    PRIVATE("PRIVATE"),
    /** Every tenant that participates in the workstream. */
    PARTICIPANTS("REL TO PARTICIPANTS"),
    /** The record's own tenant and an explicit subset of participants. */
    REL_TO("REL TO"),
    /** Every participant, and eligible for cross-partner analytics. */
    ALL_PARTNERS("REL TO ALL PARTNERS");

    private final String marking;

    Releasability(String marking) {
        this.marking = marking;
    }

    public String marking() {
        return marking;
    }
}
