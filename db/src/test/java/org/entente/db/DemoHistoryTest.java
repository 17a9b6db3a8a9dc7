package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.db.demo.DemoHistory;
import org.entente.db.demo.DemoHistory.Kind;
import org.entente.db.demo.DemoHistory.Partner;
import org.entente.db.demo.DemoHistoryWriter;
import org.entente.db.embedded.LocalPostgres;
import org.entente.db.embedded.SchemaMigration;
import org.flywaydb.core.api.output.MigrateOutput;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The generated demo history (db.demo.R__demo_history), in two fresh databases migrated with the demo data:
 * rich enough for every analytics rollup, skewed like real burden sharing, consistent with the schema's rules,
 * and deterministic (both databases get the same rows, running it again adds nothing). Checked through the
 * bootstrap superuser, which sees every row.
 */
class DemoHistoryTest {

    private static final String FIRST = "entente_history_a";
    private static final String SECOND = "entente_history_b";
    private static final String GENERATED = " workstream_id::text like '2a000000-%'";

    /** Per table: the generated rows, without the columns a database fills with now(). */
    private static final Map<String, String> FINGERPRINTED = new LinkedHashMap<>();

    static {
        FINGERPRINTED.put("tenant", "select id, alias, name, kind, region, status, capacity_index from tenant");
        FINGERPRINTED.put("workstream", "select tenant_id, id, kind, title, description, status, releasability, rel_to,"
                + " region, start_date, end_date, created_at, created_by from workstream where id::text like '2a000000-%'");
        FINGERPRINTED.put("participation", "select tenant_id, workstream_id, participant_tenant_id, role, status,"
                + " invited_by, case when role <> 'LEAD' then invited_at end from participation where" + GENERATED);
        FINGERPRINTED.put("initiative", "select tenant_id, workstream_id, mechanism from initiative where" + GENERATED);
        FINGERPRINTED.put("objective", "select tenant_id, workstream_id, id, position, text"
                + " from objective where" + GENERATED);
        FINGERPRINTED.put("rnd_project", "select tenant_id, workstream_id, technology_area, trl_start, trl_current,"
                + " trl_target from rnd_project where" + GENERATED);
        FINGERPRINTED.put("work_package", "select tenant_id, workstream_id, id, code, title, lead_tenant_id, budget_eur"
                + " from work_package where" + GENERATED);
        FINGERPRINTED.put("deliverable", "select tenant_id, workstream_id, id, work_package_id, title, due_date, status,"
                + " submitted_on from deliverable where" + GENERATED);
        FINGERPRINTED.put("engagement", "select tenant_id, workstream_id, party_tenant_id, party_name, engagement_type,"
                + " vetting_status, agreement_reference, agreement_valid_from, agreement_valid_to, risk_rating"
                + " from engagement where" + GENERATED);
        FINGERPRINTED.put("milestone", "select tenant_id, workstream_id, id, title, owner_tenant_id, planned_date,"
                + " actual_date, status from milestone where" + GENERATED);
        FINGERPRINTED.put("contribution", "select tenant_id, workstream_id, id, contributor_tenant_id, type, description,"
                + " unit, pledged_amount, delivered_amount, pledged_eur, delivered_eur, pledged_on, delivered_on,"
                + " releasability, rel_to, created_at, created_by from contribution where" + GENERATED);
        FINGERPRINTED.put("activity", "select tenant_id, workstream_id, id, actor_tenant_id, actor_member_id, verb,"
                + " summary, item_type, item_id, item_tenant_id, releasability, rel_to, at from activity where" + GENERATED);
    }

    private static LocalPostgres postgres;
    private static MigrateResult firstRun;
    private static MigrateResult secondRun;

