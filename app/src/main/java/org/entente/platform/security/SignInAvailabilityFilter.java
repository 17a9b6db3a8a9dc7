package org.entente.platform.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpServletResponseWrapper;
import java.io.IOException;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Sends a browser on its way to Keycloak only when Keycloak answers; otherwise to the app's sign-in-unavailable
 * page, which then answers 503 (Service Unavailable) rather than 200, so monitors and proxies see the outage.
 * People already signed in are not affected: their app session does not need Keycloak.
 */
final class SignInAvailabilityFilter extends OncePerRequestFilter {

    private static final String AUTHORIZATION_PATH = "/oauth2/authorization/";
    private static final String UNAVAILABLE_PATH = "/" + IdentityProviderProbe.UNAVAILABLE_ROUTE;

    private final IdentityProviderProbe identityProvider;

    SignInAvailabilityFilter(IdentityProviderProbe identityProvider) {
        this.identityProvider = identityProvider;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        if (path.startsWith(AUTHORIZATION_PATH) && !identityProvider.answers()) {
            response.sendRedirect(request.getContextPath() + UNAVAILABLE_PATH);
            return;
        }
        if (path.equals(UNAVAILABLE_PATH) && !identityProvider.answers()) {
            response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
            response.setHeader("Retry-After", "120"); // i18n-ok: an HTTP header, not a text people read
            chain.doFilter(request, new ServiceUnavailable(response));
            return;
        }
        chain.doFilter(request, response);
    }

    /** Vaadin sets 200 for a page it rendered; the page itself tells of an outage. */
    private static final class ServiceUnavailable extends HttpServletResponseWrapper {

        ServiceUnavailable(HttpServletResponse response) {
            super(response);
        }

        @Override
        public void setStatus(int status) {
            super.setStatus(status == SC_OK ? SC_SERVICE_UNAVAILABLE : status);
        }
    }
}
