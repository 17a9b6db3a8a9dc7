package org.entente.tenant.admin;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;
import org.entente.db.jooq.Routines;
import org.entente.db.jooq.tables.records.PlatformTenantOverviewRecord;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.TenantScope;
import org.entente.platform.i18n.Text;
import org.entente.platform.keycloak.KeycloakAdminClient;
import org.entente.platform.keycloak.KeycloakAdminClient.Organization;
import org.entente.platform.keycloak.KeycloakAdminClient.UserAccount;
import org.entente.platform.keycloak.KeycloakRequestException;
import org.entente.platform.keycloak.KeycloakUnavailableException;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.TenantKind;
import org.entente.tenant.TenantStatus;
import org.jooq.DSLContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform administrator's tenant lifecycle. Keycloak holds the organization, PostgreSQL the tenant
 * row (same id). Each operation changes Keycloak first and the database second; when the database step
 * fails, the Keycloak step is undone, so neither side is left with half a tenant. Status (suspended,
 * offboarded) is Entente's: the database row is its source of truth.
 */
@Service
public class TenantAdministration {

    static final Pattern ALIAS = Pattern.compile("^[a-z0-9][a-z0-9-]{1,62}$");
    static final Pattern DOMAIN = Pattern.compile("^(?=.{4,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\\.)+[a-z]{2,63}$");
    private static final String UNIQUE_VIOLATION = "23505";
    private static final String NOT_APPLICABLE = "EN040";
    private static final String NO_SUCH_TENANT = "EN041";

    private static final Logger log = LoggerFactory.getLogger(TenantAdministration.class);

    private final DSLContext dsl;
    private final TransactionTemplate transactions;
    private final Administrators administrators;
    private final KeycloakAdminClient keycloak;

    TenantAdministration(DSLContext dsl, PlatformTransactionManager transactionManager, Administrators administrators,
            KeycloakAdminClient keycloak) {
        this.dsl = dsl;
        this.transactions = new TransactionTemplate(transactionManager);
        this.administrators = administrators;
        this.keycloak = keycloak;
    }

    /** Every tenant, by name. */
    public List<TenantSummary> tenants() {
        administrators.requirePlatformAdmin();
        return overview();
    }

    List<TenantSummary> overview() {
        return transactions.execute(status -> Routines.platformTenantOverview(dsl.configuration()))
                .map(TenantAdministration::toSummary);
    }

    /** The email domains of a tenant's Keycloak organization (empty if it has none or is missing). */
    public List<String> emailDomains(UUID tenantId) {
        administrators.requirePlatformAdmin();
        TenantSummary tenant = find(tenantId);
        return keycloak.organizationByAlias(tenant.alias()).map(Organization::domainNames).orElse(List.of());
    }

    /** Creates the Keycloak organization and the tenant row together; returns the tenant id. */
    public UUID create(TenantDraft draft) {
        SignedInUser admin = administrators.requirePlatformAdmin();
        TenantDraft valid = validate(draft);
        if (overview().stream().anyMatch(t -> t.alias().equals(valid.alias()))) {
            throw new AdministrationException(Text.of("admin.tenant.error.aliasUsed", valid.alias()));
        }
        UUID id;
        try {
            id = keycloak.createOrganization(valid.name(), valid.alias(), "Entente tenant (" + valid.kind() + ")",
                    valid.emailDomains(), attributes(valid));
        } catch (KeycloakRequestException e) {
            if (e.isConflict()) {
                throw new AdministrationException(Text.of("admin.tenant.error.organizationExists"), e);
            }
            throw new AdministrationException(Text.of("admin.tenant.error.keycloakRefusedNew", e.body()), e);
        } catch (KeycloakUnavailableException e) {
            throw Administrators.keycloakUnreachable(keycloak.serverUri(), e);
        }
        try {
            TenantScope.runAs(new Actor(id, admin.memberId()), () -> transactions.executeWithoutResult(status ->
                    Routines.platformRegisterTenant(dsl.configuration(), id, valid.alias(), valid.name(),
                            valid.kind().name(), valid.region(), valid.capacityIndex())));
        } catch (RuntimeException e) {
            Text undo = undo(Text.of("admin.tenant.undo.deleteOrganization", valid.alias()),
                    () -> keycloak.deleteOrganization(id));
            if (UNIQUE_VIOLATION.equals(Administrators.sqlState(e))) {
                throw new AdministrationException(Text.of("admin.tenant.error.aliasUsedUndone", valid.alias(), undo), e);
            }
            throw new AdministrationException(Text.of("admin.tenant.error.notStored", Administrators.databaseMessage(e),
                    undo), e);
        }
        log.info("Tenant {} ({}) created by {}", valid.alias(), id, admin.getPreferredUsername());
        return id;
    }

