package org.entente.platform.audit;

import static org.entente.db.jooq.Tables.AUDIT_CHAIN_BREAKS;
import static org.entente.db.jooq.Tables.AUDIT_CHAIN_LENGTHS;

import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.i18n.Text;
import org.entente.platform.security.CurrentUser;
import org.entente.platform.validation.NotAllowed;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The tamper check of the audit trail: every tenant's events are a hash chain in the database (V40), and this
 * reports the first broken link — an event changed, removed or slipped in behind the app's back. Tenant
 * administrators see their own organization's chain; platform administrators check the whole federation.
 */
@Service
public class AuditChain {

    /** Where a tenant's chain first breaks: the event's position, its id, and what is wrong there. */
    public record Break(UUID tenantId, long position, long eventId, String problem) {

        /** The database's words for the problem (audit_chain_breaks, V40), as a text for the reader's language. */
        public Text problemText() {
            return switch (problem) {
                case "an event before this one is missing" -> Text.of("audit.chain.problem.missing");
                case "does not link to the event before it" -> Text.of("audit.chain.problem.unlinked");
                case "changed after it was recorded" -> Text.of("audit.chain.problem.changed");
                default -> Text.of("audit.chain.problem.other", problem);
            };
        }
    }

    /** A tenant's chain: how many events, and the first break if there is one. */
    public record Status(long events, Optional<Break> firstBreak) {

        public boolean intact() {
            return firstBreak.isEmpty();
        }
    }

    private final DSLContext dsl;
    private final CurrentUser currentUser;

    AuditChain(DSLContext dsl, CurrentUser currentUser) {
        this.dsl = dsl;
        this.currentUser = currentUser;
    }

    /** The signed-in tenant administrator's own organization's chain. */
    @Transactional(readOnly = true)
    public Status ofOwnOrganization() {
        if (!currentUser.get().map(u -> u.roles().contains(AuditTrail.TENANT_ADMIN)).orElse(false)) {
            throw new NotAllowed("audit.error.checkOwnOnly");
        }
        UUID tenant = currentUser.currentActor().map(org.entente.db.tenancy.Actor::tenantId)
                .orElseThrow(() -> new NotAllowed("audit.error.noOrganization"));
        long events = dsl.select(AUDIT_CHAIN_LENGTHS().EVENTS).from(AUDIT_CHAIN_LENGTHS())
                .where(AUDIT_CHAIN_LENGTHS().TENANT_ID.eq(tenant)).fetchOptional(AUDIT_CHAIN_LENGTHS().EVENTS)
                .orElse(0L);
        return new Status(events, breaks().stream().filter(b -> b.tenantId().equals(tenant)).findFirst());
    }

    /** Every broken chain of the federation, one entry per tenant; empty when all are intact. Platform admins only. */
    @Transactional(readOnly = true)
    public List<Break> federation() {
        if (!currentUser.get().map(u -> u.roles().contains(EntenteRealm.ROLE_PLATFORM_ADMIN)).orElse(false)) {
            throw new NotAllowed("audit.error.checkFederationOnly");
        }
        return breaks();
    }

    private List<Break> breaks() {
        return dsl.selectFrom(AUDIT_CHAIN_BREAKS()).fetch(r -> new Break(r.getTenantId(), r.getSeq(), r.getEventId(),
                r.getProblem()));
    }
}
