package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.db.Collaboration.as;
import static org.entente.db.Collaboration.assertRejected;
import static org.entente.db.Collaboration.contribution;
import static org.entente.db.Collaboration.countAs;
import static org.entente.db.Collaboration.failureAs;
import static org.entente.db.Collaboration.invite;
import static org.entente.db.Collaboration.inviteAndAccept;
import static org.entente.db.Collaboration.respond;
import static org.entente.db.Collaboration.run;
import static org.entente.db.Collaboration.tenant;
import static org.entente.db.Collaboration.workstream;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** Integrity rules of the collaboration schema, each rejected with its constraint or SQLSTATE. */
class WorkstreamRulesTest {

    private static UUID owner;
    private static UUID partner;
    private static UUID invited;
    private static UUID stranger;
    private static UUID state;

    @BeforeAll
    static void tenants() {
        owner = tenant("rules-owner", "STATE");
        partner = tenant("rules-partner", "CORPORATION");
        invited = tenant("rules-invited");
        stranger = tenant("rules-stranger");
        state = tenant("rules-state", "STATE");
    }

    @Test
    void aNewWorkstreamIsProposedAndItsOwnerIsItsAcceptedLead() {
        UUID workstream = workstream(owner, "INITIATIVE");
        run(owner, sql -> {
            Map<String, Object> row = sql.queryForMap("select status, version, releasability, cardinality(rel_to) as audience,"
                    + " created_by from workstream where id = ?", workstream);
            assertThat(row).containsEntry("status", "PROPOSED").containsEntry("version", 0)
                    .containsEntry("releasability", "PARTICIPANTS").containsEntry("audience", 0)
                    .containsEntry("created_by", Collaboration.memberOf(owner));
            assertThat(sql.queryForMap("select role, status from participation where workstream_id = ?", workstream))
                    .containsEntry("role", "LEAD").containsEntry("status", "ACCEPTED");
            // An explicit insert of the lead row next to the trigger's is skipped, not an error.
            assertThat(sql.update("insert into participation (tenant_id, workstream_id, participant_tenant_id, role, status)"
                    + " values (?, ?, ?, 'LEAD', 'ACCEPTED')", owner, workstream, owner)).isZero();
            // Full-text search over title and description.
            assertThat(sql.queryForList("select id from workstream where search @@ to_tsquery('simple', 'initiative')"
                    + " and id = ?", UUID.class, workstream)).containsExactly(workstream);
        });
    }

    @Test
    void theLifecycleMovesForwardOnlyAndEndsInCompletedOrCancelled() {
        UUID workstream = workstream(owner, "INITIATIVE");
        assertRejected(failureAs(owner, sql -> setStatus(sql, workstream, "ACTIVE")), "EN010", "from PROPOSED to ACTIVE");
        run(owner, sql -> {
            setStatus(sql, workstream, "APPROVED");
            setStatus(sql, workstream, "ACTIVE");
            setStatus(sql, workstream, "COMPLETED");
        });
        for (String status : List.of("ACTIVE", "CANCELLED", "PROPOSED")) {
            assertRejected(failureAs(owner, sql -> setStatus(sql, workstream, status)), "EN010", "from COMPLETED to " + status);
        }
        UUID cancelled = workstream(owner, "RND_PROJECT");
        run(owner, sql -> setStatus(sql, cancelled, "CANCELLED"));
        assertRejected(failureAs(owner, sql -> setStatus(sql, cancelled, "APPROVED")), "EN010", "from CANCELLED to APPROVED");
        // Only the owner changes a workstream: a participant's update touches no row.
        UUID shared = workstream(owner, "INITIATIVE");
        inviteAndAccept(owner, shared, partner);
        assertThat(Collaboration.<Integer>as(partner, sql -> sql.update("update workstream set status = 'APPROVED' where id = ?", shared))).isZero();
    }

    @Test
    void anEngagementGoesLiveOnlyOnceItsPartyIsVettedCleared() {
        assertRejected(failureAs(owner, sql -> sql.update(
                "insert into workstream (kind, title, status) values ('ENGAGEMENT', 'Live at once', 'ACTIVE')")), "EN011", "vetted CLEARED");
        UUID engagement = workstream(owner, "ENGAGEMENT");
        run(owner, sql -> {
            setStatus(sql, engagement, "APPROVED");
            sql.update("insert into engagement (tenant_id, workstream_id, party_tenant_id, engagement_type, vetting_status)"
                    + " values (?, ?, ?, 'TECHNOLOGY_PARTNERSHIP', 'IN_REVIEW')", owner, engagement, partner);
        });
        assertRejected(failureAs(owner, sql -> setStatus(sql, engagement, "ACTIVE")), "EN011", "vetting status is IN_REVIEW");
        run(owner, sql -> {
            sql.update("update engagement set vetting_status = 'CLEARED' where workstream_id = ?", engagement);
            setStatus(sql, engagement, "ACTIVE");
        });
        assertThat(countAs(owner, "select count(*) from workstream where id = ? and status = 'ACTIVE'", engagement)).isOne();
    }