    /** Changes name, kind, region, capacity index and email domains (the alias stays). */
    public void update(UUID tenantId, TenantDraft draft) {
        SignedInUser admin = administrators.requirePlatformAdmin();
        TenantSummary tenant = find(tenantId);
        TenantDraft valid = validate(new TenantDraft(draft.name(), tenant.alias(), draft.kind(), draft.region(),
                draft.capacityIndex(), draft.emailDomains()));
        Organization before = organizationOf(tenant);
        try {
            keycloak.updateOrganization(before.id(), valid.name(), valid.emailDomains(), attributes(valid),
                    before.enabled());
        } catch (KeycloakRequestException e) {
            throw new AdministrationException(e.isConflict()
                    ? Text.of("admin.tenant.error.nameOrDomainUsed")
                    : Text.of("admin.error.keycloakRefusedChange", e.body()), e);
        } catch (KeycloakUnavailableException e) {
            throw Administrators.keycloakUnreachable(keycloak.serverUri(), e);
        }
        try {
            TenantScope.runAs(new Actor(tenantId, admin.memberId()), () -> transactions.executeWithoutResult(status ->
                    Routines.platformUpdateTenant(dsl.configuration(), tenantId, valid.name(), valid.kind().name(),
                            valid.region(), valid.capacityIndex())));
        } catch (RuntimeException e) {
            Text undo = undo(Text.of("admin.tenant.undo.restoreOrganization", tenant.alias()),
                    () -> keycloak.updateOrganization(before.id(), before.name(), before.domainNames(),
                            before.attributes(), before.enabled()));
            throw new AdministrationException(Text.of("admin.error.changeNotStored", Administrators.databaseMessage(e),
                    undo), e);
        }
    }

    /** Its members can no longer work in Entente (open sessions included); its data is kept. */
    public void suspend(UUID tenantId) {
        changeStatus(tenantId, "SUSPEND", "suspended by the platform administrator");
    }

    public void reactivate(UUID tenantId) {
        changeStatus(tenantId, "REACTIVATE", "reactivated by the platform administrator");
    }

    /**
     * The organization leaves Entente: every Keycloak membership is removed, invitations never accepted are
     * cancelled (those accounts are deleted), the organization is disabled, and the tenant becomes OFFBOARDED
     * with all member rows REMOVED. Its records stay its own. Keycloak is changed first; if it fails part way,
     * the tenant keeps its status and offboarding can simply be run again.
     */
    public void offboard(UUID tenantId) {
        SignedInUser admin = administrators.requirePlatformAdmin();
        TenantSummary tenant = find(tenantId);
        if (tenant.status() == TenantStatus.OFFBOARDED) {
            throw new AdministrationException(Text.of("admin.tenant.error.offboardedAlready", tenant.name()));
        }
        int removed = 0;
        int cancelled = 0;
        try {
            Optional<Organization> organization = keycloak.organizationByAlias(tenant.alias());
            if (organization.isPresent()) {
                Organization org = organization.get();
                for (UserAccount member : keycloak.organizationMembers(org.id())) {
                    if (member.hasPendingActions() && neverSignedIn(tenantId, member.id())) {
                        keycloak.deleteUser(member.id());
                        cancelled++;
                    } else {
                        keycloak.removeOrganizationMember(org.id(), member.id());
                        removed++;
                    }
                }
                keycloak.updateOrganization(org.id(), org.name(), org.domainNames(), org.attributes(), false);
            }
        } catch (KeycloakUnavailableException | KeycloakRequestException e) {
            throw new AdministrationException(Text.of("admin.tenant.error.offboardingStopped", tenant.name(),
                    Administrators.keycloakProblem(keycloak.serverUri(), e), removed, cancelled), e);
        }
        String summary = "offboarded: " + removed + " memberships removed, " + cancelled + " invitations cancelled";
        changeStatus(admin, tenantId, "OFFBOARD", summary);
    }

    private boolean neverSignedIn(UUID tenantId, UUID memberId) {
        return TenantScope.callAs(Actor.system(tenantId), () -> transactions.execute(status -> dsl
                .fetchOptional(org.entente.db.jooq.Tables.MEMBER, org.entente.db.jooq.Tables.MEMBER.ID.eq(memberId))
                .map(m -> m.getLastSeenAt() == null).orElse(true)));
    }

