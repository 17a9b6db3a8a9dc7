package org.entente.api;

import java.util.UUID;
import org.entente.api.clients.ApiClientService;
import org.entente.api.clients.IssuedSecret;
import org.entente.platform.security.SignedInAs;
import org.entente.tenant.TenantService;

/** API clients the matrices use, created once per test JVM by the organization's administrator (through the service). */
public final class NorwayApiClient {

    private static final java.util.Map<String, IssuedSecret> CLIENTS = new java.util.concurrent.ConcurrentHashMap<>();

    private NorwayApiClient() {
    }

    /**
     * A client of {@code organization}, created by {@code memberId} acting as its tenant administrator (the demo
     * realm makes only Norway's lars.haugen one; the service checks the role the principal carries).
     */
    public static IssuedSecret of(TenantService tenants, ApiClientService clients, String organization, UUID memberId,
            String username, String displayName) {
        return CLIENTS.computeIfAbsent(organization, alias -> "norway".equals(alias)
                ? SignedInAs.call(ApiIT.admin(tenants, memberId.toString(), username, displayName, alias),
                        () -> clients.create("Matrix " + alias))
                : ApiIT.asAdminOf(tenants, memberId.toString(), username, displayName, alias,
                        () -> clients.create("Matrix " + alias)));
    }

    private static String token;
    private static java.time.Instant renewAfter = java.time.Instant.EPOCH;

    /**
     * A token of Norway's matrix client, renewed a minute before it expires (tokens live 5 minutes; a matrix may run
     * longer). A new token is used once (a read) before it is handed out: its sign-in (a SIGN_IN audit event, once per
     * token) is then not counted against the first write a matrix checks.
     */
    public static synchronized String norwayToken(TenantService tenants, ApiClientService clients, int port) {
        if (token == null || java.time.Instant.now().isAfter(renewAfter)) {
            IssuedSecret norway = of(tenants, clients, "norway",
                    UUID.fromString("0b000000-0000-4000-8000-000000000002"), "lars.haugen", "Lars Haugen");
            token = ApiCalls.token(norway.client().clientId(), norway.secret());
            renewAfter = java.time.Instant.now().plusSeconds(240);
            new ApiCalls(port).get(token, "/api/v1/workstreams?limit=1");
        }
        return token;
    }
}
