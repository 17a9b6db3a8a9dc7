package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.db.Collaboration.as;
import static org.entente.db.Collaboration.assertRejected;
import static org.entente.db.Collaboration.assertRowLevelSecurityViolation;
import static org.entente.db.Collaboration.count;
import static org.entente.db.Collaboration.countAs;
import static org.entente.db.Collaboration.failureAs;
import static org.entente.db.Collaboration.invite;
import static org.entente.db.Collaboration.inviteAndAccept;
import static org.entente.db.Collaboration.respond;
import static org.entente.db.Collaboration.run;
import static org.entente.db.Collaboration.tenant;
import static org.entente.db.Collaboration.uuidArray;
import static org.entente.db.Collaboration.workstream;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Row-level security and write rules of V51's results chain: who sees which indicator, measurement, correction and
 * assessment, who may measure, and that an indicator or assessment is never released wider than its workstream.
 *
 * <p>One initiative of {@code lead} with two accepted contributors (kenya, nato), an accepted observer, an invited
 * tenant that has not answered, and an outsider.
 */
class ResultsVisibilityTest {

    /** The tables V51 creates. */
    static final List<String> RESULTS_TABLES = List.of("indicator", "measurement", "measurement_correction",
            "assessment", "assessment_rating", "assessment_recommendation");

    private static UUID lead;
    private static UUID kenya;
    private static UUID nato;
    private static UUID observer;
    private static UUID invited;
    private static UUID outsider;

    private static UUID initiative;
    private static UUID objective;

    private static UUID shared;
    private static UUID leadsOwn;
    private static UUID privateToLead;
    private static UUID toKenya;
    private static UUID toNato;

    private static UUID sharedAssessment;
    private static UUID privateAssessment;
    private static UUID assessmentToNato;

    @BeforeAll
    static void anInitiativeWithIndicatorsAndAssessmentsOfEveryReleasability() {
        lead = tenant("results-lead", "STATE");
        kenya = tenant("results-kenya", "STATE");
        nato = tenant("results-nato", "ALLIANCE");
        observer = tenant("results-observer", "IGO");
        invited = tenant("results-invited");
        outsider = tenant("results-outsider");

        initiative = workstream(lead, "INITIATIVE");
        inviteAndAccept(lead, initiative, kenya, nato);
        inviteAs(lead, initiative, observer, "OBSERVER");
        respond(observer, lead, initiative, "ACCEPTED");
        invite(lead, initiative, invited);

        objective = as(lead, sql -> sql.queryForObject("insert into objective (tenant_id, workstream_id, text)"
                + " values (?, ?, 'Certify boarding teams') returning id", UUID.class, lead, initiative));
        shared = indicator(lead, initiative, objective, kenya, "PARTICIPANTS");
        leadsOwn = indicator(lead, initiative, objective, lead, "PARTICIPANTS");
        privateToLead = indicator(lead, initiative, objective, lead, "PRIVATE");
        toKenya = indicator(lead, initiative, objective, kenya, "REL_TO", kenya);
        toNato = indicator(lead, initiative, objective, nato, "REL_TO", nato);

        measure(kenya, shared, "2025-01-01", "2025-03-31", "10");
        measure(kenya, toKenya, "2025-01-01", "2025-03-31", "20");
        measure(lead, leadsOwn, "2025-01-01", "2025-03-31", "30");
        measure(lead, privateToLead, "2025-01-01", "2025-03-31", "40");
        measure(nato, toNato, "2025-01-01", "2025-03-31", "50");
        // kenya corrects its value released to it alone: the replaced one is kept.
        run(kenya, sql -> assertThat(sql.update("update measurement set value = 21 where indicator_id = ?", toKenya)).isOne());

        sharedAssessment = assessment(lead, initiative, "PARTICIPANTS");
        privateAssessment = assessment(lead, initiative, "PRIVATE");
        assessmentToNato = assessment(lead, initiative, "REL_TO", nato);
    }

