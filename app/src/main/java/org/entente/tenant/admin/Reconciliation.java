package org.entente.tenant.admin;

import static org.entente.db.jooq.Tables.AUDIT_EVENT;
import static org.entente.db.jooq.Tables.MEMBER;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.entente.db.jooq.Routines;
import org.entente.db.jooq.tables.records.MemberRecord;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.TenantScope;
import org.entente.platform.i18n.Text;
import org.entente.platform.keycloak.KeycloakAdminClient;
import org.entente.platform.keycloak.KeycloakAdminClient.Organization;
import org.entente.platform.keycloak.KeycloakAdminClient.UserAccount;
import org.entente.platform.keycloak.KeycloakRequestException;
import org.entente.platform.keycloak.KeycloakUnavailableException;
import org.entente.platform.schedule.JobLock;
import org.entente.tenant.TenantKind;
import org.entente.tenant.TenantStatus;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Finds and repairs drift between Keycloak (organizations, their members, realm roles, enabled accounts) and
 * the tenant and member tables — on demand from the tenants screen, and on a schedule.
 *
 * <p>Keycloak is the source of truth for who belongs to an organization and with which roles; Entente's
 * tenant row for the tenant's status. Repairs: an organization without tenant row gets one (if its kind is
 * known); member rows follow Keycloak's members, roles and enabled flags; an offboarded tenant's
 * organization loses remaining memberships. A tenant row whose organization is missing is only reported: a
 * platform administrator decides. So is a member whose identity-provider link is gone: someone who joined through the
 * organization's own identity provider (Keycloak made them a MANAGED member, with no password of ours) but whose
 * account is no longer linked to any provider of the organization — the provider was unlinked or replaced, or the
 * link was removed — and who therefore cannot sign in any more.
 */
@Service
public class Reconciliation {

    public enum DriftKind {
        ORGANIZATION_WITHOUT_TENANT, TENANT_WITHOUT_ORGANIZATION, MEMBER_MISSING, MEMBER_NOT_IN_ORGANIZATION,
        MEMBER_ROLES, MEMBER_STATUS, OFFBOARDED_ORGANIZATION_HAS_MEMBERS, MEMBER_PROVIDER_LINK_GONE
    }

    /** One difference found, and whether it was repaired; the detail is written in the reader's language. */
    public record Drift(DriftKind kind, String tenantAlias, String subject, Text detail, boolean repaired) {
    }

    public record Report(List<Drift> drifts) {

        public long repaired() {
            return drifts.stream().filter(Drift::repaired).count();
        }

        public long unrepaired() {
            return drifts.size() - repaired();
        }
    }

    private static final Logger log = LoggerFactory.getLogger(Reconciliation.class);

    /** Its name in the scheduled-job lock. */
    public static final String JOB = "reconciliation";

    private final DSLContext dsl;
    private final TransactionTemplate transactions;
    private final Administrators administrators;
    private final TenantAdministration tenants;
    private final KeycloakAdminClient keycloak;
    private final JobLock jobs;
    private final Duration interval;

    Reconciliation(DSLContext dsl, PlatformTransactionManager transactionManager, Administrators administrators,
            TenantAdministration tenants, KeycloakAdminClient keycloak, JobLock jobs,
            @Value("${entente.reconciliation.interval}") Duration interval) {
        this.jobs = jobs;
        this.interval = interval;
        this.dsl = dsl;
        this.transactions = new TransactionTemplate(transactionManager);
        this.administrators = administrators;
        this.tenants = tenants;
        this.keycloak = keycloak;
    }

    /** On demand: platform administrators only. */
    public Report reconcileNow() {
        UUID actor = administrators.requirePlatformAdmin().memberId();
        try {
            return run(actor);
        } catch (KeycloakUnavailableException | KeycloakRequestException e) {
            throw new AdministrationException(Text.of("admin.reconciliation.stopped",
                    Administrators.keycloakProblem(keycloak.serverUri(), e)), e);
        }
    }

    @Scheduled(initialDelayString = "${entente.reconciliation.interval}",
            fixedDelayString = "${entente.reconciliation.interval}")
    void onSchedule() {
        // Every instance's schedule fires; one of them reconciles, once per interval.
        jobs.oncePerPeriod(JOB, interval, () -> {
            try {
                Report report = run(null);
                if (!report.drifts().isEmpty()) {
                    log.warn("Scheduled reconciliation: {} drift(s), {} repaired: {}", report.drifts().size(),
                            report.repaired(), report.drifts());
                }
            } catch (RuntimeException e) {
                log.warn("Scheduled reconciliation failed: {}", e.getMessage());
            }
        });
    }

