package org.entente.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.workstream.Releasability;
import org.entente.workstream.WorkstreamRef;

/** An initial, periodic or final assessment of a workstream, with a rating per objective and recommendations. */
public record Assessment(WorkstreamRef workstream, UUID id, AssessmentKind kind, AssessmentMode mode,
        String assessorName, UUID assessorTenantId, LocalDate assessedOn, String findings, Releasability releasability,
        List<UUID> relTo, Map<UUID, Integer> ratings, List<Recommendation> recommendations, int version) {
}
