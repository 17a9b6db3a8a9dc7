package org.entente.workstream;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A workstream as the signed-in tenant sees it. */
public record Workstream(WorkstreamRef ref, WorkstreamKind kind, String title, String description,
        WorkstreamStatus status, Releasability releasability, List<UUID> relTo, String region,
        LocalDate startDate, LocalDate endDate, int version, Partner lead) {

    public Workstream {
        relTo = List.copyOf(relTo);
    }

    public UUID id() {
        return ref.id();
    }
}