    @Test
    void anEngagementPartyIsANonStateOrganizationOrANamedOutsider() {
        UUID engagement = workstream(owner, "ENGAGEMENT");
        String insert = "insert into engagement (tenant_id, workstream_id, party_tenant_id, party_name, engagement_type)"
                + " values (?, ?, ?, ?, 'ADVISORY')";
        assertRejected(failureAs(owner, sql -> sql.update(insert, owner, engagement, state, null)), "EN015", "not STATE");
        assertRejected(failureAs(owner, sql -> sql.update(insert, owner, engagement, null, null)), "23514", "engagement_party_ck");
        assertRejected(failureAs(owner, sql -> sql.update(insert, owner, engagement, partner, "Also a name")), "23514",
                "engagement_party_ck");
        run(owner, sql -> sql.update(insert, owner, engagement, null, "Harbour Pilots Cooperative"));
        assertRejected(failureAs(owner, sql -> sql.update("update engagement set party_tenant_id = ?, party_name = null"
                + " where workstream_id = ?", state, engagement)), "EN015", "non-state");
    }

    @Test
    void kindDetailsMatchTheWorkstreamsKind() {
        UUID project = workstream(owner, "RND_PROJECT");
        assertRejected(failureAs(owner, sql -> sql.update("insert into initiative (tenant_id, workstream_id, mechanism)"
                + " values (?, ?, 'PEACEKEEPING')", owner, project)), "EN016", "initiative belongs to INITIATIVE workstreams");
        assertRejected(failureAs(owner, sql -> sql.update("update workstream set kind = 'INITIATIVE' where id = ?", project)),
                "EN018", "workstream.kind cannot be changed");
    }

    @Test
    void technologyReadinessLevelsAreOneToNineAndTheTargetIsNotBelowTheStart() {
        UUID project = workstream(owner, "RND_PROJECT");
        String insert = "insert into rnd_project (tenant_id, workstream_id, technology_area, trl_start, trl_current, trl_target)"
                + " values (?, ?, 'SPACE', ?, ?, ?)";
        assertRejected(failureAs(owner, sql -> sql.update(insert, owner, project, 0, 1, 3)), "23514", "rnd_project_trl_start_ck");
        assertRejected(failureAs(owner, sql -> sql.update(insert, owner, project, 2, 10, 3)), "23514", "rnd_project_trl_current_ck");
        assertRejected(failureAs(owner, sql -> sql.update(insert, owner, project, 5, 5, 4)), "23514", "rnd_project_trl_order_ck");
        run(owner, sql -> sql.update(insert, owner, project, 3, 4, 6));
    }

    @Test
    void datesTitlesAndReleasabilityAreChecked() {
        assertRejected(failureAs(owner, sql -> sql.update("insert into workstream (kind, title, start_date, end_date)"
                + " values ('INITIATIVE', 'Backwards', date '2027-05-01', date '2027-04-30')")), "23514", "workstream_dates_ck");
        assertRejected(failureAs(owner, sql -> sql.update("insert into workstream (kind, title) values ('INITIATIVE', '   ')")),
                "23514", "workstream_title_ck");
        assertRejected(failureAs(owner, sql -> sql.update("insert into workstream (kind, title) values ('TREATY', 'Unknown kind')")),
                "23514", "workstream_kind_ck");
        assertRejected(failureAs(owner, sql -> sql.update("insert into workstream (kind, title, releasability)"
                + " values ('INITIATIVE', 'Rel to nobody', 'REL_TO')")), "23514", "workstream_rel_to_ck");
    }

