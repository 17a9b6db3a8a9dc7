package org.entente.platform.ui;

import com.vaadin.flow.component.Component;
import com.vaadin.flow.component.html.Anchor;
import com.vaadin.flow.component.html.H1;
import com.vaadin.flow.component.html.H2;
import com.vaadin.flow.component.html.Paragraph;
import com.vaadin.flow.component.orderedlayout.VerticalLayout;
import com.vaadin.flow.router.BeforeEnterEvent;
import com.vaadin.flow.router.BeforeEnterObserver;
import com.vaadin.flow.router.PageTitle;
import com.vaadin.flow.router.Route;
import com.vaadin.flow.server.auth.AnonymousAllowed;
import org.entente.platform.security.IdentityProviderProbe;

/**
 * Where a browser lands instead of Keycloak while Keycloak does not answer: on the way to sign in, or after signing
 * out (then Keycloak's own session may still be open). The response is a 503 then (see the security configuration).
 * Reloaded once Keycloak answers again, it says so.
 */
@Route(value = IdentityProviderProbe.UNAVAILABLE_ROUTE, autoLayout = false)
@PageTitle("Sign-in unavailable · Entente")
@AnonymousAllowed
public class SignInUnavailableView extends VerticalLayout implements BeforeEnterObserver {

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
        Anchor again = new Anchor("", "Try again");
        again.setRouterIgnore(true);
        again.setId("sign-in-again");
        removeAll();
        if (signedOut) {
            add(new H1("Signed out of Entente"),
                    new Paragraph("Entente could not reach the identity service (Keycloak) to end your session there "
                            + "too. Close this browser to make sure no one else can sign in as you from it."));
        }
        if (identityProvider.answers()) {
            again.setText("Sign in");
            add(heading("Sign-in is available again", signedOut),
                    new Paragraph("Entente reaches the identity service (Keycloak) again."), again);
        } else {
            add(heading("Sign-in is temporarily unavailable", signedOut),
                    new Paragraph("Entente cannot reach the identity service (Keycloak), so no one can sign in right "
                            + "now. If you are already signed in elsewhere, you can go on working there."),
                    new Paragraph("Try again in a few minutes."), again);
        }
    }

    private static Component heading(String text, boolean second) {
        return second ? new H2(text) : new H1(text);
    }
}
