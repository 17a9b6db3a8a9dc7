package org.entente.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.entente.api.ApiCalls;
import org.entente.api.ApiCalls.Answer;
import org.entente.api.NorwayApiClient;
import org.entente.api.clients.ApiClientService;
import org.entente.api.clients.IssuedSecret;
import org.entente.assessment.Direction;
import org.entente.assessment.Disaggregation;
import org.entente.assessment.Frequency;
import org.entente.assessment.Indicator;
import org.entente.assessment.IndicatorDraft;
import org.entente.assessment.IndicatorUnit;
import org.entente.assessment.MeasurementDraft;
import org.entente.assessment.Objective;
import org.entente.assessment.ResultsService;
import org.entente.contribution.Contribution;
import org.entente.contribution.ContributionDraft;
import org.entente.contribution.ContributionService;
import org.entente.contribution.ContributionType;
import org.entente.db.embedded.LocalPostgres;
import org.entente.milestone.MilestoneService;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.TenantService;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamService;
import org.entente.workstream.WorkstreamStatus;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The API column of the isolation matrix (ServiceIsolationMatrixIT's sibling, issue #20): every endpoint of /api/v1,
 * called over HTTP with a token from the real Keycloak of each persona's organization's API client, against Norway's
 * workstream with one of everything the API shows in it. A cell is Y (200 and the owner's record is in the answer), N
 * (200 without it) or the HTTP status; the table is what the services' matrix says of the same personas (a workstream
 * the caller may not see is 404, as if it did not exist; the suspended organization is refused everything, 403).
 * Then every write is tried as every persona outside the owning tenant: refused, and nothing stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiIsolationMatrixIT extends AppIntegrationTest {

    /** Columns: owner (Norway), other tenant (Northwind), invited (Kenya), withdrawn (Relief), suspended (Delft). */
    static final String TABLE = """
            probe                  OWN OTH INV WDR SUS
            workstreams            Y   N   Y   N   403
            workstream             Y   404 Y   404 403
            participants           Y   404 Y   404 403
            contributions          Y   404 N   404 403
            contribution           Y   404 404 404 403
            milestones             Y   404 N   404 403
            indicators             Y   404 N   404 403
            measurements           Y   404 404 404 403
            pledge                 201 404 403 404 403
            revise                 Y   404 404 404 403
            measure                201 404 404 404 403
            """;

    static final List<Persona> COLUMNS = List.of(Persona.OWNER_MEMBER, Persona.OTHER_TENANT, Persona.INVITED,
            Persona.WITHDRAWN, Persona.SUSPENDED_TENANT);

    @Autowired
    TenantService tenants;
    @Autowired
    WorkstreamService workstreams;
    @Autowired
    ContributionService contributions;
    @Autowired
    MilestoneService milestones;
    @Autowired
    ResultsService results;
    @Autowired
    ApiClientService clients;
    @Autowired
    LocalPostgres postgres;

    SuperuserDatabase database;
    OwnersWorkstream owners;
    Workstream w;
    Contribution contribution;
    Indicator indicator;
    ApiCalls api;

    @BeforeAll
    void norwaysWorkstreamWithOneOfEverything() {
        api = new ApiCalls(port);
        database = new SuperuserDatabase(postgres);
        owners = OwnersWorkstream.create(tenants, workstreams);
        w = owners.workstream();
        String marker = owners.marker();
        SignedInUser owner = Persona.OWNER_MEMBER.signIn(tenants);
        for (WorkstreamStatus next : List.of(WorkstreamStatus.APPROVED, WorkstreamStatus.ACTIVE)) {
            Workstream current = w;
            w = SignedInAs.call(owner, () -> workstreams.changeStatus(current, next));
        }
        contribution = SignedInAs.call(owner, () -> contributions.pledge(w.ref(), new ContributionDraft(
                ContributionType.FUNDING, marker + " contribution", "EUR", new BigDecimal("1000"), null,
                Releasability.PARTICIPANTS, List.of())));
        SignedInAs.call(owner, () -> milestones.add(w.ref(), marker + " milestone", Persona.OWNER_MEMBER.tenantId,
                LocalDate.now().plusDays(5)));
        Objective objective = SignedInAs.call(owner, () -> results.addObjective(w.ref(), marker + " objective"));
        indicator = SignedInAs.call(owner, () -> results.defineIndicator(w.ref(), new IndicatorDraft(objective.id(),
                marker + " indicator", IndicatorUnit.NUMBER, Direction.HIGHER, Disaggregation.NONE, null, null,
                BigDecimal.TEN, LocalDate.now().plusYears(1), Frequency.MONTHLY, Persona.OWNER_MEMBER.tenantId,
                Releasability.PARTICIPANTS, List.of())));
        SignedInAs.call(owner, () -> results.enterMeasurement(indicator, new MeasurementDraft(
                LocalDate.now().minusMonths(2).withDayOfMonth(1), LocalDate.now().minusMonths(2).withDayOfMonth(1)
                        .plusMonths(1).minusDays(1), null, BigDecimal.ONE, marker + " measurement", null)));
    }

    String token(Persona persona) {
        IssuedSecret client = NorwayApiClient.of(tenants, clients, persona.organization, persona.memberId,
                persona.username, persona.displayName);
        return ApiCalls.token(client.client().clientId(), client.secret());
    }

    /** Each probe: the call, and the id of the owner's record it looks for in a 200 answer. */
    Map<String, Function<String, Answer>> probes() {
        Map<String, Function<String, Answer>> probes = new LinkedHashMap<>();
        String ws = "/api/v1/workstreams/" + w.id();
        probes.put("workstreams", t -> allPages(t, "/api/v1/workstreams?limit=200&updatedSince="
                + java.net.URLEncoder.encode(java.time.OffsetDateTime.now().minusDays(1).toString(),
                java.nio.charset.StandardCharsets.UTF_8)));
        probes.put("workstream", t -> api.get(t, ws));
        probes.put("participants", t -> api.get(t, ws + "/participants"));
        probes.put("contributions", t -> api.get(t, ws + "/contributions"));
        probes.put("contribution", t -> api.get(t, "/api/v1/contributions/" + contribution.id()));
        probes.put("milestones", t -> api.get(t, ws + "/milestones"));
        probes.put("indicators", t -> api.get(t, ws + "/indicators"));
        probes.put("measurements", t -> api.get(t, "/api/v1/indicators/" + indicator.id() + "/measurements"));
        probes.put("pledge", t -> api.post(t, ws + "/contributions", ApiCalls.json(Map.of("type", "FUNDING",
                "description", owners.marker() + " hijack", "unit", "EUR", "pledgedAmount", 5,
                "releasability", "PARTICIPANTS"))));
        probes.put("revise", t -> api.put(t, "/api/v1/contributions/" + contribution.id(),
                "\"" + currentVersion() + "\"", ApiCalls.json(Map.of("description", owners.marker() + " revised",
                        "pledgedAmount", 1000, "releasability", "PARTICIPANTS"))));
        probes.put("measure", t -> api.post(t, "/api/v1/indicators/" + indicator.id() + "/measurements",
                ApiCalls.json(Map.of("periodStart", LocalDate.now().minusMonths(1).withDayOfMonth(1).toString(),
                        "periodEnd", LocalDate.now().minusMonths(1).withDayOfMonth(1).plusMonths(1).minusDays(1)
                                .toString(), "value", 2))));
        return probes;
    }

    /** Every page of a list, followed through "next", as one answer (the first refusal, if any). */
    Answer allPages(String token, String first) {
        StringBuilder bodies = new StringBuilder();
        String next = first;
        Answer page = null;
        while (next != null) {
            page = api.get(token, next);
            if (page.status() != 200) {
                return page;
            }
            bodies.append(page.body());
            var link = page.json().get("next");
            next = link == null || link.isNull() ? null : link.asString();
        }
        return new Answer(200, bodies.toString(), page.headers());
    }

    int currentVersion() {
        return ((Number) database.query("select version from contribution where id = ?", contribution.id())
                .getFirst().getFirst()).intValue();
    }

    String cell(String probe, Answer answer) {
        if (answer.status() >= 400) {
            assertThat(answer.header("Content-Type")).as(probe + " " + answer).startsWith("application/problem+json");
        }
        if (answer.status() != 200) {
            return Integer.toString(answer.status());
        }
        String owned = switch (probe) {
            case "workstreams", "workstream" -> w.id().toString();
            case "participants" -> Persona.OWNER_MEMBER.tenantId.toString();
            case "contributions", "contribution", "revise" -> contribution.id().toString();
            case "milestones" -> owners.marker() + " milestone";
            case "indicators" -> indicator.id().toString();
            case "measurements" -> owners.marker() + " measurement";
            default -> throw new IllegalArgumentException(probe);
        };
        return answer.body().contains(owned) ? "Y" : "N";
    }

    @Test
    void everyEndpointAnswersEachOrganizationsClientAsTheTableSays() {
        Map<Persona, String> tokens = new LinkedHashMap<>();
        COLUMNS.forEach(p -> tokens.put(p, token(p)));
        List<String> actual = new ArrayList<>();
        actual.add("probe                  OWN OTH INV WDR SUS");
        for (Map.Entry<String, Function<String, Answer>> probe : probes().entrySet()) {
            StringBuilder row = new StringBuilder(String.format("%-22s", probe.getKey()));
            for (Persona persona : COLUMNS) {
                String token = tokens.get(persona);
                Answer answer = persona == Persona.SUSPENDED_TENANT
                        ? OwnersWorkstream.whileSuspended(database, () -> probe.getValue().apply(token))
                        : probe.getValue().apply(token);
                row.append(' ').append(String.format("%-3s", cell(probe.getKey(), answer)));
            }
            actual.add(row.toString().stripTrailing());
        }
        assertThat(String.join("\n", actual) + "\n").isEqualTo(TABLE.stripIndent().lines()
                .map(String::stripTrailing).reduce((a, b) -> a + "\n" + b).orElseThrow() + "\n");
        // The owner's own writes (pledge, revise, measure) are the only changes; nobody else's stored anything.
        assertThat(database.query("select count(*) from contribution where description like ?",
                owners.marker() + " hijack")).containsExactly(List.of(1L));
        assertThat(fingerprintOfOthers()).isEqualTo(List.of());
    }

    /** Rows of the workstream written by any organization but the owner. */
    List<List<Object>> fingerprintOfOthers() {
        List<List<Object>> rows = new ArrayList<>();
        rows.addAll(database.query("select id from contribution where workstream_id = ? and contributor_tenant_id <> ?",
                w.id(), Persona.OWNER_MEMBER.tenantId));
        rows.addAll(database.query("select id from measurement where workstream_id = ? and entered_by_tenant_id <> ?",
                w.id(), Persona.OWNER_MEMBER.tenantId));
        return rows;
    }
}
