package org.entente.tenant.admin;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.i18n.Text;
import org.entente.platform.keycloak.KeycloakAdminClient;
import org.entente.platform.keycloak.KeycloakAdminClient.Organization;
import org.entente.platform.keycloak.KeycloakAdminClient.OrganizationInvitation;
import org.entente.platform.keycloak.KeycloakRequestException;
import org.entente.platform.keycloak.KeycloakUnavailableException;
import org.entente.platform.mail.MailServer;
import org.entente.tenant.admin.Administrators.TenantAdmin;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Invitations by e-mail, as Keycloak 26.5's organization invitations: Keycloak writes and sends the mail (through the
 * realm's mail server, which {@code KeycloakMailSetup} points at Entente's), keeps the invitation until it is accepted
 * or expires, and lets it be listed, resent and deleted. The registration link in the mail makes the person a member
 * of the organization; Entente provisions their member row at their first sign-in, as for anyone.
 *
 * <p>Who: a tenant admin, for their own organization only — taken from their token, never from a parameter. An
 * invitation id of another organization is "no such invitation": it is looked up among the admin's organization's
 * invitations, and Keycloak's paths are per organization too.
 */
@Service
public class PendingInvitations {

    static final String RECORD = "invitation";

    private static final Logger log = LoggerFactory.getLogger(PendingInvitations.class);

    private final Administrators administrators;
    private final KeycloakAdminClient keycloak;
    private final MailServer mail;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;

    PendingInvitations(Administrators administrators, KeycloakAdminClient keycloak, MailServer mail, AuditTrail audit,
            PlatformTransactionManager transactionManager) {
        this.administrators = administrators;
        this.keycloak = keycloak;
        this.mail = mail;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** Whether invitations go by e-mail (a mail server is configured); otherwise e-mail is off. */
    public boolean byEmail() {
        return mail.configured();
    }

    /** The admin's organization's invitations not yet accepted, newest first. */
    public List<PendingInvitation> ofMyOrganization() {
        TenantAdmin admin = administrators.requireTenantAdmin();
        Organization organization = organizationOf(admin);
        return keycloakCall(() -> keycloak.organizationInvitations(organization.id())).stream()
                .map(PendingInvitations::toPending)
                .sorted(Comparator.comparing(PendingInvitation::sentAt, Comparator.nullsLast(Comparator.reverseOrder())))
                .toList();
    }

    /** Sends the invitation's mail again (a new link, a new expiry). */
    public void resend(String invitationId) {
        TenantAdmin admin = administrators.requireTenantAdmin();
        Organization organization = organizationOf(admin);
        OrganizationInvitation invitation = requireOwn(organization, invitationId);
        keycloakCall(() -> {
            keycloak.resendOrganizationInvitation(organization.id(), invitation.id());
            return null;
        });
        record("INVITATION_RESENT", invitation, organization);
    }

    /** Withdraws the invitation: the link in the mail no longer works. */
    public void cancel(String invitationId) {
        TenantAdmin admin = administrators.requireTenantAdmin();
        Organization organization = organizationOf(admin);
        OrganizationInvitation invitation = requireOwn(organization, invitationId);
        keycloakCall(() -> {
            keycloak.deleteOrganizationInvitation(organization.id(), invitation.id());
            return null;
        });
        record("INVITATION_CANCELLED", invitation, organization);
    }

    /**
     * Has Keycloak e-mail an invitation into the organization (called by {@link MemberAdministration#invite} for a
     * person without an account, once the address is checked). The role is in the audit event only: Keycloak's
     * invitation carries none, so the person joins as a member and further roles are given on Members.
     */
    void send(Organization organization, String email, String firstName, String lastName, TenantRole role) {
        try {
            keycloak.inviteToOrganization(organization.id(), email, firstName, lastName);
        } catch (KeycloakUnavailableException e) {
            throw Administrators.keycloakUnreachable(keycloak.serverUri(), e);
        } catch (KeycloakRequestException e) {
            if (e.isConflict()) {
                throw new AdministrationException(Text.of("admin.invitations.error.pending", email), e);
            }
            throw new AdministrationException(Text.of("admin.invitations.error.notSent", e.body()), e);
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("email", email);
        details.put("role", role.roleName());
        details.put("by", "keycloak-invitation"); // i18n-ok: a stored code, not words
        storeAudit("MEMBER_INVITED", email, details);
    }

    private OrganizationInvitation requireOwn(Organization organization, String invitationId) {
        return keycloakCall(() -> keycloak.organizationInvitations(organization.id())).stream()
                .filter(i -> i.id().equals(invitationId)).findFirst()
                .orElseThrow(() -> new AdministrationException(Text.of("admin.invitations.error.noSuchInvitation")));
    }

    private void record(String action, OrganizationInvitation invitation, Organization organization) {
        storeAudit(action, invitation.id(), Map.of("email", invitation.email(), "organization", organization.alias()));
    }

    /** Keycloak has acted; a failed audit write cannot undo that, so it is logged loudly and said. */
    private void storeAudit(String action, String entityId, Map<String, Object> details) {
        try {
            transactions.executeWithoutResult(status -> audit.record(action, RECORD, entityId, null, details));
        } catch (RuntimeException e) {
            log.error("{} of invitation {} was done in Keycloak but its audit event could not be stored", action,
                    entityId, e);
            throw new AdministrationException(Text.of("admin.invitations.error.auditNotStored",
                    Administrators.databaseMessage(e)), e);
        }
    }

    private Organization organizationOf(TenantAdmin admin) {
        return keycloakCall(() -> keycloak.organizationByAlias(admin.alias())).orElseThrow(
                () -> new AdministrationException(Text.of("admin.member.error.organizationMissing")));
    }

    private <T> T keycloakCall(java.util.function.Supplier<T> call) {
        try {
            return call.get();
        } catch (KeycloakUnavailableException e) {
            throw Administrators.keycloakUnreachable(keycloak.serverUri(), e);
        } catch (KeycloakRequestException e) {
            throw new AdministrationException(Text.of("admin.error.keycloakRefusedChange", e.body()), e);
        }
    }

    private static PendingInvitation toPending(OrganizationInvitation i) {
        String name = ((i.firstName() == null ? "" : i.firstName()) + " " + (i.lastName() == null ? "" : i.lastName()))
                .strip();
        return new PendingInvitation(i.id(), i.email(), name, moment(i.sentDate()), moment(i.expiresAt()),
                "EXPIRED".equals(i.status()));
    }

    private static OffsetDateTime moment(long epochSeconds) {
        return epochSeconds <= 0 ? null : Instant.ofEpochSecond(epochSeconds).atOffset(ZoneOffset.UTC);
    }
}
