package org.entente.platform.security;

import com.vaadin.flow.spring.security.UidlRedirectStrategy;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.client.oidc.web.logout.OidcClientInitiatedLogoutSuccessHandler;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.web.authentication.logout.LogoutSuccessHandler;

/**
 * After the app session ended: ends the Keycloak session too (RP-initiated logout, back to the app's root). While
 * Keycloak does not answer, that redirect would only show a connection error, so the browser goes to the
 * sign-in-unavailable page instead, which tells the person that the Keycloak session may still be open.
 */
final class KeycloakSignOut implements LogoutSuccessHandler {

    // Sign-out runs inside a Vaadin request (UIDL): the browser is sent on by the UI, not by an HTTP redirect.
    private final RedirectStrategy redirect = new UidlRedirectStrategy();
    private final OidcClientInitiatedLogoutSuccessHandler keycloak;
    private final IdentityProviderProbe identityProvider;

    KeycloakSignOut(ClientRegistrationRepository registrations, IdentityProviderProbe identityProvider) {
        this.keycloak = new OidcClientInitiatedLogoutSuccessHandler(registrations);
        this.keycloak.setPostLogoutRedirectUri("{baseUrl}");
        this.keycloak.setRedirectStrategy(redirect);
        this.identityProvider = identityProvider;
    }

    @Override
    public void onLogoutSuccess(HttpServletRequest request, HttpServletResponse response, Authentication authentication)
            throws IOException, ServletException {
        if (identityProvider.answers()) {
            keycloak.onLogoutSuccess(request, response, authentication);
        } else {
            redirect.sendRedirect(request, response, "/" + IdentityProviderProbe.UNAVAILABLE_ROUTE + "?"
                    + IdentityProviderProbe.SIGNED_OUT_PARAMETER);
        }
    }
}
