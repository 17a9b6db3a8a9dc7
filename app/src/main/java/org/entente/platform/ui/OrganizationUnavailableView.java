package org.entente.platform.ui;

import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.entente.tenant.Tenant;
import org.entente.tenant.TenantService;
import org.entente.tenant.TenantStatus;

/** Shown to members of a suspended or offboarded organization: their data is kept, access is not. */
@Route(value = "organization-unavailable", autoLayout = false)
@PermitAll
public class OrganizationUnavailableView extends AccessProblemView implements HasDynamicTitle {

    public OrganizationUnavailableView(TenantService tenants, AuthenticationContext authentication) {
        super(authentication);
        Tenant tenant = tenants.currentTenant().orElse(null);
        if (tenant == null) {
            show(getTranslation("platform.organizationUnavailable.heading"),
                    List.of(getTranslation("platform.organizationUnavailable.text")));
        } else if (tenant.status() == TenantStatus.SUSPENDED) {
            show(getTranslation("platform.organizationSuspended.heading"),
                    List.of(getTranslation("platform.organizationSuspended.text", tenant.name())));
        } else if (tenant.status() == TenantStatus.OFFBOARDED) {
            show(getTranslation("platform.organizationOffboarded.heading"),
                    List.of(getTranslation("platform.organizationOffboarded.text", tenant.name())));
        } else {
            show(getTranslation("platform.organizationAvailable.heading"),
                    List.of(getTranslation("platform.organizationAvailable.text", tenant.name())));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("platform.organizationUnavailable.title");
    }
}
