package org.entente.tenant.admin;

import static org.entente.db.jooq.Tables.AUDIT_EVENT;
import static org.entente.db.jooq.Tables.MEMBER;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.entente.db.jooq.tables.records.MemberRecord;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.i18n.Text;
import org.entente.platform.keycloak.KeycloakAdminClient;
import org.entente.platform.keycloak.KeycloakAdminClient.Organization;
import org.entente.platform.keycloak.KeycloakAdminClient.UserAccount;
import org.entente.platform.keycloak.KeycloakRequestException;
import org.entente.platform.keycloak.KeycloakUnavailableException;
import org.entente.tenant.RoleLabels;
import org.entente.tenant.admin.Administrators.TenantAdmin;
import org.jooq.DSLContext;
import org.jooq.JSONB;
import org.jooq.impl.DSL;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant admin's members screen: invite, give and take roles, disable, remove — in their own organization
 * only. The tenant comes from the admin's token; a member id of another tenant is "no such member" (row-level
 * security hides the row, and Keycloak's membership is checked too). Keycloak first, then the member row;
 * a failed database step undoes the Keycloak step.
 */
@Service
public class MemberAdministration {

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@([^@\\s]+)$");
    /** A new account sets its password (and confirms its email) at first sign-in. */
    static final List<String> INVITATION_ACTIONS = List.of("UPDATE_PASSWORD", "VERIFY_EMAIL");

    private final DSLContext dsl;
    private final TransactionTemplate transactions;
    private final Administrators administrators;
    private final KeycloakAdminClient keycloak;
    private final PendingInvitations invitations;

    MemberAdministration(DSLContext dsl, PlatformTransactionManager transactionManager, Administrators administrators,
            KeycloakAdminClient keycloak, PendingInvitations invitations) {
        this.dsl = dsl;
        this.transactions = new TransactionTemplate(transactionManager);
        this.administrators = administrators;
        this.keycloak = keycloak;
        this.invitations = invitations;
    }

    /** Members of the admin's own tenant (removed ones included, last). */
    public List<ManagedMember> members() {
        administrators.requireTenantAdmin();
        return transactions.execute(status -> dsl.selectFrom(MEMBER)
                .orderBy(DSL.field(MEMBER.STATUS.eq("REMOVED")), MEMBER.DISPLAY_NAME)
                .fetch(MemberAdministration::toManaged));
    }

