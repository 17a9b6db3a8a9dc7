package org.entente.tenant.admin;

import java.sql.SQLException;
import java.util.UUID;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.security.CurrentUser;
import org.entente.platform.i18n.Text;
import org.entente.platform.keycloak.KeycloakUnavailableException;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.Affiliation;
import org.entente.tenant.TenantService;
import org.entente.tenant.TenantStatus;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may administer what, decided from the signed-in token only: platform administrators (realm role
 * platform-admin) manage tenants; a tenant admin manages members of their own, active tenant only.
 */
@Component
class Administrators {

    /** The acting tenant admin and the tenant (= their token's organization) they may administer. */
    record TenantAdmin(UUID memberId, UUID tenantId, String alias) {
    }

    private final CurrentUser currentUser;
    private final TenantService tenants;

    Administrators(CurrentUser currentUser, TenantService tenants) {
        this.currentUser = currentUser;
        this.tenants = tenants;
    }

    SignedInUser requirePlatformAdmin() {
        SignedInUser user = currentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!user.roles().contains(EntenteRealm.ROLE_PLATFORM_ADMIN)) {
            throw new AccessDeniedException("Only platform administrators manage tenants");
        }
        return user;
    }

    boolean isPlatformAdmin() {
        return currentUser.get().map(u -> u.roles().contains(EntenteRealm.ROLE_PLATFORM_ADMIN)).orElse(false);
    }

    TenantAdmin requireTenantAdmin() {
        SignedInUser user = currentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!(user.affiliation() instanceof Affiliation.Affiliated affiliated)
                || !user.roles().contains(EntenteRealm.ROLE_TENANT_ADMIN)) {
            throw new AccessDeniedException("Only a tenant admin manages the members of their own organization");
        }
        // Read fresh: a suspension reaches open sessions on their next service call, not only on navigation.
        boolean active = tenants.currentTenant().map(t -> t.status() == TenantStatus.ACTIVE).orElse(false);
        if (!active) {
            throw new AdministrationException(Text.of("admin.error.organizationInactive"));
        }
        return new TenantAdmin(user.memberId(), affiliated.tenantId(), affiliated.alias());
    }

    /**
     * Keycloak did not answer: said with the address tried. (The exception's own message is English only; the
     * address is the admin client's.)
     */
    static AdministrationException keycloakUnreachable(String serverUri, KeycloakUnavailableException e) {
        return new AdministrationException(Text.of("admin.error.keycloakUnreachable", serverUri), e);
    }

    /** What went wrong in Keycloak, as an argument of a longer message: translated when it did not answer. */
    static Object keycloakProblem(String serverUri, RuntimeException e) {
        return e instanceof KeycloakUnavailableException
                ? Text.of("admin.error.keycloakUnreachable", serverUri)
                : e.getMessage(); // Keycloak's own answer (status and body): quoted as it came
    }

    /** The first line of PostgreSQL's message, without the "ERROR: " prefix. */
    static String databaseMessage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getMessage() != null) {
                String message = sql.getMessage().lines().findFirst().orElse("");
                return message.startsWith("ERROR: ") ? message.substring("ERROR: ".length()) : message;
            }
        }
        return failure.getMessage();
    }

    static String sqlState(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
