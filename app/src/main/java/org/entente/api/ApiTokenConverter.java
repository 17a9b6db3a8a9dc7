package org.entente.api;

import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.entente.api.clients.ApiClientService;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.TenantScope;
import org.entente.platform.security.BearerSignIn;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.Affiliation;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.InvalidBearerTokenException;

/**
 * A verified token of the realm → the caller, or a refusal (401). The tenant comes from the organization claim Keycloak
 * signed, mapped exactly as at sign-in ({@link BearerSignIn}); then the token's client must be one of that
 * organization's API clients and not revoked. A person's own access token (client {@code entente-app}) is no API
 * client's, so it is refused too: the API is for partner systems.
 */
class ApiTokenConverter implements Converter<Jwt, AbstractAuthenticationToken> {

    private final BearerSignIn signIn;
    private final ApiClientService clients;

    ApiTokenConverter(BearerSignIn signIn, ApiClientService clients) {
        this.signIn = signIn;
        this.clients = clients;
    }

    /**
     * The principal of each token, while it is valid: the sign-in (member row, SIGN_IN audit event) happens once per
     * token, as once per session for a person, not on every call. What can change during a token's life is checked on
     * every call all the same: the client's revocation here, the tenant's status by the transaction manager.
     */
    private final Map<String, SignedIn> signedIn = new ConcurrentHashMap<>();

    private record SignedIn(SignedInUser user, Instant expires) {
    }

    @Override
    public AbstractAuthenticationToken convert(Jwt token) {
        SignedInUser user = principal(token);
        if (!(user.affiliation() instanceof Affiliation.Affiliated affiliated)) {
            throw new InvalidBearerTokenException("The token names no organization (or more than one)");
        }
        String clientId = token.getClaimAsString(BearerSignIn.CLIENT_CLAIM);
        // The check runs in the token's own tenant: row-level security finds only that organization's clients.
        boolean active = clientId != null && TenantScope.callAs(new Actor(affiliated.tenantId(), user.memberId()),
                () -> clients.isActive(clientId));
        if (!active) {
            throw new InvalidBearerTokenException("The token is not of an active API client of its organization");
        }
        return new ApiAuthentication(user, token, clientId);
    }

    private SignedInUser principal(Jwt token) {
        String key = token.getId() != null ? token.getId() : token.getTokenValue();
        SignedIn known = signedIn.get(key);
        Instant now = Instant.now();
        if (known != null && known.expires().isAfter(now)) {
            return known.user();
        }
        SignedInUser user;
        try {
            user = signIn.signIn(token);
        } catch (IllegalArgumentException e) {
            throw new InvalidBearerTokenException("The token lacks a subject or preferred_username");
        }
        if (signedIn.size() > 10_000) {
            signedIn.values().removeIf(entry -> !entry.expires().isAfter(now));
        }
        signedIn.put(key, new SignedIn(user, token.getExpiresAt() == null ? now : token.getExpiresAt()));
        return user;
    }
}
