package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.db.Collaboration.as;
import static org.entente.db.Collaboration.assertRejected;
import static org.entente.db.Collaboration.assertRowLevelSecurityViolation;
import static org.entente.db.Collaboration.comment;
import static org.entente.db.Collaboration.contribution;
import static org.entente.db.Collaboration.count;
import static org.entente.db.Collaboration.countAs;
import static org.entente.db.Collaboration.failureAs;
import static org.entente.db.Collaboration.invite;
import static org.entente.db.Collaboration.inviteAndAccept;
import static org.entente.db.Collaboration.memberOf;
import static org.entente.db.Collaboration.respond;
import static org.entente.db.Collaboration.run;
import static org.entente.db.Collaboration.tenant;
import static org.entente.db.Collaboration.workstream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Who sees what in a workstream: owner, accepted participants, an invited tenant, an outsider, a
 * participant who withdraws; every tenant-owned table of the collaboration schema has a row here.
 */
class WorkstreamVisibilityTest {

    /** Every tenant-owned table V2 creates (initiative_objective is objective since V51), and V51's results chain. */
    static final List<String> COLLABORATION_TABLES = List.of("workstream", "participation", "initiative",
            "objective", "rnd_project", "work_package", "deliverable", "engagement", "contribution",
            "milestone", "comment", "comment_mention", "attachment", "activity", "notification", "contribution_access",
            "indicator", "measurement", "measurement_correction", "assessment", "assessment_rating",
            "assessment_recommendation");

    private static UUID owner;
    private static UUID alpha;
    private static UUID bravo;
    private static UUID invited;
    private static UUID outsider;
    private static UUID leaver;

    private static UUID initiative;
    private static UUID project;
    private static UUID engagement;

    private static UUID alphaShared;
    private static UUID alphaPrivate;
    private static UUID alphaToOwner;
    private static UUID bravoAllPartners;
    private static UUID ownerShared;
    private static UUID leaverOwn;
    private static UUID bravoCommentToAlpha;
    private static UUID indicator;

