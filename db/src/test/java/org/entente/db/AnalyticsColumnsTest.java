package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.db.Collaboration.as;
import static org.entente.db.Collaboration.assertRejected;
import static org.entente.db.Collaboration.failureAs;
import static org.entente.db.Collaboration.inviteAndAccept;
import static org.entente.db.Collaboration.run;
import static org.entente.db.Collaboration.tenant;
import static org.entente.db.Collaboration.workstream;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import org.entente.db.embedded.LocalPostgres;
import org.entente.db.embedded.SchemaMigration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** V30's dates: contribution.pledged_on / delivered_on and deliverable.submitted_on, their rules and their migration. */
class AnalyticsColumnsTest {

    private static UUID owner;
    private static UUID contributor;
    private static UUID workstream;

    @BeforeAll
    static void aWorkstreamWithAContributor() {
        owner = tenant("dates-owner");
        contributor = tenant("dates-contributor");
        workstream = workstream(owner, "INITIATIVE");
        inviteAndAccept(owner, workstream, contributor);
    }

    @Test
    void aNewPledgeIsPledgedTodayAndNotDelivered() {
        UUID id = pledge(null, "0", null);
        assertThat(dates(id)).isEqualTo(new Dates(today(), null));
    }

    @Test
    void aPledgeInsertedWithADeliveryButNoDateIsDeliveredToday() {
        UUID id = pledge(LocalDate.of(2025, 3, 1), "400", null);
        assertThat(dates(id)).isEqualTo(new Dates(LocalDate.of(2025, 3, 1), today()));
    }

    @Test
    void explicitDatesAreKept() {
        UUID id = pledge(LocalDate.of(2024, 2, 10), "1000", LocalDate.of(2024, 9, 30));
        assertThat(dates(id)).isEqualTo(new Dates(LocalDate.of(2024, 2, 10), LocalDate.of(2024, 9, 30)));
    }

    /** Writers that do not know delivered_on (older code paths) keep it consistent through the trigger. */
    @Test
    void deliveredOnFollowsTheDeliveredAmountWhenTheWriterLeavesItAlone() {
        UUID id = pledge(LocalDate.of(2024, 1, 5), "100", LocalDate.of(2024, 2, 1));
        LocalDate earlier = LocalDate.of(2024, 2, 1);

        setDelivered(id, "300");  // grows: a new delivery, today
        assertThat(dates(id).deliveredOn()).isEqualTo(today());

        run(contributor, sql -> sql.update("update contribution set delivered_on = ? where id = ?", earlier, id));
        setDelivered(id, "250");  // a correction downwards is not a delivery
        assertThat(dates(id).deliveredOn()).isEqualTo(earlier);

        run(contributor, sql -> sql.update("update contribution set description = 'renamed' where id = ?", id));
        assertThat(dates(id).deliveredOn()).isEqualTo(earlier);

        setDelivered(id, "0");  // nothing delivered any more
        assertThat(dates(id)).isEqualTo(new Dates(LocalDate.of(2024, 1, 5), null));
    }

    @Test
    void aWriterThatSetsTheDeliveryDateItselfIsTakenAtItsWord() {
        UUID id = pledge(LocalDate.of(2024, 1, 5), "0", null);
        LocalDate delivered = LocalDate.of(2024, 6, 30);
        run(contributor, sql -> sql.update("update contribution set delivered_amount = 500, delivered_on = ? where id = ?",
                delivered, id));
        assertThat(dates(id).deliveredOn()).isEqualTo(delivered);
    }

    /** A new delivery on the same date as the last one: only an explicit writer can say so. */
    @Test
    void aWriterThatManagesTheDatesItselfIsLeftAlone() {
        LocalDate last = LocalDate.of(2024, 6, 30);
        UUID id = pledge(LocalDate.of(2024, 1, 5), "100", last);
        run(contributor, sql -> {
            sql.queryForObject("select set_config('app.explicit_dates', 'on', true)", String.class);
            sql.update("update contribution set delivered_amount = 300, delivered_on = ? where id = ?", last, id);
        });
        assertThat(dates(id).deliveredOn()).isEqualTo(last);
        assertRejected(failureAs(contributor, sql -> {
            sql.queryForObject("select set_config('app.explicit_dates', 'on', true)", String.class);
            sql.update("update contribution set delivered_amount = 0 where id = ?", id);
        }), "23514", "contribution_delivered_on_ck");
        assertThat(dates(id).deliveredOn()).isEqualTo(last);
    }

