package org.entente.milestone;

import java.time.LocalDate;
import java.util.UUID;
import org.entente.workstream.Partner;
import org.entente.workstream.WorkstreamRef;

/** A dated step of a workstream, owned by one participating tenant. */
public record Milestone(WorkstreamRef workstream, UUID id, String title, Partner owner, LocalDate plannedDate,
        LocalDate actualDate, MilestoneStatus status, int version) {

    /** Past its planned date and neither done nor cancelled. */
    public boolean overdueOn(LocalDate today) {
        return plannedDate.isBefore(today) && status != MilestoneStatus.DONE && status != MilestoneStatus.CANCELLED;
    }
}
