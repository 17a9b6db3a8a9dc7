package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Array;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.db.demo.DemoHistoryWriter;
import org.entente.db.embedded.LocalPostgres;
import org.entente.db.embedded.SchemaMigration;
import org.flywaydb.core.api.output.MigrateResult;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The demo world in its own fresh database (so other tests' tenants don't count), checked through
 * the bootstrap superuser, which is the one role that sees every row regardless of row-level
 * security. These are the hand-written demo rows (tenants with members, workstreams 0c…); the
 * generated history around them (workstreams 2a…) is {@link DemoHistoryTest}'s.
 */
class DemoDataTest {

    private static final String DATABASE = "entente_demo_check";

    /** alias to tenant id, in the order of the demo-world table. */
    private static final Map<String, UUID> DEMO_TENANTS = new LinkedHashMap<>();

    static {
        String[] aliases = {"norway", "kenya", "nato-act", "un-dpo", "au-psd", "relief-coalition",
                "aegis-maritime", "northwind", "delft-defence-lab"};
        for (int i = 0; i < aliases.length; i++) {
            DEMO_TENANTS.put(aliases[i], UUID.fromString("0a000000-0000-4000-8000-%012d".formatted(i + 1)));
        }
    }

    private static LocalPostgres postgres;
    private static MigrateResult firstRun;
    private static MigrateResult secondRun;

    @BeforeAll
    static void migrateWithDemoDataTwiceAndRunTheScriptOnceMore() throws Exception {
        postgres = TestDatabase.postgres();
        try (Connection superuser = TestDatabase.superuser("postgres"); Statement sql = superuser.createStatement()) {
            sql.execute("drop database if exists " + DATABASE);
            sql.execute("create database " + DATABASE + " owner " + LocalPostgres.OWNER_USER);
        }
        String url = TestDatabase.url(DATABASE);
        firstRun = SchemaMigration.migrate(url, postgres.ownerUser(), postgres.ownerPassword(), postgres.appUser(),
                TestDatabase.MIGRATIONS, TestDatabase.DEMO_DATA);
        secondRun = SchemaMigration.migrate(url, postgres.ownerUser(), postgres.ownerPassword(), postgres.appUser(),
                TestDatabase.MIGRATIONS, TestDatabase.DEMO_DATA);
        // Flyway skips unchanged repeatable migrations; run the scripts themselves again to prove they are re-runnable.
        try (Connection owner = DriverManager.getConnection(url, postgres.ownerUser(), postgres.ownerPassword());
             Statement sql = owner.createStatement()) {
            owner.setAutoCommit(false);
            sql.execute(demoScript("R__demo_data.sql"));
            sql.execute(demoScript("R__demo_data_burden_sharing.sql"));
            DemoHistoryWriter.write(owner);
            sql.execute(demoScript("R__demo_workstreams.sql"));
            sql.execute(demoScript("R__demo_workstreams_results.sql"));
            owner.commit();
        }
    }

    @Test
    void flywayAppliedSchemaAndDemoDataOnceAndNothingTheSecondTime() {
        // Every versioned migration plus the five repeatable demo data scripts (events: issue #21) and the demo history generator.
        assertThat(firstRun.migrationsExecuted).isEqualTo(versionedMigrations() + 6);
        assertThat(secondRun.migrationsExecuted).isZero();
    }

