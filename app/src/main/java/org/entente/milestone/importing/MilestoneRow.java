package org.entente.milestone.importing;

import java.time.LocalDate;
import org.entente.milestone.MilestoneStatus;
import org.entente.workstream.Partner;

/**
 * One row of a milestone plan, read: what the Milestones tab would have been given.
 *
 * @param actualDate only with DONE; empty: the service's default (today)
 */
public record MilestoneRow(String title, Partner owner, LocalDate plannedDate, MilestoneStatus status,
                           LocalDate actualDate) {
}
