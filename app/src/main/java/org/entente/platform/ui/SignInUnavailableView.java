package org.entente.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.HasDynamicTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.entente.platform.security.IdentityProviderProbe;

/**
 * Where a browser lands instead of Keycloak while Keycloak does not answer: on the way to sign in, or after signing
 * out (then Keycloak's own session may still be open). The response is a 503 then (see the security configuration).
 * Reloaded once Keycloak answers again, it says so.
 */
@Route(value = IdentityProviderProbe.UNAVAILABLE_ROUTE, autoLayout = false)
@AnonymousAllowed
public class SignInUnavailableView extends VerticalLayout implements BeforeEnterObserver, HasDynamicTitle {

    private final IdentityProviderProbe identityProvider;

    public SignInUnavailableView(IdentityProviderProbe identityProvider) {
        this.identityProvider = identityProvider;
        addClassName("access-problem");
        setId("sign-in-unavailable");
    }

    @Override
    public void beforeEnter(BeforeEnterEvent event) {
        boolean signedOut = event.getLocation().getQueryParameters().getParameters()
                .containsKey(IdentityProviderProbe.SIGNED_OUT_PARAMETER);
        // A full page load, so that the sign-in starts over (and asks Keycloak again).
        Anchor again = new Anchor("", getTranslation("platform.tryAgain"));
        again.setRouterIgnore(true);
        again.setId("sign-in-again");
        removeAll();
        if (signedOut) {
            add(new H1(getTranslation("platform.signInUnavailable.signedOut.heading")),
                    new Paragraph(getTranslation("platform.signInUnavailable.signedOut.text")));
        }
        if (identityProvider.answers()) {
            again.setText(getTranslation("platform.signInUnavailable.signIn"));
            add(heading(getTranslation("platform.signInUnavailable.back.heading"), signedOut),
                    new Paragraph(getTranslation("platform.signInUnavailable.back.text")), again);
        } else {
            add(heading(getTranslation("platform.signInUnavailable.heading"), signedOut),
                    new Paragraph(getTranslation("platform.signInUnavailable.text")),
                    new Paragraph(getTranslation("platform.signInUnavailable.later")), again);
        }
    }

    @Override
    public String getPageTitle() {
        return getTranslation("platform.signInUnavailable.title");
    }

    private static Component heading(String text, boolean second) {
        return second ? new H2(text) : new H1(text);
    }
}
