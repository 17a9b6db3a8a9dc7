package org.entente.tenant.ui;

import com.vaadin.flow.component.grid.Grid;
import com.vaadin.flow.component.grid.GridVariant;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Span;
import com.vaadin.flow.component.orderedlayout.HorizontalLayout;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.Menu;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import jakarta.annotation.security.PermitAll;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Collection;
import java.util.List;
import org.entente.platform.security.CurrentUser;
import org.entente.tenant.Member;
import org.entente.tenant.Tenant;
import org.entente.tenant.TenantService;
import org.springframework.beans.factory.ObjectProvider;

/**
 * Where partner staff land after sign-in: their organization, their roles, and its members; below them the sections
 * other features add ({@link OrganizationPageExtension}, e.g. what the organization publishes).
 */
@Route("organization")
@PageTitle("My organization · Entente")
@Menu(title = "My organization", order = 9, icon = "vaadin:building")
@PermitAll
public class MyOrganizationView extends VerticalLayout {

    private static final DateTimeFormatter LAST_SEEN =
            DateTimeFormatter.ofLocalizedDateTime(FormatStyle.MEDIUM).withZone(ZoneId.systemDefault());

    public MyOrganizationView(TenantService tenants, CurrentUser currentUser,
            ObjectProvider<OrganizationPageExtension> extensions) {
        Tenant tenant = tenants.currentTenant().orElse(null);
        if (tenant == null) {
            add(new H1("My organization"), new Span("Your organization is not available."));
            return;
        }
        H1 name = new H1(tenant.name());
        name.setId("organization-name");
        Span kind = badge(tenant.kind().label(), "organization-kind");
        Span region = badge(tenant.region() == null ? "No region" : tenant.region(), "organization-region");
        Span alias = badge(tenant.alias(), "organization-alias");
        add(name, new HorizontalLayout(kind, region, alias));

        add(new H2("Your roles"));
        HorizontalLayout roles = new HorizontalLayout();
        roles.setId("my-roles");
        currentUser.get().map(u -> u.roles().stream().sorted().toList()).orElse(List.of())
                .forEach(role -> roles.add(badge(role, null)));
        if (roles.getComponentCount() == 0) {
            roles.add(new Span("You have no roles in Entente yet."));
        }
        add(roles);

        add(new H2("Members"));
        Grid<Member> members = new Grid<>(Member.class, false);
        members.setId("members");
        members.addColumn(Member::displayName).setHeader("Name").setSortable(true).setAutoWidth(true);
        members.addColumn(Member::username).setHeader("Username").setSortable(true).setAutoWidth(true);
        members.addColumn(Member::email).setHeader("Email").setAutoWidth(true);
        members.addColumn(m -> join(m.roles())).setHeader("Roles").setAutoWidth(true);
        members.addColumn(m -> m.lastSeenAt() == null ? "Never signed in" : LAST_SEEN.format(m.lastSeenAt()))
                .setHeader("Last seen").setAutoWidth(true);
        members.addThemeVariants(GridVariant.LUMO_ROW_STRIPES);
        members.setEmptyStateText("No members have signed in yet.");
        members.setItems(tenants.membersOfCurrentTenant());
        members.setAllRowsVisible(true);
        add(members);

        extensions.orderedStream().flatMap(extension -> extension.create().stream()).forEach(this::add);
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