    @Test
    void contributionsAreValuedInEurByTheDatabase() {
        UUID workstream = workstream(owner, "INITIATIVE");
        inviteAndAccept(owner, workstream, partner);
        Map<String, Object> row = as(partner, sql -> {
            UUID id = sql.queryForObject("insert into contribution (tenant_id, workstream_id, type, unit, pledged_amount,"
                    + " delivered_amount, pledged_eur, delivered_eur) values (?, ?, 'FUNDING', 'USD', 1000, 250, 1, 1) returning id",
                    UUID.class, owner, workstream);
            return sql.queryForMap("select pledged_eur, delivered_eur, contributor_tenant_id from contribution where id = ?", id);
        });
        assertThat(row.get("pledged_eur")).isEqualTo(new BigDecimal("920.00"));
        assertThat(row.get("delivered_eur")).isEqualTo(new BigDecimal("230.00"));
        assertThat(row.get("contributor_tenant_id")).isEqualTo(partner);

        Map<String, Object> personnel = as(partner, sql -> {
            UUID id = sql.queryForObject("insert into contribution (tenant_id, workstream_id, type, unit, pledged_amount)"
                    + " values (?, ?, 'PERSONNEL', 'PERSON_DAY', 10) returning id", UUID.class, owner, workstream);
            sql.update("update contribution set delivered_amount = 4, delivered_eur = 0 where id = ?", id);
            return sql.queryForMap("select pledged_eur, delivered_eur from contribution where id = ?", id);
        });
        assertThat(personnel.get("pledged_eur")).isEqualTo(new BigDecimal("4500.00"));
        assertThat(personnel.get("delivered_eur")).isEqualTo(new BigDecimal("1800.00"));
    }

    @Test
    void contributionsWithBadAmountsUnitsOrAudiencesAreRejected() {
        UUID workstream = workstream(owner, "INITIATIVE");
        inviteAndAccept(owner, workstream, partner);
        invite(owner, workstream, invited);
        String insert = "insert into contribution (tenant_id, workstream_id, type, unit, pledged_amount, releasability, rel_to)"
                + " values (?, ?, ?, ?, ?, ?, ?::uuid[])";
        assertRejected(failureAs(partner, sql -> sql.update(insert, owner, workstream, "FUNDING", "EUR", -1, "PARTICIPANTS", "{}")),
                "23514", "contribution_pledged_amount_ck");
        assertRejected(failureAs(partner, sql -> sql.update(insert, owner, workstream, "FUNDING", "XYZ", 10, "PARTICIPANTS", "{}")),
                "23503", "unknown valuation unit \"XYZ\"");
        assertRejected(failureAs(partner, sql -> sql.update(insert, owner, workstream, "PERSONNEL", "EUR", 10, "PARTICIPANTS", "{}")),
                "23514", "contribution_unit_type_ck");
        assertRejected(failureAs(partner, sql -> sql.update(insert, owner, workstream, "FUNDING", "PERSON_DAY", 10, "PARTICIPANTS", "{}")),
                "23514", "contribution_unit_type_ck");
        assertRejected(failureAs(partner, sql -> sql.update(insert, owner, workstream, "FUNDING", "EUR", 10, "REL_TO", "{}")),
                "23514", "contribution_rel_to_ck");
        assertRejected(failureAs(partner, sql -> sql.update(insert, owner, workstream, "FUNDING", "EUR", 10, "PARTICIPANTS",
                "{" + owner + "}")), "23514", "contribution_rel_to_ck");
        assertRejected(failureAs(partner, sql -> sql.update(insert, owner, workstream, "FUNDING", "EUR", 10, "REL_TO",
                "{" + stranger + "}")), "EN017", "contribution.rel_to names tenants outside the workstream");
        // The owner and invited participants may be named.
        run(partner, sql -> sql.update(insert, owner, workstream, "FUNDING", "EUR", 10, "REL_TO", "{" + owner + "," + invited + "}"));
        // Keys and authorship stay as inserted.
        UUID contribution = contribution(partner, owner, workstream, "PARTICIPANTS");
        UUID other = workstream(owner, "INITIATIVE");
        assertRejected(failureAs(partner, sql -> sql.update("update contribution set workstream_id = ? where id = ?", other, contribution)),
                "EN018", "contribution.workstream_id cannot be changed");
        // Only the contributor edits its contribution.
        assertThat(Collaboration.<Integer>as(owner, sql -> sql.update("update contribution set pledged_amount = 0 where id = ?", contribution))).isZero();
    }

