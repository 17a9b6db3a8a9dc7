package org.entente.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.entente.api.clients.ApiClientService;
import org.entente.api.clients.IssuedSecret;
import org.entente.db.embedded.LocalPostgres;
import org.entente.keycloak.EntenteRealm;
import org.entente.keycloak.testing.KeycloakTestServer;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.TenantService;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * examples/api/sync-contributions.sh, the README's demo, run twice against the test app with a Norway API client: it
 * pulls, pushes a contribution and changes it with If-Match (a stale ETag answered 412), and its second run pulls only
 * what changed since the first. Its output is kept in target/sync-contributions-demo.txt.
 */
class SyncScriptIT extends AppIntegrationTest {

    static final Path SCRIPT = Path.of("..", "examples", "api", "sync-contributions.sh");

    @Autowired
    TenantService tenants;
    @Autowired
    ApiClientService clients;
    @Autowired
    WorkstreamService workstreams;
    @Autowired
    LocalPostgres postgres;

    @Test
    void theDemoScriptSyncsBothWays() throws Exception {
        SignedInUser lars = ApiIT.admin(tenants, "0b000000-0000-4000-8000-000000000002", "lars.haugen", "Lars Haugen",
                "norway");
        IssuedSecret client = SignedInAs.call(lars, () -> clients.create("Norway ledger (demo script)"));
        SignedInUser ingrid = ApiIT.person(tenants, UUID.fromString("0b000000-0000-4000-8000-000000000001"),
                "ingrid.solberg", "Ingrid Solberg", "norway", EntenteRealm.ROLE_MEMBER);
        Workstream workstream = SignedInAs.call(ingrid, () -> workstreams.create(ApiIT.draft(
                "Sync demo " + UUID.randomUUID().toString().substring(0, 8), Releasability.PARTICIPANTS)));
        Path state = Files.createTempDirectory(Path.of("target"), "sync-state");

        String first = run(client, workstream, state);
        String second = run(client, workstream, state);

        Files.writeString(Path.of("target", "sync-contributions-demo.txt"), "$ first run\n" + first
                + "\n$ second run\n" + second, StandardCharsets.UTF_8);
        assertThat(first).contains("organization in the token (written by Keycloak): norway",
                "0 changed in 1 page(s)", "\"contributor\":\"norway\"", "old ETag \"0\": 412");
        assertThat(second).contains("1 changed in 1 page(s); local copy holds 1 contributions", ": 412");
        assertThat(new SuperuserDatabase(postgres).query("select count(*), min(contributor_tenant_id::text), "
                + "min(delivered_amount) from contribution where workstream_id = ?", workstream.id()))
                .containsExactly(List.of(2L, ApiIT.NORWAY.toString(), new java.math.BigDecimal("4000.00")));
    }

    private String run(IssuedSecret client, Workstream workstream, Path state) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder("bash", SCRIPT.toString()).redirectErrorStream(true);
        builder.environment().put("ENTENTE_URL", appUrl(""));
        builder.environment().put("ENTENTE_TOKEN_URL", KeycloakTestServer.shared().issuerUri()
                + "/protocol/openid-connect/token");
        builder.environment().put("ENTENTE_CLIENT_ID", client.client().clientId());
        builder.environment().put("ENTENTE_CLIENT_SECRET", client.secret());
        builder.environment().put("WORKSTREAM_ID", workstream.id().toString());
        builder.environment().put("STATE_DIR", state.toString());
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
        assertThat(process.exitValue()).as(output).isZero();
        return output;
    }
}
