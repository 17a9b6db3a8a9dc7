package org.entente.assessment.ui;

import org.entente.assessment.importing.MeasurementImporter;

import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.entente.assessment.AssessmentService;
import org.entente.assessment.ResultsExport;
import org.entente.assessment.ResultsService;
import org.entente.workstream.Participant;
import org.entente.workstream.Partner;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamService;

/** What the Results tab and its dialogs know of one page: the workstream, the viewer, the services. */
record ResultsContext(Workstream workstream, UUID viewerTenantId, boolean lead, ResultsService results,
        AssessmentService assessments, ResultsExport export, WorkstreamService workstreams,
        PartnerDirectory partners, List<Participant> participants, MeasurementImporter importer) {

    /** Organizations that take part (the lead included). */
    List<Partner> accepted() {
        return participants.stream().filter(p -> p.status() == Participant.ParticipationStatus.ACCEPTED)
                .map(Participant::partner).toList();
    }

    /** Who may be responsible for an indicator or own a recommendation: accepted, and more than an observer. */
    List<Partner> measurers() {
        return participants.stream().filter(p -> p.status() == Participant.ParticipationStatus.ACCEPTED)
                .filter(p -> p.role() != Participant.ParticipantRole.OBSERVER)
                .map(Participant::partner).toList();
    }

    /** A new record's releasability: participants, unless the workstream itself is marked narrower. */
    Releasability defaultReleasability() {
        Releasability own = workstream.releasability();
        return own == Releasability.PRIVATE || own == Releasability.REL_TO ? own : Releasability.PARTICIPANTS;
    }

    /** An objective's number as people read it: 1, 2, … in the order of the list (positions may start at 0). */
    static int numberOf(List<org.entente.assessment.Objective> objectives, org.entente.assessment.Objective objective) {
        return objectives.indexOf(objective) + 1;
    }

    /** The items of a releasability chooser's list whose ids are among {@code ids}. */
    static Set<Partner> partnersAmong(MultiSelectComboBox<Partner> relTo, List<UUID> ids) {
        return relTo.getListDataView().getItems().filter(p -> ids.contains(p.id())).collect(Collectors.toSet());
    }
}
