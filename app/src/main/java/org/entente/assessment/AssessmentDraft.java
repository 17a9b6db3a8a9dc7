package org.entente.assessment;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.workstream.Releasability;

/**
 * What the lead enters for an assessment. ratings: objective id to 1..5 (objectives left out are not rated);
 * assessorTenantId only for EXTERNAL (optional: the assessor may be no Entente organization).
 */
public record AssessmentDraft(AssessmentKind kind, AssessmentMode mode, String assessorName, UUID assessorTenantId,
        LocalDate assessedOn, String findings, Releasability releasability, List<UUID> relTo,
        Map<UUID, Integer> ratings, List<RecommendationDraft> recommendations) {
}
