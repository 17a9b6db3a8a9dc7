package org.entente.platform.security;

import java.util.Optional;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.db.tenancy.TenantScope;
import org.entente.tenant.Affiliation.Affiliated;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Who is acting: an explicit {@link TenantScope} (background work, sign-in) or else the authenticated
 * principal. The tenant always comes from the verified token, never from a URL or a form.
 */
@Component
public class CurrentUser implements ActorSource {

    public Optional<SignedInUser> get() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof SignedInUser user) {
            return Optional.of(user);
        }
        return Optional.empty();
    }

    @Override
    public Optional<Actor> currentActor() {
        return TenantScope.current().or(() -> get().flatMap(user -> user.affiliation() instanceof Affiliated a
                ? Optional.of(new Actor(a.tenantId(), user.memberId()))
                : Optional.empty()));
    }
}
