package org.entente.workstream.ui;

import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import org.entente.platform.i18n.Text;
import org.entente.platform.i18n.Translations;
import org.entente.platform.ui.Feedback;
import org.entente.workstream.Participant;
import org.entente.workstream.Participant.ParticipantRole;
import org.entente.workstream.Partner;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamService;

/** The participating organizations; the lead invites more here. */
class ParticipantsPanel extends VerticalLayout {

    private final Workstream workstream;
    private final WorkstreamService workstreams;
    private final Grid<Participant> grid = new Grid<>(Participant.class, false);

    ParticipantsPanel(Workstream workstream, boolean lead, WorkstreamService workstreams, PartnerDirectory partners) {
        this.workstream = workstream;
        this.workstreams = workstreams;
        setPadding(false);
        grid.setId("participants");
        grid.addColumn(p -> p.partner().name()).setHeader(getTranslation("workstream.participants.organization"))
                .setFlexGrow(2);
        grid.addColumn(p -> p.partner().kind() == null ? "" : getTranslation(Translations.enumKey(p.partner().kind())))
                .setHeader(getTranslation("workstream.participants.kind")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(Translations.enumKey(p.role())))
                .setHeader(getTranslation("workstream.participants.role")).setAutoWidth(true);
        grid.addColumn(p -> getTranslation(Translations.enumKey(p.status())))
                .setHeader(getTranslation("workstream.participants.status")).setAutoWidth(true);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("workstream.participants.empty"));
        if (lead) {
            ComboBox<Partner> partner = new ComboBox<>(getTranslation("workstream.participants.invitePartner"));
            partner.setId("invite-partner");
            partner.setItemLabelGenerator(p -> p.name() + " (" + p.alias() + ")");
            partner.setWidth("24rem");
            ComboBox<ParticipantRole> role = new ComboBox<>(getTranslation("workstream.participants.inviteRole"));
            role.setItemLabelGenerator(r -> getTranslation(Translations.enumKey(r)));
            role.setItems(ParticipantRole.CONTRIBUTOR, ParticipantRole.OBSERVER);
            role.setValue(ParticipantRole.CONTRIBUTOR);
            role.setId("invite-role");
            Button invite = new Button(getTranslation("workstream.participants.invite"), click -> {
                Feedback.clear(Map.of("partner", partner));
                if (partner.getValue() == null) {
                    partner.setErrorMessage(getTranslation("workstream.participants.error.noPartner"));
                    partner.setInvalid(true);
                    return;
                }
                try {
                    workstreams.invite(workstream.ref(), partner.getValue().id(), role.getValue());
                    Feedback.success(Text.of("workstream.participants.invited", partner.getValue().name()));
                    partner.clear();
                    refresh(partners, partner);
                } catch (RuntimeException e) {
                    Feedback.show(e, Map.of("partner", partner, "role", role), () -> refresh(partners, partner));
                }
            });
            invite.setId("invite");
            invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
            HorizontalLayout form = new HorizontalLayout(partner, role, invite);
            form.setAlignItems(FlexComponent.Alignment.BASELINE);
            add(form);
            refresh(partners, partner);
        } else {
            grid.setItems(workstreams.participants(workstream.ref()));
        }
        add(grid);
    }

    private void refresh(PartnerDirectory partners, ComboBox<Partner> invitable) {
        var participants = workstreams.participants(workstream.ref());
        grid.setItems(participants);
        Set<UUID> taken = participants.stream()
                .filter(p -> p.status() == Participant.ParticipationStatus.INVITED
                        || p.status() == Participant.ParticipationStatus.ACCEPTED)
                .map(p -> p.partner().id()).collect(Collectors.toSet());
        invitable.setItems(partners.all().stream().filter(p -> !taken.contains(p.id())).toList());
    }
}
