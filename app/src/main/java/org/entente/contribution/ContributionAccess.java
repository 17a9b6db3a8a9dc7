package org.entente.contribution;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.entente.workstream.Partner;

/** Another tenant read or exported one of ours. */
public record ContributionAccess(OffsetDateTime at, Partner reader, String action, UUID workstreamId,
        String workstreamTitle, UUID contributionId) {
}