    @BeforeAll
    static void aWorkstreamOfEveryKindWithARowInEveryTable() {
        owner = tenant("owner");
        alpha = tenant("alpha");
        bravo = tenant("bravo");
        invited = tenant("invited");
        outsider = tenant("outsider");
        leaver = tenant("leaver");

        initiative = workstream(owner, "INITIATIVE");
        project = workstream(owner, "RND_PROJECT");
        engagement = workstream(owner, "ENGAGEMENT");
        for (UUID workstream : List.of(initiative, project, engagement)) {
            inviteAndAccept(owner, workstream, alpha, bravo, leaver);
            invite(owner, workstream, invited);
        }

        run(owner, sql -> {
            sql.update("insert into initiative (tenant_id, workstream_id, mechanism) values (?, ?, 'JOINT_EXERCISE')", owner, initiative);
            // Objectives on every kind (V51), the initiative's with an indicator alpha is responsible for.
            for (UUID workstream : List.of(initiative, project, engagement)) {
                sql.update("insert into objective (tenant_id, workstream_id, text) values (?, ?, 'Interoperability')",
                        owner, workstream);
            }
            UUID objective = sql.queryForObject("select id from objective where workstream_id = ?", UUID.class, initiative);
            indicator = sql.queryForObject("""
                    insert into indicator (workstream_id, objective_id, definition, unit, baseline_value, baseline_date,
                                           target_value, target_date, responsible_tenant_id)
                    values (?, ?, 'Units certified', 'NUMBER', 0, date '2025-01-01', 10, date '2027-12-31', ?)
                    returning id""", UUID.class, initiative, objective, alpha);
            UUID assessment = sql.queryForObject("insert into assessment (workstream_id, kind, assessor_name, assessed_on)"
                    + " values (?, 'PERIODIC', 'Owner', date '2025-06-30') returning id", UUID.class, initiative);
            sql.update("insert into assessment_rating (workstream_id, assessment_id, objective_id, rating) values (?, ?, ?, 3)",
                    initiative, assessment, objective);
            sql.update("insert into assessment_recommendation (workstream_id, assessment_id, text, owner_tenant_id)"
                    + " values (?, ?, 'Certify the rest', ?)", initiative, assessment, alpha);
            sql.update("insert into rnd_project (tenant_id, workstream_id, technology_area, trl_start, trl_current, trl_target)"
                    + " values (?, ?, 'AI', 2, 3, 5)", owner, project);
            UUID workPackage = sql.queryForObject("insert into work_package (tenant_id, workstream_id, code, title, lead_tenant_id, budget_eur)"
                    + " values (?, ?, 'WP1', 'Research', ?, 1000) returning id", UUID.class, owner, project, alpha);
            sql.update("insert into deliverable (tenant_id, workstream_id, work_package_id, title) values (?, ?, ?, 'Report')",
                    owner, project, workPackage);
            sql.update("insert into engagement (tenant_id, workstream_id, party_tenant_id, engagement_type) values (?, ?, ?, 'ADVISORY')",
                    owner, engagement, alpha);
            sql.update("insert into milestone (tenant_id, workstream_id, title, owner_tenant_id, planned_date)"
                    + " values (?, ?, 'Kick-off', ?, date '2027-01-10')", owner, initiative, alpha);
            sql.update("insert into attachment (tenant_id, workstream_id, file_name, media_type, size_bytes, sha256, content)"
                    + " values (?, ?, 'plan.txt', 'text/plain', 4, repeat('a', 64), 'plan'::bytea)", owner, initiative);
            sql.update("insert into activity (tenant_id, workstream_id, verb, item_tenant_id) values (?, ?, 'created', ?)",
                    owner, initiative, owner);
            sql.queryForObject("select notify(?, null, 'INVITATION', ?, ?, 'Please join')", Long.class, invited, owner, initiative);
        });

        alphaShared = contribution(alpha, owner, initiative, "PARTICIPANTS");
        alphaPrivate = contribution(alpha, owner, initiative, "PRIVATE");
        alphaToOwner = contribution(alpha, owner, initiative, "REL_TO", owner);
        bravoAllPartners = contribution(bravo, owner, initiative, "ALL_PARTNERS");
        ownerShared = contribution(owner, owner, initiative, "PARTICIPANTS");
        leaverOwn = contribution(leaver, owner, initiative, "PARTICIPANTS");

        UUID alphaComment = comment(alpha, owner, initiative, "PARTICIPANTS");
        bravoCommentToAlpha = comment(bravo, owner, initiative, "REL_TO", alpha);
        run(alpha, sql -> {
            sql.update("insert into comment_mention (tenant_id, workstream_id, comment_id, mentioned_member_id, mentioned_tenant_id)"
                    + " values (?, ?, ?, ?, ?)", owner, initiative, alphaComment, memberOf(bravo), bravo);
            sql.update("insert into attachment (tenant_id, workstream_id, file_name, media_type, size_bytes, sha256, content,"
                    + " releasability, rel_to) values (?, ?, 'costs.xlsx', 'application/octet-stream', 5, repeat('b', 64),"
                    + " 'costs'::bytea, 'REL_TO', ?::uuid[])", owner, initiative, "{" + owner + "}");
            sql.update("insert into activity (tenant_id, workstream_id, verb, item_type, item_id, item_tenant_id, releasability,"
                    + " summary, summary_key, summary_args) values (?, ?, 'pledged', 'contribution', ?, ?, 'PRIVATE',"
                    + " 'pledged 5 EUR (funding)', 'activity.summary.pledged', array['n:5', 's:EUR', 'k:x.funding'])",
                    owner, initiative, alphaPrivate, alpha);
        });
        run(bravo, sql -> assertThat(sql.queryForObject("select record_contribution_access(?, ?, ?::uuid[], 'READ')",
                Integer.class, owner, initiative, "{" + alphaShared + "}")).isOne());
        // alpha, responsible for the indicator, measures and corrects its value (the correction keeps the first).
        run(alpha, sql -> {
            UUID measurement = sql.queryForObject("insert into measurement (tenant_id, workstream_id, indicator_id,"
                    + " period_start, period_end, value, entered_by) values (?, ?, ?, date '2025-01-01', date '2025-03-31',"
                    + " 2, 'Alpha') returning id", UUID.class, owner, initiative, indicator);
            assertThat(sql.update("update measurement set value = 3, version = version + 1 where id = ?", measurement)).isOne();
        });
    }

