package org.entente.tenant.admin;

/** INVITED: has not signed in yet; DISABLED: account disabled; REMOVED: no longer in the organization. */
public enum MemberStatus {
    INVITED, ACTIVE, DISABLED, REMOVED
}