    @Test
    void anotherTenantAndAnInvitedOneSeeNothingOfTheResults() {
        for (UUID stranger : List.of(outsider, invited)) {
            run(stranger, sql -> {
                for (String table : RESULTS_TABLES) {
                    assertThat(count(sql, "select count(*) from " + table + " where workstream_id = ?", initiative))
                            .as("rows of %s seen by a tenant that is not an accepted participant", table).isZero();
                }
                assertThat(count(sql, "select count(*) from indicator_progress where workstream_id = ?", initiative)).isZero();
                assertThat(count(sql, "select count(*) from objective where workstream_id = ?", initiative)).isZero();
                assertThat(sql.queryForObject("select may_measure(?, ?, ?)", Boolean.class, lead, initiative, shared)).isFalse();
            });
        }
        // Not vacuous: the lead sees a row in each.
        run(lead, sql -> {
            for (String table : RESULTS_TABLES) {
                assertThat(count(sql, "select count(*) from " + table + " where workstream_id = ?", initiative))
                        .as("rows of %s seen by the lead", table).isPositive();
            }
        });
    }

    @Test
    void eachAcceptedParticipantSeesTheIndicatorsReleasedToItAndTheirMeasurements() {
        assertThat(indicatorsSeenBy(lead)).containsExactlyInAnyOrder(shared, leadsOwn, privateToLead, toKenya, toNato);
        assertThat(indicatorsSeenBy(kenya)).containsExactlyInAnyOrder(shared, leadsOwn, toKenya);
        assertThat(indicatorsSeenBy(nato)).containsExactlyInAnyOrder(shared, leadsOwn, toNato);
        assertThat(indicatorsSeenBy(observer)).containsExactlyInAnyOrder(shared, leadsOwn);
        for (UUID reader : List.of(lead, kenya, nato, observer)) {
            List<UUID> indicators = indicatorsSeenBy(reader);
            assertThat(ids(reader, "select distinct indicator_id from measurement where workstream_id = ?", initiative)).as("measurements follow their indicator").containsExactlyInAnyOrderElementsOf(indicators);
            assertThat(ids(reader, "select indicator_id from indicator_progress where workstream_id = ?", initiative)).as("the progress view reads through the reader's own security")
                    .containsExactlyInAnyOrderElementsOf(indicators);
        }
        // Every accepted participant sees the objectives (they follow the workstream).
        assertThat(countAs(observer, "select count(*) from objective where workstream_id = ?", initiative)).isOne();
    }

    @Test
    void assessmentsTheirRatingsAndRecommendationsStayWithinTheirAudience() {
        Map<UUID, List<UUID>> expected = Map.of(lead, List.of(sharedAssessment, privateAssessment, assessmentToNato),
                kenya, List.of(sharedAssessment), nato, List.of(sharedAssessment, assessmentToNato),
                observer, List.of(sharedAssessment));
        expected.forEach((reader, assessments) -> {
            assertThat(ids(reader, "select id from assessment where workstream_id = ?", initiative))
                    .containsExactlyInAnyOrderElementsOf(assessments);
            assertThat(ids(reader, "select assessment_id from assessment_rating where workstream_id = ?", initiative))
                    .containsExactlyInAnyOrderElementsOf(assessments);
            assertThat(ids(reader, "select assessment_id from assessment_recommendation where workstream_id = ?", initiative))
                    .containsExactlyInAnyOrderElementsOf(assessments);
        });
    }