    @Test
    void everyCollaborationTableHasRowsForSomebody() {
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : COLLABORATION_TABLES) {
            rows.put(table, countAs(owner, "select count(*) from " + table) + countAs(invited, "select count(*) from " + table)
                    + countAs(alpha, "select count(*) from " + table));
        }
        assertThat(rows).allSatisfy((table, count) -> assertThat(count).as(table).isPositive());
    }

    @Test
    void anOutsiderSeesNothingAtAll() {
        run(outsider, sql -> {
            for (String table : COLLABORATION_TABLES) {
                assertThat(count(sql, "select count(*) from " + table)).as("rows of %s visible to an outsider", table).isZero();
            }
            assertThat(sql.queryForObject("select can_see_workstream(?, ?)", Boolean.class, owner, initiative)).isFalse();
            assertThat(sql.queryForObject("select is_accepted_participant(?, ?)", Boolean.class, owner, initiative)).isFalse();
            assertThat(sql.queryForObject("select can_see_item(?, ?, ?, 'PARTICIPANTS', '{}')", Boolean.class,
                    owner, initiative, alpha)).isFalse();
        });
    }

    @Test
    void anOutsiderCannotWriteIntoTheWorkstream() {
        assertRowLevelSecurityViolation(failureAs(outsider, sql -> sql.update(
                "insert into workstream (tenant_id, kind, title) values (?, 'INITIATIVE', 'Forged')", owner)));
        assertRowLevelSecurityViolation(failureAs(outsider, sql -> sql.update(
                "insert into participation (tenant_id, workstream_id, participant_tenant_id) values (?, ?, ?)",
                owner, initiative, outsider)));
        assertRowLevelSecurityViolation(failureAs(outsider, sql -> contribution(outsider, owner, initiative, "PARTICIPANTS")));
        assertRowLevelSecurityViolation(failureAs(outsider, sql -> comment(outsider, owner, initiative, "PARTICIPANTS")));
        assertRowLevelSecurityViolation(failureAs(outsider, sql -> sql.update(
                "insert into milestone (tenant_id, workstream_id, title, owner_tenant_id, planned_date)"
                        + " values (?, ?, 'Forged', ?, current_date)", owner, initiative, owner)));
        assertRowLevelSecurityViolation(failureAs(outsider, sql -> sql.update(
                "insert into objective (tenant_id, workstream_id, text) values (?, ?, 'Forged')", owner, initiative)));
        UUID objective = Collaboration.<UUID>as(owner, sql -> sql.queryForObject(
                "select id from objective where workstream_id = ?", UUID.class, initiative));
        assertRowLevelSecurityViolation(failureAs(outsider, sql -> sql.update("""
                insert into indicator (tenant_id, workstream_id, objective_id, definition, unit, target_value, target_date,
                                       responsible_tenant_id)
                values (?, ?, ?, 'Forged', 'NUMBER', 1, date '2030-01-01', ?)""", owner, initiative, objective, owner)));
        assertRowLevelSecurityViolation(failureAs(outsider, sql -> sql.update("""
                insert into measurement (tenant_id, workstream_id, indicator_id, period_start, period_end, value, entered_by)
                values (?, ?, ?, date '2025-04-01', date '2025-06-30', 1, 'Forged')""", owner, initiative, indicator)));
        assertRowLevelSecurityViolation(failureAs(outsider, sql -> sql.update("""
                insert into assessment (tenant_id, workstream_id, kind, assessor_name, assessed_on, releasability)
                values (?, ?, 'INITIAL', 'Forged', current_date, 'PRIVATE')""", owner, initiative)));
        assertRowLevelSecurityViolation(failureAs(outsider, sql -> sql.update(
                "insert into work_package (tenant_id, workstream_id, code, title, lead_tenant_id) values (?, ?, 'WP9', 'Forged', ?)",
                owner, project, alpha)));
        assertRowLevelSecurityViolation(failureAs(outsider, sql -> sql.update(
                "insert into attachment (tenant_id, workstream_id, file_name, media_type, size_bytes, sha256, content)"
                        + " values (?, ?, 'x', 'text/plain', 1, repeat('c', 64), 'x'::bytea)", owner, initiative)));
        assertRowLevelSecurityViolation(failureAs(outsider, sql -> sql.update(
                "insert into activity (tenant_id, workstream_id, verb, item_tenant_id) values (?, ?, 'forged', ?)",
                owner, initiative, outsider)));
        // Notifications and the access ledger: no INSERT right at all, only through the functions.
        assertRejected(failureAs(outsider, sql -> sql.update(
                "insert into notification (tenant_id, kind, text) values (?, 'MENTION', 'Forged')", outsider)), "42501", "permission denied");
        assertRejected(failureAs(outsider, sql -> sql.update("insert into contribution_access (tenant_id, reader_tenant_id, action,"
                + " workstream_tenant_id, workstream_id, contribution_id) values (?, ?, 'READ', ?, ?, ?)",
                alpha, outsider, owner, initiative, alphaShared)), "42501", "permission denied");

        run(outsider, sql -> {
            for (String table : List.of("workstream", "participation", "initiative", "objective", "rnd_project",
                    "work_package", "deliverable", "engagement", "contribution", "milestone", "indicator", "measurement",
                    "assessment", "assessment_recommendation")) {
                String key = table.equals("workstream") ? "id" : "workstream_id";
                assertThat(sql.update("update " + table + " set version = version + 1 where " + key + " in (?, ?, ?)",
                        initiative, project, engagement)).as("rows of %s updated by an outsider", table).isZero();
            }
            assertThat(sql.update("update comment set body = 'hijacked' where workstream_id = ?", initiative)).isZero();
            assertThat(sql.update("update attachment set file_name = 'hijacked' where workstream_id = ?", initiative)).isZero();
            assertThat(sql.update("delete from contribution where workstream_id = ?", initiative)).isZero();
            assertThat(sql.update("delete from workstream where id = ?", initiative)).isZero();
            assertThat(sql.update("delete from comment_mention where workstream_id = ?", initiative)).isZero();
            assertThat(sql.update("delete from indicator where workstream_id = ?", initiative)).isZero();
            assertThat(sql.update("delete from assessment where workstream_id = ?", initiative)).isZero();
            assertThat(sql.update("update assessment_rating set rating = 1 where workstream_id = ?", initiative)).isZero();
        });
        assertThat(countAs(owner, "select count(*) from contribution where workstream_id = ?", initiative)).isEqualTo(5);
        assertThat(countAs(owner, "select count(*) from measurement where workstream_id = ?", initiative)).isOne();
        assertThat(countAs(owner, "select count(*) from indicator where workstream_id = ? and version = 0", initiative)).isOne();
    }

    @Test
    void anInvitedTenantSeesOnlyTheWorkstreamsAndTheirParticipants() {
        run(invited, sql -> {
            assertThat(sql.queryForList("select id from workstream", UUID.class)).containsExactlyInAnyOrder(initiative, project, engagement);
            assertThat(count(sql, "select count(*) from participation where workstream_id = ?", initiative)).isEqualTo(5);
            for (String table : COLLABORATION_TABLES) {
                if (!List.of("workstream", "participation", "notification").contains(table)) {
                    assertThat(count(sql, "select count(*) from " + table)).as("rows of %s visible when only invited", table).isZero();
                }
            }
            // Its own partition holds the invitation notification, nothing else.
            assertThat(sql.queryForList("select kind from notification", String.class)).containsExactly("INVITATION");
            assertThat(sql.queryForObject("select is_accepted_participant(?, ?)", Boolean.class, owner, initiative)).isFalse();
        });
        // Invited is not enough to contribute.
        assertRowLevelSecurityViolation(failureAs(invited, sql -> contribution(invited, owner, initiative, "PARTICIPANTS")));
    }

    @Test
    void acceptedParticipantsSeeTheDetailsOfEveryKind() {
        for (UUID participant : List.of(alpha, bravo)) {
            run(participant, sql -> {
                for (String table : List.of("initiative", "rnd_project", "work_package", "deliverable",
                        "engagement", "milestone", "indicator", "measurement", "measurement_correction", "assessment",
                        "assessment_rating", "assessment_recommendation")) {
                    assertThat(count(sql, "select count(*) from " + table + " where workstream_id in (?, ?, ?)",
                            initiative, project, engagement)).as("rows of %s", table).isOne();
                }
                // Every kind has objectives since V51.
                assertThat(count(sql, "select count(distinct workstream_id) from objective where workstream_id in (?, ?, ?)",
                        initiative, project, engagement)).isEqualTo(3);
            });
        }
    }

    @Test
    void privateAndRelToItemsStayWithinTheirAudience() {
        assertThat(contributionsSeenBy(alpha)).containsExactlyInAnyOrder(alphaShared, alphaPrivate, alphaToOwner,
                bravoAllPartners, ownerShared, leaverOwn);
        assertThat(contributionsSeenBy(owner)).containsExactlyInAnyOrder(alphaShared, alphaToOwner, bravoAllPartners,
                ownerShared, leaverOwn);
        assertThat(contributionsSeenBy(bravo)).containsExactlyInAnyOrder(alphaShared, bravoAllPartners, ownerShared, leaverOwn);

        // bravo's comment released to alpha only: not even the owner reads it.
        assertThat(countAs(alpha, "select count(*) from comment where id = ?", bravoCommentToAlpha)).isOne();
        assertThat(countAs(owner, "select count(*) from comment where id = ?", bravoCommentToAlpha)).isZero();
        assertThat(countAs(leaver, "select count(*) from comment where id = ?", bravoCommentToAlpha)).isZero();

        // alpha's attachment released to the owner; alpha's PRIVATE activity entry for its private pledge.
        assertThat(countAs(owner, "select count(*) from attachment where file_name = 'costs.xlsx'")).isOne();
        assertThat(countAs(bravo, "select count(*) from attachment where file_name = 'costs.xlsx'")).isZero();
        assertThat(countAs(bravo, "select count(*) from attachment")).isOne();
        assertThat(countAs(alpha, "select count(*) from activity where item_id = ?", alphaPrivate)).isOne();
        assertThat(countAs(owner, "select count(*) from activity where item_id = ?", alphaPrivate)).isZero();
        assertThat(countAs(bravo, "select count(*) from activity")).isOne();
        // V54: its translation key and arguments are the row's, as private as its English summary.
        String stored = as(alpha, (JdbcTemplate sql) -> sql.queryForObject(
                "select summary_key || '|' || array_to_string(summary_args, '|') from activity where item_id = ?",
                String.class, alphaPrivate));
        assertThat(stored)
                .isEqualTo("activity.summary.pledged|n:5|s:EUR|k:x.funding");
        assertThat(countAs(owner, "select count(*) from activity where summary_key = 'activity.summary.pledged'")).isZero();

        // The access ledger is the contributor's: alpha sees bravo's read, bravo and the owner do not.
        assertThat(Collaboration.<List<UUID>>as(alpha, sql -> sql.queryForList("select reader_tenant_id from contribution_access", UUID.class)))
                .containsExactly(bravo);
        assertThat(countAs(bravo, "select count(*) from contribution_access")).isZero();
        assertThat(countAs(owner, "select count(*) from contribution_access")).isZero();
    }

    @Test
    void aParticipantWhoWithdrawsLosesAccessButKeepsItsOwnItems() {
        run(leaver, sql -> {
            assertThat(count(sql, "select count(*) from workstream")).isEqualTo(3);
            assertThat(count(sql, "select count(*) from contribution")).isEqualTo(4);
        });
        for (UUID workstream : List.of(initiative, project, engagement)) {
            respond(leaver, owner, workstream, "WITHDRAWN");
        }
        run(leaver, sql -> {
            for (String table : COLLABORATION_TABLES) {
                if (!table.equals("contribution")) {
                    assertThat(count(sql, "select count(*) from " + table)).as("rows of %s after withdrawing", table).isZero();
                }
            }
            assertThat(sql.queryForList("select id from contribution", UUID.class)).containsExactly(leaverOwn);
            // It still controls its own contribution, but cannot add new ones.
            assertThat(sql.update("update contribution set description = 'Withdrawn pledge' where id = ?", leaverOwn)).isOne();
        });
        assertRowLevelSecurityViolation(failureAs(leaver, sql -> contribution(leaver, owner, initiative, "PARTICIPANTS")));
        assertThat(Collaboration.<String>as(owner, sql -> sql.queryForObject("select status from participation where workstream_id = ?"
                + " and participant_tenant_id = ?", String.class, initiative, leaver))).isEqualTo("WITHDRAWN");
    }

    @Test
    void theWorkstreamsOwnReleasabilityLimitsWhichParticipantsSeeIt() {
        UUID narrowed = workstream(owner, "INITIATIVE");
        inviteAndAccept(owner, narrowed, alpha, bravo);
        run(owner, sql -> {
            sql.update("insert into milestone (tenant_id, workstream_id, title, owner_tenant_id, planned_date)"
                    + " values (?, ?, 'Only for alpha', ?, current_date)", owner, narrowed, owner);
            // Released to alpha only from now on.
            sql.update("update workstream set releasability = 'REL_TO', rel_to = ?::uuid[] where id = ?", "{" + alpha + "}", narrowed);
        });
        assertThat(countAs(alpha, "select count(*) from workstream where id = ?", narrowed)).isOne();
        assertThat(countAs(alpha, "select count(*) from milestone where workstream_id = ?", narrowed)).isOne();
        assertThat(countAs(bravo, "select count(*) from workstream where id = ?", narrowed)).isZero();
        assertThat(countAs(bravo, "select count(*) from milestone where workstream_id = ?", narrowed)).isZero();
        assertThat(countAs(bravo, "select count(*) from participation where workstream_id = ?", narrowed)).isZero();
        // Outside the audience an accepted participation counts for nothing: no contributions either.
        assertRowLevelSecurityViolation(failureAs(bravo, sql -> contribution(bravo, owner, narrowed, "PARTICIPANTS")));

        // A PRIVATE workstream is the owner's alone; even its invitations stay invisible until it is released.
        UUID secret = workstream(owner, "INITIATIVE", "PRIVATE");
        invite(owner, secret, alpha);
        assertThat(countAs(alpha, "select count(*) from workstream where id = ?", secret)).isZero();
        assertThat(Collaboration.<Integer>as(alpha, sql -> sql.update("update participation set status = 'ACCEPTED' where workstream_id = ?", secret))).isZero();
        run(owner, sql -> sql.update("update workstream set releasability = 'PARTICIPANTS' where id = ?", secret));
        respond(alpha, owner, secret, "ACCEPTED");
        assertThat(countAs(alpha, "select count(*) from workstream where id = ?", secret)).isOne();
    }

    private static List<UUID> contributionsSeenBy(UUID tenant) {
        return as(tenant, (JdbcTemplate sql) -> sql.queryForList(
                "select id from contribution where workstream_id = ?", UUID.class, initiative));
    }

    /** V54: a summary key is a key (no text, no markup), arguments need one, and nobody rewrites them afterwards. */
    @Test
    void anActivitySummaryKeyIsAKeyAndStaysAsWritten() {
        assertRejected(failureAs(owner, sql -> sql.update("insert into activity (tenant_id, workstream_id, verb,"
                + " item_tenant_id, summary_key) values (?, ?, 'created', ?, '<b>not a key</b>')", owner, initiative, owner)),
                "23514", "activity_summary_key_ck");
        assertRejected(failureAs(owner, sql -> sql.update("insert into activity (tenant_id, workstream_id, verb,"
                + " item_tenant_id, summary_args) values (?, ?, 'created', ?, array['s:orphan'])", owner, initiative, owner)),
                "23514", "activity_summary_args_ck");
        assertRejected(failureAs(owner, sql -> sql.update("insert into activity (tenant_id, workstream_id, verb,"
                + " item_tenant_id, summary_key, summary_args) values (?, ?, 'created', ?, 'x.y',"
                + " array_fill('s:x'::text, array[21]))", owner, initiative, owner)), "23514", "activity_summary_args_ck");
        assertRejected(failureAs(owner, sql -> sql.update("update activity set summary_key = 'x.y'")), "42501",
                "permission denied");
    }
}
