package org.entente.platform.security;

import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.entente.tenant.Affiliation;
import org.entente.tenant.SignIn;
import org.entente.tenant.TenantService;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserRequest;
import org.springframework.security.oauth2.client.oidc.userinfo.OidcUserService;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;
import org.springframework.stereotype.Component;

/** Turns a verified Keycloak login into a {@link SignedInUser}, provisioning tenant and member rows. */
@Component
class SignInUserService extends OidcUserService {

    static final String ROLES_CLAIM = "roles";

    private final TenantService tenants;

    SignInUserService(TenantService tenants) {
        this.tenants = tenants;
    }

    @Override
    public OidcUser loadUser(OidcUserRequest request) {
        OidcUser user = super.loadUser(request);
        SignIn signIn = signInOf(user);
        Affiliation affiliation = tenants.signIn(signIn);
        Set<GrantedAuthority> authorities = new HashSet<>(user.getAuthorities());
        signIn.roles().forEach(role -> authorities.add(new SimpleGrantedAuthority("ROLE_" + role)));
        return new SignedInUser(user, authorities, signIn.memberId(), signIn.roles(), affiliation);
    }

    static SignIn signInOf(OidcUser user) {
        String displayName = user.getFullName();
        if (displayName == null || displayName.isBlank()) {
            displayName = user.getPreferredUsername();
        }
        return new SignIn(UUID.fromString(user.getSubject()), user.getPreferredUsername(), displayName,
                user.getEmail(), roles(user.getClaim(ROLES_CLAIM)),
                OrganizationClaim.parse(user.getClaim(OrganizationClaim.NAME)));
    }

    private static Set<String> roles(Object claim) {
        if (claim instanceof Collection<?> values) {
            return Set.copyOf(values.stream().map(String::valueOf).toList());
        }
        return Set.of();
    }

}