    @Test
    void theResponsibleOrganizationAndTheLeadMeasureNobodyElse() {
        // kenya measures what it is responsible for; the lead measures anything.
        measure(kenya, shared, "2025-04-01", "2025-06-30", "12");
        measure(lead, shared, "2025-07-01", "2025-09-30", "14");
        measure(lead, toNato, "2025-04-01", "2025-06-30", "55");
        // Not the lead's indicators, not another participant's, never as an observer, invited tenant or outsider.
        assertRowLevelSecurityViolation(failureAs(kenya, sql -> insertMeasurement(sql, initiative, leadsOwn, "2025-04-01", "1")));
        assertRowLevelSecurityViolation(failureAs(nato, sql -> insertMeasurement(sql, initiative, shared, "2025-10-01", "1")));
        for (UUID stranger : List.of(observer, invited, outsider)) {
            assertRowLevelSecurityViolation(failureAs(stranger, sql -> insertMeasurement(sql, initiative, shared, "2025-10-01", "1")));
        }
        run(observer, sql -> assertThat(sql.queryForObject("select may_measure(?, ?, ?)", Boolean.class, lead, initiative,
                shared)).isFalse());
        run(kenya, sql -> assertThat(sql.queryForObject("select may_measure(?, ?, ?)", Boolean.class, lead, initiative,
                shared)).isTrue());
        // Corrections: nato sees kenya's value but may not change it; the observer neither.
        for (UUID other : List.of(nato, observer)) {
            run(other, sql -> assertThat(sql.update("update measurement set value = 99 where indicator_id = ?", shared)).isZero());
        }
        // Nobody deletes a measurement: a wrong value is corrected.
        for (UUID anyone : List.of(lead, kenya)) {
            assertRejected(failureAs(anyone, sql -> sql.update("delete from measurement where indicator_id = ?", shared)),
                    "42501", "permission denied");
        }
        assertThat(countAs(lead, "select count(*) from measurement where indicator_id = ? and period_start in"
                + " (date '2025-01-01', date '2025-04-01', date '2025-07-01')", shared)).isEqualTo(3);
        assertThat(countAs(lead, "select count(*) from measurement where indicator_id = ? and value = 99", shared)).isZero();
    }

    @Test
    void anObserverCannotBeResponsibleNorCanAnyoneWhoIsNotAnAcceptedContributor() {
        for (UUID notAContributor : List.of(observer, invited, outsider)) {
            assertRejected(failureAs(lead, sql -> insertIndicator(sql, initiative, objective, notAContributor,
                    "PARTICIPANTS")), "EN071", "the responsible organization must be the lead or an accepted contributor");
        }
        // Nor by a later update.
        assertRejected(failureAs(lead, sql -> sql.update("update indicator set responsible_tenant_id = ? where id = ?",
                observer, shared)), "EN071", "accepted contributor");
        assertThat(Collaboration.<UUID>as(lead, sql -> sql.queryForObject(
                "select responsible_tenant_id from indicator where id = ?", UUID.class, shared))).isEqualTo(kenya);
        // Only the lead defines indicators.
        assertRowLevelSecurityViolation(failureAs(kenya, sql -> sql.update("""
                insert into indicator (tenant_id, workstream_id, objective_id, definition, unit, target_value, target_date,
                                       responsible_tenant_id)
                values (?, ?, ?, 'By a participant', 'NUMBER', 5, date '2030-01-01', ?)""", lead, initiative, objective, lead)));
        run(kenya, sql -> assertThat(sql.update("update indicator set definition = 'Hijacked' where id = ?", shared)).isZero());
    }

    @Test
    void aResponsibleOrganizationThatIsDemotedOrLeavesMeasuresNoMore() {
        UUID workstream = workstream(lead, "RND_PROJECT");
        UUID partner = tenant("results-partner", "ACADEMIA");
        inviteAndAccept(lead, workstream, partner);
        UUID goal = as(lead, sql -> sql.queryForObject("insert into objective (tenant_id, workstream_id, text)"
                + " values (?, ?, 'Reach TRL 6') returning id", UUID.class, lead, workstream));
        UUID indicator = indicator(lead, workstream, goal, partner, "PARTICIPANTS");
        UUID first = measure(partner, indicator, "2025-01-01", "2025-03-31", "4");

        // Demoted to observer by the lead: it still sees the indicator, but measures and corrects no more.
        run(lead, sql -> sql.update("update participation set role = 'OBSERVER' where workstream_id = ? and participant_tenant_id = ?",
                workstream, partner));
        assertThat(countAs(partner, "select count(*) from indicator where id = ?", indicator)).isOne();
        assertRowLevelSecurityViolation(failureAs(partner, sql -> insertMeasurement(sql, workstream, indicator, "2025-04-01", "5")));
        run(partner, sql -> assertThat(sql.update("update measurement set value = 5 where id = ?", first)).isZero());

        // A contributor again, then it leaves: it sees and measures nothing.
        run(lead, sql -> sql.update("update participation set role = 'CONTRIBUTOR' where workstream_id = ? and participant_tenant_id = ?",
                workstream, partner));
        measure(partner, indicator, "2025-04-01", "2025-06-30", "5");
        respond(partner, lead, workstream, "WITHDRAWN");
        assertThat(countAs(partner, "select count(*) from indicator where id = ?", indicator)).isZero();
        assertThat(countAs(partner, "select count(*) from measurement where indicator_id = ?", indicator)).isZero();
        assertRowLevelSecurityViolation(failureAs(partner, sql -> insertMeasurement(sql, workstream, indicator, "2025-07-01", "6")));
        assertThat(countAs(lead, "select count(*) from measurement where indicator_id = ?", indicator)).isEqualTo(2);
    }