    @Test
    void aDeliveryBeforeThePledgeIsRejectedAndNothingStored() {
        long before = contributions();
        assertRejected(failureAs(contributor, sql -> insert(sql, LocalDate.of(2025, 5, 1), "10", LocalDate.of(2025, 4, 30))),
                "23514", "contribution_delivered_on_order_ck");
        assertThat(contributions()).isEqualTo(before);

        UUID id = pledge(LocalDate.of(2025, 5, 1), "10", LocalDate.of(2025, 5, 2));
        assertRejected(failureAs(contributor, sql -> sql.update("update contribution set pledged_on = ? where id = ?",
                LocalDate.of(2025, 6, 1), id)), "23514", "contribution_delivered_on_order_ck");
        assertThat(dates(id)).isEqualTo(new Dates(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 2)));
    }

    @Test
    void aDeliveryDateWithoutADeliveryIsRejectedAndNothingStored() {
        long before = contributions();
        assertRejected(failureAs(contributor, sql -> insert(sql, LocalDate.of(2025, 5, 1), "0", LocalDate.of(2025, 5, 3))),
                "23514", "contribution_delivered_on_ck");
        assertThat(contributions()).isEqualTo(before);

        UUID id = pledge(LocalDate.of(2025, 5, 1), "10", LocalDate.of(2025, 5, 2));
        assertRejected(failureAs(contributor, sql -> sql.update("update contribution set delivered_on = null where id = ?", id)),
                "23514", "contribution_delivered_on_ck");
        assertRejected(failureAs(contributor, sql -> sql.update(
                "update contribution set delivered_amount = 0, delivered_on = ? where id = ?", LocalDate.of(2025, 5, 9), id)),
                "23514", "contribution_delivered_on_ck");
        assertThat(dates(id)).isEqualTo(new Dates(LocalDate.of(2025, 5, 1), LocalDate.of(2025, 5, 2)));
    }

    @Test
    void aPledgeNeedsAPledgeDate() {
        assertRejected(failureAs(contributor, sql -> sql.update("""
                insert into contribution (tenant_id, workstream_id, type, unit, pledged_amount, pledged_on)
                values (?, ?, 'FUNDING', 'EUR', 1, null)""", owner, workstream)), "23502", "pledged_on");
    }

    @Test
    void submittedOnFollowsTheDeliverableStatus() {
        UUID project = workstream(owner, "RND_PROJECT");
        UUID deliverable = as(owner, sql -> {
            sql.update("insert into rnd_project (tenant_id, workstream_id, technology_area, trl_start, trl_current, trl_target)"
                    + " values (?, ?, 'AI', 2, 3, 5)", owner, project);
            UUID workPackage = sql.queryForObject("insert into work_package (tenant_id, workstream_id, code, title, lead_tenant_id)"
                    + " values (?, ?, 'WP1', 'Work', ?) returning id", UUID.class, owner, project, owner);
            return sql.queryForObject("insert into deliverable (tenant_id, workstream_id, work_package_id, title)"
                    + " values (?, ?, ?, 'Report') returning id", UUID.class, owner, project, workPackage);
        });
        assertThat(submittedOn(deliverable)).isNull();

        setStatus(deliverable, "SUBMITTED");
        assertThat(submittedOn(deliverable)).isEqualTo(today());

        run(owner, sql -> sql.update("update deliverable set submitted_on = ? where id = ?", LocalDate.of(2025, 10, 1), deliverable));
        setStatus(deliverable, "ACCEPTED");
        assertThat(submittedOn(deliverable)).as("accepting keeps the submission date").isEqualTo(LocalDate.of(2025, 10, 1));

        setStatus(deliverable, "PLANNED");
        assertThat(submittedOn(deliverable)).isNull();

        assertRejected(failureAs(owner, sql -> sql.update("update deliverable set submitted_on = ? where id = ?",
                LocalDate.of(2025, 10, 1), deliverable)), "23514", "deliverable_submitted_on_ck");
        run(owner, sql -> sql.update("update deliverable set status = 'SUBMITTED', submitted_on = ? where id = ?",
                LocalDate.of(2025, 11, 3), deliverable));
        assertThat(submittedOn(deliverable)).isEqualTo(LocalDate.of(2025, 11, 3));
        assertRejected(failureAs(owner, sql -> sql.update("update deliverable set submitted_on = null where id = ?", deliverable)),
                "23514", "deliverable_submitted_on_ck");
        assertThat(submittedOn(deliverable)).isEqualTo(LocalDate.of(2025, 11, 3));
    }

    /**
     * Rows written before V30 get their dates from created_at and updated_at; their EUR values,
     * updated_at and row-level security stay as they were.
     */
    @Test
    void existingRowsAreMigratedFromTheirTimestamps() throws Exception {
        String database = "entente_v30_migration";
        LocalPostgres postgres = TestDatabase.postgres();
        try (Connection superuser = superuser("postgres"); Statement sql = superuser.createStatement()) {
            sql.execute("drop database if exists " + database);
            sql.execute("create database " + database + " owner " + LocalPostgres.OWNER_USER);
        }
        String url = "jdbc:postgresql://localhost:" + postgres.port() + "/" + database;
        Map<String, String> placeholders = Map.of(SchemaMigration.APP_ROLE_PLACEHOLDER, postgres.appUser(),
                SchemaMigration.ANALYTICS_ROLE_PLACEHOLDER, postgres.analyticsUser());
        try {
            Flyway.configure().dataSource(url, postgres.ownerUser(), postgres.ownerPassword())
                    .locations(TestDatabase.MIGRATIONS).placeholders(placeholders).target("20").load().migrate();

            UUID tenant;
            try (Connection app = DriverManager.getConnection(url, postgres.appUser(), postgres.appPassword());
                 Statement sql = app.createStatement()) {
                app.setAutoCommit(false);
                tenant = UUID.fromString(single(sql,
                        "select tenant_id from provision_tenant('v30-lead', 'V30 lead', 'STATE', null)"));
                sql.execute("select set_config('app.tenant_id', '" + tenant + "', true)");
                sql.execute("""
                        insert into workstream (id, kind, title) values
                            ('00000000-0000-4000-8000-000000000001', 'INITIATIVE', 'Old initiative'),
                            ('00000000-0000-4000-8000-000000000002', 'RND_PROJECT', 'Old project')""");
                sql.execute("""
                        insert into contribution (tenant_id, workstream_id, id, type, unit, pledged_amount, delivered_amount,
                                                  created_at, updated_at)
                        values ('%1$s', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000c1',
                                'FUNDING', 'USD', 1000, 250, '2023-03-14 10:00Z', '2024-07-02 09:30Z'),
                               ('%1$s', '00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-0000000000c2',
                                'FUNDING', 'EUR', 500, 0, '2024-01-20 12:00Z', '2024-05-05 12:00Z')""".formatted(tenant));
                sql.execute("""
                        insert into rnd_project (workstream_id, technology_area, trl_start, trl_current, trl_target)
                        values ('00000000-0000-4000-8000-000000000002', 'SPACE', 3, 4, 6)""");
                sql.execute("""
                        insert into work_package (workstream_id, id, code, title, lead_tenant_id)
                        values ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-0000000000a1', 'WP1', 'Work', '%s')"""
                        .formatted(tenant));
                sql.execute("""
                        insert into deliverable (workstream_id, id, work_package_id, title, status, updated_at) values
                            ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-0000000000d1',
                             '00000000-0000-4000-8000-0000000000a1', 'Submitted report', 'SUBMITTED', '2024-11-11 08:00Z'),
                            ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-0000000000d2',
                             '00000000-0000-4000-8000-0000000000a1', 'Accepted report', 'ACCEPTED', '2024-12-12 08:00Z'),
                            ('00000000-0000-4000-8000-000000000002', '00000000-0000-4000-8000-0000000000d3',
                             '00000000-0000-4000-8000-0000000000a1', 'Planned report', 'PLANNED', '2024-12-13 08:00Z')""");
                app.commit();
            }
            // The rest, V30 included, as the app would at startup.
            SchemaMigration.migrate(url, postgres.ownerUser(), postgres.ownerPassword(), postgres.appUser(),
                    TestDatabase.MIGRATIONS);

            try (Connection superuser = superuser(database); Statement sql = superuser.createStatement()) {
                sql.execute("set timezone = 'UTC'");
                assertThat(single(sql, "select concat_ws('|', pledged_on, delivered_on, pledged_eur, delivered_eur, updated_at)"
                        + " from contribution where id = '00000000-0000-4000-8000-0000000000c1'"))
                        .isEqualTo("2023-03-14|2024-07-02|920.00|230.00|2024-07-02 09:30:00+00");
                assertThat(single(sql, "select concat_ws('|', pledged_on, coalesce(delivered_on::text, 'none'))"
                        + " from contribution where id = '00000000-0000-4000-8000-0000000000c2'"))
                        .isEqualTo("2024-01-20|none");
                assertThat(single(sql, "select string_agg(title || '=' || coalesce(submitted_on::text, 'none'), ', ' order by title)"
                        + " from deliverable"))
                        .isEqualTo("Accepted report=2024-12-12, Planned report=none, Submitted report=2024-11-11");
                assertThat(single(sql, "select string_agg(relname, ',' order by relname) from pg_class"
                        + " where relname in ('contribution', 'deliverable') and relrowsecurity and relforcerowsecurity"))
                        .isEqualTo("contribution,deliverable");
                assertThat(single(sql, "select count(*) from pg_trigger where tgrelid in ('contribution'::regclass,"
                        + " 'deliverable'::regclass) and not tgisinternal and tgenabled <> 'O'"))
                        .as("user triggers left disabled").isEqualTo("0");
            }
        } finally {
            try (Connection superuser = superuser("postgres"); Statement sql = superuser.createStatement()) {
                sql.execute("drop database if exists " + database + " with (force)");
            }
        }
    }

    private record Dates(LocalDate pledgedOn, LocalDate deliveredOn) {
    }

    private static UUID pledge(LocalDate pledgedOn, String delivered, LocalDate deliveredOn) {
        return as(contributor, sql -> insert(sql, pledgedOn, delivered, deliveredOn));
    }

    private static UUID insert(org.springframework.jdbc.core.JdbcTemplate sql, LocalDate pledgedOn, String delivered,
                               LocalDate deliveredOn) {
        return sql.queryForObject("""
                insert into contribution (tenant_id, workstream_id, type, unit, pledged_amount, delivered_amount,
                                          pledged_on, delivered_on)
                values (?, ?, 'FUNDING', 'EUR', 1000, ?, coalesce(?, current_date), ?) returning id""",
                UUID.class, owner, workstream, new BigDecimal(delivered), pledgedOn, deliveredOn);
    }

    private static void setDelivered(UUID id, String amount) {
        run(contributor, sql -> assertThat(sql.update("update contribution set delivered_amount = ? where id = ?",
                new BigDecimal(amount), id)).isOne());
    }

    private static Dates dates(UUID id) {
        return as(contributor, sql -> sql.queryForObject("select pledged_on, delivered_on from contribution where id = ?",
                (row, n) -> new Dates(row.getObject(1, LocalDate.class), row.getObject(2, LocalDate.class)), id));
    }

    private static long contributions() {
        return as(contributor, sql -> sql.queryForObject("select count(*) from contribution where workstream_id = ?",
                Long.class, workstream));
    }

    private static void setStatus(UUID deliverable, String status) {
        run(owner, sql -> assertThat(sql.update("update deliverable set status = ? where id = ?", status, deliverable)).isOne());
    }

    private static LocalDate submittedOn(UUID deliverable) {
        return as(owner, sql -> sql.queryForObject("select submitted_on from deliverable where id = ?", LocalDate.class, deliverable));
    }

    private static LocalDate today() {
        return as(owner, sql -> sql.queryForObject("select current_date", LocalDate.class));
    }

    private static Connection superuser(String database) throws SQLException {
        // zonky's initdb trusts local connections; "postgres" is its bootstrap superuser.
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + TestDatabase.postgres().port() + "/" + database,
                "postgres", "");
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertThat(rows.next()).as("a row from %s", query).isTrue();
            return rows.getString(1);
        }
    }
}
