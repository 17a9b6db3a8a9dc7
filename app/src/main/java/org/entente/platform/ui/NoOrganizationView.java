package org.entente.platform.ui;

import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.spring.security.AuthenticationContext;
import jakarta.annotation.security.PermitAll;
import java.util.List;
import org.entente.platform.security.CurrentUser;
import org.entente.tenant.Affiliation;

/** Shown to a signed-in person whose token does not name exactly one registered organization. */
@Route(value = "no-organization", autoLayout = false)
@PermitAll
public class NoOrganizationView extends AccessProblemView implements HasDynamicTitle {

    public NoOrganizationView(CurrentUser currentUser, AuthenticationContext authentication) {
        super(authentication);
        Affiliation affiliation = currentUser.get().map(u -> u.affiliation()).orElse(new Affiliation.Unaffiliated());
        switch (affiliation) {
            case Affiliation.Ambiguous(List<String> aliases) -> show(getTranslation("platform.noOrganization.several.heading"),
                    List.of(getTranslation("platform.noOrganization.several.text", String.join(", ", aliases)),
                            getTranslation("platform.noOrganization.several.help")));
            case Affiliation.Unregistered(String alias) -> show(getTranslation("platform.noOrganization.unregistered.heading"),
                    List.of(getTranslation("platform.noOrganization.unregistered.text", alias),
                            getTranslation("platform.noOrganization.unregistered.help")));
            case Affiliation.Affiliated a -> show(getTranslation("platform.noOrganization.affiliated.heading"),
                    List.of(getTranslation("platform.noOrganization.affiliated.text", a.alias())));
            case Affiliation.Unaffiliated u -> show(getTranslation("platform.noOrganization.none.heading"),
                    List.of(getTranslation("platform.noOrganization.none.text"),
                            getTranslation("platform.noOrganization.none.help")));
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("platform.noOrganization.title");
    }
}