    @Test
    void correctionsKeepEveryReplacedValueAndCannotBeWrittenDirectly() {
        UUID measurement = measure(kenya, shared, "2024-01-01", "2024-03-31", "7");
        run(kenya, sql -> assertThat(sql.update("update measurement set value = 8, note = 'Recount', entered_by = 'Kenya',"
                + " version = version + 1 where id = ? and version = 0", measurement)).isOne());
        // The lead corrects the correction; a stale version changes nothing.
        run(lead, sql -> {
            assertThat(sql.update("update measurement set value = 9, entered_by = 'Lead', version = version + 1"
                    + " where id = ? and version = 0", measurement)).isZero();
            assertThat(sql.update("update measurement set value = 9, entered_by = 'Lead', version = version + 1"
                    + " where id = ? and version = 1", measurement)).isOne();
            // Only a new version number, same value, source and note: nothing replaced, nothing kept.
            assertThat(sql.update("update measurement set version = version + 1 where id = ?", measurement)).isOne();
        });

        run(lead, sql -> {
            List<Map<String, Object>> kept = sql.queryForList("select value, note, entered_by_tenant_id, entered_by, version"
                    + " from measurement_correction where measurement_id = ? order by id", measurement);
            assertThat(kept).hasSize(2);
            assertThat((BigDecimal) kept.get(0).get("value")).isEqualByComparingTo("7");
            assertThat(kept.get(0)).containsEntry("entered_by_tenant_id", kenya).containsEntry("version", 0)
                    .containsEntry("note", null);
            assertThat((BigDecimal) kept.get(1).get("value")).isEqualByComparingTo("8");
            assertThat(kept.get(1)).containsEntry("entered_by_tenant_id", kenya).containsEntry("entered_by", "Kenya")
                    .containsEntry("note", "Recount").containsEntry("version", 1);
            Map<String, Object> now = sql.queryForMap("select value, entered_by_tenant_id, entered_by, version"
                    + " from measurement where id = ?", measurement);
            assertThat((BigDecimal) now.get("value")).isEqualByComparingTo("9");
            assertThat(now).containsEntry("entered_by_tenant_id", lead).containsEntry("entered_by", "Lead")
                    .containsEntry("version", 3);
        });
        // Whoever sees the indicator sees its corrections; nato sees kenya's (shared), not those of toKenya.
        assertThat(countAs(nato, "select count(*) from measurement_correction where measurement_id = ?", measurement))
                .isEqualTo(2);
        UUID hidden = measure(kenya, toKenya, "2024-01-01", "2024-03-31", "1");
        run(kenya, sql -> sql.update("update measurement set value = 2 where id = ?", hidden));
        assertThat(countAs(kenya, "select count(*) from measurement_correction where measurement_id = ?", hidden)).isOne();
        assertThat(countAs(nato, "select count(*) from measurement_correction where measurement_id = ?", hidden)).isZero();
        assertThat(countAs(outsider, "select count(*) from measurement_correction")).isZero();

        // The runtime role writes no correction itself, whatever the flag says.
        for (UUID writer : List.of(lead, kenya)) {
            assertRejected(failureAs(writer, sql -> {
                sql.queryForObject("select set_config('app.definer_call', 'measurement', true)", String.class);
                sql.update("""
                        insert into measurement_correction (tenant_id, workstream_id, measurement_id, indicator_id, value,
                                                            entered_by_tenant_id, entered_by, entered_at, version)
                        values (?, ?, ?, ?, 1, ?, 'Forged', now(), 0)""", lead, initiative, measurement, shared, writer);
            }), "42501", "permission denied");
            assertRejected(failureAs(writer, sql -> sql.update("update measurement_correction set value = 0")),
                    "42501", "permission denied");
            assertRejected(failureAs(writer, sql -> sql.update("delete from measurement_correction")),
                    "42501", "permission denied");
        }
    }

