package org.entente.tenant;

import static org.entente.db.jooq.Tables.AUDIT_EVENT;
import static org.entente.db.jooq.Tables.MEMBER;
import static org.entente.db.jooq.Tables.TENANT;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.entente.db.jooq.Tables;
import org.entente.db.jooq.tables.records.MemberRecord;
import org.entente.db.jooq.tables.records.TenantRecord;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.db.tenancy.TenantScope;
import org.entente.platform.validation.SqlState;
import org.entente.tenant.Affiliation.Affiliated;
import org.entente.tenant.Affiliation.Ambiguous;
import org.entente.tenant.Affiliation.Unaffiliated;
import org.entente.tenant.Affiliation.Unregistered;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/** Tenants and their members: first-login provisioning and the signed-in user's own organization. */
@Service
public class TenantService {

    /** Raised by provision_tenant() when a new organization's kind is unknown (see V1__tenancy_core.sql). */
    static final String UNKNOWN_KIND_SQLSTATE = "EN001";

    private static final Logger log = LoggerFactory.getLogger(TenantService.class);

    private final DSLContext dsl;
    private final ActorSource actors;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;

    TenantService(DSLContext dsl, ActorSource actors, PlatformTransactionManager transactionManager) {
        this.dsl = dsl;
        this.actors = actors;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /**
     * Creates or updates the tenant and member rows a verified token describes. Idempotent, and safe
     * when several people of a new organization sign in at once (the tenant upsert is keyed by alias).
     */
    public Affiliation signIn(SignIn signIn) {
        List<OrganizationRef> organizations = signIn.organizations();
        if (organizations.isEmpty()) {
            return new Unaffiliated();
        }
        if (organizations.size() > 1) {
            return new Ambiguous(organizations.stream().map(OrganizationRef::alias).sorted().toList());
        }
        OrganizationRef organization = organizations.getFirst();
        UUID tenantId;
        try {
            // No tenant context exists yet: provision_tenant is the one SECURITY DEFINER entry point.
            tenantId = transactions.execute(status -> dsl
                    .selectFrom(Tables.PROVISION_TENANT(organization.alias(), null,
                            knownKind(organization.attribute("kind")), organization.attribute("region")))
                    .fetchSingle()
                    .getTenantId());
        } catch (RuntimeException e) {
            // jOOQ's or Spring's DataAccessException, depending on the path; the SQLSTATE decides.
            if (SqlState.is(e, UNKNOWN_KIND_SQLSTATE)) {
                log.warn("Organization '{}' signed in but is not registered and its kind is unknown",
                        organization.alias());
                return new Unregistered(organization.alias());
            }
            throw e;
        }
        TenantScope.runAs(new Actor(tenantId, signIn.memberId()),
                () -> transactions.executeWithoutResult(status -> recordMember(tenantId, signIn)));
        return new Affiliated(tenantId, organization.alias());
    }

    private void recordMember(UUID tenantId, SignIn signIn) {
        String[] roles = signIn.roles().stream().sorted().toArray(String[]::new);
        dsl.insertInto(MEMBER)
                .set(MEMBER.TENANT_ID, tenantId)
                .set(MEMBER.ID, signIn.memberId())
                .set(MEMBER.USERNAME, signIn.username())
                .set(MEMBER.DISPLAY_NAME, signIn.displayName())
                .set(MEMBER.EMAIL, signIn.email())
                .set(MEMBER.ROLES, roles)
                .set(MEMBER.LAST_SEEN_AT, DSL.currentOffsetDateTime())
                .onConflict(MEMBER.TENANT_ID, MEMBER.ID)
                .doUpdate()
                .set(MEMBER.USERNAME, signIn.username())
                .set(MEMBER.DISPLAY_NAME, signIn.displayName())
                .set(MEMBER.EMAIL, signIn.email())
                .set(MEMBER.ROLES, roles)
                .set(MEMBER.LAST_SEEN_AT, DSL.currentOffsetDateTime())
                // Signing in through the organization makes an invited (or reconciled-away) member active.
                .set(MEMBER.STATUS, "ACTIVE")
                .set(MEMBER.UPDATED_AT, DSL.currentOffsetDateTime())
                .execute();
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.ACTION, "SIGN_IN")
                .set(AUDIT_EVENT.ENTITY_TYPE, "member")
                .set(AUDIT_EVENT.ENTITY_ID, signIn.memberId().toString())
                .set(AUDIT_EVENT.DETAILS, JSONB.valueOf("{}"))
                .execute();
    }

    /**
     * The signed-in user's own tenant, read fresh (its status can change while they work). Read in an explicit scope
     * of the user: the transaction manager refuses every other transaction of a suspended or offboarded tenant's
     * member, and this is the one read that tells them so (the access guard, the "organization unavailable" page).
     * It joins the caller's transaction if there is one.
     */
    public Optional<Tenant> currentTenant() {
        return actors.currentActor().flatMap(actor -> TenantScope.callAs(actor, () -> readOnly.execute(status ->
                dsl.selectFrom(TENANT)
                        .where(TENANT.ID.eq(actor.tenantId()))
                        .fetchOptional()
                        .map(TenantService::toTenant))));
    }

    /** Members of the signed-in user's own tenant only; row-level security enforces the same. */
    @Transactional(readOnly = true)
    public List<Member> membersOfCurrentTenant() {
        return actors.currentActor().map(actor -> dsl.selectFrom(MEMBER)
                .where(MEMBER.TENANT_ID.eq(actor.tenantId()))
                .orderBy(MEMBER.DISPLAY_NAME)
                .fetch(TenantService::toMember))
                .orElse(List.of());
    }

    private static String knownKind(String kind) {
        if (kind == null) {
            return null;
        }
        return Arrays.stream(TenantKind.values()).map(Enum::name)
                .filter(name -> name.equalsIgnoreCase(kind.trim())).findFirst().orElse(null);
    }

    private static Tenant toTenant(TenantRecord r) {
        return new Tenant(r.getId(), r.getAlias(), r.getName(), TenantKind.valueOf(r.getKind()), r.getRegion(),
                TenantStatus.valueOf(r.getStatus()));
    }

    private static Member toMember(MemberRecord r) {
        return new Member(r.getTenantId(), r.getId(), r.getUsername(), r.getDisplayName(), r.getEmail(),
                List.of(r.getRoles()), r.getLastSeenAt());
    }
}