    @Test
    void participantsAnswerInvitationsAndOwnersManageThem() {
        UUID workstream = workstream(owner, "INITIATIVE");
        assertRejected(failureAs(owner, sql -> sql.update("insert into participation (tenant_id, workstream_id,"
                + " participant_tenant_id, status) values (?, ?, ?, 'ACCEPTED')", owner, workstream, partner)), "EN012",
                "starts INVITED");
        assertRejected(failureAs(owner, sql -> sql.update("insert into participation (tenant_id, workstream_id,"
                + " participant_tenant_id, role) values (?, ?, ?, 'LEAD')", owner, workstream, partner)), "23514",
                "participation_lead_is_owner_ck");
        invite(owner, workstream, partner, invited);

        String update = "update participation set status = ? where workstream_id = ? and participant_tenant_id = ?";
        assertRejected(failureAs(partner, sql -> sql.update(update, "WITHDRAWN", workstream, partner)), "EN012",
                "from INVITED to WITHDRAWN");
        assertRejected(failureAs(owner, sql -> sql.update(update, "ACCEPTED", workstream, partner)), "EN012",
                "the owner cannot move a participation from INVITED to ACCEPTED");
        assertRejected(failureAs(partner, sql -> sql.update("update participation set role = 'OBSERVER'"
                + " where workstream_id = ? and participant_tenant_id = ?", workstream, partner)), "EN012", "only the status");
        // A participant cannot answer for another one (its own row only).
        assertThat(Collaboration.<Integer>as(partner, sql -> sql.update(update, "DECLINED", workstream, invited))).isZero();

        respond(invited, owner, workstream, "DECLINED");
        respond(partner, owner, workstream, "ACCEPTED");
        assertRejected(failureAs(partner, sql -> sql.update(update, "INVITED", workstream, partner)), "EN012",
                "from ACCEPTED to INVITED");
        run(owner, sql -> {
            assertThat(sql.update("update participation set role = 'OBSERVER' where workstream_id = ? and participant_tenant_id = ?",
                    workstream, partner)).isOne();
            assertThat(sql.update(update, "INVITED", workstream, invited)).isOne();
        });
        assertThat(Collaboration.<Map<String, Object>>as(owner, sql -> sql.queryForMap("select status, responded_at from participation"
                + " where workstream_id = ? and participant_tenant_id = ?", workstream, invited)))
                .containsEntry("status", "INVITED").containsEntry("responded_at", null);

        assertRejected(failureAs(owner, sql -> sql.update(update, "WITHDRAWN", workstream, owner)), "EN013", "lead participation");
        assertRejected(failureAs(owner, sql -> sql.update("update participation set participant_tenant_id = ?"
                + " where workstream_id = ? and participant_tenant_id = ?", stranger, workstream, invited)), "EN018",
                "participation.participant_tenant_id cannot be changed");
        // No deletions: participants leave by WITHDRAWN.
        assertRejected(failureAs(owner, sql -> sql.update("delete from participation where workstream_id = ?", workstream)),
                "42501", "permission denied");
    }

    @Test
    void workPackageLeadsAndMilestoneOwnersAreAcceptedParticipants() {
        UUID project = workstream(owner, "RND_PROJECT");
        inviteAndAccept(owner, project, partner);
        invite(owner, project, invited);
        run(owner, sql -> sql.update("insert into rnd_project (tenant_id, workstream_id, technology_area, trl_start, trl_current,"
                + " trl_target) values (?, ?, 'ENERGY', 2, 2, 4)", owner, project));
        String workPackage = "insert into work_package (tenant_id, workstream_id, code, title, lead_tenant_id, budget_eur)"
                + " values (?, ?, ?, 'Work', ?, ?)";
        assertRejected(failureAs(owner, sql -> sql.update(workPackage, owner, project, "WP1", invited, 0)), "EN014",
                "work_package.lead_tenant_id");
        assertRejected(failureAs(owner, sql -> sql.update(workPackage, owner, project, "WP1", partner, -5)), "23514",
                "work_package_budget_ck");
        run(owner, sql -> {
            sql.update(workPackage, owner, project, "WP1", partner, 100);
            sql.update(workPackage, owner, project, "WP2", owner, 100);
        });
        assertRejected(failureAs(owner, sql -> sql.update(workPackage, owner, project, "WP1", owner, 0)), "23505",
                "work_package_code_uk");

        String milestone = "insert into milestone (tenant_id, workstream_id, title, owner_tenant_id, planned_date)"
                + " values (?, ?, 'Review', ?, current_date)";
        assertRejected(failureAs(owner, sql -> sql.update(milestone, owner, project, stranger)), "EN014", "milestone.owner_tenant_id");
        // An accepted participant may plan its own milestones, and only its own.
        run(partner, sql -> sql.update(milestone, owner, project, partner));
        assertRejected(failureAs(partner, sql -> sql.update(milestone, owner, project, owner)), "42501",
                "violates row-level security policy");
    }

    private static void setStatus(JdbcTemplate sql, UUID workstream, String status) {
        assertThat(sql.update("update workstream set status = ? where id = ?", status, workstream)).isOne();
    }
}
