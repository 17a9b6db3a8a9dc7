package org.entente.contribution;

import java.time.OffsetDateTime;
import java.util.UUID;
import org.entente.workstream.Partner;

/** Another tenant read or exported one of ours; {@code workstreamTitle} is null once it is no longer shared with us. */
public record ContributionAccess(OffsetDateTime at, Partner reader, String action, UUID workstreamId,
        String workstreamTitle, UUID contributionId) {
}
