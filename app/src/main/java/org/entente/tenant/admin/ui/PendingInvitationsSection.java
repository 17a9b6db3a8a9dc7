package org.entente.tenant.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import org.entente.platform.i18n.Formats;
import org.entente.platform.i18n.ui.Localized;
import org.entente.tenant.admin.AdministrationException;
import org.entente.tenant.admin.PendingInvitation;
import org.entente.tenant.admin.PendingInvitations;

/**
 * Members → "Pending invitations": the e-mail invitations Keycloak keeps for the admin's organization (address, when
 * sent, until when the link works), each with "Resend" and "Cancel" (confirmed: the link stops working). Shown while
 * e-mail is on; with e-mail off there are no e-mail invitations to list and the page says e-mail is off.
 */
public class PendingInvitationsSection extends VerticalLayout {

    private final PendingInvitations invitations;
    private final Grid<PendingInvitation> grid = new Grid<>(PendingInvitation.class, false);

    public PendingInvitationsSection(PendingInvitations invitations) {
        this.invitations = invitations;
        setPadding(false);
        setId("pending-invitations-section");
        setVisible(invitations.byEmail());
        grid.setId("pending-invitations");
        grid.addColumn(PendingInvitation::email).setHeader(getTranslation("admin.invitations.column.email")).setAutoWidth(true);
        grid.addColumn(PendingInvitation::name).setHeader(getTranslation("admin.invitations.column.name")).setAutoWidth(true);
        grid.addColumn(i -> i.sentAt() == null ? "" : Formats.dateTimeUtc(getLocale(), i.sentAt()))
                .setHeader(getTranslation("admin.invitations.column.sent")).setAutoWidth(true);
        grid.addColumn(i -> i.expired() ? getTranslation("admin.invitations.expired")
                        : i.expiresAt() == null ? "" : Formats.dateTimeUtc(getLocale(), i.expiresAt()))
                .setHeader(getTranslation("admin.invitations.column.expires")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);
        grid.setEmptyStateText(getTranslation("admin.invitations.empty"));
        Button reload = new Button(getTranslation("admin.invitations.reload"), click -> refresh());
        reload.setId("reload-invitations");
        reload.addThemeVariants(ButtonVariant.LUMO_TERTIARY);
        add(new H2(getTranslation("admin.invitations.heading")), reload, grid);
        if (isVisible()) {
            refresh();
        }
    }

    private void refresh() {
        try {
            grid.setItems(invitations.ofMyOrganization());
        } catch (AdministrationException e) {
            TenantsView.error(e);
        }
    }

    private Component actions(PendingInvitation invitation) {
        Button resend = new Button(getTranslation("admin.invitations.resend"), click -> {
            try {
                invitations.resend(invitation.id());
                TenantsView.success(getTranslation("admin.invitations.resent", invitation.email()));
            } catch (AdministrationException e) {
                TenantsView.error(e);
            }
            refresh();
        });
        resend.setId("resend-" + invitation.email());
        resend.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        Button cancel = new Button(getTranslation("admin.invitations.cancel"), click -> confirmCancel(invitation));
        cancel.setId("cancel-invitation-" + invitation.email());
        cancel.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY, ButtonVariant.LUMO_ERROR);
        return new HorizontalLayout(resend, cancel);
    }

    private void confirmCancel(PendingInvitation invitation) {
        ConfirmDialog confirm = Localized.confirmDialog(
                getTranslation("admin.invitations.cancel.header", invitation.email()),
                getTranslation("admin.invitations.cancel.text"), getTranslation("admin.invitations.cancel"));
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> {
            try {
                invitations.cancel(invitation.id());
                TenantsView.success(getTranslation("admin.invitations.cancelled", invitation.email()));
            } catch (AdministrationException failure) {
                TenantsView.error(failure);
            }
            refresh();
        });
        confirm.open();
    }
}