    /** The owner role (migrations, definer functions) writes a correction only while the trigger has set its flag. */
    @Test
    void evenTheOwnerRoleWritesCorrectionsOnlyThroughTheTrigger() throws Exception {
        UUID measurement = measure(lead, leadsOwn, "2024-04-01", "2024-06-30", "3");
        try (Connection owner = TestDatabase.owner(); Statement sql = owner.createStatement()) {
            owner.setAutoCommit(false);
            sql.execute("select set_config('app.tenant_id', '" + lead + "', true)");
            String forged = """
                    insert into measurement_correction (tenant_id, workstream_id, measurement_id, indicator_id, value,
                                                        entered_by_tenant_id, entered_by, entered_at, version)
                    values ('%s', '%s', '%s', '%s', 1, '%s', 'Forged', now(), 0)"""
                    .formatted(lead, initiative, measurement, leadsOwn, lead);
            Throwable failure = org.assertj.core.api.Assertions.catchThrowable(() -> sql.execute(forged));
            assertThat(TestDatabase.sqlState(failure)).isEqualTo("42501");
            assertThat(failure).hasMessageContaining("violates row-level security policy for table \"measurement_correction\"");
            owner.rollback();
        }
        assertThat(countAs(lead, "select count(*) from measurement_correction where measurement_id = ?", measurement)).isZero();
    }

    @Test
    void measurementsFitTheirIndicatorAndNeverStartInTheFuture() {
        UUID rules = workstream(lead, "INITIATIVE");
        inviteAndAccept(lead, rules, kenya);
        UUID objective = as(lead, sql -> sql.queryForObject("insert into objective (tenant_id, workstream_id, text)"
                + " values (?, ?, 'Rules') returning id", UUID.class, lead, rules));
        UUID percent = as(lead, sql -> sql.queryForObject("""
                insert into indicator (workstream_id, objective_id, definition, unit, baseline_value, baseline_date,
                                       target_value, target_date)
                values (?, ?, 'Units certified', 'PERCENT', 10, date '2024-01-01', 90, date '2027-12-31') returning id""",
                UUID.class, rules, objective));
        assertRejected(failureAs(lead, sql -> insertMeasurement(sql, rules, percent, "2024-01-01", "250")), "EN072", "cannot measure");
        assertRejected(failureAs(lead, sql -> insertMeasurement(sql, rules, percent, "2024-01-01", "-1")), "EN072", "cannot measure");
        UUID yesNo = as(lead, sql -> sql.queryForObject("""
                insert into indicator (workstream_id, objective_id, definition, unit, target_value, target_date)
                values (?, ?, 'Annex signed', 'YES_NO', 1, date '2027-12-31') returning id""", UUID.class, rules, objective));
        assertRejected(failureAs(lead, sql -> insertMeasurement(sql, rules, yesNo, "2024-01-01", "2")), "EN072", "cannot measure");
        measure(lead, yesNo, "2024-01-01", "2024-03-31", "1");
        // A correction is held to the same rule.
        assertRejected(failureAs(lead, sql -> sql.update("update measurement set value = 0.5 where indicator_id = ?", yesNo)),
                "EN072", "cannot measure");
        // A partner's share only on a BY_PARTNER indicator, and only of an accepted participant.
        assertRejected(failureAs(lead, sql -> sql.update("""
                insert into measurement (tenant_id, workstream_id, indicator_id, period_start, period_end, partner_tenant_id,
                                         value, entered_by)
                values (?, ?, ?, date '2024-04-01', date '2024-06-30', ?, 1, 'Lead')""", lead, rules, yesNo, kenya)),
                "EN072", "BY_PARTNER");
        assertRejected(failureAs(lead, sql -> sql.update(
                "insert into measurement (tenant_id, workstream_id, indicator_id, period_start, period_end, value, entered_by)"
                        + " values (?, ?, ?, current_date + 1, current_date + 30, 1, 'Lead')", lead, rules, yesNo)),
                "EN073", "starts in the future");
        // A period that has started (today) may be measured.
        run(lead, sql -> sql.update("insert into measurement (tenant_id, workstream_id, indicator_id, period_start,"
                + " period_end, value, entered_by) values (?, ?, ?, current_date, current_date + 30, 1, 'Lead')",
                lead, rules, yesNo));
        // One value per indicator, period and partner: a second entry is a correction, not a new row.
        assertRejected(failureAs(lead, sql -> insertMeasurement(sql, rules, yesNo, "2024-01-01", "0")), "23505",
                "measurement_period_uk");
    }

