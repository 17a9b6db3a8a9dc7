package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.entente.db.embedded.LocalPostgres;
import org.entente.db.embedded.SchemaMigration;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * V51 turns the after-action assessment of V2 (initiative_objective.rating, initiative.lessons_learned and
 * assessed_at) into each assessed initiative's FINAL assessment: a fresh database migrated to V50, initiatives
 * written the way the app wrote them then, and migrated on to V51 as the app would at startup.
 */
class AfterActionMigrationTest {

    private static final String DATABASE = "entente_v51_migration";

    private static String LEAD;
    private static String PARTNER;
    private static String OUTSIDER;

    /** Assessed on a day, with lessons and two of three objectives rated. */
    private static final String FULL = "51000000-0000-4000-8000-0000000000a1";
    /** Only ratings: assessed on the day the initiative was last updated. */
    private static final String RATED = "51000000-0000-4000-8000-0000000000a2";
    /** Only lessons. */
    private static final String LESSONS = "51000000-0000-4000-8000-0000000000a3";
    /** Objectives without ratings, no lessons, no date: never assessed. */
    private static final String UNASSESSED = "51000000-0000-4000-8000-0000000000a4";
    /** An assessed initiative that only its lead sees. */
    private static final String PRIVATE = "51000000-0000-4000-8000-0000000000a5";
    /** An assessed initiative released to the partner by name. */
    private static final String RELEASED = "51000000-0000-4000-8000-0000000000a6";
    /** Not an initiative at all. */
    private static final String PROJECT = "51000000-0000-4000-8000-0000000000a7";

    private static String url;

    @BeforeAll
    static void initiativesAssessedTheOldWayThenMigrated() throws Exception {
        LocalPostgres postgres = TestDatabase.postgres();
        try (Connection superuser = TestDatabase.superuser("postgres"); Statement sql = superuser.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
            sql.execute("create database " + DATABASE + " owner " + LocalPostgres.OWNER_USER);
        }
        url = TestDatabase.url(DATABASE);
        Map<String, String> placeholders = Map.of(SchemaMigration.APP_ROLE_PLACEHOLDER, postgres.appUser(),
                SchemaMigration.ANALYTICS_ROLE_PLACEHOLDER, postgres.analyticsUser());
        Flyway.configure().dataSource(url, postgres.ownerUser(), postgres.ownerPassword())
                .locations(TestDatabase.MIGRATIONS).placeholders(placeholders).target("50").load().migrate();

        try (Connection app = DriverManager.getConnection(url, postgres.appUser(), postgres.appPassword());
             Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            LEAD = provision(sql, "v51-lead", "Royal Lead Navy");
            PARTNER = provision(sql, "v51-partner", "Partner Coast Guard");
            OUTSIDER = provision(sql, "v51-outsider", "Outsider");
            app.commit();
        }
        try (Connection app = DriverManager.getConnection(url, postgres.appUser(), postgres.appPassword());
             Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            as(sql, LEAD);
            sql.execute("""
                    insert into workstream (id, kind, title, releasability) values
                        ('%s', 'INITIATIVE', 'Full', 'PARTICIPANTS'), ('%s', 'INITIATIVE', 'Rated', 'ALL_PARTNERS'),
                        ('%s', 'INITIATIVE', 'Lessons', 'PARTICIPANTS'), ('%s', 'INITIATIVE', 'Unassessed', 'PARTICIPANTS'),
                        ('%s', 'INITIATIVE', 'Private', 'PRIVATE'), ('%s', 'INITIATIVE', 'Released', 'PARTICIPANTS'),
                        ('%s', 'RND_PROJECT', 'Project', 'PARTICIPANTS')"""
                    .formatted(FULL, RATED, LESSONS, UNASSESSED, PRIVATE, RELEASED, PROJECT));
            sql.execute("""
                    insert into initiative (workstream_id, mechanism, lessons_learned, assessed_at, updated_at) values
                        ('%s', 'JOINT_EXERCISE', 'Boarding teams need a common checklist.', '2025-03-14 10:00Z', '2025-03-14 10:00Z'),
                        ('%s', 'CAPACITY_BUILDING', null, null, '2025-06-20 12:00Z'),
                        ('%s', 'PEACEKEEPING', 'Convoys need medical escorts.', null, '2025-08-01 09:00Z'),
                        ('%s', 'CYBER_DEFENSE', null, null, '2025-09-01 09:00Z'),
                        ('%s', 'ARMS_CONTROL', null, '2025-10-05 08:00Z', '2025-10-05 08:00Z'),
                        ('%s', 'MARITIME_SECURITY', 'Share the picture earlier.', '2025-11-11 11:00Z', '2025-11-11 11:00Z')"""
                    .formatted(FULL, RATED, LESSONS, UNASSESSED, PRIVATE, RELEASED));
            sql.execute("""
                    insert into initiative_objective (workstream_id, id, position, text, rating) values
                        ('%1$s', '51000000-0000-4000-8000-0000000000f1', 1, 'Certify boarding teams', 4),
                        ('%1$s', '51000000-0000-4000-8000-0000000000f2', 2, 'Share a maritime picture', null),
                        ('%1$s', '51000000-0000-4000-8000-0000000000f3', 3, 'Rehearse search and rescue', 2),
                        ('%2$s', '51000000-0000-4000-8000-0000000000f4', 1, 'Train instructors', 5),
                        ('%3$s', '51000000-0000-4000-8000-0000000000f5', 1, 'Open supply routes', null),
                        ('%4$s', '51000000-0000-4000-8000-0000000000f6', 1, 'Harden networks', null)"""
                    .formatted(FULL, RATED, LESSONS, UNASSESSED));
            for (String workstream : List.of(FULL, RELEASED)) {
                sql.execute("insert into participation (tenant_id, workstream_id, participant_tenant_id) values ('"
                        + LEAD + "', '" + workstream + "', '" + PARTNER + "')");
            }
            as(sql, PARTNER);
            sql.execute("update participation set status = 'ACCEPTED' where participant_tenant_id = '" + PARTNER + "'");
            as(sql, LEAD);
            sql.execute("update workstream set releasability = 'REL_TO', rel_to = '{" + PARTNER + "}' where id = '"
                    + RELEASED + "'");
            app.commit();
        }

        SchemaMigration.migrate(url, postgres.ownerUser(), postgres.ownerPassword(), postgres.appUser(),
                TestDatabase.MIGRATIONS);
    }

