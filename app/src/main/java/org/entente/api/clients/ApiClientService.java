package org.entente.api.clients;

import static org.entente.db.jooq.Tables.API_CLIENT;

import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.db.jooq.tables.records.ApiClientRecord;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.keycloak.KeycloakAdminClient;
import org.entente.platform.keycloak.KeycloakRequestException;
import org.entente.platform.security.CurrentUser;
import org.entente.platform.security.SignedInUser;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.platform.validation.PlainText;
import org.entente.tenant.Affiliation;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A tenant administrator's API clients for partner systems (issue #20): each a confidential Keycloak client with only
 * the client-credentials flow, bound to the administrator's own organization, its secret shown once.
 *
 * <p><b>Binding to the organization.</b> The client's service-account user is made a member of the Keycloak
 * organization, so the realm's own {@code organization} scope (a default scope of the client) writes the same
 * {@code organization} claim into its tokens as into a person's at sign-in, and the app maps it to the tenant exactly
 * as sign-in does. Keycloak 26.5.6 accepts a service-account user as an organization member (201, checked against the
 * real server: the token then carries {@code "organization": {"norway": {"id": …, "kind": […]}}}), so the fallback of
 * a hardcoded-claim mapper was not needed. A side benefit: offboarding removes every membership of the organization,
 * the API clients' too, and with it the claim.
 *
 * <p>Keycloak is called outside the database transaction; a database failure after Keycloak created the client
 * deletes it again. Revoking deletes the Keycloak client (no new token can be had) and keeps the row with
 * {@code revoked_at}; the resource server refuses a token of a revoked client at once, even before it expires.
 */
@Service
public class ApiClientService {

    private static final Logger log = LoggerFactory.getLogger(ApiClientService.class);
    private static final SecureRandom RANDOM = new SecureRandom();
    static final int NAME_MAX = 100;

    private final DSLContext dsl;
    private final TransactionTemplate transactions;
    private final CurrentUser currentUser;
    private final AuditTrail audit;
    private final ObjectProvider<KeycloakAdminClient> keycloak;

    ApiClientService(DSLContext dsl, PlatformTransactionManager transactionManager, CurrentUser currentUser,
            AuditTrail audit, ObjectProvider<KeycloakAdminClient> keycloak) {
        this.dsl = dsl;
        this.transactions = new TransactionTemplate(transactionManager);
        this.currentUser = currentUser;
        this.audit = audit;
        this.keycloak = keycloak;
    }

    /** Whether the signed-in person administers their organization (who sees the section at all). */
    public boolean mayManage() {
        return currentUser.get().map(u -> u.affiliation() instanceof Affiliation.Affiliated
                && u.roles().contains(EntenteRealm.ROLE_TENANT_ADMIN)).orElse(false);
    }

    /** The organization's API clients, newest first, revoked ones last. */
    public List<ApiClient> list() {
        requireTenantAdmin();
        return transactions.execute(status -> dsl.selectFrom(API_CLIENT)
                .orderBy(API_CLIENT.REVOKED_AT.isNotNull(), API_CLIENT.CREATED_AT.desc())
                .fetch(ApiClientService::toClient));
    }

