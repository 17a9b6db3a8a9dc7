package org.entente.db.demo;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.Function;
import org.entente.db.demo.DemoHistory.Answer;
import org.entente.db.demo.DemoHistory.Assessment;
import org.entente.db.demo.DemoHistory.Contribution;
import org.entente.db.demo.DemoHistory.Deliverable;
import org.entente.db.demo.DemoHistory.Indicator;
import org.entente.db.demo.DemoHistory.Invitation;
import org.entente.db.demo.DemoHistory.Kind;
import org.entente.db.demo.DemoHistory.Measurement;
import org.entente.db.demo.DemoHistory.Milestone;
import org.entente.db.demo.DemoHistory.Objective;
import org.entente.db.demo.DemoHistory.Partner;
import org.entente.db.demo.DemoHistory.Rating;
import org.entente.db.demo.DemoHistory.Recommendation;
import org.entente.db.demo.DemoHistory.WorkPackage;
import org.entente.db.demo.DemoHistory.Workstream;

/**
 * Stores the {@link DemoHistory} plan on one connection, inside the caller's transaction, as the owner role.
 *
 * <p>Row-level security is forced for the owner too, and the triggers check who may do what, so every step runs
 * in the context of the organization that does it in real life, exactly like R__demo_workstreams.sql: the lead
 * creates the workstream, its details and invitations; each invited organization answers for itself; the lead
 * plans work packages and milestones; each contributor pledges (and records deliveries) itself; participants
 * leave themselves; the lead moves the workstream through its lifecycle, an engagement to ACTIVE only once vetted
 * CLEARED; the lead defines the indicators, the responsible organization (or the lead) enters and corrects the
 * measurements, and the lead records the assessments. Rows are sent as JDBC batches, one batch per statement and
 * acting organization.
 *
 * <p>Idempotent: a workstream of the plan that already exists is skipped with everything in it, so running it
 * again adds nothing (and a changed generator only adds workstreams that are new; changing existing ones needs a
 * fresh database, as for the other demo scripts).
 */
public final class DemoHistoryWriter {

    private static final System.Logger LOG = System.getLogger(DemoHistoryWriter.class.getName());

    /** What one run stored: rows per table, and how long the whole run took. */
    public record Result(int planned, int skipped, Map<String, Integer> rows, Duration took) {
    }

    /** A measurement together with its indicator. */
    private record Measured(Indicator indicator, Measurement measurement) {
    }

    /** A rating or recommendation together with its assessment. */
    private record Of<T>(Assessment assessment, T item) {
    }

    /** An item together with the workstream it belongs to. */
    private record In<T>(Workstream workstream, T item) {

        /** The workstream's lead, who plans the item. */
        Partner lead() {
            return workstream.lead();
        }
    }

    @FunctionalInterface
    private interface Binder<T> {
        void bind(PreparedStatement statement, T row) throws SQLException;
    }

    private final Connection connection;
    private final Map<String, Integer> rows = new LinkedHashMap<>();
    /** The database's current_date: no measurement period may start after it (EN073). */
    private LocalDate today;

    private DemoHistoryWriter(Connection connection) {
        this.connection = connection;
    }

    /** Plans the history for the demo tenants in this database and stores what is not there yet. */
    public static Result write(Connection connection) throws SQLException {
        long started = System.nanoTime();
        DemoHistoryWriter writer = new DemoHistoryWriter(connection);
        List<Workstream> plan = DemoHistory.plan(writer.partners(), writer.rates());
        Set<UUID> existing = writer.existing(plan);
        List<Workstream> missing = plan.stream().filter(w -> !existing.contains(w.id())).toList();
        writer.today = writer.currentDate();
        try {
            writer.store(missing);
        } finally {
            writer.clearContext();
        }
        Result result = new Result(plan.size(), existing.size(), Map.copyOf(writer.rows),
                Duration.ofNanos(System.nanoTime() - started));
        LOG.log(System.Logger.Level.INFO, "Demo history: {0} workstreams stored ({1} already there), rows {2}, in {3} ms",
                missing.size(), existing.size(), writer.rows, result.took().toMillis());
        return result;
    }

