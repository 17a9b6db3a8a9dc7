package org.entente.tenant.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.util.Collection;
import java.util.List;
import org.entente.platform.i18n.Formats;
import org.entente.platform.i18n.Translations;
import org.entente.platform.security.CurrentUser;
import org.entente.tenant.Member;
import org.entente.tenant.RegionLabels;
import org.entente.tenant.RoleLabels;
import org.entente.tenant.Tenant;
import org.entente.tenant.TenantService;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Where partner staff land after sign-in: their organization, their roles, and its members; below them the sections
 * other features add ({@link OrganizationPageExtension}, e.g. what the organization publishes).
 */
@Route("organization")
@Menu(title = "My organization", order = 9, icon = "vaadin:building")
@PermitAll
public class MyOrganizationView extends VerticalLayout implements HasDynamicTitle {

    public MyOrganizationView(TenantService tenants, CurrentUser currentUser,
            ObjectProvider<OrganizationPageExtension> extensions) {
        Tenant tenant = tenants.currentTenant().orElse(null);
        if (tenant == null) {
            add(new H1(getTranslation("tenant.organization.heading")),
                    new Span(getTranslation("tenant.organization.unavailable")));
            return;
        }
        H1 name = new H1(tenant.name());
        name.setId("organization-name");
        Span kind = badge(getTranslation(Translations.enumKey(tenant.kind())), "organization-kind");
        Span region = badge(tenant.region() == null ? getTranslation("tenant.organization.noRegion")
                : RegionLabels.label(getLocale(), tenant.region()), "organization-region");
        Span alias = badge(tenant.alias(), "organization-alias");
        add(name, new HorizontalLayout(kind, region, alias));

        add(new H2(getTranslation("tenant.organization.yourRoles")));
        HorizontalLayout roles = new HorizontalLayout();
        roles.setId("my-roles");
        currentUser.get().map(u -> u.roles().stream().sorted().toList()).orElse(List.of())
                .forEach(role -> roles.add(badge(RoleLabels.label(getLocale(), role), null)));
        if (roles.getComponentCount() == 0) {
            roles.add(new Span(getTranslation("tenant.organization.noRoles")));
        }
        add(roles);

        add(new H2(getTranslation("tenant.organization.members")));
        Grid<Member> members = new Grid<>(Member.class, false);
        members.setId("members");
        members.addColumn(Member::displayName).setHeader(getTranslation("tenant.organization.column.name")).setSortable(true).setAutoWidth(true);
        members.addColumn(Member::username).setHeader(getTranslation("tenant.organization.column.username")).setSortable(true).setAutoWidth(true);
        members.addColumn(Member::email).setHeader(getTranslation("tenant.organization.column.email")).setAutoWidth(true);
        members.addColumn(m -> join(m.roles().stream().map(r -> RoleLabels.label(getLocale(), r)).toList())).setHeader(getTranslation("tenant.organization.column.roles")).setAutoWidth(true);
        members.addColumn(m -> m.lastSeenAt() == null ? getTranslation("tenant.organization.neverSignedIn")
                        : Formats.dateTimeUtc(getLocale(), m.lastSeenAt()))
                .setHeader(getTranslation("tenant.organization.column.lastSeen")).setAutoWidth(true);
        members.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        members.setEmptyStateText(getTranslation("tenant.organization.noMembers"));
        members.setItems(tenants.membersOfCurrentTenant());
        members.setAllRowsVisible(true);
        add(members);

        extensions.orderedStream().flatMap(extension -> extension.create().stream()).forEach(this::add);
    }

    @Override
    public String getPageTitle() {
        return getTranslation("tenant.organization.title");
    }

    private static Span badge(String text, String id) {
        Span badge = new Span(text);
        badge.getElement().getThemeList().add("badge");
        if (id != null) {
            badge.setId(id);
        }
        return badge;
    }

    private static String join(Collection<String> values) {
        return String.join(", ", values.stream().sorted().toList());
    }
}