    /**
     * Invites a person into the admin's own organization: a new Keycloak account with required actions (or an
     * existing account that belongs to no organization), the role, the organization membership, and an INVITED
     * member row. Returns the member id.
     *
     * <p>With e-mail on, a person without an account is invited by Keycloak's organization invitation instead: Keycloak
     * e-mails them a registration link, they become a member when they register, and their member row comes at their
     * first sign-in; then this returns null (there is no account yet). The invitation is listed by
     * {@link PendingInvitations} until it is accepted.
     */
    public UUID invite(Invitation invitation) {
        TenantAdmin admin = administrators.requireTenantAdmin();
        Organization organization = organizationOf(admin);
        String email = invitation.email() == null ? "" : invitation.email().strip().toLowerCase(Locale.ROOT);
        var address = EMAIL.matcher(email);
        if (!address.matches() || !TenantAdministration.DOMAIN.matcher(address.group(1)).matches()) {
            throw new AdministrationException(Text.of("admin.member.error.invalidEmail", String.valueOf(invitation.email())));
        }
        if (!organization.domainNames().isEmpty() && !organization.domainNames().contains(address.group(1))) {
            throw new AdministrationException(Text.of("admin.member.error.otherDomain",
                    String.join(", ", organization.domainNames())));
        }
        TenantRole role = invitation.role() == null ? TenantRole.MEMBER : invitation.role();
        List<Runnable> undo = new ArrayList<>();
        UUID userId;
        String username;
        String displayName;
        try {
            UserAccount existing = keycloak.userByEmail(email).orElse(null);
            if (existing != null) {
                List<Organization> theirs = keycloak.organizationsOf(existing.id());
                if (theirs.stream().anyMatch(o -> o.id().equals(organization.id()))) {
                    throw new AdministrationException(Text.of("admin.member.error.alreadyMember", email));
                }
                if (!theirs.isEmpty()) {
                    throw new AdministrationException(Text.of("admin.member.error.otherOrganization", email));
                }
                userId = existing.id();
                username = existing.username();
                displayName = existing.displayName();
            } else if (invitations.byEmail()) {
                invitations.send(organization, email, blankToNull(invitation.firstName()),
                        blankToNull(invitation.lastName()), role);
                return null;
            } else {
                username = email;
                userId = keycloak.createUser(username, email, blankToNull(invitation.firstName()),
                        blankToNull(invitation.lastName()), INVITATION_ACTIONS);
                undo.add(() -> keycloak.deleteUser(userId));
                displayName = new UserAccount(userId, username, email, invitation.firstName(), invitation.lastName(),
                        true, List.of()).displayName();
            }
            keycloak.addRealmRole(userId, role.roleName());
            if (existing != null) {
                undo.add(() -> keycloak.removeRealmRole(userId, role.roleName()));
            }
            keycloak.addOrganizationMember(organization.id(), userId);
            if (existing != null) {
                undo.add(() -> keycloak.removeOrganizationMember(organization.id(), userId));
            }
        } catch (KeycloakUnavailableException | KeycloakRequestException e) {
            Text undone = undo(undo);
            throw new AdministrationException(Text.of("admin.member.error.invitationFailed",
                    Administrators.keycloakProblem(keycloak.serverUri(), e), undone), e);
        }
        try {
            String[] roles = {role.roleName()};
            transactions.executeWithoutResult(status -> {
                dsl.insertInto(MEMBER)
                        .set(MEMBER.TENANT_ID, admin.tenantId())
                        .set(MEMBER.ID, userId)
                        .set(MEMBER.USERNAME, username)
                        .set(MEMBER.DISPLAY_NAME, displayName)
                        .set(MEMBER.EMAIL, email)
                        .set(MEMBER.ROLES, roles)
                        .set(MEMBER.STATUS, MemberStatus.INVITED.name())
                        .onConflict(MEMBER.TENANT_ID, MEMBER.ID).doUpdate()
                        .set(MEMBER.STATUS, MemberStatus.INVITED.name())
                        .set(MEMBER.ROLES, roles)
                        .set(MEMBER.UPDATED_AT, DSL.currentOffsetDateTime())
                        .execute();
                audit("MEMBER_INVITED", userId, "{\"email\": " + json(email) + ", \"role\": " + json(role.roleName()) + "}");
            });
        } catch (RuntimeException e) {
            Text undone = undo(undo);
            throw new AdministrationException(Text.of("admin.member.error.invitationNotStored",
                    Administrators.databaseMessage(e), undone), e);
        }
        return userId;
    }

    public void grantRole(UUID memberId, TenantRole role) {
        TenantAdmin admin = administrators.requireTenantAdmin();
        Organization organization = organizationOf(admin);
        MemberRecord member = requireOwnMember(organization, memberId);
        if (List.of(member.getRoles()).contains(role.roleName())) {
            throw new AdministrationException(Text.of("admin.member.error.hasRole", member.getDisplayName(),
                    RoleLabels.text(role.roleName())));
        }
        keycloakStep(() -> keycloak.addRealmRole(memberId, role.roleName()));
        storeOrUndo(() -> {
            dsl.update(MEMBER).set(MEMBER.ROLES, DSL.arrayAppend(MEMBER.ROLES, role.roleName()))
                    .set(MEMBER.UPDATED_AT, DSL.currentOffsetDateTime()).where(MEMBER.ID.eq(memberId)).execute();
            audit("MEMBER_ROLE_GRANTED", memberId, "{\"role\": " + json(role.roleName()) + "}");
        }, () -> keycloak.removeRealmRole(memberId, role.roleName()));
    }

