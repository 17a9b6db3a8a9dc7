package org.entente.analytics.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Date;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.entente.analytics.engine.snapshot.SnapshotReader;
import org.entente.analytics.engine.snapshot.SnapshotStore;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * visibility.sql on the snapshot shows each tenant exactly what PostgreSQL's row-level security shows it: for every
 * demo tenant, and for seeded random data written through the app role the way the app writes (one transaction per
 * step, app.tenant_id set in it). Member mode (only visible rows) and federation mode (every row, visible flag).
 */
class VisibilityEqualityTest {

    private static final long SEED = 20261201L;
    private static final int RANDOM_TENANTS = 14;
    private static final int RANDOM_WORKSTREAMS = 90;

    /** What is compared: a key per visible row, read through RLS (PostgreSQL) and through the v_* views (DuckDB). */
    private record Probe(String name, String postgres, String duckdb) {
    }

    private static final List<Probe> PROBES = List.of(
            probe("workstream", "id"),
            probe("participation", "workstream_id || '/' || participant_tenant_id"),
            probe("initiative", "workstream_id"),
            probe("rnd_project", "workstream_id"),
            probe("work_package", "id"),
            probe("deliverable", "id"),
            probe("engagement", "workstream_id"),
            probe("contribution", "id"),
            probe("milestone", "id"),
            probe("activity", "id"),
            probe("indicator", "id"),
            // A security_invoker view in PostgreSQL: its rows are those of the indicators the reader may see.
            probe("indicator_progress", "indicator_id"),
            probe("assessment", "id"),
            probe("assessment_recommendation", "id"));

    private static SnapshotStore store;
    private static List<UUID> randomTenants;

    @BeforeAll
    static void randomDataAndSnapshot() throws SQLException {
        randomTenants = new RandomCollaboration(new Random(SEED)).write(RANDOM_TENANTS, RANDOM_WORKSTREAMS);
        store = new SnapshotStore(TestPostgres.freshDirectory("visibility-equality"));
        store.refresh(TestPostgres.analytics(), null);
    }

    @AfterAll
    static void closeStore() {
        store.close();
    }

    @Test
    void everyDemoTenantSeesInTheSnapshotWhatRowLevelSecurityShowsIt() throws Exception {
        List<UUID> demo = new ArrayList<>(allTenants());
        demo.removeAll(randomTenants);
        assertThat(demo).as("demo tenants").hasSizeGreaterThanOrEqualTo(5);

        Map<String, Integer> seen = compareFor(demo);

        assertThat(seen.get("workstream")).as("workstreams seen by all demo tenants together").isPositive();
        assertThat(seen.get("contribution")).as("contributions seen by all demo tenants together").isPositive();
    }

    @Test
    void randomTenantsSeeInTheSnapshotWhatRowLevelSecurityShowsThem() throws Exception {
        Map<String, Integer> seen = compareFor(randomTenants);

        // The random data is not trivial: tenants see different, partial sets.
        assertThat(seen.get("workstream")).isPositive();
        assertThat(seen.get("contribution")).isPositive();
        assertThat(seen.get("milestone")).isPositive();
        assertThat(seen.get("engagement")).isPositive();
        assertThat(seen.get("activity")).isPositive();
        assertThat(seen.get("indicator")).isPositive();
        assertThat(seen.get("indicator_progress")).isEqualTo(seen.get("indicator"));
        assertThat(seen.get("assessment")).isPositive();
        assertThat(seen.get("assessment_recommendation")).isPositive();
    }

