package org.entente.workstream.ui;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.combobox.MultiSelectComboBox;
import java.util.List;
import java.util.UUID;
import org.entente.platform.i18n.Translations;
import org.entente.workstream.Participant;
import org.entente.workstream.Partner;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamService;

/**
 * The releasability of a new record inside a workstream, and for REL_TO the participants it is released to
 * (the record's own organization always sees it, so it is not offered).
 */
public final class ReleasabilityChooser {

    public final ComboBox<Releasability> releasability =
            new ComboBox<>(UI.getCurrent().getTranslation("workstream.field.releasability"), Releasability.values());
    public final MultiSelectComboBox<Partner> relTo =
            new MultiSelectComboBox<>(UI.getCurrent().getTranslation("workstream.field.relTo"));

    public ReleasabilityChooser(String idPrefix, Workstream workstream, WorkstreamService workstreams, UUID ownTenant) {
        releasability.setItemLabelGenerator(r -> releasability.getTranslation(Translations.enumKey(r)));
        releasability.setValue(Releasability.PARTICIPANTS);
        releasability.setId(idPrefix + "-releasability");
        relTo.setItems(workstreams.participants(workstream.ref()).stream()
                .filter(p -> p.status() == Participant.ParticipationStatus.ACCEPTED)
                .map(Participant::partner).filter(p -> !p.id().equals(ownTenant)).toList());
        relTo.setItemLabelGenerator(Partner::name);
        relTo.setVisible(false);
        relTo.setId(idPrefix + "-rel-to");
        releasability.addValueChangeListener(e -> relTo.setVisible(e.getValue() == Releasability.REL_TO));
    }

    public Releasability value() {
        return releasability.getValue();
    }

    public List<UUID> relToIds() {
        return relTo.getSelectedItems().stream().map(Partner::id).toList();
    }
}