    @AfterAll
    static void dropTheDatabase() throws SQLException {
        try (Connection superuser = TestDatabase.superuser("postgres"); Statement sql = superuser.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
        }
    }

    @Test
    void eachAssessedInitiativeGetsOneFinalSelfAssessmentByItsLeadOnTheDayItWasAssessed() throws Exception {
        assertThat(rowsAsSuperuser("""
                select w.title, a.kind, a.mode, a.assessor_name, coalesce(a.assessor_tenant_id::text, '-'), a.assessed_on,
                       coalesce(a.findings, '-'), a.releasability, a.rel_to::text, a.version, a.tenant_id::text
                  from assessment a join workstream w on w.tenant_id = a.tenant_id and w.id = a.workstream_id
                 order by w.title""")).containsExactly(
                "Full|FINAL|SELF|Royal Lead Navy|-|2025-03-14|Boarding teams need a common checklist.|PARTICIPANTS|{}|0|" + LEAD,
                "Lessons|FINAL|SELF|Royal Lead Navy|-|2025-08-01|Convoys need medical escorts.|PARTICIPANTS|{}|0|" + LEAD,
                "Private|FINAL|SELF|Royal Lead Navy|-|2025-10-05|-|PRIVATE|{}|0|" + LEAD,
                "Rated|FINAL|SELF|Royal Lead Navy|-|2025-06-20|-|ALL_PARTNERS|{}|0|" + LEAD,
                "Released|FINAL|SELF|Royal Lead Navy|-|2025-11-11|Share the picture earlier.|REL_TO|{" + PARTNER + "}|0|" + LEAD);
        assertThat(rowsAsSuperuser("select count(*) from assessment_recommendation")).containsExactly("0");
        // Recorded when it was assessed, not when the migration ran.
        assertThat(rowsAsSuperuser("""
                select w.title, to_char(a.created_at at time zone 'UTC', 'YYYY-MM-DD HH24:MI')
                  from assessment a join workstream w on w.id = a.workstream_id where w.title in ('Full', 'Rated')
                 order by 1""")).containsExactly("Full|2025-03-14 10:00", "Rated|2025-06-20 12:00");
    }

    @Test
    void theObjectivesRatingsBecomeTheFinalAssessmentsRatings() throws Exception {
        assertThat(rowsAsSuperuser("""
                select w.title, o.text, r.rating
                  from assessment_rating r
                  join assessment a on a.tenant_id = r.tenant_id and a.workstream_id = r.workstream_id and a.id = r.assessment_id
                  join objective o on o.tenant_id = r.tenant_id and o.workstream_id = r.workstream_id and o.id = r.objective_id
                  join workstream w on w.id = r.workstream_id
                 where a.kind = 'FINAL' order by 1, 2""")).containsExactly(
                "Full|Certify boarding teams|4", "Full|Rehearse search and rescue|2", "Rated|Train instructors|5");
        // Every objective is kept (now "objective"), without its rating; the old columns are gone.
        assertThat(rowsAsSuperuser("select text from objective order by id")).containsExactly("Certify boarding teams",
                "Share a maritime picture", "Rehearse search and rescue", "Train instructors", "Open supply routes",
                "Harden networks");
        assertThat(rowsAsSuperuser("""
                select table_name || '.' || column_name from information_schema.columns
                 where table_schema = 'public' and (table_name, column_name) in (('objective', 'rating'),
                       ('initiative', 'lessons_learned'), ('initiative', 'assessed_at'))""")).isEmpty();
        assertThat(rowsAsSuperuser("select count(*) from information_schema.tables where table_name = 'initiative_objective'"))
                .containsExactly("0");
    }