    @BeforeAll
    static void migrateTwoFreshDatabasesWithDemoData() throws Exception {
        postgres = TestDatabase.postgres();
        for (String database : List.of(FIRST, SECOND)) {
            try (Connection superuser = superuser("postgres"); Statement sql = superuser.createStatement()) {
                sql.execute("drop database if exists " + database);
                sql.execute("create database " + database + " owner " + LocalPostgres.OWNER_USER);
            }
        }
        firstRun = SchemaMigration.migrate(url(FIRST), postgres.ownerUser(), postgres.ownerPassword(), postgres.appUser(),
                TestDatabase.MIGRATIONS, TestDatabase.DEMO_DATA);
        secondRun = SchemaMigration.migrate(url(SECOND), postgres.ownerUser(), postgres.ownerPassword(),
                postgres.appUser(), TestDatabase.MIGRATIONS, TestDatabase.DEMO_DATA);
        System.out.printf("demo history generator: %d ms and %d ms (Flyway's execution time in two fresh databases)%n",
                history(firstRun).executionTime, history(secondRun).executionTime);
    }

    @Test
    void flywayRunsTheGeneratorAfterTheDemoTenantsAndBeforeTheDemoWorkstreams() {
        List<String> repeatables = firstRun.migrations.stream().filter(m -> m.version == null || m.version.isEmpty())
                .map(m -> m.description).toList();
        assertThat(repeatables).containsExactly("demo data", "demo data burden sharing", "demo history", "demo workstreams",
                "demo workstreams results");
        assertThat(history(firstRun).type).isEqualTo("JDBC");
    }

    @Test
    void atLeastFortyPartnersOfEveryKindEachWithACapacityIndex() throws Exception {
        try (Connection db = superuser(FIRST); Statement sql = db.createStatement()) {
            assertThat(single(sql, "select count(*) from tenant")).isGreaterThanOrEqualTo(40);
            assertThat(strings(sql, "select distinct kind from tenant")).containsExactlyInAnyOrder("STATE", "ALLIANCE",
                    "IGO", "NGO", "PRIVATE_SECURITY", "CORPORATION", "ACADEMIA");
            assertThat(single(sql, "select count(*) from tenant where capacity_index is null or capacity_index <= 0"))
                    .isZero();
            assertThat(single(sql, "select count(*) from tenant where alias in ('nato-ccdcoe', 'gcc-secretariat',"
                    + " 'peninsula-shield', 'saudi-arabia', 'qatar', 'united-states')")).isEqualTo(6);
            // GDP for states: the United States carries by far the largest weight, Estonia a small one.
            assertThat(decimal(sql, "select capacity_index from tenant where alias = 'united-states'"))
                    .isGreaterThan(decimal(sql, "select max(capacity_index) from tenant where alias <> 'united-states'"));
        }
    }

    @Test
    void workstreamsOfEveryKindStatusAndDetailStartIn2021To2026() throws Exception {
        try (Connection db = superuser(FIRST); Statement sql = db.createStatement()) {
            String generated = " where id::text like '2a000000-%'";
            assertThat(single(sql, "select count(*) from workstream" + generated)).isGreaterThanOrEqualTo(300);
            assertThat(strings(sql, "select distinct extract(year from start_date)::int::text from workstream" + generated))
                    .containsExactlyInAnyOrder("2021", "2022", "2023", "2024", "2025", "2026");
            List<String> every = new ArrayList<>();
            for (String kind : List.of("INITIATIVE", "RND_PROJECT", "ENGAGEMENT")) {
                for (String status : List.of("PROPOSED", "APPROVED", "ACTIVE", "COMPLETED", "CANCELLED")) {
                    every.add(kind + " " + status);
                }
            }
            assertThat(strings(sql, "select distinct kind || ' ' || status from workstream" + generated))
                    .containsExactlyInAnyOrderElementsOf(every);
            assertThat(single(sql, "select count(distinct region) from workstream" + generated)).isGreaterThanOrEqualTo(15);
            assertThat(single(sql, "select count(distinct mechanism) from initiative where" + GENERATED)).isEqualTo(10);
            assertThat(single(sql, "select count(distinct technology_area) from rnd_project where" + GENERATED)).isEqualTo(8);
            assertThat(single(sql, "select count(*) from rnd_project where trl_current > trl_start and" + GENERATED))
                    .isPositive();
            assertThat(single(sql, "select count(*) from work_package where budget_eur > 0 and" + GENERATED))
                    .isGreaterThanOrEqualTo(200);
            assertThat(single(sql, "select count(distinct engagement_type) from engagement where" + GENERATED)).isEqualTo(6);
            assertThat(strings(sql, "select distinct vetting_status from engagement where" + GENERATED))
                    .containsExactlyInAnyOrder("NOT_STARTED", "IN_REVIEW", "CLEARED", "REJECTED");
            assertThat(strings(sql, "select distinct risk_rating from engagement where risk_rating is not null and"
                    + GENERATED)).containsExactlyInAnyOrder("LOW", "MEDIUM", "HIGH", "CRITICAL");
            assertThat(single(sql, "select count(*) from engagement e join tenant t on t.id = e.party_tenant_id"
                    + " where t.kind in ('NGO', 'PRIVATE_SECURITY', 'CORPORATION', 'ACADEMIA') and e." + GENERATED.strip()))
                    .isGreaterThanOrEqualTo(60);
            assertThat(strings(sql, "select distinct status from participation where" + GENERATED))
                    .containsExactlyInAnyOrder("INVITED", "ACCEPTED", "DECLINED", "WITHDRAWN");
        }
    }