    @Test
    void aTargetLiesOnTheBetterSideOfTheBaselineAndFitsTheUnit() {
        assertRejected(failureAs(lead, sql -> sql.update("""
                insert into indicator (workstream_id, objective_id, definition, unit, direction, baseline_value, baseline_date,
                                       target_value, target_date)
                values (?, ?, 'Response time', 'NUMBER', 'LOWER', 10, date '2024-01-01', 12, date '2025-01-01')""",
                initiative, objective)), "23514", "indicator_direction_target_ck");
        assertRejected(failureAs(lead, sql -> sql.update("""
                insert into indicator (workstream_id, objective_id, definition, unit, baseline_value, baseline_date,
                                       target_value, target_date)
                values (?, ?, 'Share', 'PERCENT', 10, date '2024-01-01', 120, date '2025-01-01')""",
                initiative, objective)), "23514", "indicator_target_unit_ck");
        assertRejected(failureAs(lead, sql -> sql.update("""
                insert into indicator (workstream_id, objective_id, definition, unit, baseline_value, baseline_date,
                                       target_value, target_date)
                values (?, ?, 'Trained', 'NUMBER', 0, date '2025-01-01', 10, date '2025-01-01')""",
                initiative, objective)), "23514", "indicator_dates_ck");
        assertRejected(failureAs(lead, sql -> sql.update("""
                insert into indicator (workstream_id, objective_id, definition, unit, baseline_value, target_value, target_date)
                values (?, ?, 'Trained', 'NUMBER', 0, 10, date '2025-01-01')""",
                initiative, objective)), "23514", "indicator_baseline_ck");
    }

    /** EN070: never wider than the workstream, on insert and update, for indicators and assessments alike. */
    @Test
    void releasabilityIsNeverWiderThanTheWorkstreams() {
        assertRejected(failureAs(lead, sql -> insertIndicator(sql, initiative, objective, lead, "ALL_PARTNERS")),
                "EN070", "released wider (ALL_PARTNERS) than its workstream (PARTICIPANTS)");
        assertRejected(failureAs(lead, sql -> insertAssessment(sql, initiative, "ALL_PARTNERS")), "EN070", "released wider");
        assertRejected(failureAs(lead, sql -> sql.update("update indicator set releasability = 'ALL_PARTNERS' where id = ?",
                leadsOwn)), "EN070", "released wider");
        assertRejected(failureAs(lead, sql -> sql.update("update assessment set releasability = 'ALL_PARTNERS' where id = ?",
                sharedAssessment)), "EN070", "released wider");

        // A workstream released to kenya only: an item may go to kenya, not to every participant nor to nato as well.
        UUID narrow = workstream(lead, "ENGAGEMENT");
        inviteAndAccept(lead, narrow, kenya, nato);
        run(lead, sql -> sql.update("update workstream set releasability = 'REL_TO', rel_to = ?::uuid[] where id = ?",
                uuidArray(kenya), narrow));
        UUID goal = as(lead, sql -> sql.queryForObject("insert into objective (tenant_id, workstream_id, text)"
                + " values (?, ?, 'Deliver') returning id", UUID.class, lead, narrow));
        assertRejected(failureAs(lead, sql -> insertIndicator(sql, narrow, goal, lead, "PARTICIPANTS")), "EN070",
                "released wider (PARTICIPANTS) than its workstream (REL_TO)");
        assertRejected(failureAs(lead, sql -> insertIndicator(sql, narrow, goal, kenya, "REL_TO", kenya, nato)), "EN070",
                "released wider (REL_TO)");
        assertRejected(failureAs(lead, sql -> insertAssessment(sql, narrow, "REL_TO", nato)), "EN070", "released wider");
        UUID fine = indicator(lead, narrow, goal, kenya, "REL_TO", kenya);
        UUID mine = indicator(lead, narrow, goal, lead, "PRIVATE");
        assertThat(indicatorsOf(kenya, narrow)).containsExactly(fine);
        assertThat(indicatorsOf(nato, narrow)).isEmpty();
        assertThat(indicatorsOf(lead, narrow)).containsExactlyInAnyOrder(fine, mine);

        // A PRIVATE workstream keeps every item PRIVATE.
        UUID secret = workstream(lead, "INITIATIVE", "PRIVATE");
        UUID hidden = as(lead, sql -> sql.queryForObject("insert into objective (tenant_id, workstream_id, text)"
                + " values (?, ?, 'Secret') returning id", UUID.class, lead, secret));
        assertRejected(failureAs(lead, sql -> insertIndicator(sql, secret, hidden, lead, "PARTICIPANTS")), "EN070",
                "released wider");
        assertRejected(failureAs(lead, sql -> insertAssessment(sql, secret, "PARTICIPANTS")), "EN070", "released wider");
        indicator(lead, secret, hidden, lead, "PRIVATE");
        assessment(lead, secret, "PRIVATE");
    }

