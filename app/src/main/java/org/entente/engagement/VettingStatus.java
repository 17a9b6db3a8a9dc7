package org.entente.engagement;

/** Due diligence on a non-state party; an engagement becomes ACTIVE only once CLEARED. */
public enum VettingStatus {
    NOT_STARTED, IN_REVIEW, CLEARED, REJECTED
}
