package org.entente.platform.security;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.entente.tenant.Affiliation;
import org.entente.tenant.OrganizationRef;
import org.entente.tenant.SignIn;
import org.entente.tenant.TenantService;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.core.oidc.OidcIdToken;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;

/**
 * Service-level tests act as a signed-in person: the principal the app would build from a verified token
 * (the same {@link TenantService#signIn} provisioning), put into the security context for the duration of
 * the work. Browser tests sign in through the real Keycloak instead.
 */
public final class SignedInAs {

    private SignedInAs() {
    }

    /** Signs in (provisioning like a real sign-in) with the given token claims. */
    public static SignedInUser user(TenantService tenants, UUID id, String username, String displayName, String email,
            Set<String> roles, String organizationAlias) {
        List<OrganizationRef> organizations = organizationAlias == null ? List.of()
                : List.of(new OrganizationRef(organizationAlias, java.util.Map.of()));
        SignIn signIn = new SignIn(id, username, displayName, email, roles, organizations);
        Affiliation affiliation = tenants.signIn(signIn);
        Set<GrantedAuthority> authorities = new HashSet<>();
        roles.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        OidcIdToken token = OidcIdToken.withTokenValue("test-" + id).subject(id.toString())
                .claim("preferred_username", username).claim("name", displayName).claim("email", email).issuedAt(Instant.now())
                .expiresAt(Instant.now().plusSeconds(3600)).build();
        return new SignedInUser(new DefaultOidcUser(authorities, token), authorities, id, roles, affiliation);
    }

    public static <T> T call(SignedInUser user, Supplier<T> work) {
        var previous = SecurityContextHolder.getContext().getAuthentication();
        SecurityContextHolder.getContext().setAuthentication(
                UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            SecurityContextHolder.getContext().setAuthentication(previous);
        }
    }

    public static void run(SignedInUser user, Runnable work) {
        call(user, () -> {
            work.run();
            return null;
        });
    }
}
