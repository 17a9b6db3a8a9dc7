package org.entente.tenant.admin.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.UI;
import com.vaadin.flow.component.button.Button;
import com.vaadin.flow.component.button.ButtonVariant;
import com.vaadin.flow.component.checkbox.CheckboxGroup;
import com.vaadin.flow.component.combobox.ComboBox;
import com.vaadin.flow.component.confirmdialog.ConfirmDialog;
import com.vaadin.flow.component.dialog.Dialog;
import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.orderedlayout.FlexComponent;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.component.textfield.EmailField;
import com.vaadin.flow.component.textfield.TextField;
import com.vaadin.flow.di.Instantiator;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.RolesAllowed;
import java.util.HashSet;
import java.util.Set;
import org.entente.platform.i18n.Translations;
import org.entente.tenant.RoleLabels;
import org.entente.tenant.admin.AdministrationException;
import org.entente.tenant.admin.Invitation;
import org.entente.tenant.admin.ManagedMember;
import org.entente.tenant.admin.MemberAdministration;
import org.entente.tenant.admin.MemberStatus;
import org.entente.tenant.admin.TenantRole;
import org.entente.platform.i18n.ui.Localized;
import org.entente.platform.ui.EmailOffNotice;
import org.entente.platform.ui.FocusReturn;

/** A tenant admin's people: invite, roles, disable, remove — in their own organization only. */
@Route("members")
@Menu(title = "Members", order = 5, icon = "vaadin:users")
@RolesAllowed("tenant-admin")
public class MembersView extends VerticalLayout implements HasDynamicTitle {

    private final MemberAdministration administration;
    private final Grid<ManagedMember> grid = new Grid<>(ManagedMember.class, false);

    public MembersView(MemberAdministration administration) {
        this.administration = administration;

        EmailField email = new EmailField(getTranslation("admin.members.field.email"));
        email.setId("invite-email");
        TextField firstName = new TextField(getTranslation("admin.members.field.firstName"));
        firstName.setId("invite-first-name");
        TextField lastName = new TextField(getTranslation("admin.members.field.lastName"));
        lastName.setId("invite-last-name");
        ComboBox<TenantRole> role = new ComboBox<>(getTranslation("admin.members.field.role"), TenantRole.values());
        role.setId("invite-role");
        role.setItemLabelGenerator(r -> RoleLabels.label(getLocale(), r.roleName()));
        role.setValue(TenantRole.MEMBER);
        Button invite = new Button(getTranslation("admin.members.invite"), click -> {
            try {
                administration.invite(new Invitation(email.getValue(), firstName.getValue(), lastName.getValue(),
                        role.getValue()));
                TenantsView.success(getTranslation("admin.members.invited", email.getValue()));
                email.clear();
                firstName.clear();
                lastName.clear();
                refresh();
            } catch (AdministrationException e) {
                TenantsView.error(e);
            }
        });
        invite.setId("invite");
        invite.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        HorizontalLayout inviteForm = new HorizontalLayout(email, firstName, lastName, role, invite);
        inviteForm.setAlignItems(FlexComponent.Alignment.BASELINE);

        grid.setId("managed-members");
        grid.addColumn(ManagedMember::displayName).setHeader(getTranslation("admin.members.column.name")).setSortable(true).setAutoWidth(true);
        grid.addColumn(ManagedMember::email).setHeader(getTranslation("admin.members.column.email")).setAutoWidth(true);
        grid.addColumn(m -> String.join(", ", m.roles().stream().sorted().map(r -> RoleLabels.label(getLocale(), r))
                        .toList()))
                .setHeader(getTranslation("admin.members.column.roles")).setAutoWidth(true);
        grid.addColumn(m -> getTranslation(Translations.enumKey(m.status())))
                .setHeader(getTranslation("admin.members.column.status")).setAutoWidth(true);
        grid.addComponentColumn(this::actions).setAutoWidth(true).setFlexGrow(0);
        grid.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        grid.setAllRowsVisible(true);

        add(new H1(getTranslation("admin.members.heading")), new H2(getTranslation("admin.members.inviteHeading")),
                inviteForm, new H2(getTranslation("admin.members.peopleHeading")), grid);
        addComponentAtIndex(1, Instantiator.get(UI.getCurrent()).getOrCreate(EmailOffNotice.class));
        add(Instantiator.get(UI.getCurrent()).getOrCreate(PendingInvitationsSection.class));
        add(SignInProvidersPanel.forMyOrganization()); // issue 19: the organization's own identity provider
        refresh();
    }

