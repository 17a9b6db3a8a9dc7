package org.entente.workstream;

import java.time.OffsetDateTime;

/** A tenant's participation in a workstream. */
public record Participant(Partner partner, ParticipantRole role, ParticipationStatus status,
        OffsetDateTime invitedAt, OffsetDateTime respondedAt) {

    public enum ParticipantRole {
        LEAD, CONTRIBUTOR, OBSERVER
    }

    public enum ParticipationStatus {
        INVITED, ACCEPTED, DECLINED, WITHDRAWN
    }
}