    private void changeStatus(UUID tenantId, String action, String reason) {
        changeStatus(administrators.requirePlatformAdmin(), tenantId, action, reason);
    }

    private void changeStatus(SignedInUser admin, UUID tenantId, String action, String reason) {
        try {
            TenantScope.runAs(new Actor(tenantId, admin.memberId()), () -> transactions.executeWithoutResult(status ->
                    Routines.platformChangeTenantStatus(dsl.configuration(), tenantId, action, reason)));
        } catch (RuntimeException e) {
            String state = Administrators.sqlState(e);
            if (NOT_APPLICABLE.equals(state)) {
                // The database says why in English ("X cannot be suspended: it is suspended"); said again here from
                // the tenant as it stands, in the administrator's language.
                TenantSummary tenant = find(tenantId);
                throw new AdministrationException(Text.of("admin.tenant.error.statusNotApplicable", tenant.name(),
                        Text.of("admin.tenant.action." + action), tenant.status()), e);
            }
            if (NO_SUCH_TENANT.equals(state)) {
                throw new AdministrationException(Text.of("admin.tenant.error.noSuchTenant"), e);
            }
            throw e;
        }
    }

    TenantSummary find(UUID tenantId) {
        return overview().stream().filter(t -> t.id().equals(tenantId)).findFirst()
                .orElseThrow(() -> new AdministrationException(Text.of("admin.tenant.error.noSuchTenant")));
    }

    private Organization organizationOf(TenantSummary tenant) {
        try {
            return keycloak.organizationByAlias(tenant.alias()).orElseThrow(() -> new AdministrationException(
                    Text.of("admin.tenant.error.organizationMissing", tenant.alias())));
        } catch (KeycloakUnavailableException e) {
            throw Administrators.keycloakUnreachable(keycloak.serverUri(), e);
        }
    }

    /** Runs a compensating Keycloak step and says in words whether it worked. */
    private static Text undo(Text what, Runnable step) {
        try {
            step.run();
            return Text.of("admin.error.keycloakRestored");
        } catch (RuntimeException e) {
            log.error("Compensation failed: {}", what, e);
            return Text.of("admin.tenant.error.undoFailed", what);
        }
    }

    static TenantDraft validate(TenantDraft draft) {
        String name = draft.name() == null ? "" : draft.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw new AdministrationException(Text.of("admin.tenant.error.name"));
        }
        String alias = draft.alias() == null ? "" : draft.alias().strip();
        if (!ALIAS.matcher(alias).matches()) {
            throw new AdministrationException(Text.of("admin.tenant.error.aliasInvalid", alias));
        }
        if (draft.kind() == null) {
            throw new AdministrationException(Text.of("admin.tenant.error.kind"));
        }
        BigDecimal capacity = draft.capacityIndex();
        if (capacity != null && capacity.signum() < 0) {
            throw new AdministrationException(Text.of("admin.tenant.error.capacityIndex"));
        }
        List<String> domains = new ArrayList<>();
        for (String raw : draft.emailDomains()) {
            String domain = raw == null ? "" : raw.strip().toLowerCase(Locale.ROOT);
            if (domain.isEmpty()) {
                continue;
            }
            if (!DOMAIN.matcher(domain).matches()) {
                throw new AdministrationException(Text.of("admin.tenant.error.domainInvalid", raw.strip()));
            }
            if (!domains.contains(domain)) {
                domains.add(domain);
            }
        }
        String region = draft.region() == null || draft.region().isBlank() ? null : draft.region().strip();
        return new TenantDraft(name, alias, draft.kind(), region, capacity, domains);
    }

    /** Organization attributes the sign-in reads (kind, region) so a new member's first login needs nothing else. */
    private static Map<String, List<String>> attributes(TenantDraft draft) {
        Map<String, List<String>> attributes = new LinkedHashMap<>();
        attributes.put("kind", List.of(draft.kind().name()));
        if (draft.region() != null) {
            attributes.put("region", List.of(draft.region()));
        }
        return attributes;
    }

    private static TenantSummary toSummary(PlatformTenantOverviewRecord r) {
        return new TenantSummary(r.getId(), r.getAlias(), r.getName(), TenantKind.valueOf(r.getKind()), r.getRegion(),
                TenantStatus.valueOf(r.getStatus()), r.getCapacityIndex(),
                r.getMemberCount() == null ? 0 : r.getMemberCount(), r.getLastActivityAt());
    }
}