    @Test
    void anIndicatorIsAlwaysReleasedToItsResponsibleOrganization() {
        assertRejected(failureAs(lead, sql -> insertIndicator(sql, initiative, objective, kenya, "PRIVATE")), "EN070",
                "not released to its responsible organization");
        assertRejected(failureAs(lead, sql -> insertIndicator(sql, initiative, objective, kenya, "REL_TO", nato)), "EN070",
                "not released to its responsible organization");
        assertRejected(failureAs(lead, sql -> sql.update("update indicator set releasability = 'REL_TO', rel_to = ?::uuid[]"
                + " where id = ?", uuidArray(nato), shared)), "EN070", "not released to its responsible organization");
        assertThat(indicatorsSeenBy(kenya)).contains(shared);
    }

    @Test
    void aRecommendationIsOwnedByTheLeadOrAnAcceptedParticipant() {
        for (UUID stranger : List.of(invited, outsider)) {
            assertRejected(failureAs(lead, sql -> sql.update("insert into assessment_recommendation (workstream_id,"
                    + " assessment_id, text, owner_tenant_id) values (?, ?, 'Do it', ?)", initiative, sharedAssessment, stranger)),
                    "EN014", "not an accepted participant");
        }
        // Only the lead writes assessments, ratings and recommendations.
        assertRowLevelSecurityViolation(failureAs(kenya, sql -> sql.update("insert into assessment_recommendation"
                + " (tenant_id, workstream_id, assessment_id, text, owner_tenant_id) values (?, ?, ?, 'Mine', ?)",
                lead, initiative, sharedAssessment, kenya)));
        assertRowLevelSecurityViolation(failureAs(kenya, sql -> sql.update("insert into assessment_rating"
                + " (tenant_id, workstream_id, assessment_id, objective_id, rating) values (?, ?, ?, ?, 5)",
                lead, initiative, privateAssessment, objective)));
        run(kenya, sql -> {
            assertThat(sql.update("update assessment_recommendation set status = 'DONE' where workstream_id = ?", initiative))
                    .isZero();
            assertThat(sql.update("update assessment set findings = 'Rewritten' where workstream_id = ?", initiative)).isZero();
        });
        // One final assessment per workstream.
        UUID done = workstream(lead, "ENGAGEMENT");
        run(lead, sql -> sql.update("insert into assessment (workstream_id, kind, assessor_name, assessed_on)"
                + " values (?, 'FINAL', 'Lead', current_date)", done));
        assertRejected(failureAs(lead, sql -> sql.update("insert into assessment (workstream_id, kind, assessor_name,"
                + " assessed_on) values (?, 'FINAL', 'Lead', current_date)", done)), "23505", "assessment_final_uk");
    }