    /** Compares every probe for every tenant, member and federation mode; returns the visible rows summed over tenants. */
    private static Map<String, Integer> compareFor(List<UUID> tenants) throws Exception {
        // PostgreSQL's answers (row-level security evaluates its functions per row: the slow half) on two
        // connections in parallel, while DuckDB's are checked here.
        ExecutorService pool = Executors.newFixedThreadPool(2);
        Map<String, Integer> seen = new LinkedHashMap<>();
        try (SnapshotReader reader = store.open()) {
            List<Future<Map<String, Set<String>>>> answers = new ArrayList<>();
            for (UUID tenant : tenants) {
                answers.add(pool.submit(() -> rowLevelSecurity(tenant)));
            }
            Connection duckdb = reader.connection();
            Map<String, Integer> totals = new LinkedHashMap<>();
            for (Probe probe : PROBES) {
                totals.put(probe.name(), keys(duckdb, "SELECT " + probe.duckdb().replace(" FROM v_", " FROM ")).size());
            }
            for (int i = 0; i < tenants.size(); i++) {
                UUID tenant = tenants.get(i);
                Map<String, Set<String>> rls = answers.get(i).get();

                Visibility.apply(duckdb, Viewer.organization(tenant));
                for (Probe probe : PROBES) {
                    Map<String, Boolean> member = flagged(duckdb, probe.duckdb());
                    assertThat(member.keySet()).as("%s visible to tenant %s (member view) vs RLS", probe.name(), tenant)
                            .isEqualTo(rls.get(probe.name()));
                    assertThat(member.values()).as("member view of %s flags every row visible", probe.name()).doesNotContain(false);
                    seen.merge(probe.name(), member.size(), Integer::sum);
                }

                Visibility.apply(duckdb, Viewer.federation(tenant));
                for (Probe probe : PROBES) {
                    Map<String, Boolean> federation = flagged(duckdb, probe.duckdb());
                    assertThat(visibleKeys(federation))
                            .as("%s flagged visible for tenant %s (federation view) vs RLS", probe.name(), tenant)
                            .isEqualTo(rls.get(probe.name()));
                    assertThat(federation).as("federation view of %s holds every row", probe.name())
                            .hasSize(totals.get(probe.name()));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        return seen;
    }

    /** What PostgreSQL shows the tenant: the app role, app.tenant_id set in the transaction, as the app reads. */
    private static Map<String, Set<String>> rowLevelSecurity(UUID tenant) throws SQLException {
        try (Connection postgres = TestPostgres.app().getConnection()) {
            postgres.setAutoCommit(false);
            try (PreparedStatement set = postgres.prepareStatement("SELECT set_config('app.tenant_id', ?, true)")) {
                set.setString(1, tenant.toString());
                set.execute();
            }
            Map<String, Set<String>> rls = new LinkedHashMap<>();
            for (Probe probe : PROBES) {
                rls.put(probe.name(), keys(postgres, probe.postgres()));
            }
            postgres.rollback();
            return rls;
        }
    }

    private static Probe probe(String table, String key) {
        String duckdbKey = key.replace("workstream_id || '/' || participant_tenant_id",
                "CAST(workstream_id AS VARCHAR) || '/' || CAST(participant_tenant_id AS VARCHAR)");
        return new Probe(table, "SELECT " + key + " FROM " + table, duckdbKey + " FROM v_" + table);
    }

    private static Set<String> keys(Connection connection, String sql) throws SQLException {
        String query = sql.startsWith("SELECT ") ? sql : "SELECT " + sql;
        Set<String> keys = new HashSet<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                keys.add(rows.getString(1));
            }
        }
        return keys;
    }

    /** Key → visible flag of every row of a v_* view (keys are unique: a row seen twice fails). */
    private static Map<String, Boolean> flagged(Connection duckdb, String keyFromView) throws SQLException {
        Map<String, Boolean> rows = new HashMap<>();
        String[] parts = keyFromView.split(" FROM ", 2);
        try (Statement statement = duckdb.createStatement();
             ResultSet result = statement.executeQuery("SELECT " + parts[0] + ", visible FROM " + parts[1])) {
            while (result.next()) {
                assertThat(rows.put(result.getString(1), result.getBoolean(2))).as("row %s twice in %s", result.getString(1),
                        parts[1]).isNull();
            }
        }
        return rows;
    }

    private static Set<String> visibleKeys(Map<String, Boolean> flagged) {
        Set<String> keys = new HashSet<>();
        flagged.forEach((key, visible) -> {
            if (visible) {
                keys.add(key);
            }
        });
        return keys;
    }

    private static List<UUID> allTenants() throws SQLException {
        List<UUID> tenants = new ArrayList<>();
        try (SnapshotReader reader = store.open(); Statement statement = reader.connection().createStatement();
             ResultSet rows = statement.executeQuery("SELECT id FROM tenant ORDER BY alias")) {
            while (rows.next()) {
                tenants.add(rows.getObject(1, UUID.class));
            }
        }
        return tenants;
    }

    /**
     * Random tenants and workstreams, written as the app role one step per transaction (set_config app.tenant_id, the
     * statements, commit): invitations and answers, contributions and activity with random releasability and rel_to,
     * milestones, work packages, deliverables, engagements, the results chain (indicators with their own
     * releasability and measurements, assessments and recommendations), then withdrawals, re-invitations and a final
     * change of the workstream's releasability, so that earlier items meet later changes of who takes part.
     */
    private static final class RandomCollaboration {

        private static final String[] KINDS = {"STATE", "STATE", "ALLIANCE", "IGO", "NGO", "PRIVATE_SECURITY", "CORPORATION", "ACADEMIA"};
        private static final Set<String> NON_STATE = Set.of("NGO", "PRIVATE_SECURITY", "CORPORATION", "ACADEMIA");
        private static final String[] RELEASABILITY = {"PRIVATE", "PARTICIPANTS", "REL_TO", "ALL_PARTNERS"};

        private final Random random;
        private final Map<UUID, String> kinds = new LinkedHashMap<>();

        RandomCollaboration(Random random) {
            this.random = random;
        }

        List<UUID> write(int tenantCount, int workstreamCount) throws SQLException {
            try (Connection app = TestPostgres.app().getConnection()) {
                app.setAutoCommit(false);
                String run = Long.toString(Math.abs(random.nextLong()), 36);
                for (int i = 0; i < tenantCount; i++) {
                    String kind = KINDS[random.nextInt(KINDS.length)];
                    String alias = "rnd-" + run + "-" + i;
                    UUID id = query(app, "SELECT tenant_id FROM provision_tenant(?, ?, ?, ?)", UUID.class,
                            alias, "Random partner " + i, kind, random.nextBoolean() ? "Europe" : "Africa");
                    app.commit();
                    kinds.put(id, kind);
                }
                List<UUID> tenants = List.copyOf(kinds.keySet());
                for (int i = 0; i < workstreamCount; i++) {
                    workstream(app, tenants);
                }
                return tenants;
            }
        }

        private void workstream(Connection app, List<UUID> tenants) throws SQLException {
            UUID owner = pick(tenants);
            String kind = switch (random.nextInt(3)) {
                case 0 -> "INITIATIVE";
                case 1 -> "RND_PROJECT";
                default -> "ENGAGEMENT";
            };
            String status = kind.equals("ENGAGEMENT")
                    ? pick(List.of("PROPOSED", "APPROVED"))
                    : pick(List.of("PROPOSED", "APPROVED", "ACTIVE", "COMPLETED", "CANCELLED"));
            LocalDate start = LocalDate.of(2021, 1, 1).plusDays(random.nextInt(5 * 365));

            as(app, owner);
            UUID id = query(app, "INSERT INTO workstream (kind, title, status, releasability, region, start_date, end_date)"
                            + " VALUES (?, 'Random workstream', ?, 'PARTICIPANTS', ?, ?, ?) RETURNING id", UUID.class,
                    kind, status, random.nextBoolean() ? "Baltic" : null, Date.valueOf(start),
                    random.nextBoolean() ? Date.valueOf(start.plusDays(30 + random.nextInt(900))) : null);
            switch (kind) {
                case "INITIATIVE" -> update(app, "INSERT INTO initiative (tenant_id, workstream_id, mechanism) VALUES (?, ?, ?)",
                        owner, id, pick(List.of("JOINT_EXERCISE", "CYBER_DEFENSE", "CAPACITY_BUILDING")));
                case "RND_PROJECT" -> {
                    int trl = 1 + random.nextInt(5);
                    update(app, "INSERT INTO rnd_project (tenant_id, workstream_id, technology_area, trl_start, trl_current,"
                            + " trl_target) VALUES (?, ?, ?, ?, ?, ?)", owner, id, pick(List.of("AI", "CYBER", "SPACE")),
                            trl, trl + random.nextInt(2), trl + 2 + random.nextInt(3));
                }
                default -> {
                    List<UUID> parties = tenants.stream().filter(t -> NON_STATE.contains(kinds.get(t))).toList();
                    boolean external = parties.isEmpty() || random.nextBoolean();
                    update(app, "INSERT INTO engagement (tenant_id, workstream_id, party_tenant_id, party_name, engagement_type,"
                                    + " vetting_status, risk_rating) VALUES (?, ?, ?, ?, ?, ?, ?)", owner, id,
                            external ? null : pick(parties), external ? "Outside party" : null,
                            pick(List.of("TRAINING", "ADVISORY", "LOGISTICS_SUPPORT")),
                            pick(List.of("NOT_STARTED", "IN_REVIEW", "CLEARED", "REJECTED")),
                            random.nextBoolean() ? pick(List.of("LOW", "HIGH")) : null);
                }
            }
            List<UUID> others = new ArrayList<>(tenants);
            others.remove(owner);
            Collections.shuffle(others, random);
            List<UUID> invited = new ArrayList<>(others.subList(0, random.nextInt(6)));
            Set<UUID> observers = new HashSet<>();
            for (UUID participant : invited) {
                String role = random.nextInt(4) == 0 ? "OBSERVER" : "CONTRIBUTOR";
                if (role.equals("OBSERVER")) {
                    observers.add(participant);
                }
                update(app, "INSERT INTO participation (tenant_id, workstream_id, participant_tenant_id, role) VALUES (?, ?, ?, ?)",
                        owner, id, participant, role);
            }
            app.commit();

            Map<UUID, String> status2 = new LinkedHashMap<>();
            for (UUID participant : invited) {
                int answer = random.nextInt(20);
                String next = answer < 11 ? "ACCEPTED" : answer < 15 ? "DECLINED" : "INVITED";
                if (!next.equals("INVITED")) {
                    respond(app, participant, owner, id, next);
                }
                status2.put(participant, next);
            }

            List<UUID> accepted = new ArrayList<>(List.of(owner));
            status2.forEach((tenant, s) -> {
                if (s.equals("ACCEPTED")) {
                    accepted.add(tenant);
                }
            });
            List<UUID> audience = new ArrayList<>(List.of(owner));
            status2.forEach((tenant, s) -> {
                if (!s.equals("DECLINED")) {
                    audience.add(tenant);
                }
            });
            for (UUID contributor : accepted) {
                as(app, contributor);
                for (int n = random.nextInt(3); n > 0; n--) {
                    String releasability = RELEASABILITY[random.nextInt(RELEASABILITY.length)];
                    boolean personnel = random.nextInt(4) == 0;
                    BigDecimal pledged = BigDecimal.valueOf(random.nextInt(1_000_000), 2);
                    LocalDate pledgedOn = start.plusDays(random.nextInt(200));
                    if (pledgedOn.isAfter(LocalDate.now())) {
                        pledgedOn = LocalDate.now();
                    }
                    update(app, "INSERT INTO contribution (tenant_id, workstream_id, type, unit, pledged_amount, delivered_amount,"
                                    + " pledged_on, releasability, rel_to) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?::uuid[])", owner, id,
                            personnel ? "PERSONNEL" : "FUNDING", personnel ? "PERSON_DAY" : "EUR", pledged,
                            random.nextBoolean() ? BigDecimal.ZERO : pledged.divide(BigDecimal.TWO),
                            Date.valueOf(pledgedOn),
                            releasability, releasability.equals("REL_TO") ? array(subset(audience)) : "{}");
                }
                for (int n = random.nextInt(3); n > 0; n--) {
                    String releasability = RELEASABILITY[random.nextInt(RELEASABILITY.length)];
                    update(app, "INSERT INTO activity (tenant_id, workstream_id, verb, item_type, item_tenant_id, releasability,"
                                    + " rel_to) VALUES (?, ?, 'updated', ?, ?, ?, ?::uuid[])", owner, id,
                            random.nextBoolean() ? "contribution" : null, random.nextBoolean() ? contributor : pick(tenants),
                            releasability, releasability.equals("REL_TO") ? array(subset(tenants)) : "{}");
                }
                app.commit();
            }

            as(app, owner);
            for (int n = random.nextInt(3); n > 0; n--) {
                update(app, "INSERT INTO milestone (tenant_id, workstream_id, title, owner_tenant_id, planned_date, status)"
                                + " VALUES (?, ?, 'Random milestone', ?, ?, ?)", owner, id, pick(accepted),
                        Date.valueOf(start.plusDays(random.nextInt(700))), pick(List.of("PLANNED", "DONE", "CANCELLED")));
            }
            if (kind.equals("RND_PROJECT")) {
                UUID workPackage = query(app, "INSERT INTO work_package (tenant_id, workstream_id, code, title, lead_tenant_id,"
                                + " budget_eur) VALUES (?, ?, 'WP1', 'Random package', ?, ?) RETURNING id", UUID.class, owner, id,
                        pick(accepted), BigDecimal.valueOf(random.nextInt(10_000_000), 2));
                update(app, "INSERT INTO deliverable (tenant_id, workstream_id, work_package_id, title, due_date, status)"
                                + " VALUES (?, ?, ?, 'Random deliverable', ?, ?)", owner, id, workPackage,
                        random.nextBoolean() ? Date.valueOf(start.plusDays(400)) : null, pick(List.of("PLANNED", "SUBMITTED")));
            }
            results(app, owner, id, start, accepted, audience, observers);
            app.commit();

            // Later changes of who takes part.
            for (Map.Entry<UUID, String> participation : status2.entrySet()) {
                int change = random.nextInt(10);
                if (participation.getValue().equals("ACCEPTED") && change < 2) {
                    respond(app, participation.getKey(), owner, id, "WITHDRAWN");
                } else if (participation.getValue().equals("INVITED") && change < 2) {
                    ownerSets(app, owner, id, participation.getKey(), "WITHDRAWN");
                } else if (participation.getValue().equals("DECLINED") && change < 4) {
                    ownerSets(app, owner, id, participation.getKey(), "INVITED");
                }
            }
            String releasability = RELEASABILITY[random.nextInt(RELEASABILITY.length)];
            as(app, owner);
            update(app, "UPDATE workstream SET releasability = ?, rel_to = ?::uuid[] WHERE tenant_id = ? AND id = ?",
                    releasability, releasability.equals("REL_TO") ? array(subset(tenants)) : "{}", owner, id);
            app.commit();
        }

        /**
         * The results chain (V51), written by the lead: an objective, up to three indicators (releasability no wider
         * than the workstream's PARTICIPANTS at this point; the responsible organization the lead or an accepted
         * contributor it is released to; some without a baseline) with up to two monthly measurements each, and maybe
         * an assessment (random releasability) with up to two recommendations owned by accepted participants.
         */
        private void results(Connection app, UUID owner, UUID workstream, LocalDate start, List<UUID> accepted,
                             List<UUID> audience, Set<UUID> observers) throws SQLException {
            UUID objective = query(app, "INSERT INTO objective (tenant_id, workstream_id, text) VALUES (?, ?,"
                    + " 'Random objective') RETURNING id", UUID.class, owner, workstream);
            List<UUID> contributors = accepted.stream().filter(t -> !t.equals(owner) && !observers.contains(t)).toList();
            LocalDate lastPeriodStart = LocalDate.now().minusDays(2);   // the trigger refuses a period in the future
            for (int n = random.nextInt(4); n > 0; n--) {
                String releasability = pick(List.of("PRIVATE", "PARTICIPANTS", "REL_TO"));
                UUID responsible = releasability.equals("PRIVATE") || contributors.isEmpty() || random.nextBoolean()
                        ? owner : pick(contributors);
                List<UUID> relTo = new ArrayList<>();
                if (releasability.equals("REL_TO")) {
                    relTo.addAll(subset(audience));
                    if (!relTo.contains(responsible)) {
                        relTo.add(responsible);
                    }
                }
                boolean baseline = random.nextInt(5) > 0;
                LocalDate from = start.minusDays(30);
                UUID indicator = query(app, "INSERT INTO indicator (tenant_id, workstream_id, objective_id, definition, unit,"
                                + " baseline_value, baseline_date, target_value, target_date, frequency, responsible_tenant_id,"
                                + " releasability, rel_to) VALUES (?, ?, ?, 'Random indicator', 'NUMBER', ?, ?, 100, ?, ?, ?, ?,"
                                + " ?::uuid[]) RETURNING id", UUID.class, owner, workstream, objective,
                        baseline ? BigDecimal.ZERO : null, baseline ? Date.valueOf(from) : null,
                        Date.valueOf(from.plusDays(200 + random.nextInt(900))),
                        pick(List.of("MONTHLY", "QUARTERLY", "YEARLY")), responsible, releasability, array(relTo));
                LocalDate period = from.plusDays(random.nextInt(400)).withDayOfMonth(1);
                for (int m = random.nextInt(3); m > 0 && !period.isAfter(lastPeriodStart); m--) {
                    update(app, "INSERT INTO measurement (tenant_id, workstream_id, indicator_id, period_start, period_end,"
                                    + " value, entered_by) VALUES (?, ?, ?, ?, ?, ?, 'Random')", owner, workstream, indicator,
                            Date.valueOf(period), Date.valueOf(period.plusMonths(1).minusDays(1)),
                            BigDecimal.valueOf(random.nextInt(120)));
                    period = period.plusMonths(1);
                }
            }
            if (random.nextInt(3) > 0) {
                String releasability = pick(List.of("PRIVATE", "PARTICIPANTS", "REL_TO"));
                UUID assessment = query(app, "INSERT INTO assessment (tenant_id, workstream_id, kind, mode, assessor_name,"
                                + " assessed_on, releasability, rel_to) VALUES (?, ?, ?, 'SELF', 'Random assessor', ?, ?,"
                                + " ?::uuid[]) RETURNING id", UUID.class, owner, workstream,
                        pick(List.of("INITIAL", "PERIODIC")), Date.valueOf(start.plusDays(random.nextInt(300))),
                        releasability, releasability.equals("REL_TO") ? array(subset(audience)) : "{}");
                for (int n = random.nextInt(3); n > 0; n--) {
                    update(app, "INSERT INTO assessment_recommendation (tenant_id, workstream_id, assessment_id, text,"
                                    + " owner_tenant_id, due_date, status) VALUES (?, ?, ?, 'Random recommendation', ?, ?, ?)",
                            owner, workstream, assessment, pick(accepted), Date.valueOf(start.plusDays(400)),
                            pick(List.of("OPEN", "DONE")));
                }
            }
        }

        private void respond(Connection app, UUID participant, UUID owner, UUID workstream, String status) throws SQLException {
            as(app, participant);
            assertThat(update(app, "UPDATE participation SET status = ? WHERE tenant_id = ? AND workstream_id = ?"
                    + " AND participant_tenant_id = ?", status, owner, workstream, participant)).isOne();
            app.commit();
        }

        private void ownerSets(Connection app, UUID owner, UUID workstream, UUID participant, String status) throws SQLException {
            as(app, owner);
            assertThat(update(app, "UPDATE participation SET status = ? WHERE tenant_id = ? AND workstream_id = ?"
                    + " AND participant_tenant_id = ?", status, owner, workstream, participant)).isOne();
            app.commit();
        }

        /** First statement of each transaction, as the app's TenantTransactionManager does. */
        private static void as(Connection app, UUID tenant) throws SQLException {
            query(app, "SELECT set_config('app.tenant_id', ?, true)", String.class, tenant.toString());
        }

        private <T> T pick(List<T> values) {
            return values.get(random.nextInt(values.size()));
        }

        /** A non-empty random subset. */
        private List<UUID> subset(List<UUID> values) {
            List<UUID> subset = new ArrayList<>();
            for (UUID value : values) {
                if (random.nextInt(3) == 0) {
                    subset.add(value);
                }
            }
            if (subset.isEmpty()) {
                subset.add(pick(values));
            }
            return subset;
        }

        private static String array(List<UUID> ids) {
            return "{" + String.join(",", ids.stream().map(UUID::toString).toList()) + "}";
        }

        private static <T> T query(Connection connection, String sql, Class<T> type, Object... parameters) throws SQLException {
            try (PreparedStatement statement = prepare(connection, sql, parameters); ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getObject(1, type);
            }
        }

        private static int update(Connection connection, String sql, Object... parameters) throws SQLException {
            try (PreparedStatement statement = prepare(connection, sql, parameters)) {
                return statement.executeUpdate();
            }
        }

        private static PreparedStatement prepare(Connection connection, String sql, Object... parameters) throws SQLException {
            PreparedStatement statement = connection.prepareStatement(sql);
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            return statement;
        }
    }
}