    @Test
    void thousandsOfContributionsInEveryTypeSeveralCurrenciesAndEveryReleasability() throws Exception {
        try (Connection db = superuser(FIRST); Statement sql = db.createStatement()) {
            assertThat(single(sql, "select count(*) from contribution where" + GENERATED)).isGreaterThanOrEqualTo(3_000);
            assertThat(strings(sql, "select distinct type from contribution where" + GENERATED))
                    .containsExactlyInAnyOrder("FUNDING", "PERSONNEL", "EQUIPMENT", "IN_KIND");
            assertThat(single(sql, "select count(distinct unit) from contribution where unit <> 'PERSON_DAY' and"
                    + GENERATED)).isGreaterThanOrEqualTo(8);
            assertThat(strings(sql, "select distinct releasability from contribution where" + GENERATED))
                    .containsExactlyInAnyOrder("PARTICIPANTS", "ALL_PARTNERS", "REL_TO", "PRIVATE");
            assertThat(single(sql, "select count(*) filter (where releasability = 'PARTICIPANTS') * 2 - count(*)"
                    + " from contribution where" + GENERATED)).as("mostly PARTICIPANTS").isPositive();
            assertThat(strings(sql, "select distinct extract(year from pledged_on)::int::text from contribution where"
                    + GENERATED)).contains("2021", "2022", "2023", "2024", "2025", "2026");
            // REL_TO names only the lead and participants (the trigger refuses anything else, so this holds).
            assertThat(single(sql, """
                    select count(*) from contribution c cross join unnest(c.rel_to) as r (tenant)
                     where c.workstream_id::text like '2a000000-%' and r.tenant <> c.tenant_id
                       and not exists (select 1 from participation p where p.tenant_id = c.tenant_id
                                          and p.workstream_id = c.workstream_id and p.participant_tenant_id = r.tenant)"""))
                    .isZero();
        }
    }

    @Test
    void aFewLargeContributorsCarryMostOfTheBurdenWhileManySmallOnesContribute() throws Exception {
        try (Connection db = superuser(FIRST); Statement sql = db.createStatement()) {
            try (ResultSet row = sql.executeQuery("""
                    with delivered as (select contributor_tenant_id, sum(delivered_eur) as eur
                                         from contribution group by contributor_tenant_id)
                    select (select sum(eur) from (select eur from delivered order by eur desc limit 5) top) / sum(eur),
                           count(*) filter (where eur > 0)
                      from delivered""")) {
                row.next();
                assertThat(row.getDouble(1)).as("share of the top 5 in delivered EUR").isGreaterThan(0.5);
                assertThat(row.getLong(2)).as("partners that delivered something").isGreaterThanOrEqualTo(30);
            }
            assertThat(strings(sql, """
                    select t.alias from contribution c join tenant t on t.id = c.contributor_tenant_id
                     group by t.alias order by sum(c.delivered_eur) desc limit 1""")).containsExactly("united-states");
        }
    }

