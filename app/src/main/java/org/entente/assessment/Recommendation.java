package org.entente.assessment;

import java.time.LocalDate;
import java.util.UUID;
import org.entente.workstream.Partner;

/** What an assessment recommends, who owns doing it and by when. */
public record Recommendation(UUID id, String text, Partner owner, LocalDate dueDate, RecommendationStatus status,
        int version) {
}
