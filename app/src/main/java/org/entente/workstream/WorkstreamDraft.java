package org.entente.workstream;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** What a user enters to create or edit a workstream. */
public record WorkstreamDraft(String title, String description, Releasability releasability, List<UUID> relTo,
        String region, LocalDate startDate, LocalDate endDate, KindDetails details) {

    public WorkstreamDraft {
        relTo = relTo == null ? List.of() : List.copyOf(relTo);
    }

    public WorkstreamKind kind() {
        return details.kind();
    }
}