    @Override
    public String getPageTitle() {
        return getTranslation("admin.members.title");
    }

    private void refresh() {
        try {
            grid.setItems(administration.members());
        } catch (AdministrationException e) {
            TenantsView.error(e);
        }
    }

    private Component actions(ManagedMember member) {
        HorizontalLayout actions = new HorizontalLayout();
        if (member.status() == MemberStatus.REMOVED) {
            return actions;
        }
        actions.add(small(getTranslation("admin.members.action.roles"), "roles-" + member.username(), () -> editRoles(member)));
        if (member.status() == MemberStatus.DISABLED) {
            actions.add(small(getTranslation("admin.members.action.enable"), "enable-" + member.username(),
                    () -> run(() -> administration.enable(member.id()),
                            getTranslation("admin.members.enabled", member.displayName()))));
        } else {
            actions.add(small(getTranslation("admin.members.action.disable"), "disable-" + member.username(),
                    () -> run(() -> administration.disable(member.id()),
                            getTranslation("admin.members.disabled", member.displayName()))));
        }
        Button remove = small(getTranslation("action.remove"), "remove-" + member.username(), () -> confirmRemoval(member));
        remove.addThemeVariants(ButtonVariant.LUMO_ERROR);
        actions.add(remove);
        return actions;
    }

    /** Removing someone ends their access at once: asked first, as offboarding a tenant is. */
    private void confirmRemoval(ManagedMember member) {
        ConfirmDialog confirm = Localized.confirmDialog(
                getTranslation("admin.members.remove.header", member.displayName()),
                getTranslation("admin.members.remove.text", member.displayName()), getTranslation("action.remove"));
        confirm.setId("confirm-remove-member");
        confirm.setConfirmButtonTheme("error primary");
        confirm.addConfirmListener(e -> run(() -> administration.remove(member.id()),
                getTranslation("admin.members.removed", member.displayName())));
        confirm.open();
    }

    private void editRoles(ManagedMember member) {
        Dialog dialog = FocusReturn.to(new Dialog());
        dialog.setHeaderTitle(getTranslation("admin.members.rolesOf", member.displayName()));
        CheckboxGroup<TenantRole> roles = new CheckboxGroup<>();
        roles.setId("member-roles");
        roles.setItems(TenantRole.values());
        roles.setItemLabelGenerator(r -> RoleLabels.label(getLocale(), r.roleName()));
        Set<TenantRole> before = new HashSet<>();
        for (TenantRole role : TenantRole.values()) {
            if (member.roles().contains(role.roleName())) {
                before.add(role);
            }
        }
        roles.setValue(before);
        dialog.add(roles);
        Button save = new Button(getTranslation("action.save"), click -> {
            try {
                for (TenantRole role : TenantRole.values()) {
                    boolean wanted = roles.getValue().contains(role);
                    if (wanted && !before.contains(role)) {
                        administration.grantRole(member.id(), role);
                    } else if (!wanted && before.contains(role)) {
                        administration.revokeRole(member.id(), role);
                    }
                }
                TenantsView.success(getTranslation("admin.members.rolesSaved", member.displayName()));
                dialog.close();
            } catch (AdministrationException e) {
                TenantsView.error(e);
            }
            refresh();
        });
        save.setId("save-roles");
        save.addThemeVariants(ButtonVariant.LUMO_PRIMARY);
        dialog.getFooter().add(new Button(getTranslation("action.cancel"), click -> dialog.close()), save);
        dialog.open();
    }

    private void run(Runnable action, String done) {
        try {
            action.run();
            TenantsView.success(done);
        } catch (AdministrationException e) {
            TenantsView.error(e);
        }
        refresh();
    }

    private static Button small(String text, String id, Runnable action) {
        Button button = new Button(text, click -> action.run());
        button.setId(id);
        button.addThemeVariants(ButtonVariant.LUMO_SMALL, ButtonVariant.LUMO_TERTIARY);
        return button;
    }

}
