package org.entente.rnd;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.entente.workstream.Partner;

/** A work package of a joint R&D project, led by one participating tenant, with its deliverables. */
public record WorkPackage(UUID id, String code, String title, Partner lead, BigDecimal budgetEur,
        List<Deliverable> deliverables) {

    public WorkPackage {
        deliverables = List.copyOf(deliverables);
    }

    public record Deliverable(UUID id, String title, LocalDate dueDate, String status) {
    }
}