    public void revokeRole(UUID memberId, TenantRole role) {
        TenantAdmin admin = administrators.requireTenantAdmin();
        Organization organization = organizationOf(admin);
        MemberRecord member = requireOwnMember(organization, memberId);
        if (!List.of(member.getRoles()).contains(role.roleName())) {
            throw new AdministrationException(Text.of("admin.member.error.lacksRole", member.getDisplayName(),
                    RoleLabels.text(role.roleName())));
        }
        if (role == TenantRole.TENANT_ADMIN) {
            requireAnotherAdmin(organization, member);
        }
        keycloakStep(() -> keycloak.removeRealmRole(memberId, role.roleName()));
        storeOrUndo(() -> {
            dsl.update(MEMBER).set(MEMBER.ROLES, DSL.arrayRemove(MEMBER.ROLES, role.roleName()))
                    .set(MEMBER.UPDATED_AT, DSL.currentOffsetDateTime()).where(MEMBER.ID.eq(memberId)).execute();
            audit("MEMBER_ROLE_REVOKED", memberId, "{\"role\": " + json(role.roleName()) + "}");
        }, () -> keycloak.addRealmRole(memberId, role.roleName()));
    }

    /** Disables the person's Keycloak account: they can no longer sign in. */
    public void disable(UUID memberId) {
        TenantAdmin admin = administrators.requireTenantAdmin();
        Organization organization = organizationOf(admin);
        MemberRecord member = requireOwnMember(organization, memberId);
        if (MemberStatus.DISABLED.name().equals(member.getStatus())) {
            throw new AdministrationException(Text.of("admin.member.error.disabledAlready", member.getDisplayName()));
        }
        requireAnotherAdmin(organization, member);
        keycloakStep(() -> keycloak.setUserEnabled(memberId, false));
        storeOrUndo(() -> setStatus(memberId, MemberStatus.DISABLED, "MEMBER_DISABLED"),
                () -> keycloak.setUserEnabled(memberId, true));
    }

    public void enable(UUID memberId) {
        TenantAdmin admin = administrators.requireTenantAdmin();
        Organization organization = organizationOf(admin);
        MemberRecord member = requireOwnMember(organization, memberId);
        if (!MemberStatus.DISABLED.name().equals(member.getStatus())) {
            throw new AdministrationException(Text.of("admin.member.error.notDisabled", member.getDisplayName()));
        }
        keycloakStep(() -> keycloak.setUserEnabled(memberId, true));
        storeOrUndo(() -> setStatus(memberId, MemberStatus.ACTIVE, "MEMBER_ENABLED"),
                () -> keycloak.setUserEnabled(memberId, false));
    }

    /** Removes the person from the organization (their account stays; their records stay the tenant's). */
    public void remove(UUID memberId) {
        TenantAdmin admin = administrators.requireTenantAdmin();
        Organization organization = organizationOf(admin);
        MemberRecord member = requireOwnMember(organization, memberId);
        requireAnotherAdmin(organization, member);
        keycloakStep(() -> keycloak.removeOrganizationMember(organization.id(), memberId));
        storeOrUndo(() -> setStatus(memberId, MemberStatus.REMOVED, "MEMBER_REMOVED"),
                () -> keycloak.addOrganizationMember(organization.id(), memberId));
    }

    // ------------------------------------------------------------------------------------------------

    private Organization organizationOf(TenantAdmin admin) {
        try {
            return keycloak.organizationByAlias(admin.alias()).orElseThrow(() -> new AdministrationException(
                    Text.of("admin.member.error.organizationMissing")));
        } catch (KeycloakUnavailableException e) {
            throw Administrators.keycloakUnreachable(keycloak.serverUri(), e);
        }
    }

