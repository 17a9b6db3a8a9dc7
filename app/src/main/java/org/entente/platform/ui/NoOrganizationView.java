package org.entente.platform.ui;

import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.entente.platform.security.CurrentUser;
import org.entente.tenant.Affiliation;

/** Shown to a signed-in person whose token does not name exactly one registered organization. */
@Route(value = "no-organization", autoLayout = false)
@PageTitle("No organization · Entente")
@PermitAll
public class NoOrganizationView extends AccessProblemView {

    public NoOrganizationView(CurrentUser currentUser, AuthenticationContext authentication) {
        super(authentication);
        Affiliation affiliation = currentUser.get().map(u -> u.affiliation()).orElse(new Affiliation.Unaffiliated());
        String help = "Ask your organization's Entente administrator to add your account to your organization.";
        switch (affiliation) {
            case Affiliation.Ambiguous(List<String> aliases) -> show("Several organizations",
                    List.of("Your account belongs to several organizations (" + String.join(", ", aliases)
                            + "). Entente works for one organization per account.",
                            "Ask your administrator to keep only the organization you work for."));
            case Affiliation.Unregistered(String alias) -> show("Organization not registered",
                    List.of("Your organization \"" + alias + "\" is not registered as an Entente partner yet.",
                            "A platform administrator has to register it before its members can work here."));
            case Affiliation.Affiliated a -> show("You belong to an organization",
                    List.of("Your account belongs to " + a.alias() + ". Go back to the workspace."));
            case Affiliation.Unaffiliated u -> show("No organization",
                    List.of("Your account is not a member of any partner organization, so there is no workspace "
                            + "for you in Entente.", help));
        }
    }
}