    @Test
    void theGapsTheAnalyticsReportOnAreThere() throws Exception {
        try (Connection db = superuser(FIRST); Statement sql = db.createStatement()) {
            String today = "date '" + DemoHistory.TODAY + "'";
            String joined = " from contribution c join workstream w on w.tenant_id = c.tenant_id and w.id = c.workstream_id"
                    + " where w.id::text like '2a000000-%' and ";
            assertThat(single(sql, "select count(*)" + joined + "w.end_date < " + today
                    + " and c.delivered_amount < c.pledged_amount")).as("overdue pledges").isGreaterThanOrEqualTo(50);
            assertThat(single(sql, "select count(*)" + joined + "c.delivered_on > w.end_date")).as("delivered late")
                    .isGreaterThanOrEqualTo(20);
            assertThat(single(sql, "select count(*) from workstream where region is null and id::text like '2a000000-%'"))
                    .as("without region").isPositive();
            assertThat(single(sql, "select count(*) from engagement e join workstream w on w.tenant_id = e.tenant_id"
                    + " and w.id = e.workstream_id where w.status = 'ACTIVE' and e.agreement_valid_to between " + today
                    + " and " + today + " + 90 and w.id::text like '2a000000-%'")).as("agreements expiring within 90 days")
                    .isGreaterThanOrEqualTo(3);
            assertThat(single(sql, "select count(*) from milestone where status = 'DONE' and actual_date > planned_date"
                    + " and" + GENERATED)).as("milestones done late").isGreaterThanOrEqualTo(50);
            assertThat(single(sql, "select count(*) from milestone where status in ('PLANNED', 'IN_PROGRESS')"
                    + " and planned_date < " + today + " and" + GENERATED)).as("overdue milestones").isGreaterThanOrEqualTo(10);
            assertThat(single(sql, "select count(*) from deliverable where submitted_on > due_date and" + GENERATED))
                    .as("deliverables submitted late").isGreaterThanOrEqualTo(20);
            assertThat(single(sql, "select count(*) from deliverable where status = 'PLANNED' and due_date < " + today
                    + " and" + GENERATED)).as("deliverables overdue").isPositive();
            // Nothing happened after the demo world's today.
            assertThat(single(sql, "select count(*) from contribution where (pledged_on > " + today + " or delivered_on > "
                    + today + ") and" + GENERATED)).isZero();
            assertThat(single(sql, "select count(*) from milestone where actual_date > " + today + " and" + GENERATED)).isZero();
            assertThat(single(sql, "select count(*) from deliverable where submitted_on > " + today + " and" + GENERATED))
                    .isZero();
        }
    }

    @Test
    void statusesFollowTheLifecycleAndVetting() throws Exception {
        try (Connection db = superuser(FIRST); Statement sql = db.createStatement()) {
            assertThat(single(sql, "select count(*) from engagement e join workstream w on w.tenant_id = e.tenant_id"
                    + " and w.id = e.workstream_id where w.status in ('ACTIVE', 'COMPLETED') and e.vetting_status <> 'CLEARED'"))
                    .isZero();
            assertThat(single(sql, "select count(*) from participation p join workstream w on w.tenant_id = p.tenant_id"
                    + " and w.id = p.workstream_id where w.status = 'COMPLETED' and p.status = 'INVITED'")).isZero();
            assertThat(single(sql, "select count(*) from workstream where status = 'ACTIVE' and start_date > date '"
                    + DemoHistory.TODAY + "'")).isZero();
        }
    }

    @Test
    void eachDemoOrganizationHasAHistoryWithoutBeingFlooded() throws Exception {
        try (Connection db = superuser(FIRST); Statement sql = db.createStatement()) {
            try (ResultSet rows = sql.executeQuery("""
                    select t.alias, count(distinct p.workstream_id)
                      from tenant t
                      left join participation p on p.participant_tenant_id = t.id and p.workstream_id::text like '2a000000-%'
                     where exists (select 1 from member m where m.tenant_id = t.id)
                     group by t.alias""")) {
                int tenants = 0;
                while (rows.next()) {
                    tenants++;
                    assertThat(rows.getLong(2)).as(rows.getString(1)).isBetween(5L, 45L);
                }
                assertThat(tenants).isEqualTo(9);
            }
        }
        // Row-level security shows norway exactly the generated workstreams it leads or is invited to.
        String norway = "0a000000-0000-4000-8000-000000000001";
        long expected;
        try (Connection db = superuser(FIRST); Statement sql = db.createStatement()) {
            expected = single(sql, "select count(*) from participation where participant_tenant_id = '" + norway
                    + "' and status in ('INVITED', 'ACCEPTED') and" + GENERATED);
        }
        try (Connection app = DriverManager.getConnection(url(FIRST), postgres.appUser(), postgres.appPassword());
             Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            sql.execute("select set_config('app.tenant_id', '" + norway + "', true)");
            assertThat(single(sql, "select count(*) from workstream where id::text like '2a000000-%'"))
                    .isEqualTo(expected).isGreaterThanOrEqualTo(10);
            app.rollback();
        }
    }

