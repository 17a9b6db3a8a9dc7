package org.entente.bench.app;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.entente.bench.data.Dataset;
import org.entente.platform.security.SignedInUser;
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
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/**
 * A member of a bench tenant acting through the services as a signed-in person: the principal the app builds
 * from a verified token (the same {@link TenantService#signIn} provisioning; the app's tests do the same in
 * SignedInAs), put into the security context of the calling thread for the duration of each call. The tenant
 * then comes from the principal, as in a real request, so the services and row-level security see a normal
 * signed-in user (including the "tenant is active" check on writes).
 *
 * @param tenant the member's organization
 * @param member who acts
 * @param user   the principal; the same object works with both bench apps (one classloader)
 */
record SignedInMember(Dataset.Tenant tenant, Dataset.Member member, SignedInUser user) {

    private static final Set<String> ROLES = Set.of("member");

    /** Signs {@code member} of {@code tenant} in through {@code tenants}, as a first or repeated login would. */
    static SignedInMember signIn(TenantService tenants, Dataset.Tenant tenant, Dataset.Member member) {
        SignIn signIn = new SignIn(member.id(), member.username(), member.displayName(),
                member.username() + "@" + tenant.alias() + ".bench.entente.org", ROLES,
                List.of(new OrganizationRef(tenant.alias(), Map.of())));
        Affiliation affiliation = tenants.signIn(signIn);
        if (!(affiliation instanceof Affiliation.Affiliated)) {
            throw new IllegalStateException(member.username() + " of " + tenant.alias() + " did not sign in: " + affiliation);
        }
        Set<GrantedAuthority> authorities = new HashSet<>();
        ROLES.forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        OidcIdToken token = OidcIdToken.withTokenValue("bench-" + member.id()).subject(member.id().toString())
                .claim("preferred_username", member.username()).claim("name", member.displayName())
                .issuedAt(Instant.now()).expiresAt(Instant.now().plusSeconds(24 * 3600)).build();
        return new SignedInMember(tenant, member, principal(new DefaultOidcUser(authorities, token), authorities,
                member.id(), affiliation));
    }

    private static SignedInUser principal(OidcUser user, Collection<? extends GrantedAuthority> authorities, UUID id,
            Affiliation affiliation) {
        return new SignedInUser(user, authorities, id, ROLES, affiliation);
    }

    UUID tenantId() {
        return tenant.id();
    }

    /** Runs {@code work} on this thread as this member. */
    <T> T call(Supplier<T> work) {
        var context = SecurityContextHolder.getContext();
        var previous = context.getAuthentication();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(user, null, user.getAuthorities()));
        try {
            return work.get();
        } finally {
            context.setAuthentication(previous);
        }
    }
}
