package org.entente.platform.ui;

import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.server.ServiceInitEvent;
import com.vaadin.flow.server.VaadinServiceInitListener;
import jakarta.annotation.security.RolesAllowed;
import java.util.Arrays;
import java.util.Set;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.security.CurrentUser;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.Affiliation;
import org.entente.tenant.TenantService;
import org.entente.tenant.TenantStatus;
import org.springframework.stereotype.Component;

/**
 * Before every navigation: a signed-in person without a tenant, or whose tenant is no longer ACTIVE,
 * sees the page that says so instead of the workspace. The status is read fresh each time, so a
 * suspension reaches sessions that are already open.
 */
@Component
class TenantAccessGuard implements VaadinServiceInitListener {

    private static final Set<Class<?>> PROBLEM_VIEWS = Set.of(NoOrganizationView.class,
            OrganizationUnavailableView.class, UnexpectedErrorView.class,
            PageUnavailableView.class);

    /** Where a platform administrator without organization lands (the tenants screen). */
    static final String PLATFORM_HOME = "tenants";

    private final CurrentUser currentUser;
    private final TenantService tenants;

    TenantAccessGuard(CurrentUser currentUser, TenantService tenants) {
        this.currentUser = currentUser;
        this.tenants = tenants;
    }

    @Override
    public void serviceInit(ServiceInitEvent event) {
        event.getSource().addUIInitListener(init -> init.getUI().addBeforeEnterListener(this::check));
    }

    private void check(BeforeEnterEvent event) {
        if (PROBLEM_VIEWS.contains(event.getNavigationTarget())) {
            return;
        }
        SignedInUser user = currentUser.get().orElse(null);
        if (user == null) {
            return; // not signed in: Vaadin's access control sends the browser to Keycloak
        }
        if (!(user.affiliation() instanceof Affiliation.Affiliated)) {
            // Platform administrators belong to no organization: they work on the platform screens only.
            if (user.roles().contains(EntenteRealm.ROLE_PLATFORM_ADMIN)) {
                if (!platformView(event.getNavigationTarget())) {
                    event.forwardTo(PLATFORM_HOME);
                }
                return;
            }
            event.rerouteTo(NoOrganizationView.class);
            return;
        }
        boolean active = tenants.currentTenant().map(t -> t.status() == TenantStatus.ACTIVE).orElse(false);
        if (!active) {
            event.rerouteTo(OrganizationUnavailableView.class);
        }
    }

    /** Views a platform administrator without an organization can use. */
    static boolean platformView(Class<?> target) {
        RolesAllowed roles = target.getAnnotation(RolesAllowed.class);
        return roles != null && Arrays.asList(roles.value()).contains(EntenteRealm.ROLE_PLATFORM_ADMIN);
    }
}