    /** Creates a client for the administrator's own organization; the answer carries its secret, shown once. */
    public IssuedSecret create(String displayName) {
        Admin admin = requireTenantAdmin();
        String name = displayName == null ? "" : displayName.strip();
        new InvalidInput.Collector()
                .check(!name.isEmpty(), "displayName", "api.client.error.nameMissing")
                .check(name.length() <= NAME_MAX, "displayName", "api.client.error.nameTooLong", NAME_MAX)
                .check(PlainText.storable(name), "displayName", PlainText.MESSAGE)
                .throwIfAny();
        String clientId = "entente-api-" + admin.alias().toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9-]", "-")
                + "-" + HexFormat.of().formatHex(randomBytes());
        KeycloakAdminClient kc = keycloak();
        UUID organization = kc.organizationByAlias(admin.alias())
                .orElseThrow(() -> new NotAllowed("api.client.error.noOrganization")).id();
        UUID keycloakId = kc.createServiceAccountClient(clientId, name,
                "Entente API client of " + admin.alias() + " (created in Entente; do not edit here)");
        String secret;
        try {
            UUID serviceAccount = kc.serviceAccountUser(keycloakId);
            nameQuietly(kc, serviceAccount, name);
            kc.addOrganizationMember(organization, serviceAccount);
            secret = kc.clientSecret(keycloakId);
        } catch (RuntimeException e) {
            deleteQuietly(kc, keycloakId);
            throw e;
        }
        UUID id = UUID.randomUUID();
        try {
            ApiClient created = transactions.execute(status -> {
                dsl.insertInto(API_CLIENT)
                        .set(API_CLIENT.TENANT_ID, admin.tenantId())
                        .set(API_CLIENT.ID, id)
                        .set(API_CLIENT.KEYCLOAK_CLIENT_ID, keycloakId)
                        .set(API_CLIENT.CLIENT_ID, clientId)
                        .set(API_CLIENT.DISPLAY_NAME, name)
                        .set(API_CLIENT.CREATED_BY, admin.memberId())
                        .execute();
                audit.record("API_CLIENT_CREATED", "api_client", id, null,
                        Map.of("clientId", clientId, "name", name));
                return dsl.selectFrom(API_CLIENT).where(API_CLIENT.ID.eq(id)).fetchSingle(ApiClientService::toClient);
            });
            return new IssuedSecret(created, secret);
        } catch (RuntimeException e) {
            deleteQuietly(kc, keycloakId);
            throw e;
        }
    }

    /** A new secret for the client, shown once; the old one stops working at Keycloak's token endpoint at once. */
    public IssuedSecret rotate(UUID id) {
        requireTenantAdmin();
        ApiClientRecord row = activeRow(id);
        String secret = keycloak().regenerateClientSecret(row.getKeycloakClientId());
        ApiClient rotated = transactions.execute(status -> {
            dsl.update(API_CLIENT).set(API_CLIENT.ROTATED_AT, DSL.currentOffsetDateTime())
                    .where(API_CLIENT.ID.eq(id)).execute();
            audit.record("API_CLIENT_ROTATED", "api_client", id, null, Map.of("clientId", row.getClientId()));
            return dsl.selectFrom(API_CLIENT).where(API_CLIENT.ID.eq(id)).fetchSingle(ApiClientService::toClient);
        });
        return new IssuedSecret(rotated, secret);
    }

    /** Revokes the client: Keycloak's client is deleted, the row keeps {@code revoked_at}, its tokens are refused. */
    public ApiClient revoke(UUID id) {
        requireTenantAdmin();
        ApiClientRecord row = activeRow(id);
        try {
            keycloak().deleteClient(row.getKeycloakClientId());
        } catch (KeycloakRequestException e) {
            if (!e.isNotFound()) {
                throw e;
            }
        }
        return transactions.execute(status -> {
            dsl.update(API_CLIENT).set(API_CLIENT.REVOKED_AT, DSL.currentOffsetDateTime())
                    .where(API_CLIENT.ID.eq(id)).execute();
            audit.record("API_CLIENT_REVOKED", "api_client", id, null, Map.of("clientId", row.getClientId()));
            return dsl.selectFrom(API_CLIENT).where(API_CLIENT.ID.eq(id)).fetchSingle(ApiClientService::toClient);
        });
    }

    /**
     * Whether {@code clientId} is a client of the current transaction's tenant that is not revoked: the resource
     * server's check on every request (a token outlives a revocation by up to its lifetime otherwise). Row-level
     * security confines the lookup to the token's own organization, so another tenant's client id is not found.
     */
    public boolean isActive(String clientId) {
        return Boolean.TRUE.equals(transactions.execute(status -> dsl.fetchExists(dsl.selectOne().from(API_CLIENT)
                .where(API_CLIENT.CLIENT_ID.eq(clientId), API_CLIENT.REVOKED_AT.isNull()))));
    }

    private ApiClientRecord activeRow(UUID id) {
        Optional<ApiClientRecord> row = transactions.execute(status ->
                dsl.selectFrom(API_CLIENT).where(API_CLIENT.ID.eq(id)).fetchOptional());
        if (row == null || row.isEmpty()) {
            throw new NotAllowed("api.client.error.notFound");
        }
        if (row.get().getRevokedAt() != null) {
            throw new NotAllowed("api.client.error.revoked");
        }
        return row.get();
    }

    private record Admin(UUID tenantId, UUID memberId, String alias) {
    }

    private Admin requireTenantAdmin() {
        SignedInUser user = currentUser.get().orElseThrow(() -> new AccessDeniedException("Not signed in"));
        if (!(user.affiliation() instanceof Affiliation.Affiliated affiliated)
                || !user.roles().contains(EntenteRealm.ROLE_TENANT_ADMIN)) {
            throw new AccessDeniedException("Only a tenant admin manages the API clients of their own organization");
        }
        return new Admin(affiliated.tenantId(), user.memberId(), affiliated.alias());
    }

    private KeycloakAdminClient keycloak() {
        KeycloakAdminClient client = keycloak.getIfAvailable();
        if (client == null) {
            throw new NotAllowed("api.client.error.keycloakMissing");
        }
        return client;
    }

    private static void deleteQuietly(KeycloakAdminClient kc, UUID keycloakId) {
        try {
            kc.deleteClient(keycloakId);
        } catch (RuntimeException e) {
            log.warn("Could not delete Keycloak client {} after a failed creation; delete it by hand", keycloakId, e);
        }
    }

    /**
     * Names the service account after the client ("Norway sync API"), so that what it records (activity, audit) says
     * who did it; Keycloak's person-name rule refuses some characters (brackets, slashes…), and then the account keeps
     * its technical name: a cosmetic step that never stops the creation.
     */
    private static void nameQuietly(KeycloakAdminClient kc, UUID serviceAccount, String name) {
        try {
            kc.setUserName(serviceAccount, name, "API");
        } catch (KeycloakRequestException e) {
            log.info("Keycloak refused the name '{}' for an API client's service account; it keeps its technical name",
                    name);
        }
    }

    private static byte[] randomBytes() {
        byte[] bytes = new byte[4];
        RANDOM.nextBytes(bytes);
        return bytes;
    }

    private static ApiClient toClient(ApiClientRecord r) {
        return new ApiClient(r.getId(), r.getClientId(), r.getDisplayName(), r.getCreatedAt(), r.getRotatedAt(),
                r.getRevokedAt());
    }
}