    // ------------------------------------------------------------------------------------------ reading

    /** The demo tenants (ids 0a000000-0000-4000-8000-0000000000NN) with one member each, if they have one. */
    private List<Partner> partners() throws SQLException {
        // tenant and member are readable across tenants only through the owner's policies that app.definer_call opens.
        execute("select set_config('app.definer_call', 'on', true)");
        List<Partner> partners = new ArrayList<>();
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("""
                     select t.id, t.alias, t.name, t.kind, t.region, coalesce(t.capacity_index, 0),
                            (select m.id from member m where m.tenant_id = t.id order by m.id limit 1)
                       from tenant t
                      where t.id::text like '0a000000-0000-4000-8000-0000000000%'
                      order by t.id""")) {
            while (row.next()) {
                partners.add(new Partner(row.getObject(1, UUID.class), row.getString(2), row.getString(3),
                        Kind.valueOf(row.getString(4)), row.getString(5), row.getBigDecimal(6).doubleValue(),
                        row.getObject(7, UUID.class)));
            }
        } finally {
            execute("select set_config('app.definer_call', '', true)");
        }
        return partners;
    }

    private LocalDate currentDate() throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet row = sql.executeQuery("select current_date")) {
            row.next();
            return row.getObject(1, LocalDate.class);
        }
    }

    private Map<String, BigDecimal> rates() throws SQLException {
        Map<String, BigDecimal> rates = new HashMap<>();
        try (Statement sql = connection.createStatement();
             ResultSet row = sql.executeQuery("select unit, eur_per_unit from valuation_rate")) {
            while (row.next()) {
                rates.put(row.getString(1), row.getBigDecimal(2));
            }
        }
        return rates;
    }

    /** The owner reads every workstream through its workstream_definer_read policy. */
    private Set<UUID> existing(List<Workstream> plan) throws SQLException {
        Set<UUID> existing = new HashSet<>();
        try (PreparedStatement sql = connection.prepareStatement("select id from workstream where id = any (?)")) {
            sql.setArray(1, uuids(plan.stream().map(Workstream::id).toList()));
            try (ResultSet row = sql.executeQuery()) {
                while (row.next()) {
                    existing.add(row.getObject(1, UUID.class));
                }
            }
        }
        return existing;
    }

    // ------------------------------------------------------------------------------------------ writing

    private void store(List<Workstream> plan) throws SQLException {
        if (plan.isEmpty()) {
            return;
        }
        List<In<Invitation>> invitations = each(plan, Workstream::invitations);
        List<In<Contribution>> contributions = each(plan, Workstream::contributions);
        List<In<WorkPackage>> workPackages = each(plan.stream().filter(w -> w.rndProject() != null).toList(),
                w -> w.rndProject().workPackages());

        // 1. The lead creates the workstream (proposed), its details and the invitations.
        batch("workstream", """
                insert into workstream (tenant_id, id, kind, title, description, status, releasability, region,
                                        start_date, end_date, created_at)
                values (?, ?, ?, ?, ?, 'PROPOSED', ?, ?, ?, ?, ?)""", plan, Workstream::lead, (s, w) -> {
            s.setObject(1, w.lead().id());
            s.setObject(2, w.id());
            s.setString(3, w.kind());
            s.setString(4, w.title());
            s.setString(5, w.description());
            s.setString(6, w.releasability());
            s.setString(7, w.region());
            s.setObject(8, w.start());
            s.setObject(9, w.end(), Types.DATE);
            s.setObject(10, w.createdAt());
        });
        List<Workstream> initiatives = plan.stream().filter(w -> w.initiative() != null).toList();
        batch("initiative", "insert into initiative (tenant_id, workstream_id, mechanism) values (?, ?, ?)",
                initiatives, Workstream::lead, (s, w) -> {
                    key(s, w);
                    s.setString(3, w.initiative().mechanism());
                });
        batch("objective", """
                insert into objective (tenant_id, workstream_id, id, position, text)
                values (?, ?, ?, ?, ?)""", each(plan, w -> w.results().objectives()), In::lead,
                (s, o) -> {
                    key(s, o.workstream());
                    Objective objective = o.item();
                    s.setObject(3, objective.id());
                    s.setInt(4, objective.position());
                    s.setString(5, objective.text());
                });
        batch("rnd_project", """
                insert into rnd_project (tenant_id, workstream_id, technology_area, trl_start, trl_current, trl_target)
                values (?, ?, ?, ?, ?, ?)""", plan.stream().filter(w -> w.rndProject() != null).toList(),
                Workstream::lead, (s, w) -> {
                    key(s, w);
                    s.setString(3, w.rndProject().technologyArea());
                    s.setInt(4, w.rndProject().trlStart());
                    s.setInt(5, w.rndProject().trlCurrent());
                    s.setInt(6, w.rndProject().trlTarget());
                });
        // The vetting status is the final one: only a CLEARED engagement is moved to ACTIVE in step 6.
        batch("engagement", """
                insert into engagement (tenant_id, workstream_id, party_tenant_id, party_name, engagement_type,
                                        vetting_status, agreement_reference, agreement_valid_from,
                                        agreement_valid_to, risk_rating)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", plan.stream().filter(w -> w.engagement() != null).toList(),
                Workstream::lead, (s, w) -> {
                    key(s, w);
                    DemoHistory.Engagement e = w.engagement();
                    s.setObject(3, e.party() == null ? null : e.party().id(), Types.OTHER);
                    s.setString(4, e.partyName());
                    s.setString(5, e.engagementType());
                    s.setString(6, e.vettingStatus());
                    s.setString(7, e.agreementReference());
                    s.setObject(8, e.agreementValidFrom(), Types.DATE);
                    s.setObject(9, e.agreementValidTo(), Types.DATE);
                    s.setString(10, e.riskRating());
                });
        batch("participation", """
                insert into participation (tenant_id, workstream_id, participant_tenant_id, role, invited_at)
                values (?, ?, ?, ?, ?)""", invitations, In::lead, (s, i) -> {
            key(s, i.workstream());
            s.setObject(3, i.item().participant().id());
            s.setString(4, i.item().role());
            s.setObject(5, i.item().invitedAt());
        });

        // 2. Each invited organization answers for itself.
        batch("participation answered", """
                update participation set status = ?
                 where tenant_id = ? and workstream_id = ? and participant_tenant_id = ? and status = 'INVITED'""",
                invitations.stream().filter(i -> i.item().answer().acceptsFirst() || i.item().answer() == Answer.DECLINED)
                        .toList(),
                i -> i.item().participant(), (s, i) -> {
                    s.setString(1, i.item().answer() == Answer.DECLINED ? "DECLINED" : "ACCEPTED");
                    s.setObject(2, i.workstream().lead().id());
                    s.setObject(3, i.workstream().id());
                    s.setObject(4, i.item().participant().id());
                });

        // 3. The lead plans work packages, deliverables and milestones (owners: accepted participants).
        batch("work_package", """
                insert into work_package (tenant_id, workstream_id, id, code, title, lead_tenant_id, budget_eur)
                values (?, ?, ?, ?, ?, ?, ?)""", workPackages, In::lead, (s, p) -> {
            key(s, p.workstream());
            s.setObject(3, p.item().id());
            s.setString(4, p.item().code());
            s.setString(5, p.item().title());
            s.setObject(6, p.item().lead().id());
            s.setBigDecimal(7, p.item().budgetEur());
        });
        List<In<Deliverable>> deliverables = new ArrayList<>();
        Map<UUID, UUID> packageOf = new HashMap<>();
        for (In<WorkPackage> p : workPackages) {
            for (Deliverable d : p.item().deliverables()) {
                deliverables.add(new In<>(p.workstream(), d));
                packageOf.put(d.id(), p.item().id());
            }
        }
        batch("deliverable", """
                insert into deliverable (tenant_id, workstream_id, id, work_package_id, title, due_date, status,
                                         submitted_on)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", deliverables, In::lead, (s, d) -> {
            Deliverable deliverable = d.item();
            key(s, d.workstream());
            s.setObject(3, deliverable.id());
            s.setObject(4, packageOf.get(deliverable.id()));
            s.setString(5, deliverable.title());
            s.setObject(6, deliverable.dueDate());
            s.setString(7, deliverable.status());
            s.setObject(8, deliverable.submittedOn(), Types.DATE);
        });
        batch("milestone", """
                insert into milestone (tenant_id, workstream_id, id, title, owner_tenant_id, planned_date,
                                       actual_date, status)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", each(plan, Workstream::milestones), In::lead, (s, m) -> {
            Milestone milestone = m.item();
            key(s, m.workstream());
            s.setObject(3, milestone.id());
            s.setString(4, milestone.title());
            s.setObject(5, milestone.owner().id());
            s.setObject(6, milestone.plannedDate());
            s.setObject(7, milestone.actualDate(), Types.DATE);
            s.setString(8, milestone.status());
        });

        // 4. Each contributor pledges and records its deliveries, with the feed entries the app would write.
        batch("contribution", """
                insert into contribution (tenant_id, workstream_id, id, contributor_tenant_id, type, description, unit,
                                          pledged_amount, delivered_amount, pledged_on, delivered_on, releasability,
                                          rel_to, created_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", contributions, c -> c.item().contributor(),
                (s, c) -> {
                    Contribution contribution = c.item();
                    key(s, c.workstream());
                    s.setObject(3, contribution.id());
                    s.setObject(4, contribution.contributor().id());
                    s.setString(5, contribution.type());
                    s.setString(6, contribution.description());
                    s.setString(7, contribution.unit());
                    s.setBigDecimal(8, contribution.pledgedAmount());
                    s.setBigDecimal(9, contribution.deliveredAmount());
                    s.setObject(10, contribution.pledgedOn());
                    s.setObject(11, contribution.deliveredOn(), Types.DATE);
                    s.setString(12, contribution.releasability());
                    s.setArray(13, uuids(contribution.relTo()));
                    s.setObject(14, contribution.createdAt());
                });
        // The summary as the app writes it (ContributionService): in English, and as a translation key with its tagged
        // arguments (V54; the tags are the app's StoredText: n: number, s: text, k: key), read in each reader's language.
        String activity = """
                insert into activity (tenant_id, workstream_id, verb, summary, summary_key, summary_args, item_type,
                                      item_id, item_tenant_id, releasability, rel_to, at)
                values (?, ?, ?, ?, ?, ?, 'contribution', ?, ?, ?, ?, ?)""";
        batch("activity", activity, contributions, c -> c.item().contributor(), (s, c) -> {
            Contribution contribution = c.item();
            feedEntry(s, c.workstream(), contribution, "pledged", "pledged " + contribution.pledgedAmount().toPlainString()
                    + " " + unitLabel(contribution.unit()) + " (" + typeLabel(contribution.type()) + ")",
                    "activity.summary.pledged", List.of("n:" + contribution.pledgedAmount().toPlainString(),
                            unitArgument(contribution.unit()),
                            "k:activity.summary.inSentence.ContributionType." + contribution.type()),
                    contribution.createdAt().toLocalDate());
        });
        batch("activity", activity, contributions.stream().filter(c -> c.item().deliveredOn() != null).toList(),
                c -> c.item().contributor(), (s, c) -> {
                    Contribution contribution = c.item();
                    feedEntry(s, c.workstream(), contribution, "delivered", "recorded a delivery of "
                            + contribution.deliveredAmount().toPlainString() + " " + unitLabel(contribution.unit()),
                            "activity.summary.delivered", List.of("n:" + contribution.deliveredAmount().toPlainString(),
                                    unitArgument(contribution.unit())),
                            contribution.deliveredOn());
                });

        // 5. Participants who leave withdraw themselves; invitations the lead takes back, the lead withdraws.
        String withdraw = """
                update participation set status = 'WITHDRAWN'
                 where tenant_id = ? and workstream_id = ? and participant_tenant_id = ? and status = ?""";
        batch("participation withdrawn", withdraw,
                invitations.stream().filter(i -> i.item().answer() == Answer.LEFT).toList(),
                i -> i.item().participant(), (s, i) -> withdrawal(s, i, "ACCEPTED"));
        batch("participation withdrawn", withdraw,
                invitations.stream().filter(i -> i.item().answer() == Answer.UNINVITED).toList(), In::lead,
                (s, i) -> withdrawal(s, i, "INVITED"));

        // 6. The lead moves each workstream through its lifecycle, one transition at a time.
        for (int step = 0; step < 3; step++) {
            int index = step;
            batch("workstream status", """
                    update workstream set status = ? where tenant_id = ? and id = ? and status = ?""",
                    plan.stream().filter(w -> w.lifecycle().size() > index).toList(), Workstream::lead, (s, w) -> {
                        s.setString(1, w.lifecycle().get(index));
                        s.setObject(2, w.lead().id());
                        s.setObject(3, w.id());
                        s.setString(4, index == 0 ? "PROPOSED" : w.lifecycle().get(index - 1));
                    });
        }

        storeResults(plan);
    }

    /**
     * 7. The results chain, once the work has its final shape: the lead defines the indicators; the responsible
     * organization (now and then the lead) enters each period's value and corrects some later, the correction keeping
     * the first value; the lead records the assessments with their ratings and recommendations.
     */
    private void storeResults(List<Workstream> plan) throws SQLException {
        List<In<Indicator>> indicators = new ArrayList<>();
        Map<UUID, UUID> objectiveOf = new HashMap<>();
        for (In<Objective> objective : each(plan, w -> w.results().objectives())) {
            for (Indicator indicator : objective.item().indicators()) {
                indicators.add(new In<>(objective.workstream(), indicator));
                objectiveOf.put(indicator.id(), objective.item().id());
            }
        }
        batch("indicator", """
                insert into indicator (tenant_id, workstream_id, id, objective_id, position, definition, unit, direction,
                                       disaggregation, baseline_value, baseline_date, target_value, target_date,
                                       frequency, responsible_tenant_id, releasability, rel_to, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", indicators, In::lead, (s, i) -> {
            Indicator indicator = i.item();
            key(s, i.workstream());
            s.setObject(3, indicator.id());
            s.setObject(4, objectiveOf.get(indicator.id()));
            s.setInt(5, indicator.position());
            s.setString(6, indicator.definition());
            s.setString(7, indicator.unit());
            s.setString(8, indicator.direction());
            s.setString(9, indicator.disaggregation());
            s.setBigDecimal(10, indicator.baselineValue());
            s.setObject(11, indicator.baselineDate(), Types.DATE);
            s.setBigDecimal(12, indicator.targetValue());
            s.setObject(13, indicator.targetDate());
            s.setString(14, indicator.frequency());
            s.setObject(15, indicator.responsible().id());
            s.setString(16, indicator.releasability());
            s.setArray(17, uuids(indicator.relTo()));
            s.setObject(18, indicator.createdAt());
            s.setObject(19, indicator.createdAt());
        });

        List<In<Measured>> measured = new ArrayList<>();
        for (In<Indicator> indicator : indicators) {
            for (Measurement measurement : indicator.item().measurements()) {
                if (!measurement.periodStart().isAfter(today)) {
                    measured.add(new In<>(indicator.workstream(), new Measured(indicator.item(), measurement)));
                }
            }
        }
        batch("measurement", """
                insert into measurement (tenant_id, workstream_id, indicator_id, id, period_start, period_end,
                                         partner_tenant_id, value, source, note, entered_by, entered_at, created_at,
                                         updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", measured,
                m -> m.item().measurement().enteredBy(), (s, m) -> {
                    Measurement measurement = m.item().measurement();
                    key(s, m.workstream());
                    s.setObject(3, m.item().indicator().id());
                    s.setObject(4, measurement.id());
                    s.setObject(5, measurement.periodStart());
                    s.setObject(6, measurement.periodEnd());
                    s.setObject(7, measurement.partner() == null ? null : measurement.partner().id(), Types.OTHER);
                    s.setBigDecimal(8, measurement.firstValue() != null ? measurement.firstValue() : measurement.value());
                    s.setString(9, measurement.source());
                    s.setString(10, measurement.note());
                    s.setString(11, measurement.enteredBy().name());
                    s.setObject(12, measurement.enteredAt());
                    s.setObject(13, measurement.enteredAt());
                    s.setObject(14, measurement.enteredAt());
                });
        // Corrections as the app makes them: the new value with the next version; the trigger keeps the first.
        batch("measurement corrected", """
                update measurement set value = ?, note = ?, entered_by = ?, version = version + 1
                 where tenant_id = ? and workstream_id = ? and id = ? and version = 0""",
                measured.stream().filter(m -> m.item().measurement().firstValue() != null).toList(),
                m -> m.item().measurement().correctedBy(), (s, m) -> {
                    Measurement measurement = m.item().measurement();
                    s.setBigDecimal(1, measurement.value());
                    s.setString(2, "Corrected after a review of the source data.");
                    s.setString(3, measurement.correctedBy().name());
                    s.setObject(4, m.workstream().lead().id());
                    s.setObject(5, m.workstream().id());
                    s.setObject(6, measurement.id());
                });

        List<In<Assessment>> assessments = each(plan, w -> w.results().assessments());
        batch("assessment", """
                insert into assessment (tenant_id, workstream_id, id, kind, mode, assessor_name, assessor_tenant_id,
                                        assessed_on, findings, releasability, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", assessments, In::lead, (s, a) -> {
            Assessment assessment = a.item();
            key(s, a.workstream());
            s.setObject(3, assessment.id());
            s.setString(4, assessment.kind());
            s.setString(5, assessment.mode());
            s.setString(6, assessment.assessorName());
            s.setObject(7, assessment.assessor() == null ? null : assessment.assessor().id(), Types.OTHER);
            s.setObject(8, assessment.assessedOn());
            s.setString(9, assessment.findings());
            s.setString(10, assessment.releasability());
            s.setObject(11, assessment.createdAt());
            s.setObject(12, assessment.createdAt());
        });
        List<In<Of<Rating>>> ratings = new ArrayList<>();
        List<In<Of<Recommendation>>> recommendations = new ArrayList<>();
        for (In<Assessment> assessment : assessments) {
            assessment.item().ratings().forEach(r -> ratings.add(new In<>(assessment.workstream(),
                    new Of<>(assessment.item(), r))));
            assessment.item().recommendations().forEach(r -> recommendations.add(new In<>(assessment.workstream(),
                    new Of<>(assessment.item(), r))));
        }
        batch("assessment_rating", """
                insert into assessment_rating (tenant_id, workstream_id, assessment_id, objective_id, rating, created_at)
                values (?, ?, ?, ?, ?, ?)""", ratings, In::lead, (s, r) -> {
            key(s, r.workstream());
            s.setObject(3, r.item().assessment().id());
            s.setObject(4, r.item().item().objectiveId());
            s.setInt(5, r.item().item().rating());
            s.setObject(6, r.item().assessment().createdAt());
        });
        batch("assessment_recommendation", """
                insert into assessment_recommendation (tenant_id, workstream_id, assessment_id, id, position, text,
                                                       owner_tenant_id, due_date, status, created_at, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", recommendations, In::lead, (s, r) -> {
            Recommendation recommendation = r.item().item();
            key(s, r.workstream());
            s.setObject(3, r.item().assessment().id());
            s.setObject(4, recommendation.id());
            s.setInt(5, recommendation.position());
            s.setString(6, recommendation.text());
            s.setObject(7, recommendation.owner().id());
            s.setObject(8, recommendation.dueDate(), Types.DATE);
            s.setString(9, recommendation.status());
            s.setObject(10, r.item().assessment().createdAt());
            s.setObject(11, r.item().assessment().createdAt());
        });
    }

    private void feedEntry(PreparedStatement s, Workstream workstream, Contribution contribution, String verb,
            String summary, String summaryKey, List<String> summaryArgs, LocalDate day) throws SQLException {
        key(s, workstream);
        s.setString(3, verb);
        s.setString(4, summary);
        s.setString(5, summaryKey);
        s.setArray(6, connection.createArrayOf("text", summaryArgs.toArray()));
        s.setObject(7, contribution.id());
        s.setObject(8, contribution.contributor().id());
        s.setString(9, contribution.releasability());
        s.setArray(10, uuids(contribution.relTo()));
        s.setObject(11, contribution.createdAt().with(day));
    }

    private static void withdrawal(PreparedStatement s, In<Invitation> invitation, String from) throws SQLException {
        key(s, invitation.workstream());
        s.setObject(3, invitation.item().participant().id());
        s.setString(4, from);
    }

    private static String unitLabel(String unit) {
        return unit.equals("PERSON_DAY") ? "person-days" : unit;
    }

    /** The unit argument of a feed summary: person-days as a key (read in each language), a currency as typed. */
    private static String unitArgument(String unit) {
        return unit.equals("PERSON_DAY") ? "k:contribution.unit.personDays" : "s:" + unit;
    }

    private static String typeLabel(String type) {
        return type.equals("IN_KIND") ? "in kind" : type.toLowerCase();
    }

    // ------------------------------------------------------------------------------------------ plumbing

    /**
     * Runs sql once per row, grouped by the organization that acts (its tenant and member context set first, as
     * the app's transactions do), and counts the rows changed under the table's name.
     */
    private <T> void batch(String table, String sql, List<T> items, Function<T, Partner> actor, Binder<T> binder)
            throws SQLException {
        Map<Partner, List<T>> byActor = new LinkedHashMap<>();
        for (T item : items) {
            byActor.computeIfAbsent(actor.apply(item), a -> new ArrayList<>()).add(item);
        }
        int changed = 0;
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (Map.Entry<Partner, List<T>> group : byActor.entrySet()) {
                actAs(group.getKey());
                for (T item : group.getValue()) {
                    binder.bind(statement, item);
                    statement.addBatch();
                }
                for (int count : statement.executeBatch()) {
                    changed += count == Statement.SUCCESS_NO_INFO ? 1 : count;
                }
            }
        }
        rows.merge(table, changed, Integer::sum);
    }

    private void actAs(Partner partner) throws SQLException {
        try (PreparedStatement sql = connection.prepareStatement(
                "select set_config('app.tenant_id', ?, true), set_config('app.user_id', ?, true)")) {
            sql.setString(1, partner.id().toString());
            sql.setString(2, partner.memberId() == null ? "" : partner.memberId().toString());
            sql.execute();
        }
    }

    private void clearContext() throws SQLException {
        execute("select set_config('app.tenant_id', '', true), set_config('app.user_id', '', true)");
    }

    private void execute(String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    private Array uuids(List<UUID> ids) throws SQLException {
        return connection.createArrayOf("uuid", ids.toArray());
    }

    private static void key(PreparedStatement s, Workstream workstream) throws SQLException {
        s.setObject(1, workstream.lead().id());
        s.setObject(2, workstream.id());
    }

    private static <T> List<In<T>> each(List<Workstream> plan, Function<Workstream, List<T>> items) {
        List<In<T>> result = new ArrayList<>();
        for (Workstream workstream : plan) {
            for (T item : items.apply(workstream)) {
                result.add(new In<>(workstream, item));
            }
        }
        return result;
    }
}
