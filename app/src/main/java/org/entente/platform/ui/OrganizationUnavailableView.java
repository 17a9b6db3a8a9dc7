package org.entente.platform.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.entente.tenant.Tenant;
import org.entente.tenant.TenantService;
import org.entente.tenant.TenantStatus;

/** Shown to members of a suspended or offboarded organization: their data is kept, access is not. */
@Route(value = "organization-unavailable", autoLayout = false)
@PageTitle("Organization unavailable · Entente")
@PermitAll
public class OrganizationUnavailableView extends AccessProblemView {

    public OrganizationUnavailableView(TenantService tenants, AuthenticationContext authentication) {
        super(authentication);
        Tenant tenant = tenants.currentTenant().orElse(null);
        if (tenant == null) {
            show("Organization unavailable", List.of("Your organization is not available in Entente."));
        } else if (tenant.status() == TenantStatus.SUSPENDED) {
            show("Organization suspended", List.of(tenant.name() + " is suspended in Entente. Its members cannot "
                    + "work here until a platform administrator reactivates it. No data has been deleted."));
        } else if (tenant.status() == TenantStatus.OFFBOARDED) {
            show("Organization offboarded", List.of(tenant.name() + " has left Entente. Its members can no longer "
                    + "sign in to the workspace."));
        } else {
            show("Organization available", List.of(tenant.name() + " is active. Go back to the workspace."));
        }
    }
}