    Report run(UUID actor) {
        List<Drift> drifts = new ArrayList<>();
        Map<String, Organization> organizations = keycloak.organizations().stream()
                .collect(Collectors.toMap(Organization::alias, Function.identity()));
        Map<String, TenantSummary> rows = tenants.overview().stream()
                .collect(Collectors.toMap(TenantSummary::alias, Function.identity()));

        for (Organization organization : organizations.values()) {
            if (!rows.containsKey(organization.alias())) {
                drifts.add(registerTenant(organization, actor));
            }
        }
        for (TenantSummary tenant : rows.values()) {
            Organization organization = organizations.get(tenant.alias());
            if (organization == null) {
                if (tenant.status() != TenantStatus.OFFBOARDED) {
                    drifts.add(new Drift(DriftKind.TENANT_WITHOUT_ORGANIZATION, tenant.alias(), tenant.name(),
                            Text.of("admin.drift.noOrganization"), false));
                }
                continue;
            }
            drifts.addAll(reconcileMembers(tenant, organization, actor));
        }
        return new Report(List.copyOf(drifts));
    }

    private Drift registerTenant(Organization organization, UUID actor) {
        TenantKind kind = Arrays.stream(TenantKind.values())
                .filter(k -> k.name().equalsIgnoreCase(String.valueOf(organization.attribute("kind"))))
                .findFirst().orElse(null);
        if (kind == null) {
            return new Drift(DriftKind.ORGANIZATION_WITHOUT_TENANT, organization.alias(), organization.name(),
                    Text.of("admin.drift.unknownKind"), false);
        }
        try {
            TenantScope.runAs(new Actor(organization.id(), actor), () -> transactions.executeWithoutResult(status ->
                    Routines.platformRegisterTenant(dsl.configuration(), organization.id(), organization.alias(),
                            organization.name(), kind.name(), organization.attribute("region"), null)));
            return new Drift(DriftKind.ORGANIZATION_WITHOUT_TENANT, organization.alias(), organization.name(),
                    Text.of("admin.drift.registered"), true);
        } catch (RuntimeException e) {
            return new Drift(DriftKind.ORGANIZATION_WITHOUT_TENANT, organization.alias(), organization.name(),
                    Text.of("admin.drift.notRegistered", Administrators.databaseMessage(e)), false);
        }
    }

    private List<Drift> reconcileMembers(TenantSummary tenant, Organization organization, UUID actor) {
        List<Drift> drifts = new ArrayList<>();
        List<UserAccount> accounts = keycloak.organizationMembers(organization.id());
        if (tenant.status() == TenantStatus.OFFBOARDED) {
            for (UserAccount account : accounts) {
                keycloak.removeOrganizationMember(organization.id(), account.id());
                drifts.add(new Drift(DriftKind.OFFBOARDED_ORGANIZATION_HAS_MEMBERS, tenant.alias(), account.username(),
                        Text.of("admin.drift.membershipRemoved"), true));
            }
            return drifts;
        }
        Map<UUID, MemberRecord> members = inTenant(tenant, actor, () -> dsl.selectFrom(MEMBER).fetch())
                .stream().collect(Collectors.toMap(MemberRecord::getId, Function.identity()));
        Set<UUID> inOrganization = accounts.stream().map(UserAccount::id).collect(Collectors.toSet());

        for (UserAccount account : accounts) {
            Set<String> roles = new TreeSet<>(keycloak.realmRolesOf(account.id()));
            roles.retainAll(TenantRole.ENTENTE_REALM_ROLES);
            MemberRecord row = members.get(account.id());
            MemberStatus expected = expectedStatus(account, row);
            if (row == null || MemberStatus.REMOVED.name().equals(row.getStatus())) {
                upsert(tenant, actor, account, roles, expected);
                drifts.add(new Drift(DriftKind.MEMBER_MISSING, tenant.alias(), account.username(),
                        Text.of(row == null ? "admin.drift.memberCreated" : "admin.drift.memberRestored", expected),
                        true));
                continue;
            }
            Set<String> recorded = new TreeSet<>(List.of(row.getRoles()));
            recorded.retainAll(TenantRole.ENTENTE_REALM_ROLES);
            if (!recorded.equals(roles)) {
                upsert(tenant, actor, account, roles, MemberStatus.valueOf(row.getStatus()));
                drifts.add(new Drift(DriftKind.MEMBER_ROLES, tenant.alias(), account.username(),
                        Text.of("admin.drift.roles", recorded.toString(), roles.toString()), true));
            }
            if (!row.getStatus().equals(expected.name())) {
                upsert(tenant, actor, account, roles, expected);
                drifts.add(new Drift(DriftKind.MEMBER_STATUS, tenant.alias(), account.username(),
                        Text.of("admin.drift.status", MemberStatus.valueOf(row.getStatus()), expected), true));
            }
        }
        for (MemberRecord row : members.values()) {
            if (!inOrganization.contains(row.getId()) && !MemberStatus.REMOVED.name().equals(row.getStatus())) {
                inTenant(tenant, actor, () -> {
                    dsl.update(MEMBER).set(MEMBER.STATUS, MemberStatus.REMOVED.name())
                            .set(MEMBER.UPDATED_AT, DSL.currentOffsetDateTime()).where(MEMBER.ID.eq(row.getId())).execute();
                    audit(row.getId(), "member is not in the Keycloak organization: REMOVED");
                    return null;
                });
                drifts.add(new Drift(DriftKind.MEMBER_NOT_IN_ORGANIZATION, tenant.alias(), row.getUsername(),
                        Text.of("admin.drift.markedRemoved"), true));
            }
        }
        drifts.addAll(providerLinksGone(tenant, organization, members));
        return drifts;
    }

