package org.entente.bench.data;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.entente.db.demo.DemoHistory.Answer;
import org.entente.db.demo.DemoHistory.Contribution;
import org.entente.db.demo.DemoHistory.Deliverable;
import org.entente.db.demo.DemoHistory.Engagement;
import org.entente.db.demo.DemoHistory.Invitation;
import org.entente.db.demo.DemoHistory.Milestone;
import org.entente.db.demo.DemoHistory.Objective;
import org.entente.db.demo.DemoHistory.WorkPackage;
import org.entente.db.demo.DemoHistory.Workstream;

/**
 * Loads the benchmark's data with COPY, in one transaction, as the superuser with triggers off
 * ({@code session_replication_role = replica}, as {@code pg_restore --disable-triggers} does): the lifecycle
 * triggers would refuse a workstream inserted in its final status, so the rows carry what those triggers would
 * have written themselves — the lead's participation row, EUR values at the valuation rate, answer times, each
 * workstream's audience — and every
 * CHECK constraint still applies. Then ANALYZE, so the planner knows the new sizes.
 */
final class BenchLoad {

    private BenchLoad() {
    }

    static void load(Connection connection, List<UUID> tenants, Map<UUID, List<Dataset.Member>> members,
            List<Workstream> plan, BenchHistory history, Map<String, BigDecimal> rates) throws SQLException {
        boolean autoCommit = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            execute(connection, "set local session_replication_role = replica");
            copyMembers(connection, tenants, members);
            copyWorkstreams(connection, plan);
            copyDetails(connection, plan);
            copyContributions(connection, plan, rates);
            copyDiscussion(connection, history);
            try (TableCopy activity = TableCopy.into(connection, "activity", "tenant_id", "workstream_id",
                    "actor_tenant_id", "actor_member_id", "verb", "summary", "item_type", "item_id", "item_tenant_id",
                    "releasability", "rel_to", "at")) {
                history.activity(a -> activity.row(a.workstream().lead().id(), a.workstream().id(), a.actorTenant(),
                        a.actorMember(), a.verb(), a.summary(), a.itemType(), a.itemId(), a.itemTenant(),
                        a.releasability(), a.relTo(), a.at()));
            }
            // The audience column the SELECT policy reads (V41), as its triggers would have kept it.
            execute(connection, "update workstream w set audience = workstream_audience(w.tenant_id, w.id)"
                    + " where w.id::text like '" + BenchData.ID_SERIES + "a%'");
            connection.commit();
        } catch (SQLException | RuntimeException e) {
            connection.rollback();
            throw e;
        } finally {
            connection.setAutoCommit(autoCommit);
        }
        execute(connection, "analyze");
    }

    private static void copyMembers(Connection connection, List<UUID> tenants,
            Map<UUID, List<Dataset.Member>> members) throws SQLException {
        try (TableCopy copy = TableCopy.into(connection, "member", "tenant_id", "id", "username", "display_name",
                "email")) {
            for (UUID tenant : tenants) {
                for (Dataset.Member m : members.get(tenant)) {
                    copy.row(tenant, m.id(), m.username(), m.displayName(), m.username() + "@bench.entente.test");
                }
            }
        }
    }

    private static void copyWorkstreams(Connection connection, List<Workstream> plan) throws SQLException {
        try (TableCopy copy = TableCopy.into(connection, "workstream", "tenant_id", "id", "kind", "title", "description",
                "status", "releasability", "region", "start_date", "end_date", "created_by", "created_at",
                "updated_at")) {
            for (Workstream w : plan) {
                copy.row(w.lead().id(), w.id(), w.kind(), w.title(), w.description(), w.status(), w.releasability(),
                        w.region(), w.start(), w.end(), w.lead().memberId(), w.createdAt(), w.createdAt());
            }
        }
        try (TableCopy copy = TableCopy.into(connection, "participation", "tenant_id", "workstream_id",
                "participant_tenant_id", "role", "status", "invited_by", "invited_at", "responded_at", "created_at",
                "updated_at")) {
            for (Workstream w : plan) {
                copy.row(w.lead().id(), w.id(), w.lead().id(), "LEAD", "ACCEPTED", w.lead().memberId(), w.createdAt(),
                        w.createdAt(), w.createdAt(), w.createdAt());
                for (Invitation i : w.invitations()) {
                    String status = switch (i.answer()) {
                        case PENDING -> "INVITED";
                        case ACCEPTED -> "ACCEPTED";
                        case DECLINED -> "DECLINED";
                        case LEFT, UNINVITED -> "WITHDRAWN";
                    };
                    var responded = i.answer() == Answer.PENDING ? null : i.invitedAt().plusHours(2);
                    copy.row(w.lead().id(), w.id(), i.participant().id(), i.role(), status, w.lead().memberId(),
                            i.invitedAt(), responded, i.invitedAt(), responded == null ? i.invitedAt() : responded);
                }
            }
        }
    }

    private static void copyDetails(Connection connection, List<Workstream> plan) throws SQLException {
        try (TableCopy initiative = TableCopy.into(connection, "initiative", "tenant_id", "workstream_id", "mechanism")) {
            for (Workstream w : plan) {
                if (w.initiative() != null) {
                    initiative.row(w.lead().id(), w.id(), w.initiative().mechanism());
                }
            }
        }
        // Every kind has objectives since V51 (their ratings are the final assessment's; the bench loads no results).
        try (TableCopy objective = TableCopy.into(connection, "objective", "tenant_id", "workstream_id", "id",
                "position", "text")) {
            for (Workstream w : plan) {
                for (Objective o : w.results().objectives()) {
                    objective.row(w.lead().id(), w.id(), o.id(), o.position(), o.text());
                }
            }
        }
        try (TableCopy project = TableCopy.into(connection, "rnd_project", "tenant_id", "workstream_id",
                "technology_area", "trl_start", "trl_current", "trl_target")) {
            for (Workstream w : plan) {
                if (w.rndProject() != null) {
                    project.row(w.lead().id(), w.id(), w.rndProject().technologyArea(), w.rndProject().trlStart(),
                            w.rndProject().trlCurrent(), w.rndProject().trlTarget());
                }
            }
        }
        try (TableCopy workPackage = TableCopy.into(connection, "work_package", "tenant_id", "workstream_id", "id",
                "code", "title", "lead_tenant_id", "budget_eur")) {
            for (Workstream w : plan) {
                if (w.rndProject() != null) {
                    for (WorkPackage p : w.rndProject().workPackages()) {
                        workPackage.row(w.lead().id(), w.id(), p.id(), p.code(), p.title(), p.lead().id(), p.budgetEur());
                    }
                }
            }
        }
        try (TableCopy deliverable = TableCopy.into(connection, "deliverable", "tenant_id", "workstream_id", "id",
                "work_package_id", "title", "due_date", "status", "submitted_on")) {
            for (Workstream w : plan) {
                if (w.rndProject() != null) {
                    for (WorkPackage p : w.rndProject().workPackages()) {
                        for (Deliverable d : p.deliverables()) {
                            deliverable.row(w.lead().id(), w.id(), d.id(), p.id(), d.title(), d.dueDate(), d.status(),
                                    d.submittedOn());
                        }
                    }
                }
            }
        }
        try (TableCopy engagement = TableCopy.into(connection, "engagement", "tenant_id", "workstream_id",
                "party_tenant_id", "party_name", "engagement_type", "vetting_status", "agreement_reference",
                "agreement_valid_from", "agreement_valid_to", "risk_rating")) {
            for (Workstream w : plan) {
                Engagement e = w.engagement();
                if (e != null) {
                    engagement.row(w.lead().id(), w.id(), e.party() == null ? null : e.party().id(), e.partyName(),
                            e.engagementType(), e.vettingStatus(), e.agreementReference(), e.agreementValidFrom(),
                            e.agreementValidTo(), e.riskRating());
                }
            }
        }
        try (TableCopy milestone = TableCopy.into(connection, "milestone", "tenant_id", "workstream_id", "id", "title",
                "owner_tenant_id", "planned_date", "actual_date", "status")) {
            for (Workstream w : plan) {
                for (Milestone m : w.milestones()) {
                    milestone.row(w.lead().id(), w.id(), m.id(), m.title(), m.owner().id(), m.plannedDate(),
                            m.actualDate(), m.status());
                }
            }
        }
    }

    private static void copyContributions(Connection connection, List<Workstream> plan, Map<String, BigDecimal> rates)
            throws SQLException {
        try (TableCopy copy = TableCopy.into(connection, "contribution", "tenant_id", "workstream_id", "id",
                "contributor_tenant_id", "type", "description", "unit", "pledged_amount", "delivered_amount",
                "pledged_eur", "delivered_eur", "releasability", "rel_to", "created_by", "created_at", "updated_at",
                "pledged_on", "delivered_on")) {
            for (Workstream w : plan) {
                for (Contribution c : w.contributions()) {
                    BigDecimal rate = rates.get(c.unit());
                    copy.row(w.lead().id(), w.id(), c.id(), c.contributor().id(), c.type(), c.description(), c.unit(),
                            c.pledgedAmount(), c.deliveredAmount(), eur(c.pledgedAmount(), rate),
                            eur(c.deliveredAmount(), rate), c.releasability(), c.relTo(), c.contributor().memberId(),
                            c.createdAt(), c.createdAt(), c.pledgedOn(), c.deliveredOn());
                }
            }
        }
    }

    /** As the contribution_eur trigger computes it. */
    private static BigDecimal eur(BigDecimal amount, BigDecimal rate) {
        return amount.multiply(rate).setScale(2, RoundingMode.HALF_UP);
    }

    private static void copyDiscussion(Connection connection, BenchHistory history) throws SQLException {
        try (TableCopy copy = TableCopy.into(connection, "comment", "tenant_id", "workstream_id", "id", "parent_id",
                "author_tenant_id", "author_member_id", "body", "releasability", "rel_to", "created_at")) {
            for (BenchHistory.Comment c : history.comments()) {
                copy.row(c.workstream().lead().id(), c.workstream().id(), c.id(), c.parentId(), c.authorTenant(),
                        c.authorMember(), c.body(), c.releasability(), c.relTo(), c.createdAt());
            }
        }
        try (TableCopy copy = TableCopy.into(connection, "comment_mention", "tenant_id", "workstream_id", "comment_id",
                "mentioned_member_id", "mentioned_tenant_id")) {
            for (BenchHistory.Comment c : history.comments()) {
                if (c.mentioned() != null) {
                    copy.row(c.workstream().lead().id(), c.workstream().id(), c.id(), c.mentioned().id(),
                            c.mentionedTenant());
                }
            }
        }
    }

    private static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