    @Test
    void theMigrationLeavesRowLevelSecurityForcedAndTheTriggersOn() throws Exception {
        assertThat(rowsAsSuperuser("""
                select relname from pg_class
                 where relname in ('tenant', 'initiative', 'objective', 'workstream', 'assessment', 'assessment_rating')
                   and relrowsecurity and relforcerowsecurity order by 1"""))
                .containsExactly("assessment", "assessment_rating", "initiative", "objective", "tenant", "workstream");
        assertThat(rowsAsSuperuser("""
                select count(*) from pg_trigger
                 where tgrelid in ('assessment'::regclass, 'assessment_rating'::regclass, 'objective'::regclass,
                                   'initiative'::regclass, 'workstream'::regclass)
                   and not tgisinternal and tgenabled <> 'O'""")).as("user triggers left disabled").containsExactly("0");
        // The release check runs again: the migrated assessment cannot be widened.
        try (Connection app = app(); Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            as(sql, LEAD);
            Throwable failure = catchThrowable(() -> sql.execute(
                    "update assessment set releasability = 'ALL_PARTNERS' where workstream_id = '" + FULL + "'"));
            assertThat(TestDatabase.sqlState(failure)).isEqualTo("EN070");
            app.rollback();
        }
    }

    @Test
    void theMigratedAssessmentsAreSeenByTheirAudienceOnly() throws Exception {
        assertThat(visibleTo(LEAD, "select w.title from assessment a join workstream w on w.id = a.workstream_id order by 1"))
                .containsExactly("Full", "Lessons", "Private", "Rated", "Released");
        assertThat(visibleTo(PARTNER, "select w.title from assessment a join workstream w on w.id = a.workstream_id order by 1"))
                .containsExactly("Full", "Released");
        assertThat(visibleTo(PARTNER, "select count(*) from assessment_rating")).containsExactly("2");
        assertThat(visibleTo(OUTSIDER, "select count(*) from assessment")).containsExactly("0");
        assertThat(visibleTo(OUTSIDER, "select count(*) from assessment_rating")).containsExactly("0");
    }

    @Test
    void objectivesNowBelongToWorkstreamsOfEveryKind() throws Exception {
        try (Connection app = app(); Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            as(sql, LEAD);
            sql.execute("insert into objective (workstream_id, text) values ('" + PROJECT + "', 'Reach TRL 6')");
            try (ResultSet row = sql.executeQuery("select count(*) from objective where workstream_id = '" + PROJECT + "'")) {
                row.next();
                assertThat(row.getInt(1)).isOne();
            }
            app.rollback();
        }
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static String provision(Statement sql, String alias, String name) throws SQLException {
        try (ResultSet row = sql.executeQuery("select tenant_id from provision_tenant('" + alias + "', '" + name
                + "', 'STATE', null)")) {
            row.next();
            return row.getString(1);
        }
    }

    private static void as(Statement sql, String tenant) throws SQLException {
        sql.execute("select set_config('app.tenant_id', '" + tenant + "', true)");
    }

    private static Connection app() throws SQLException {
        LocalPostgres postgres = TestDatabase.postgres();
        return DriverManager.getConnection(url, postgres.appUser(), postgres.appPassword());
    }

    private static List<String> visibleTo(String tenant, String query) throws SQLException {
        try (Connection app = app(); Statement sql = app.createStatement()) {
            app.setAutoCommit(false);
            as(sql, tenant);
            List<String> rows = rows(sql, query);
            app.rollback();
            return rows;
        }
    }

    private static List<String> rowsAsSuperuser(String query) throws SQLException {
        try (Connection superuser = TestDatabase.superuser(DATABASE); Statement sql = superuser.createStatement()) {
            return rows(sql, query);
        }
    }

    private static List<String> rows(Statement sql, String query) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (ResultSet row = sql.executeQuery(query)) {
            int columns = row.getMetaData().getColumnCount();
            while (row.next()) {
                StringBuilder line = new StringBuilder();
                for (int c = 1; c <= columns; c++) {
                    line.append(c == 1 ? "" : "|").append(row.getString(c));
                }
                rows.add(line.toString());
            }
        }
        return rows;
    }
}
