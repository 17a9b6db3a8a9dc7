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
        // The results chain (V51); a corrected measurement was entered again by whoever corrected it, now().
        FINGERPRINTED.put("indicator", "select tenant_id, workstream_id, id, objective_id, position, definition, unit,"
                + " direction, disaggregation, baseline_value, baseline_date, target_value, target_date, frequency,"
                + " responsible_tenant_id, releasability, rel_to, version, created_at from indicator where" + GENERATED);
        FINGERPRINTED.put("measurement", "select tenant_id, workstream_id, indicator_id, id, period_start, period_end,"
                + " partner_tenant_id, value, source, note, entered_by_tenant_id, entered_by_member_id, entered_by, version,"
                + " case when version = 0 then entered_at end, created_at from measurement where" + GENERATED);
        FINGERPRINTED.put("measurement_correction", "select tenant_id, workstream_id, measurement_id, indicator_id, value,"
                + " source, note, entered_by_tenant_id, entered_by, entered_at, version from measurement_correction where"
                + GENERATED);
        FINGERPRINTED.put("assessment", "select tenant_id, workstream_id, id, kind, mode, assessor_name, assessor_tenant_id,"
                + " assessed_on, findings, releasability, rel_to, version, created_at from assessment where" + GENERATED);
        FINGERPRINTED.put("assessment_rating", "select tenant_id, workstream_id, assessment_id, objective_id, rating,"
                + " created_at from assessment_rating where" + GENERATED);
        FINGERPRINTED.put("assessment_recommendation", "select tenant_id, workstream_id, assessment_id, id, position, text,"
                + " owner_tenant_id, due_date, status, version, created_at from assessment_recommendation where" + GENERATED);
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
                "demo workstreams events", "demo workstreams results");
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

    /**
     * Status and overdue of every generated indicator as the view indicator_progress computes them, on a fixed day
     * (the view judges as of today; the history's dates do not move): 7 December 2026, when the results were added.
     */
    private static final String RESULTS_ON_7_DECEMBER = """
            select i.*, w.kind as workstream_kind, w.status as workstream_status,
                   indicator_status(i.baseline_value, i.baseline_date, i.target_value, i.target_date, l.value, l.period_end,
                                    date '2026-12-07') as progress_status,
                   (d.period_start is not null and not exists (
                        select 1 from measurement m where m.tenant_id = i.tenant_id and m.indicator_id = i.id
                           and m.partner_tenant_id is null and m.period_start <= d.period_end
                           and m.period_end >= d.period_start)) as overdue
              from indicator i
              join workstream w on w.tenant_id = i.tenant_id and w.id = i.workstream_id
              left join lateral (select m.value, m.period_end from measurement m
                                  where m.tenant_id = i.tenant_id and m.indicator_id = i.id and m.partner_tenant_id is null
                                  order by m.period_end desc limit 1) l on true
              left join lateral measurement_due_period(i.frequency, coalesce(i.baseline_date, i.created_at::date),
                                                       i.target_date, date '2026-12-07') d on true
             where i.workstream_id::text like '2a000000-%'""";

    @Test
    void objectivesAndIndicatorsForEveryKindMostOnTrackSomeBehindSomeOverdueAFewWithoutBaseline() throws Exception {
        try (Connection db = superuser(FIRST); Statement sql = db.createStatement()) {
            assertThat(strings(sql, "select distinct w.kind from objective o join workstream w on w.id = o.workstream_id"
                    + " where o." + GENERATED.strip())).containsExactlyInAnyOrder("INITIATIVE", "RND_PROJECT", "ENGAGEMENT");
            assertThat(strings(sql, "select distinct w.kind from indicator i join workstream w on w.id = i.workstream_id"
                    + " where i." + GENERATED.strip())).containsExactlyInAnyOrder("INITIATIVE", "RND_PROJECT", "ENGAGEMENT");
            assertThat(single(sql, "select count(*) from indicator where" + GENERATED)).isGreaterThanOrEqualTo(600);
            assertThat(single(sql, """
                    select count(*) filter (where exists (select 1 from indicator i where i.workstream_id = w.id)) * 100
                           / count(*)
                      from workstream w where w.status in ('ACTIVE', 'COMPLETED') and w.id::text like '2a000000-%'"""))
                    .as("%% of active and completed workstreams with indicators").isBetween(70L, 95L);
            assertThat(single(sql, """
                    select max(n) from (select count(*) as n from indicator where workstream_id::text like '2a000000-%'
                                         group by objective_id) per_objective""")).isEqualTo(3);
            assertThat(strings(sql, "select distinct unit from indicator where" + GENERATED))
                    .containsExactlyInAnyOrder("NUMBER", "PERCENT", "EUR", "YES_NO", "SCALE_1_5");
            assertThat(strings(sql, "select distinct direction || ' ' || frequency from indicator where" + GENERATED))
                    .contains("HIGHER MONTHLY", "HIGHER QUARTERLY", "HIGHER YEARLY", "LOWER MONTHLY", "LOWER QUARTERLY");
            assertThat(strings(sql, "select distinct releasability from indicator where" + GENERATED))
                    .containsExactlyInAnyOrder("PARTICIPANTS", "REL_TO", "PRIVATE", "ALL_PARTNERS");
            assertThat(single(sql, "select count(*) from indicator where responsible_tenant_id <> tenant_id and" + GENERATED))
                    .as("indicators a participant is responsible for").isGreaterThanOrEqualTo(150);
            // An R&D project measures its readiness level from where it started to its target.
            assertThat(single(sql, """
                    select count(*) from indicator i join rnd_project p on p.tenant_id = i.tenant_id
                                                                  and p.workstream_id = i.workstream_id
                     where i.definition = 'Technology readiness level reached'
                       and (i.baseline_value is distinct from p.trl_start or i.target_value <> p.trl_target)
                       and i.baseline_value is not null and i.workstream_id::text like '2a000000-%'""")).isZero();

            Map<String, Long> byStatus = new LinkedHashMap<>();
            try (ResultSet row = sql.executeQuery("select progress_status, count(*) from (" + RESULTS_ON_7_DECEMBER
                    + ") r group by 1")) {
                while (row.next()) {
                    byStatus.put(row.getString(1), row.getLong(2));
                }
            }
            long all = byStatus.values().stream().mapToLong(Long::longValue).sum();
            long measured = all - byStatus.getOrDefault("NO_BASELINE", 0L) - byStatus.getOrDefault("NOT_MEASURED", 0L);
            System.out.printf("demo history indicators by status on 2026-12-07: %s%n", byStatus);
            System.out.printf("  of active workstreams: %s%n", strings(sql, "select progress_status || '=' || count(*)"
                    + " from (" + RESULTS_ON_7_DECEMBER + ") r where workstream_status = 'ACTIVE' group by progress_status"));
            assertThat(byStatus.keySet()).containsExactlyInAnyOrder("ON_TRACK", "AT_RISK", "OFF_TRACK", "NO_BASELINE",
                    "NOT_MEASURED");
            assertThat(byStatus.get("ON_TRACK") * 100 / measured).as("%% on track of the measured").isBetween(50L, 80L);
            assertThat(byStatus.get("AT_RISK") * 100 / measured).as("%% at risk").isBetween(5L, 25L);
            assertThat(byStatus.get("OFF_TRACK") * 100 / measured).as("%% off track").isBetween(8L, 35L);
            assertThat(byStatus.get("NO_BASELINE") * 100 / all).as("%% without a baseline").isBetween(3L, 20L);

            try (ResultSet row = sql.executeQuery("select count(*) filter (where overdue), count(*) from ("
                    + RESULTS_ON_7_DECEMBER + ") r where workstream_status = 'ACTIVE'")) {
                row.next();
                System.out.printf("demo history: %d of %d indicators of active workstreams overdue on 2026-12-07%n",
                        row.getLong(1), row.getLong(2));
                assertThat(row.getLong(1) * 100 / row.getLong(2)).as("%% overdue in active workstreams").isBetween(8L, 35L);
            }
            // Completed work reported to its last period.
            assertThat(single(sql, "select count(*) from (" + RESULTS_ON_7_DECEMBER + ") r where overdue"
                    + " and workstream_status = 'COMPLETED'")).isZero();
            // Off track in every kind of workstream, for a coordinator to find.
            assertThat(strings(sql, "select distinct workstream_kind from (" + RESULTS_ON_7_DECEMBER
                    + ") r where progress_status = 'OFF_TRACK' and workstream_status = 'ACTIVE'"))
                    .containsExactlyInAnyOrder("INITIATIVE", "RND_PROJECT", "ENGAGEMENT");
        }
    }

    @Test
    void measurementsAreEnteredByTheResponsibleOrganizationOrTheLeadWithinTheHistory() throws Exception {
        try (Connection db = superuser(FIRST); Statement sql = db.createStatement()) {
            assertThat(single(sql, "select count(*) from measurement where" + GENERATED)).isGreaterThanOrEqualTo(4_000);
            String joined = " from measurement m join indicator i on i.tenant_id = m.tenant_id and i.id = m.indicator_id"
                    + " where m." + GENERATED.strip();
            assertThat(single(sql, "select count(*)" + joined + " and m.version = 0"
                    + " and m.entered_by_tenant_id not in (i.tenant_id, i.responsible_tenant_id)")).isZero();
            assertThat(single(sql, "select count(*)" + joined + " and m.entered_by_tenant_id = i.responsible_tenant_id"
                    + " and i.responsible_tenant_id <> i.tenant_id")).isPositive();
            assertThat(single(sql, "select count(*)" + joined + " and (m.period_start > date '" + DemoHistory.TODAY
                    + "' or m.entered_at::date > date '" + DemoHistory.TODAY + "' and m.version = 0)")).isZero();
            assertThat(single(sql, "select count(*)" + joined + " and not unit_admits(i.unit, m.value)")).isZero();
            // Corrections keep the first value; a few partners' shares add up to their total.
            assertThat(single(sql, "select count(*) from measurement_correction where" + GENERATED))
                    .isGreaterThanOrEqualTo(50);
            assertThat(single(sql, "select count(*) from measurement where version > 0 and" + GENERATED))
                    .isEqualTo(single(sql, "select count(*) from measurement_correction where" + GENERATED));
            assertThat(single(sql, "select count(*) from measurement where partner_tenant_id is not null and" + GENERATED))
                    .isGreaterThanOrEqualTo(40);
            assertThat(single(sql, """
                    select count(*) from measurement t
                     where t.partner_tenant_id is null and t.workstream_id::text like '2a000000-%'
                       and exists (select 1 from measurement p where p.indicator_id = t.indicator_id
                                      and p.period_start = t.period_start and p.partner_tenant_id is not null)
                       and t.value <> (select sum(p.value) from measurement p where p.indicator_id = t.indicator_id
                                          and p.period_start = t.period_start and p.partner_tenant_id is not null)"""))
                    .as("totals that are not the sum of their partners' shares").isZero();
        }
    }

    @Test
    void completedInitiativesHaveTheirFinalAssessmentOthersInitialAndPeriodicOnesWithOpenAndDoneRecommendations()
            throws Exception {
        try (Connection db = superuser(FIRST); Statement sql = db.createStatement()) {
            assertThat(single(sql, """
                    select count(*) from workstream w
                     where w.kind = 'INITIATIVE' and w.status = 'COMPLETED' and w.id::text like '2a000000-%'
                       and not exists (select 1 from assessment a where a.workstream_id = w.id and a.kind = 'FINAL')"""))
                    .as("completed initiatives without a final assessment").isZero();
            assertThat(single(sql, """
                    select count(*) from objective o
                      join workstream w on w.tenant_id = o.tenant_id and w.id = o.workstream_id
                     where w.kind = 'INITIATIVE' and w.status = 'COMPLETED' and w.id::text like '2a000000-%'
                       and not exists (select 1 from assessment_rating r join assessment a on a.id = r.assessment_id
                                        where r.objective_id = o.id and a.kind = 'FINAL')"""))
                    .as("objectives of completed initiatives without a final rating").isZero();
            assertThat(single(sql, "select count(*) from assessment a join workstream w on w.id = a.workstream_id"
                    + " where a.kind = 'FINAL' and w.status <> 'COMPLETED' and w.id::text like '2a000000-%'")).isZero();
            assertThat(single(sql, "select count(*) from assessment a join workstream w on w.id = a.workstream_id"
                    + " where a.kind = 'FINAL' and w.kind <> 'INITIATIVE' and w.id::text like '2a000000-%'")).isPositive();
            assertThat(strings(sql, "select distinct kind || ' ' || mode from assessment where" + GENERATED))
                    .contains("INITIAL SELF", "PERIODIC SELF", "PERIODIC EXTERNAL", "FINAL SELF", "FINAL EXTERNAL");
            assertThat(single(sql, "select count(*) from assessment where mode = 'EXTERNAL'"
                    + " and (assessor_tenant_id is null or assessor_tenant_id = tenant_id) and" + GENERATED)).isZero();
            assertThat(strings(sql, "select distinct rating::text from assessment_rating where" + GENERATED))
                    .contains("2", "3", "4", "5");
            assertThat(single(sql, "select count(*) from assessment where assessed_on > date '" + DemoHistory.TODAY
                    + "' and" + GENERATED)).isZero();
            assertThat(strings(sql, "select distinct status from assessment_recommendation where" + GENERATED))
                    .containsExactlyInAnyOrder("OPEN", "DONE");
            assertThat(single(sql, "select count(*) from assessment_recommendation where status = 'OPEN' and due_date < date '"
                    + DemoHistory.TODAY + "' and" + GENERATED)).as("recommendations past their due date").isPositive();
            assertThat(single(sql, "select count(*) from assessment_recommendation where owner_tenant_id <> tenant_id and"
                    + GENERATED)).as("owned by a participant").isPositive();
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