    // ------------------------------------------------------------------------------------------ helpers

    private static List<UUID> indicatorsSeenBy(UUID reader) {
        return indicatorsOf(reader, initiative);
    }

    private static List<UUID> indicatorsOf(UUID reader, UUID workstream) {
        return ids(reader, "select id from indicator where workstream_id = ?", workstream);
    }

    private static List<UUID> ids(UUID reader, String query, Object... arguments) {
        return Collaboration.<List<UUID>>as(reader, sql -> sql.queryForList(query, UUID.class, arguments));
    }

    private static void inviteAs(UUID owner, UUID workstream, UUID participant, String role) {
        run(owner, sql -> sql.update("insert into participation (tenant_id, workstream_id, participant_tenant_id, role)"
                + " values (?, ?, ?, ?)", owner, workstream, participant, role));
    }

    private static UUID indicator(UUID owner, UUID workstream, UUID objective, UUID responsible, String releasability,
            UUID... relTo) {
        return as(owner, sql -> insertIndicator(sql, workstream, objective, responsible, releasability, relTo));
    }

    private static UUID insertIndicator(JdbcTemplate sql, UUID workstream, UUID objective, UUID responsible,
            String releasability, UUID... relTo) {
        return sql.queryForObject("""
                insert into indicator (workstream_id, objective_id, definition, unit, baseline_value, baseline_date,
                                       target_value, target_date, frequency, responsible_tenant_id, releasability, rel_to)
                values (?, ?, 'Boarding teams certified', 'NUMBER', 0, date '2024-01-01', 100, date '2027-12-31',
                        'QUARTERLY', ?, ?, ?::uuid[])
                returning id""", UUID.class, workstream, objective, responsible, releasability, uuidArray(relTo));
    }

    /** Measures as {@code writer} the indicator of the initiative (or the one the id belongs to). */
    private static UUID measure(UUID writer, UUID indicator, String from, String to, String value) {
        return as(writer, sql -> sql.queryForObject("""
                insert into measurement (tenant_id, workstream_id, indicator_id, period_start, period_end, value, entered_by)
                select i.tenant_id, i.workstream_id, i.id, ?::date, ?::date, ?::numeric, 'Writer'
                  from indicator i where i.id = ?
                returning id""", UUID.class, from, to, value, indicator));
    }

    /** A quarter starting on {@code from}, of an indicator of the lead's {@code workstream}. */
    private static int insertMeasurement(JdbcTemplate sql, UUID workstream, UUID indicator, String from, String value) {
        return sql.update("""
                insert into measurement (tenant_id, workstream_id, indicator_id, period_start, period_end, value, entered_by)
                values (?, ?, ?, ?::date, (?::date + interval '3 months' - interval '1 day')::date, ?::numeric, 'Writer')""",
                lead, workstream, indicator, from, from, value);
    }

    private static UUID assessment(UUID owner, UUID workstream, String releasability, UUID... relTo) {
        return as(owner, sql -> {
            UUID id = insertAssessment(sql, workstream, releasability, relTo);
            UUID goal = sql.queryForObject("select id from objective where workstream_id = ? limit 1", UUID.class, workstream);
            sql.update("insert into assessment_rating (workstream_id, assessment_id, objective_id, rating) values (?, ?, ?, 4)",
                    workstream, id, goal);
            sql.update("insert into assessment_recommendation (workstream_id, assessment_id, text, owner_tenant_id, due_date)"
                    + " values (?, ?, 'Train the rest', ?, date '2026-06-30')", workstream, id, owner);
            return id;
        });
    }

    private static UUID insertAssessment(JdbcTemplate sql, UUID workstream, String releasability, UUID... relTo) {
        return sql.queryForObject("""
                insert into assessment (workstream_id, kind, mode, assessor_name, assessed_on, findings, releasability, rel_to)
                values (?, 'PERIODIC', 'SELF', 'Lead', date '2025-06-30', 'Halfway there', ?, ?::uuid[])
                returning id""", UUID.class, workstream, releasability, uuidArray(relTo));
    }
}