    /**
     * Members who came in through the organization's identity provider (MANAGED) and are no longer linked to any
     * provider the organization has now. Reported, not repaired: whether to remove them or link a provider again is
     * an administrator's decision.
     */
    private List<Drift> providerLinksGone(TenantSummary tenant, Organization organization,
            Map<UUID, MemberRecord> members) {
        List<Drift> drifts = new ArrayList<>();
        List<KeycloakAdminClient.Membership> managed = keycloak.organizationMemberships(organization.id()).stream()
                .filter(KeycloakAdminClient.Membership::managed).toList();
        if (managed.isEmpty()) {
            return drifts;
        }
        Set<String> providers = keycloak.organizationIdentityProviders(organization.id()).stream()
                .map(KeycloakAdminClient.IdentityProvider::alias).collect(Collectors.toCollection(TreeSet::new));
        for (KeycloakAdminClient.Membership membership : managed) {
            MemberRecord row = members.get(membership.id());
            if (row == null || MemberStatus.REMOVED.name().equals(row.getStatus())) {
                continue; // no member row (yet): nobody to report in Entente
            }
            Set<String> linked = keycloak.federatedIdentities(membership.id()).stream()
                    .map(KeycloakAdminClient.FederatedIdentity::identityProvider)
                    .collect(Collectors.toCollection(TreeSet::new));
            if (linked.stream().noneMatch(providers::contains)) {
                drifts.add(new Drift(DriftKind.MEMBER_PROVIDER_LINK_GONE, tenant.alias(), row.getUsername(),
                        providers.isEmpty() ? Text.of("admin.drift.providerGone")
                                : Text.of("admin.drift.providerLinkGone", String.join(", ", providers)), false));
            }
        }
        return drifts;
    }

    /** Disabled in Keycloak → DISABLED; else keep ACTIVE/INVITED, or INVITED while first-login actions are due. */
    private static MemberStatus expectedStatus(UserAccount account, MemberRecord row) {
        if (!account.enabled()) {
            return MemberStatus.DISABLED;
        }
        if (row != null && (row.getStatus().equals("ACTIVE") || row.getStatus().equals("INVITED"))) {
            return MemberStatus.valueOf(row.getStatus());
        }
        return account.hasPendingActions() ? MemberStatus.INVITED : MemberStatus.ACTIVE;
    }

    private void upsert(TenantSummary tenant, UUID actor, UserAccount account, Set<String> roles, MemberStatus status) {
        String[] roleArray = roles.toArray(String[]::new);
        inTenant(tenant, actor, () -> {
            dsl.insertInto(MEMBER)
                    .set(MEMBER.TENANT_ID, tenant.id())
                    .set(MEMBER.ID, account.id())
                    .set(MEMBER.USERNAME, account.username())
                    .set(MEMBER.DISPLAY_NAME, account.displayName())
                    .set(MEMBER.EMAIL, account.email())
                    .set(MEMBER.ROLES, roleArray)
                    .set(MEMBER.STATUS, status.name())
                    .onConflict(MEMBER.TENANT_ID, MEMBER.ID).doUpdate()
                    .set(MEMBER.ROLES, roleArray)
                    .set(MEMBER.STATUS, status.name())
                    .set(MEMBER.UPDATED_AT, DSL.currentOffsetDateTime())
                    .execute();
            audit(account.id(), "member synchronized from Keycloak: " + status + " " + roles);
            return null;
        });
    }

    private void audit(UUID memberId, String what) {
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.ACTION, "RECONCILED")
                .set(AUDIT_EVENT.ENTITY_TYPE, "member")
                .set(AUDIT_EVENT.ENTITY_ID, memberId.toString())
                .set(AUDIT_EVENT.DETAILS, JSONB.valueOf("{\"repair\": \"" + what.replace("\"", "'") + "\"}"))
                .execute();
    }

    private <T> T inTenant(TenantSummary tenant, UUID actor, java.util.function.Supplier<T> work) {
        return TenantScope.callAs(new Actor(tenant.id(), actor), () -> transactions.execute(status -> work.get()));
    }
}
