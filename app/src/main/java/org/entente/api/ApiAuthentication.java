package org.entente.api;

import org.entente.platform.security.SignedInUser;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;

/**
 * A partner system's authenticated call: the same {@link SignedInUser} principal as a browser session (so
 * {@code CurrentUser} and the tenant transaction manager see no difference) and the API client it came from.
 */
public class ApiAuthentication extends AbstractAuthenticationToken {

    private final SignedInUser user;
    private final Jwt token;
    private final String clientId;

    ApiAuthentication(SignedInUser user, Jwt token, String clientId) {
        super(user.getAuthorities());
        this.user = user;
        this.token = token;
        this.clientId = clientId;
        setAuthenticated(true);
    }

    @Override
    public SignedInUser getPrincipal() {
        return user;
    }

    @Override
    public Jwt getCredentials() {
        return token;
    }

    @Override
    public String getName() {
        return clientId;
    }

    /** The OAuth2 client id of the API client (its rate limit is kept per client). */
    public String clientId() {
        return clientId;
    }
}
