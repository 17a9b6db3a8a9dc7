package org.entente.platform.security;

import java.util.Collection;
import java.util.Set;
import java.util.UUID;
import org.entente.tenant.Affiliation;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.oauth2.core.oidc.user.DefaultOidcUser;
import org.springframework.security.oauth2.core.oidc.user.OidcUser;

/** The authenticated principal: the verified OIDC user plus the tenant decided at sign-in. */
public class SignedInUser extends DefaultOidcUser {

    private final UUID memberId;
    private final Set<String> roles;
    private final Affiliation affiliation;

    /**
     * Built by the sign-in from a verified token and {@code TenantService.signIn}'s affiliation; service tests and
     * the benchmark build one the same way to act as a person without a browser.
     */
    public SignedInUser(OidcUser user, Collection<? extends GrantedAuthority> authorities, UUID memberId,
            Set<String> roles, Affiliation affiliation) {
        super(authorities, user.getIdToken(), user.getUserInfo(), "preferred_username");
        this.memberId = memberId;
        this.roles = Set.copyOf(roles);
        this.affiliation = affiliation;
    }

    public UUID memberId() {
        return memberId;
    }

    public Set<String> roles() {
        return roles;
    }

    public Affiliation affiliation() {
        return affiliation;
    }

    public String displayName() {
        String fullName = getFullName();
        return fullName == null || fullName.isBlank() ? getPreferredUsername() : fullName;
    }
}