    private static int versionedMigrations() {
        try (java.util.stream.Stream<java.nio.file.Path> files = java.nio.file.Files.list(
                java.nio.file.Path.of(DemoDataTest.class.getResource("/db/migration").toURI()))) {
            return (int) files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).count();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void theNineDemoTenantsHaveTheThirteenMembersAndThePartnersNone() throws Exception {
        try (Connection superuser = TestDatabase.superuser(DATABASE); Statement sql = superuser.createStatement()) {
            Map<String, UUID> tenants = new LinkedHashMap<>();
            try (ResultSet rows = sql.executeQuery("select alias, id from tenant t"
                    + " where exists (select 1 from member m where m.tenant_id = t.id) order by id")) {
                while (rows.next()) {
                    tenants.put(rows.getString(1), rows.getObject(2, UUID.class));
                }
            }
            assertThat(tenants).containsExactlyEntriesOf(DEMO_TENANTS);
            assertThat(single(sql, "select count(*) from tenant where id::text not like '0a000000-0000-4000-8000-0000000000%'"))
                    .as("every demo tenant has a fixed id").isZero();
            assertThat(single(sql, "select count(*) from tenant")).as("with the partners of the demo history")
                    .isGreaterThanOrEqualTo(40);
            try (ResultSet rows = sql.executeQuery("select count(*), count(distinct id) from member")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(13);
                assertThat(rows.getLong(2)).isEqualTo(13);
            }
        }
    }

    @Test
    void eachDemoTenantSeesItselfAndItsMembersThroughTheOwnerToo() throws Exception {
        Map<String, Long> membersPerTenant = new LinkedHashMap<>();
        try (Connection owner = DriverManager.getConnection(TestDatabase.url(DATABASE), postgres.ownerUser(), postgres.ownerPassword())) {
            owner.setAutoCommit(false);
            for (Map.Entry<String, UUID> tenant : DEMO_TENANTS.entrySet()) {
                try (PreparedStatement set = owner.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                    set.setString(1, tenant.getValue().toString());
                    set.execute();
                }
                try (Statement sql = owner.createStatement();
                     ResultSet rows = sql.executeQuery("select (select string_agg(alias, ',') from tenant),"
                             + " (select count(*) from member)")) {
                    rows.next();
                    assertThat(rows.getString(1)).isEqualTo(tenant.getKey());
                    membersPerTenant.put(tenant.getKey(), rows.getLong(2));
                }
                owner.commit();
            }
        }
        assertThat(membersPerTenant.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(13);
        assertThat(membersPerTenant).containsEntry("norway", 2L).containsEntry("nato-act", 2L).containsEntry("kenya", 1L)
                .containsEntry("un-dpo", 2L).containsEntry("au-psd", 2L);
    }

    @Test
    void demoRowsMatchTheDemoWorld() throws Exception {
        try (Connection superuser = TestDatabase.superuser(DATABASE); Statement sql = superuser.createStatement()) {
            try (ResultSet row = sql.executeQuery(
                    "select name, kind, region, status from tenant where alias = 'aegis-maritime'")) {
                row.next();
                assertThat(row.getString(1)).isEqualTo("Aegis Maritime Security Ltd");
                assertThat(row.getString(2)).isEqualTo("PRIVATE_SECURITY");
                assertThat(row.getString(3)).isEqualTo("Indian Ocean");
                assertThat(row.getString(4)).isEqualTo("ACTIVE");
            }
            try (ResultSet row = sql.executeQuery("select m.tenant_id, m.username, m.display_name, m.email, m.roles"
                    + " from member m where m.id = '0b000000-0000-4000-8000-000000000002'")) {
                row.next();
                assertThat(row.getObject(1, UUID.class)).isEqualTo(DEMO_TENANTS.get("norway"));
                assertThat(row.getString(2)).isEqualTo("lars.haugen");
                assertThat(row.getString(3)).isEqualTo("Lars Haugen");
                assertThat(row.getString(4)).isEqualTo("lars.haugen@norway.demo.entente.org");
                Array roles = row.getArray(5);
                assertThat((String[]) roles.getArray()).containsExactly("member", "tenant-admin");
            }
            try (ResultSet row = sql.executeQuery("select count(*) from member"
                    + " where username in ('pat.ops', 'guest.unaffiliated')")) {
                row.next();
                assertThat(row.getLong(1)).as("users without an organization have no member row").isZero();
            }
        }
    }

    @Test
    void demoWorkstreamsCoverEveryKindStatusAndReleasability() throws Exception {
        try (Connection superuser = TestDatabase.superuser(DATABASE); Statement sql = superuser.createStatement()) {
            // The hand-written workstreams 0c… (the generated history has its own test).
            String demo = " workstream_id::text like '0c000000-%'";
            assertThat(single(sql, "select count(*) from workstream where id::text like '0c000000-%'")).isEqualTo(7);
            assertThat(single(sql, "select count(distinct kind) from workstream where id::text like '0c000000-%'")).isEqualTo(3);
            assertThat(single(sql, "select count(*) from participation where status = 'INVITED'"
                    + " and participant_tenant_id = '0a000000-0000-4000-8000-000000000004' and" + demo))
                    .as("un-dpo's pending invitation").isOne();
            assertThat(single(sql, "select count(*) from participation where status <> 'ACCEPTED' and" + demo)).isOne();
            assertThat(single(sql, "select count(*) from workstream w join engagement e on e.workstream_id = w.id"
                    + " where (w.status, e.vetting_status) in (('ACTIVE', 'CLEARED'), ('APPROVED', 'IN_REVIEW'))"
                    + " and w.id::text like '0c000000-%'")).isEqualTo(2);
            assertThat(single(sql, "select count(*) from milestone where planned_date < date '2026-11-25'"
                    + " and status in ('PLANNED', 'IN_PROGRESS') and" + demo)).as("overdue milestones").isGreaterThanOrEqualTo(2);
            assertThat(single(sql, "select count(*) from milestone where planned_date >= date '2026-11-25' and" + demo))
                    .as("upcoming").isGreaterThanOrEqualTo(2);
            assertThat(single(sql, "select count(distinct releasability) from contribution where" + demo)).isEqualTo(4);
            assertThat(single(sql, "select count(distinct unit) from contribution where" + demo)).isGreaterThanOrEqualTo(5);
            assertThat(single(sql, "select count(*) from comment where parent_id is not null")).isGreaterThanOrEqualTo(1);
            assertThat(single(sql, "select pledged_eur from contribution where id = '1b000000-0000-4000-8000-000000000101'"))
                    .as("12,500,000 NOK in EUR").isEqualTo(1_075_000);
        }
    }

    @Test
    void demoTenantsSeeTheirShareThroughTheRuntimeRole() throws Exception {
        // un-dpo is only invited to Blue Horizon: it sees the workstream, none of its contributions.
        assertThat(seenBy("0a000000-0000-4000-8000-000000000004", "select count(*) from workstream"
                + " where id = '0c000000-0000-4000-8000-000000000001'")).isOne();
        assertThat(seenBy("0a000000-0000-4000-8000-000000000004", "select count(*) from contribution"
                + " where workstream_id = '0c000000-0000-4000-8000-000000000001'")).isZero();
        // norway sees aegis' escort vessels (released to it) but not aegis' private risk assessment.
        assertThat(seenBy("0a000000-0000-4000-8000-000000000001", "select count(*) from contribution"
                + " where id in ('1b000000-0000-4000-8000-000000000106', '1b000000-0000-4000-8000-000000000107')")).isOne();
        // kenya, in the intelligence-sharing framework: its own and the shared ones, not norway's REL_TO
        // nato-act secondment nor au-psd's private board.
        assertThat(seenBy("0a000000-0000-4000-8000-000000000002", "select count(*) from contribution"
                + " where workstream_id = '0c000000-0000-4000-8000-000000000003'")).isEqualTo(2);
        // aegis-maritime takes part in neither hand-written R&D project.
        assertThat(seenBy("0a000000-0000-4000-8000-000000000007", "select count(*) from workstream"
                + " where id::text like '0c000000-%'")).isEqualTo(2);
    }

    // ---------------------------------------------------------------------------------------------
    // Results (issue #17, R__demo_workstreams_results.sql)
    // ---------------------------------------------------------------------------------------------

    /**
     * Each hand-written indicator's status, progress and whether its last ended period lacks a total, as the view
     * indicator_progress computes them but on a fixed day (the view judges as of today, and the demo's dates do not
     * move): 7 December 2026, when the demo was written.
     */
    private static final String RESULTS_ON_7_DECEMBER = """
            select right(i.id::text, 3) as indicator, right(i.responsible_tenant_id::text, 2) as responsible,
                   indicator_status(i.baseline_value, i.baseline_date, i.target_value, i.target_date, l.value, l.period_end,
                                    date '2026-12-07') as status,
                   (d.period_start is not null and not exists (
                        select 1 from measurement m where m.tenant_id = i.tenant_id and m.indicator_id = i.id
                           and m.partner_tenant_id is null and m.period_start <= d.period_end
                           and m.period_end >= d.period_start)) as overdue
              from indicator i
              left join lateral (select m.value, m.period_end from measurement m
                                  where m.tenant_id = i.tenant_id and m.indicator_id = i.id and m.partner_tenant_id is null
                                  order by m.period_end desc limit 1) l on true
              left join lateral measurement_due_period(i.frequency, coalesce(i.baseline_date, i.created_at::date),
                                                       i.target_date, date '2026-12-07') d on true
             where i.id::text like '1d000000-%'
             order by 1""";

    @Test
    void theDemoWorkstreamsHaveIndicatorsOfEveryStatusSomeOverdueForTheirResponsibleOrganization() throws Exception {
        List<String> rows = new ArrayList<>();
        try (Connection superuser = TestDatabase.superuser(DATABASE); Statement sql = superuser.createStatement();
             ResultSet row = sql.executeQuery(RESULTS_ON_7_DECEMBER)) {
            while (row.next()) {
                rows.add(row.getString(1) + " " + row.getString(2) + " " + row.getString(3)
                        + (row.getBoolean(4) ? " overdue" : ""));
            }
        }
        assertThat(rows).containsExactly(
                // Exercise Blue Horizon 2026: norway's certification count of November is due (ingrid.solberg enters
                // it), Kenya's boardings at risk, aegis-maritime's port inspections not measured and due (tom.baker).
                "101 01 ON_TRACK overdue", "102 02 AT_RISK", "103 03 ON_TRACK", "104 01 OFF_TRACK", "105 01 OFF_TRACK",
                "106 01 NO_BASELINE", "107 07 NOT_MEASURED overdue", "108 02 ON_TRACK",
                // Lake Chad Basin Peacekeeping Support
                "201 05 ON_TRACK", "202 04 OFF_TRACK overdue", "203 06 AT_RISK",
                // Counter-Terrorism Intelligence-Sharing Framework: norway's quarter is due
                "301 03 ON_TRACK", "302 01 ON_TRACK overdue", "303 05 OFF_TRACK",
                // the two R&D projects, the two engagements
                "401 03 ON_TRACK", "402 09 ON_TRACK overdue", "501 01 ON_TRACK", "502 08 AT_RISK",
                "503 09 NO_BASELINE overdue", "601 06 ON_TRACK", "701 05 NO_BASELINE");
    }

    @Test
    void demoResultsAreSeenAndMeasuredByTheirAudienceOnly() throws Exception {
        String norway = DEMO_TENANTS.get("norway").toString();
        String blueHorizon = " workstream_id = '0c000000-0000-4000-8000-000000000001'";
        assertThat(seenBy(norway, "select count(*) from indicator where" + blueHorizon)).isEqualTo(8);
        assertThat(seenBy(DEMO_TENANTS.get("kenya").toString(), "select count(*) from indicator where" + blueHorizon))
                .as("kenya sees the indicator released to it alone").isEqualTo(8);
        assertThat(seenBy(DEMO_TENANTS.get("nato-act").toString(), "select count(*) from indicator where" + blueHorizon))
                .isEqualTo(7);
        assertThat(seenBy(DEMO_TENANTS.get("un-dpo").toString(), "select count(*) from indicator where" + blueHorizon))
                .as("un-dpo has not answered its invitation").isZero();
        assertThat(seenBy(DEMO_TENANTS.get("kenya").toString(), "select count(*) from indicator"
                + " where workstream_id = '0c000000-0000-4000-8000-000000000003'")).as("not au-psd's liaison officers")
                .isEqualTo(2);
        // The view, as each reader sees it.
        assertThat(seenBy(DEMO_TENANTS.get("aegis-maritime").toString(), "select count(*) from indicator_progress where"
                + blueHorizon)).isEqualTo(7);
        // Who may enter what: ingrid.solberg's norway its own and any of its workstream's, tom.baker's aegis its own.
        String measurable = "select count(*) from indicator i where i.id::text like '1d000000-%'"
                + " and may_measure(i.tenant_id, i.workstream_id, i.id)";
        assertThat(seenBy(norway, measurable))
                .as("norway: the 11 indicators of its two workstreams and its own in NATO ACT's framework").isEqualTo(12);
        assertThat(seenBy(DEMO_TENANTS.get("aegis-maritime").toString(), measurable)).isOne();
        assertThat(seenBy(DEMO_TENANTS.get("aegis-maritime").toString(), measurable
                + " and i.id = '1d000000-0000-4000-8000-000000000107'")).isOne();
        assertThat(seenBy(DEMO_TENANTS.get("kenya").toString(), measurable)).isEqualTo(2);
        // The observer norway sees the cyber project's indicators, and measures none of them.
        assertThat(seenBy(norway, "select count(*) from indicator where workstream_id = '0c000000-0000-4000-8000-000000000004'"))
                .isEqualTo(2);
    }

    @Test
    void demoMeasurementsAssessmentsAndTheOneCorrection() throws Exception {
        try (Connection superuser = TestDatabase.superuser(DATABASE); Statement sql = superuser.createStatement()) {
            assertThat(single(sql, "select count(*) from measurement where indicator_id::text like '1d000000-%'"))
                    .isEqualTo(66);
            assertThat(single(sql, "select count(*) from measurement where partner_tenant_id is not null"
                    + " and indicator_id::text like '1d000000-%'")).isEqualTo(2);
            assertThat(single(sql, "select value from measurement_correction"
                    + " where measurement_id = '1e000000-0000-4000-8000-000000010202'")).as("the replaced count").isEqualTo(15);
            assertThat(single(sql, "select value from measurement where id = '1e000000-0000-4000-8000-000000010202'"))
                    .isEqualTo(17);
            assertThat(single(sql, "select count(*) from measurement_correction c join measurement m"
                    + " on m.tenant_id = c.tenant_id and m.id = c.measurement_id where m.workstream_id::text like '0c000000-%'"))
                    .isOne();
            // Who entered each value: the responsible organization (or the lead), never anybody else.
            assertThat(single(sql, """
                    select count(*) from measurement m join indicator i on i.tenant_id = m.tenant_id and i.id = m.indicator_id
                     where i.id::text like '1d000000-%'
                       and m.entered_by_tenant_id not in (i.tenant_id, i.responsible_tenant_id)""")).isZero();
            assertThat(single(sql, "select count(*) from measurement where entered_by_member_id is null"
                    + " and indicator_id::text like '1d000000-%'")).isZero();
            assertThat(single(sql, "select count(*) from assessment where workstream_id::text like '0c000000-%'"))
                    .isEqualTo(4);
            assertThat(single(sql, "select count(distinct kind) from assessment where workstream_id::text like '0c000000-%'"))
                    .isEqualTo(2);
            assertThat(single(sql, "select count(*) from assessment_rating where workstream_id::text like '0c000000-%'"))
                    .isEqualTo(5);
            assertThat(single(sql, "select count(*) filter (where status = 'OPEN') * 100 + count(*) filter (where status = 'DONE')"
                    + " from assessment_recommendation where workstream_id::text like '0c000000-%'")).isEqualTo(503);
            assertThat(single(sql, "select count(distinct workstream_id) from objective"
                    + " where workstream_id::text like '0c000000-%'")).as("every hand-written workstream").isEqualTo(7);
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Burden sharing (issue #16, R__demo_data_burden_sharing.sql)
    // ---------------------------------------------------------------------------------------------

    private static final String NATO_ACT = "0a000000-0000-4000-8000-000000000003";

    /** The NATO member states of the demo world. */
    private static final List<String> NATO_STATES = List.of("norway", "united-states", "germany", "united-kingdom",
            "france", "italy", "canada", "spain", "turkiye", "netherlands", "poland", "sweden", "denmark", "finland",
            "estonia");

    @Test
    void everyDemoOrganizationHasACapacityForEachYear2021To2026InEuroWithItsSource() throws Exception {
        try (Connection superuser = TestDatabase.superuser(DATABASE); Statement sql = superuser.createStatement()) {
            long tenants = single(sql, "select count(*) from tenant");
            assertThat(tenants).isEqualTo(57);
            assertThat(single(sql, "select count(*) from tenant_capacity")).isEqualTo(57 * 6);
            assertThat(single(sql, """
                    select count(*) from tenant t
                     where (select array_agg(c.year order by c.year) from tenant_capacity c where c.tenant_id = t.id)
                           = array[2021, 2022, 2023, 2024, 2025, 2026]""")).isEqualTo(tenants);
            assertThat(single(sql, "select count(*) from tenant_capacity where capacity_eur <= 0")).isZero();
            // Every figure says where it comes from, and how far to trust it.
            assertThat(single(sql, """
                    select count(*) from tenant_capacity
                     where updated_by <> 'Demo data'
                        or not (source ilike '%approximate%' or source ilike '%invented%' or source ilike '%estimated%')"""))
                    .isZero();
            // States' 2024 figure is the capacity index (GDP 2024, USD billion, the same WEO edition) at 2024's rate.
            assertThat(single(sql, """
                    select count(*) from tenant t join tenant_capacity c on c.tenant_id = t.id and c.year = 2024
                     where t.kind = 'STATE' and abs(c.capacity_eur - t.capacity_index * 1e9 / 1.0824) > 1""")).isZero();
            assertThat(single(sql, "select count(*) from tenant where kind = 'STATE'")).isEqualTo(28);
        }
    }

    @Test
    void mostNatoStatesPublishToNatoActKenyaToTheUnAndTheAuAndSeveralPartnersToNobody() throws Exception {
        try (Connection superuser = TestDatabase.superuser(DATABASE); Statement sql = superuser.createStatement()) {
            List<String> natoActGrantors = strings(sql, "select t.alias from publication_consent c"
                    + " join tenant t on t.id = c.tenant_id where c.grantee_tenant_id = '" + NATO_ACT + "'");
            assertThat(NATO_STATES.stream().filter(natoActGrantors::contains).count()).isGreaterThanOrEqualTo(12);
            // Norway has not decided yet: lars.haugen granting and revoking it is the demo's walk-through.
            assertThat(natoActGrantors).doesNotContain("norway");
            assertThat(strings(sql, "select e.alias from publication_consent c join tenant t on t.id = c.tenant_id"
                    + " join tenant e on e.id = c.grantee_tenant_id where t.alias = 'kenya'"))
                    .containsExactlyInAnyOrder("un-dpo", "au-psd");
            assertThat(single(sql, "select count(*) from tenant t"
                    + " where not exists (select 1 from publication_consent c where c.tenant_id = t.id)"))
                    .isGreaterThanOrEqualTo(10);
            // Only to organizations that have coordinators.
            assertThat(strings(sql, "select distinct e.alias from publication_consent c join tenant e on e.id = c.grantee_tenant_id"))
                    .containsExactlyInAnyOrder("nato-act", "un-dpo", "au-psd");
            // Each grant is in its organization's history: one save, version 1, by "Demo data", at the grant's time.
            assertThat(single(sql, "select count(*) from publication_consent_change")).isEqualTo(
                    single(sql, "select count(*) from publication_consent"));
            assertThat(single(sql, """
                    select count(*) from publication_consent c
                     where not exists (select 1 from publication_consent_change h
                                        where h.tenant_id = c.tenant_id and h.grantee_tenant_id = c.grantee_tenant_id
                                          and h.version = 1 and h.action = 'GRANT' and h.changed_by = 'Demo data'
                                          and h.changed_at = c.granted_at)""")).isZero();
        }
    }

    @Test
    void unDpoAndAuPsdHaveACoordinatorEachSoThatOrganizationsCanPublishToThem() throws Exception {
        try (Connection app = DriverManager.getConnection(TestDatabase.url(DATABASE), postgres.appUser(), postgres.appPassword());
             Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            sql.execute("select set_config('app.tenant_id', '0a000000-0000-4000-8000-000000000002', true)");
            assertThat(strings(sql, "select alias from coordinator_organizations()"))
                    .containsExactly("au-psd", "nato-act", "un-dpo");
            assertThat(single(sql, "select publication_consent_version()")).as("kenya's consent, saved once").isOne();
            app.rollback();
        }
    }

    /**
     * What NATO ACT's federation view needs for its burden table: in every partner kind, the partners that did not
     * consent to NATO ACT (their records NATO ACT may not see go into one "Other partners (n)" row) are at least three,
     * none holding more than 85 % of the kind's pledged or delivered EUR among them (the disclosure rule).
     */
    @Test
    void natoActsNonConsentingPartnersAreInEveryKindAtLeastThreeAndNoneDominates() throws Exception {
        try (Connection superuser = TestDatabase.superuser(DATABASE); Statement sql = superuser.createStatement();
             ResultSet rows = sql.executeQuery("""
                     with partner as (
                         select t.kind, t.alias, sum(c.pledged_eur) as pledged, sum(c.delivered_eur) as delivered
                           from contribution c join tenant t on t.id = c.contributor_tenant_id
                          where t.id <> '%1$s'
                            and not exists (select 1 from publication_consent g
                                             where g.tenant_id = t.id and g.grantee_tenant_id = '%1$s')
                          group by t.kind, t.alias)
                     select kind, count(*), max(pledged) / sum(pledged), max(delivered) / sum(delivered)
                       from partner group by kind order by kind""".formatted(NATO_ACT))) {
            int kinds = 0;
            while (rows.next()) {
                kinds++;
                String kind = rows.getString(1);
                assertThat(rows.getLong(2)).as(kind + ": non-consenting partners").isGreaterThanOrEqualTo(3);
                assertThat(rows.getDouble(3)).as(kind + ": largest part of pledged").isLessThanOrEqualTo(0.85);
                assertThat(rows.getDouble(4)).as(kind + ": largest part of delivered").isLessThanOrEqualTo(0.85);
            }
            assertThat(kinds).isEqualTo(7);
        }
    }

    /** NATO ACT's guideline: each year between a third and a half of the 28 states deliver above it. */
    @Test
    void natoActsGuidelineLeavesAThirdToAHalfOfTheStatesAboveItEachYear() throws Exception {
        try (Connection superuser = TestDatabase.superuser(DATABASE); Statement sql = superuser.createStatement();
             ResultSet rows = sql.executeQuery("""
                     with intensity as (
                         select k.year, t.id,
                                coalesce((select sum(c.delivered_eur) from contribution c
                                           where c.contributor_tenant_id = t.id
                                             and extract(year from c.pledged_on) = k.year), 0) / k.capacity_eur as value
                           from tenant t join tenant_capacity k on k.tenant_id = t.id
                          where t.kind = 'STATE')
                     select g.year, count(*) filter (where i.value > g.target_intensity), count(*)
                       from burden_guideline g join intensity i on i.year = g.year
                      where g.tenant_id = '%s' group by g.year order by g.year""".formatted(NATO_ACT))) {
            List<Integer> years = new ArrayList<>();
            while (rows.next()) {
                years.add(rows.getInt(1));
                long above = rows.getLong(2);
                long states = rows.getLong(3);
                assertThat(states).isEqualTo(28);
                assertThat(above * 3).as(rows.getInt(1) + ": at least a third above").isGreaterThanOrEqualTo(states);
                assertThat(above * 2).as(rows.getInt(1) + ": at most half above").isLessThanOrEqualTo(states);
            }
            assertThat(years).containsExactly(2021, 2022, 2023, 2024, 2025, 2026);
        }
    }

    private static List<String> strings(Statement sql, String query) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }

    private static long seenBy(String tenant, String query) throws SQLException {
        try (Connection app = DriverManager.getConnection(TestDatabase.url(DATABASE), postgres.appUser(), postgres.appPassword());
             Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            sql.execute("select set_config('app.tenant_id', '" + tenant + "', true)");
            long count = single(sql, query);
            app.rollback();
            return count;
        }
    }

    private static long single(Statement sql, String query) throws SQLException {
        try (ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static String demoScript(String name) throws IOException {
        try (InputStream script = DemoDataTest.class.getResourceAsStream("/db/demo/" + name)) {
            assertThat(script).isNotNull();
            return new String(script.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

}
