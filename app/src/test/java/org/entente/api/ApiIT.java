package org.entente.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.entente.api.ApiCalls.Answer;
import org.entente.api.clients.ApiClientService;
import org.entente.api.clients.IssuedSecret;
import org.entente.db.embedded.LocalPostgres;
import org.entente.initiative.Mechanism;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.TenantService;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Participant.ParticipantRole;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamQuery;
import org.entente.workstream.WorkstreamService;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The partner API through the real Keycloak token endpoint (client credentials) and HTTP, as a partner's system uses
 * it: a Norway API client sees exactly Norway's view, writes Norway's contributions only, and is refused (as problem
 * details) whatever it may not do.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiIT extends AppIntegrationTest {

    static final UUID NORWAY = UUID.fromString("0a000000-0000-4000-8000-000000000001");
    static final UUID KENYA = UUID.fromString("0a000000-0000-4000-8000-000000000002");
    static final UUID DELFT = UUID.fromString("0a000000-0000-4000-8000-000000000009");

    @Autowired
    TenantService tenants;
    @Autowired
    WorkstreamService workstreams;
    @Autowired
    ApiClientService clients;
    @Autowired
    LocalPostgres postgres;
    @Autowired
    org.entente.platform.keycloak.KeycloakAdminClient keycloak;

    ApiCalls api;
    SuperuserDatabase database;
    SignedInUser norwayAdmin;
    SignedInUser norwayMember;
    IssuedSecret norwayClient;
    Workstream norwaysWorkstream;
    Workstream northwindsPrivate;
    String marker;

    /**
     * A demo person signed in with their realm's name and address (as Persona does: signing in updates the member row,
     * which other tests read), with the roles given.
     */
    static SignedInUser person(TenantService tenants, UUID memberId, String username, String displayName,
            String organization, String... roles) {
        return SignedInAs.user(tenants, memberId, username, displayName,
                username + "@" + organization + ".demo.entente.org", Set.of(roles), organization);
    }

    /**
     * Works as a demo member of another organization given the tenant-admin role for it (the demo realm makes only
     * Norway's lars.haugen one), then signs them in again with their realm roles: the member row, which other tests
     * read, is as before.
     */
    static <T> T asAdminOf(TenantService tenants, String memberId, String username, String displayName,
            String organization, java.util.function.Supplier<T> work) {
        try {
            return SignedInAs.call(admin(tenants, memberId, username, displayName, organization), work);
        } finally {
            person(tenants, UUID.fromString(memberId), username, displayName, organization, EntenteRealm.ROLE_MEMBER);
        }
    }

    /** A demo person acting as their organization's tenant administrator (to create a client). */
    static SignedInUser admin(TenantService tenants, String memberId, String username, String displayName,
            String organization) {
        return person(tenants, UUID.fromString(memberId), username, displayName, organization, EntenteRealm.ROLE_MEMBER,
                EntenteRealm.ROLE_TENANT_ADMIN);
    }

    @BeforeAll
    void aNorwayClientAndTwoWorkstreams() {
        api = new ApiCalls(port);
        database = new SuperuserDatabase(postgres);
        norwayAdmin = admin(tenants, "0b000000-0000-4000-8000-000000000002", "lars.haugen", "Lars Haugen", "norway");
        norwayMember = person(tenants, UUID.fromString("0b000000-0000-4000-8000-000000000001"), "ingrid.solberg",
                "Ingrid Solberg", "norway", EntenteRealm.ROLE_MEMBER);
        norwayClient = SignedInAs.call(norwayAdmin, () -> clients.create("Norway sync"));
        marker = "API " + UUID.randomUUID().toString().substring(0, 8);
        norwaysWorkstream = SignedInAs.call(norwayMember, () -> workstreams.create(draft(marker, Releasability.PARTICIPANTS)));
        // Kenya is invited and has not answered: it sees a summary and may not contribute.
        SignedInAs.run(norwayMember, () -> workstreams.invite(norwaysWorkstream.ref(), KENYA, ParticipantRole.CONTRIBUTOR));
        SignedInUser northwind = person(tenants, UUID.fromString("0b000000-0000-4000-8000-000000000010"), "mei.chen",
                "Mei Chen", "northwind", EntenteRealm.ROLE_MEMBER);
        northwindsPrivate = SignedInAs.call(northwind, () -> workstreams.create(draft(marker + " private",
                Releasability.PRIVATE)));
    }

    static WorkstreamDraft draft(String title, Releasability releasability) {
        return new WorkstreamDraft(title, title + " objectives", releasability, List.of(), "Baltic",
                LocalDate.of(2026, 6, 1), LocalDate.of(2026, 9, 30),
                new KindDetails.Initiative(Mechanism.JOINT_EXERCISE, List.of(title + " goal")));
    }

    String norwayToken() {
        return ApiCalls.token(norwayClient.client().clientId(), norwayClient.secret());
    }

    static String pledge(String description, String releasability) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "FUNDING");
        body.put("description", description);
        body.put("unit", "EUR");
        body.put("pledgedAmount", 2500);
        body.put("releasability", releasability);
        return ApiCalls.json(body);
    }

    /** Every item of a list, following "next" links page by page. */
    List<JsonNode> all(String token, String firstPage) {
        List<JsonNode> items = new ArrayList<>();
        String next = firstPage;
        int pages = 0;
        while (next != null) {
            Answer page = api.get(token, next);
            assertThat(page.status()).as(page.toString()).isEqualTo(200);
            page.json().get("items").forEach(items::add);
            JsonNode link = page.json().get("next");
            next = link == null || link.isNull() ? null : link.asString();
            assertThat(++pages).as("pages").isLessThan(1000);
        }
        return items;
    }

    @Test
    void theTokenCarriesTheOrganizationKeycloakWroteAndTheClientReadsExactlyNorwaysView() {
        String token = norwayToken();
        String payload = new String(java.util.Base64.getUrlDecoder().decode(token.split("\\.")[1]));
        assertThat(ApiCalls.JSON.readTree(payload).get("organization").has("norway")).as(payload).isTrue();

        Set<String> viaApi = new HashSet<>();
        all(token, "/api/v1/workstreams?limit=200").forEach(w -> viaApi.add(w.get("id").asString()));
        Set<String> viaService = new HashSet<>();
        SignedInAs.call(norwayMember, () -> workstreams.find(WorkstreamQuery.all(), 0, 100_000))
                .forEach(w -> viaService.add(w.id().toString()));
        assertThat(viaApi).isEqualTo(viaService).contains(norwaysWorkstream.id().toString())
                .doesNotContain(northwindsPrivate.id().toString());

        Answer mine = api.get(token, "/api/v1/workstreams/" + norwaysWorkstream.id());
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.header("ETag")).isEqualTo("\"" + norwaysWorkstream.version() + "\"");
        JsonNode label = mine.json().get("label");
        assertThat(label.get("releasability").asString()).isEqualTo("PARTICIPANTS");
        assertThat(label.get("releasableTo").toString()).contains("Kingdom of Norway");

        Answer hidden = api.get(token, "/api/v1/workstreams/" + northwindsPrivate.id());
        Answer missing = api.get(token, "/api/v1/workstreams/" + UUID.randomUUID());
        assertThat(hidden.status()).isEqualTo(404);
        assertThat(missing.status()).isEqualTo(404);
        assertThat(hidden.json().get("detail")).isEqualTo(missing.json().get("detail"));
        assertThat(api.get(token, "/api/v1/workstreams/" + northwindsPrivate.id() + "/contributions").status())
                .isEqualTo(404);
    }

    @Test
    void aContributionWrittenThroughTheApiIsNorwaysAndShowsInTheBrowser() {
        String token = norwayToken();
        String description = marker + " pledged by the API";
        // A body naming another organization changes nothing: the contributor is the token's.
        Map<String, Object> body = new LinkedHashMap<>(ApiCalls.JSON.readValue(pledge(description, "PARTICIPANTS"),
                Map.class));
        body.put("contributor", Map.of("id", KENYA.toString()));
        body.put("contributorTenantId", KENYA.toString());
        Answer created = api.post(token, "/api/v1/workstreams/" + norwaysWorkstream.id() + "/contributions",
                ApiCalls.json(body));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.json().get("id").asString();
        assertThat(created.header("Location")).endsWith("/api/v1/contributions/" + id);
        assertThat(created.header("ETag")).isEqualTo("\"" + created.json().get("version").asInt() + "\"");
        assertThat(created.json().get("contributor").get("alias").asString()).isEqualTo("norway");
        assertThat(database.query("select contributor_tenant_id from contribution where id = ?", UUID.fromString(id)))
                .containsExactly(List.of(NORWAY));

        try (Browser norway = new Browser()) {
            norway.open(appUrl("/workstream/" + norwaysWorkstream.id()));
            norway.signInAtKeycloak("ingrid.solberg", EntenteRealm.DEMO_PASSWORD);
            norway.openTab("Contributions");
            norway.waitForText(By.id("contributions"), description);
        }
    }

    @Test
    void itCannotWriteWhereItTakesNoPartAndNothingIsStored() {
        String token = norwayToken();
        String description = marker + " must not exist";
        Answer invisible = api.post(token, "/api/v1/workstreams/" + northwindsPrivate.id() + "/contributions",
                pledge(description, "PARTICIPANTS"));
        assertThat(invisible.status()).as(invisible.toString()).isEqualTo(404);

        // Kenya, invited but not a participant yet, sees the workstream's summary and may not contribute to it.
        IssuedSecret kenya = asAdminOf(tenants, "0b000000-0000-4000-8000-000000000003", "amina.odhiambo",
                "Amina Odhiambo", "kenya", () -> clients.create("Kenya sync"));
        String kenyaToken = ApiCalls.token(kenya.client().clientId(), kenya.secret());
        Answer refused = api.post(kenyaToken, "/api/v1/workstreams/" + norwaysWorkstream.id() + "/contributions",
                pledge(description, "PARTICIPANTS"));
        assertThat(refused.status()).as(refused.toString()).isIn(403, 404);
        assertThat(refused.header("Content-Type")).startsWith("application/problem+json");
        assertThat(database.query("select count(*) from contribution where description = ?", description))
                .containsExactly(List.of(0L));
    }

    @Test
    void aStaleIfMatchIsRefusedAndChangesNothing() {
        String token = norwayToken();
        String path = "/api/v1/workstreams/" + norwaysWorkstream.id() + "/contributions";
        Answer created = api.post(token, path, pledge(marker + " versioned", "PARTICIPANTS"));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String contribution = "/api/v1/contributions/" + created.json().get("id").asString();
        String etag = created.header("ETag");

        Answer withoutIfMatch = api.put(token, contribution, null, pledge(marker + " changed", "PARTICIPANTS"));
        assertThat(withoutIfMatch.status()).isEqualTo(428);
        Answer changed = api.put(token, contribution, etag, pledge(marker + " changed once", "PARTICIPANTS"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        assertThat(changed.header("ETag")).isNotEqualTo(etag);
        Answer stale = api.put(token, contribution, etag, pledge(marker + " overwritten", "PARTICIPANTS"));
        assertThat(stale.status()).isEqualTo(412);
        assertThat(stale.header("Content-Type")).startsWith("application/problem+json");
        assertThat(api.get(token, contribution).json().get("description").asString()).isEqualTo(marker + " changed once");
    }

    @Test
    void aRotatedSecretReplacesTheOldOneAndARevokedClientIsRefused() {
        IssuedSecret created = SignedInAs.call(norwayAdmin, () -> clients.create("Norway rotated key"));
        String clientId = created.client().clientId();
        IssuedSecret rotated = SignedInAs.call(norwayAdmin, () -> clients.rotate(created.client().id()));
        assertThat(rotated.secret()).isNotEqualTo(created.secret());
        assertThat(rotated.client().rotatedAt()).isNotNull();
        assertThat(ApiCalls.tokenRequest(clientId, created.secret()).status()).isIn(400, 401);
        String token = ApiCalls.token(clientId, rotated.secret());
        assertThat(api.get(token, "/api/v1/workstreams?limit=1").status()).isEqualTo(200);

        SignedInAs.run(norwayAdmin, () -> clients.revoke(created.client().id()));
        Answer afterRevocation = api.get(token, "/api/v1/workstreams?limit=1");
        assertThat(afterRevocation.status()).as("a token issued before the revocation").isEqualTo(401);
        assertThat(afterRevocation.header("Content-Type")).startsWith("application/problem+json");
        assertThat(afterRevocation.header("WWW-Authenticate")).startsWith("Bearer");
        assertThat(ApiCalls.tokenRequest(clientId, rotated.secret()).status()).isIn(400, 401);
        assertThat(SignedInAs.call(norwayAdmin, () -> clients.list()).stream()
                .filter(c -> c.clientId().equals(clientId)).findFirst().orElseThrow().revoked()).isTrue();
        assertThat(database.query("select action from audit_event where entity_id = ? order by id",
                created.client().id().toString()).stream().map(List::getFirst).toList())
                .containsExactly("API_CLIENT_CREATED", "API_CLIENT_ROTATED", "API_CLIENT_REVOKED");
    }

    @Test
    void aSuspendedOrganizationsClientReadsNothing() {
        IssuedSecret delft = asAdminOf(tenants, "0b000000-0000-4000-8000-000000000011", "pieter.devries",
                "Pieter de Vries", "delft-defence-lab", () -> clients.create("Delft sync"));
        String token = ApiCalls.token(delft.client().clientId(), delft.secret());
        assertThat(api.get(token, "/api/v1/workstreams?limit=1").status()).isEqualTo(200);
        database.update("update tenant set status = 'SUSPENDED' where id = ?", DELFT);
        try {
            Answer refused = api.get(token, "/api/v1/workstreams");
            assertThat(refused.status()).as(refused.toString()).isEqualTo(403);
            assertThat(refused.json().get("type").asString()).isEqualTo("urn:entente:problem:organization-not-active");
            assertThat(refused.body()).doesNotContain(marker);
        } finally {
            database.update("update tenant set status = 'ACTIVE' where id = ?", DELFT);
        }
    }

    @Test
    void pagesAndUpdatedSinceLetAPartnerSystemSync() {
        String token = norwayToken();
        String list = "/api/v1/workstreams/" + norwaysWorkstream.id() + "/contributions";
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Answer created = api.post(token, list, pledge(marker + " page " + i, "PARTICIPANTS"));
            assertThat(created.status()).as(created.toString()).isEqualTo(201);
            ids.add(created.json().get("id").asString());
        }
        List<JsonNode> firstSync = all(token, list + "?limit=2");
        List<String> seen = firstSync.stream().map(c -> c.get("id").asString()).toList();
        assertThat(seen).doesNotHaveDuplicates().containsAll(ids);
        assertThat(api.get(token, list + "?limit=2").json().get("next").asString()).contains("cursor=");

        String lastSync = firstSync.stream().map(c -> c.get("updatedAt").asString())
                .max(java.util.Comparator.comparing(java.time.OffsetDateTime::parse)).orElseThrow();
        Answer one = api.get(token, "/api/v1/contributions/" + ids.get(2));
        Answer changed = api.put(token, "/api/v1/contributions/" + ids.get(2), one.header("ETag"),
                pledge(marker + " page 2 changed", "PARTICIPANTS"));
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        List<String> since = all(token, list + "?updatedSince=" + java.net.URLEncoder.encode(
                java.time.OffsetDateTime.parse(lastSync).plusNanos(1000).toString(), java.nio.charset.StandardCharsets.UTF_8))
                .stream().map(c -> c.get("id").asString()).toList();
        assertThat(since).containsExactly(ids.get(2));

        assertThat(api.get(token, list + "?limit=201").status()).isEqualTo(400);
        assertThat(api.get(token, list + "?updatedSince=yesterday").status()).isEqualTo(400);
        assertThat(api.get(token, list + "?cursor=not-a-cursor").status()).isEqualTo(400);
    }

    @Test
    void everyRefusalIsAProblemDetail() {
        String token = norwayToken();
        Answer unauthenticated = api.get(null, "/api/v1/workstreams");
        Answer personsToken = api.get("not-a-token", "/api/v1/workstreams");
        // A real token of the realm whose client belongs to no organization (made in Keycloak, not through Entente).
        String strayClientId = "entente-api-stray-" + UUID.randomUUID().toString().substring(0, 8);
        UUID stray = keycloak.createServiceAccountClient(strayClientId, "Stray", "No organization");
        Answer noOrganization;
        try {
            noOrganization = api.get(ApiCalls.token(strayClientId, keycloak.clientSecret(stray)),
                    "/api/v1/workstreams");
        } finally {
            keycloak.deleteClient(stray);
        }
        Answer notFound = api.get(token, "/api/v1/no-such-thing");
        Answer wrongMethod = api.send(token, "DELETE", "/api/v1/workstreams", null, null);
        Answer wrongType = api.send(token, "POST", "/api/v1/workstreams/" + norwaysWorkstream.id() + "/contributions",
                "text/plain", "hello");
        Answer invalid = api.post(token, "/api/v1/workstreams/" + norwaysWorkstream.id() + "/contributions",
                ApiCalls.json(Map.of("type", "FUNDING", "unit", "EUR", "pledgedAmount", -5,
                        "releasability", "PARTICIPANTS")));
        Answer wider = api.post(token, "/api/v1/workstreams/" + norwaysWorkstream.id() + "/contributions",
                pledge(marker + " wider", "ALL_PARTNERS"));
        Map<Integer, Answer> byStatus = new LinkedHashMap<>();
        for (Answer answer : List.of(unauthenticated, personsToken, noOrganization, notFound, wrongMethod, wrongType, invalid, wider)) {
            assertThat(answer.header("Content-Type")).as(answer.toString()).startsWith("application/problem+json");
            JsonNode problem = answer.json();
            assertThat(problem.get("status").asInt()).isEqualTo(answer.status());
            assertThat(problem.get("title").asString()).isNotBlank();
            assertThat(problem.get("type").asString()).startsWith("urn:entente:problem:");
            byStatus.put(answer.status(), answer);
        }
        assertThat(unauthenticated.status()).isEqualTo(401);
        assertThat(personsToken.status()).isEqualTo(401);
        assertThat(noOrganization.status()).isEqualTo(401);
        assertThat(noOrganization.json().get("detail").asString()).contains("names no organization");
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(wrongMethod.status()).isEqualTo(405);
        assertThat(wrongMethod.header("Allow")).contains("GET");
        assertThat(wrongType.status()).isEqualTo(415);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.json().get("errors").toString()).contains("pledgedAmount");
        assertThat(wider.status()).isEqualTo(422);
        assertThat(wider.json().get("errors").toString()).contains("releasability");
        assertThat(database.query("select count(*) from contribution where description = ?", marker + " wider"))
                .containsExactly(List.of(0L));
    }

    @Test
    void aBodyOverTheLimitIs413() {
        String token = norwayToken();
        String huge = pledge("x".repeat(70 * 1024), "PARTICIPANTS");
        Answer tooLarge = api.post(token, "/api/v1/workstreams/" + norwaysWorkstream.id() + "/contributions", huge);
        assertThat(tooLarge.status()).isEqualTo(413);
        assertThat(tooLarge.header("Content-Type")).startsWith("application/problem+json");
    }

    @Test
    void aClientOverItsRateLimitGets429WithRetryAfter() throws Exception {
        IssuedSecret busy = SignedInAs.call(norwayAdmin, () -> clients.create("Norway busy"));
        String token = ApiCalls.token(busy.client().clientId(), busy.secret());
        AtomicReference<Answer> limited = new AtomicReference<>();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<?>> running = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                running.add(threads.submit(() -> {
                    while (limited.get() == null && sent.incrementAndGet() <= 800) {
                        Answer answer = api.get(token, "/api/v1/workstreams/" + norwaysWorkstream.id());
                        if (answer.status() == 429) {
                            limited.compareAndSet(null, answer);
                        }
                    }
                }));
            }
            for (Future<?> f : running) {
                f.get();
            }
        } finally {
            threads.shutdownNow();
        }
        assertThat(limited.get()).as("429 within %s requests", sent.get()).isNotNull();
        assertThat(limited.get().header("Retry-After")).isNotBlank();
        assertThat(limited.get().header("Content-Type")).startsWith("application/problem+json");
        // Another client of the same organization has its own budget.
        assertThat(api.get(norwayToken(), "/api/v1/workstreams/" + norwaysWorkstream.id()).status()).isEqualTo(200);
    }

    @Test
    void onlyATenantAdminManagesClients() {
        // Another organization's administrator finds no client of Norway's to rotate or revoke.
        asAdminOf(tenants, "0b000000-0000-4000-8000-000000000010", "mei.chen", "Mei Chen", "northwind", () -> {
            assertThatThrownBy(() -> clients.rotate(norwayClient.client().id()))
                    .isInstanceOf(org.entente.platform.validation.NotAllowed.class);
            assertThatThrownBy(() -> clients.revoke(norwayClient.client().id()))
                    .isInstanceOf(org.entente.platform.validation.NotAllowed.class);
            assertThat(clients.list()).noneMatch(c -> c.id().equals(norwayClient.client().id()));
            return null;
        });
        assertThat(api.get(norwayToken(), "/api/v1/workstreams?limit=1").status()).as("Norway's secret still works")
                .isEqualTo(200);
        assertThatThrownBy(() -> SignedInAs.call(norwayMember, () -> clients.create("Not mine")))
                .isInstanceOf(org.springframework.security.access.AccessDeniedException.class);
        assertThatThrownBy(() -> SignedInAs.call(norwayAdmin, () -> clients.create("  ")))
                .isInstanceOf(org.entente.platform.validation.InvalidInput.class);
    }
}
