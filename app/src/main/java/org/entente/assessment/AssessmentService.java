package org.entente.assessment;

import java.util.List;
import java.util.Optional;
import org.entente.workstream.WorkstreamRef;
import org.springframework.stereotype.Service;

/**
 * Assessments of a workstream: initial (baseline), periodic and final; written by the lead only. A FINAL assessment
 * is recorded once the workstream is COMPLETED (one per workstream: the after-action assessment of earlier versions,
 * migrated by V51). Field keys of InvalidInput: "kind", "mode", "assessorName", "assessedOn", "findings",
 * "releasability", "rating", "recommendation", "status".
 */
@Service
public class AssessmentService {

    /** The assessments the viewer may see, newest first. */
    public List<Assessment> of(WorkstreamRef workstream) {
        throw new UnsupportedOperationException("AssessmentService: to be built");
    }

    public Optional<Assessment> finalAssessment(WorkstreamRef workstream) {
        throw new UnsupportedOperationException("AssessmentService: to be built");
    }

    public Assessment record(WorkstreamRef workstream, AssessmentDraft draft) {
        throw new UnsupportedOperationException("AssessmentService: to be built");
    }

    public Assessment update(Assessment current, AssessmentDraft draft) {
        throw new UnsupportedOperationException("AssessmentService: to be built");
    }

    public void remove(Assessment current) {
        throw new UnsupportedOperationException("AssessmentService: to be built");
    }

    /** Marks a recommendation OPEN or DONE (the lead, or the recommendation's owner organization). */
    public Recommendation markRecommendation(Assessment assessment, Recommendation current, RecommendationStatus status) {
        throw new UnsupportedOperationException("AssessmentService: to be built");
    }
}