    /**
     * The member row as the admin's own tenant sees it (row-level security hides every other tenant's rows),
     * and the Keycloak account must be a member of the admin's organization: both, or "no such member".
     */
    private MemberRecord requireOwnMember(Organization organization, UUID memberId) {
        MemberRecord member = transactions.execute(status -> dsl.fetchOptional(MEMBER, MEMBER.ID.eq(memberId)).orElse(null));
        if (member == null || MemberStatus.REMOVED.name().equals(member.getStatus())) {
            throw new AdministrationException(Text.of("admin.member.error.noSuchMember"));
        }
        boolean inOrganization;
        try {
            inOrganization = keycloak.organizationsOf(memberId).stream().anyMatch(o -> o.id().equals(organization.id()));
        } catch (KeycloakUnavailableException e) {
            throw Administrators.keycloakUnreachable(keycloak.serverUri(), e);
        } catch (KeycloakRequestException e) {
            inOrganization = false;
        }
        if (!inOrganization) {
            throw new AdministrationException(Text.of("admin.member.error.noSuchMember"));
        }
        return member;
    }

    /** Refuses to leave the organization without an enabled tenant admin. */
    private void requireAnotherAdmin(Organization organization, MemberRecord member) {
        Set<UUID> admins;
        try {
            Set<UUID> holders = keycloak.usersWithRealmRole(EntenteRealm.ROLE_TENANT_ADMIN);
            admins = keycloak.organizationMembers(organization.id()).stream()
                    .filter(UserAccount::enabled).map(UserAccount::id).filter(holders::contains)
                    .collect(Collectors.toSet());
        } catch (KeycloakUnavailableException | KeycloakRequestException e) {
            throw new AdministrationException(Text.of("admin.member.error.adminsUnknown",
                    Administrators.keycloakProblem(keycloak.serverUri(), e)), e);
        }
        if (admins.contains(member.getId()) && admins.size() == 1) {
            throw new AdministrationException(Text.of("admin.member.error.lastAdmin", member.getDisplayName(),
                    organization.name()));
        }
    }

    private void keycloakStep(Runnable step) {
        try {
            step.run();
        } catch (KeycloakUnavailableException e) {
            throw Administrators.keycloakUnreachable(keycloak.serverUri(), e);
        } catch (KeycloakRequestException e) {
            throw new AdministrationException(Text.of("admin.error.keycloakRefusedChange", e.body()), e);
        }
    }

    private void storeOrUndo(Runnable databaseWork, Runnable undoKeycloak) {
        try {
            transactions.executeWithoutResult(status -> databaseWork.run());
        } catch (RuntimeException e) {
            Text undone = undo(List.of(undoKeycloak));
            throw new AdministrationException(Text.of("admin.error.changeNotStored", Administrators.databaseMessage(e),
                    undone), e);
        }
    }

    private void setStatus(UUID memberId, MemberStatus status, String action) {
        dsl.update(MEMBER).set(MEMBER.STATUS, status.name()).set(MEMBER.UPDATED_AT, DSL.currentOffsetDateTime())
                .where(MEMBER.ID.eq(memberId)).execute();
        audit(action, memberId, "{}");
    }

    private void audit(String action, UUID memberId, String details) {
        dsl.insertInto(AUDIT_EVENT)
                .set(AUDIT_EVENT.ACTION, action)
                .set(AUDIT_EVENT.ENTITY_TYPE, "member")
                .set(AUDIT_EVENT.ENTITY_ID, memberId.toString())
                .set(AUDIT_EVENT.DETAILS, JSONB.valueOf(details))
                .execute();
    }

    /** Undoes Keycloak steps in reverse order and says in words whether that worked. */
    private static Text undo(List<Runnable> steps) {
        List<Runnable> reversed = new ArrayList<>(steps);
        java.util.Collections.reverse(reversed);
        try {
            reversed.forEach(Runnable::run);
            return Text.of("admin.error.keycloakRestored");
        } catch (RuntimeException e) {
            return Text.of("admin.member.error.undoFailed");
        }
    }

    private static String json(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static ManagedMember toManaged(MemberRecord r) {
        return new ManagedMember(r.getId(), r.getUsername(), r.getDisplayName(), r.getEmail(), List.of(r.getRoles()),
                MemberStatus.valueOf(r.getStatus()), r.getLastSeenAt());
    }
}