    @Test
    void twoFreshDatabasesGetTheSameHistoryAndRunningItAgainChangesNothing() throws Exception {
        Map<String, String> first = fingerprint(FIRST);
        assertThat(fingerprint(SECOND)).containsExactlyEntriesOf(first);

        DemoHistoryWriter.Result again;
        try (Connection owner = DriverManager.getConnection(url(FIRST), postgres.ownerUser(), postgres.ownerPassword())) {
            owner.setAutoCommit(false);
            again = DemoHistoryWriter.write(owner);
            owner.commit();
        }
        assertThat(again.planned()).isEqualTo(DemoHistory.WORKSTREAMS);
        assertThat(again.skipped()).isEqualTo(DemoHistory.WORKSTREAMS);
        assertThat(again.rows()).isEmpty();
        assertThat(fingerprint(FIRST)).containsExactlyEntriesOf(first);
        System.out.printf("demo history generator, run again on a database that has it: %d ms%n", again.took().toMillis());
    }

    @Test
    void thePlanIsAFunctionOfThePartnersAndRates() throws Exception {
        List<Partner> partners = new ArrayList<>();
        Map<String, BigDecimal> rates = new HashMap<>();
        try (Connection db = superuser(FIRST); Statement sql = db.createStatement()) {
            try (ResultSet row = sql.executeQuery("select id, alias, name, kind, region, capacity_index from tenant")) {
                while (row.next()) {
                    partners.add(new Partner(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                            Kind.valueOf(row.getString(4)), row.getString(5), row.getDouble(6), null));
                }
            }
            try (ResultSet row = sql.executeQuery("select unit, eur_per_unit from valuation_rate")) {
                while (row.next()) {
                    rates.put(row.getString(1), row.getBigDecimal(2));
                }
            }
        }
        List<DemoHistory.Workstream> plan = DemoHistory.plan(partners, rates);
        assertThat(plan).hasSize(DemoHistory.WORKSTREAMS);
        assertThat(DemoHistory.plan(partners.reversed(), rates)).isEqualTo(plan);
    }

    // ------------------------------------------------------------------------------------ helpers

    private static Map<String, String> fingerprint(String database) throws SQLException {
        Map<String, String> fingerprint = new LinkedHashMap<>();
        try (Connection db = superuser(database); Statement sql = db.createStatement()) {
            for (Map.Entry<String, String> table : FINGERPRINTED.entrySet()) {
                try (ResultSet row = sql.executeQuery("select count(*) || ' ' || md5(coalesce(string_agg(f::text, '|'"
                        + " order by f::text), '')) from (" + table.getValue() + ") f")) {
                    row.next();
                    fingerprint.put(table.getKey(), row.getString(1));
                }
            }
        }
        return fingerprint;
    }

    private static MigrateOutput history(MigrateResult result) {
        return result.migrations.stream().filter(m -> m.description.equals("demo history")).findFirst().orElseThrow();
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static BigDecimal decimal(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getBigDecimal(1);
        }
    }

    private static List<String> strings(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet row = sql.executeQuery(query)) {
            while (row.next()) {
                values.add(row.getString(1));
            }
        }
        return values;
    }

    private static Connection superuser(String database) throws SQLException {
        // zonky's initdb trusts local connections; "postgres" is its bootstrap superuser.
        return DriverManager.getConnection(url(database), "postgres", "");
    }

    private static String url(String database) {
        return "jdbc:postgresql://localhost:" + postgres.port() + "/" + database;
    }
}
