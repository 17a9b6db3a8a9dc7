package org.entente.assessment;

import java.time.LocalDate;
import java.util.UUID;

public record RecommendationDraft(String text, UUID ownerTenantId, LocalDate dueDate) {
}
