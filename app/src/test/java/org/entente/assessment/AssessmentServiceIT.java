package org.entente.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testing.DemoActors.KENYA;
import static org.entente.testing.DemoActors.NATO;
import static org.entente.testing.DemoActors.NORWAY;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.entente.db.embedded.LocalPostgres;
import org.entente.initiative.Mechanism;
import org.entente.platform.validation.ConcurrentEditException;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.DemoActors;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Participant.ParticipantRole;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamService;
import org.entente.workstream.WorkstreamStatus;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/** Assessments through their service: Norway leads and assesses, Kenya owns a recommendation, NATO ACT observes. */
class AssessmentServiceIT extends AppIntegrationTest {

    static final LocalDate LAST_WEEK = LocalDate.now().minusDays(7);

    @Autowired
    AssessmentService assessments;
    @Autowired
    ResultsService results;
    @Autowired
    WorkstreamService workstreams;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    LocalPostgres postgres;

    DemoActors actors;
    SuperuserDatabase database;
    Workstream w;
    Objective objective;

    @BeforeEach
    void workstreamWithParticipants() {
        actors = new DemoActors(transactionManager);
        database = new SuperuserDatabase(postgres);
        String title = "Assessed " + UUID.randomUUID().toString().substring(0, 8);
        w = actors.as(NORWAY, () -> workstreams.create(new WorkstreamDraft(title, "", Releasability.PARTICIPANTS,
                List.of(), null, null, null, new KindDetails.Initiative(Mechanism.JOINT_EXERCISE,
                        List.of("Interoperable logistics")))));
        actors.run(NORWAY, () -> workstreams.invite(w.ref(), KENYA.tenantId(), ParticipantRole.CONTRIBUTOR));
        actors.run(KENYA, () -> workstreams.respond(w.ref(), true));
        actors.run(NORWAY, () -> workstreams.invite(w.ref(), NATO.tenantId(), ParticipantRole.OBSERVER));
        actors.run(NATO, () -> workstreams.respond(w.ref(), true));
        objective = as(NORWAY, () -> results.objectives(w.ref())).getFirst();
    }

    @Test
    void theLeadRecordsAnAssessmentThatParticipantsSeeAndOutsidersDoNot() {
        Assessment recorded = as(NORWAY, () -> assessments.record(w.ref(), baseline()));

        assertThat(recorded.kind()).isEqualTo(AssessmentKind.INITIAL);
        assertThat(recorded.assessorName()).isEqualTo("Kingdom of Norway");
        assertThat(recorded.assessorTenantId()).isNull();
        assertThat(recorded.ratings()).isEqualTo(Map.of(objective.id(), 2));
        assertThat(recorded.recommendations()).singleElement().satisfies(r -> {
            assertThat(r.owner().alias()).isEqualTo("kenya");
            assertThat(r.status()).isEqualTo(RecommendationStatus.OPEN);
        });
        assertThat(as(KENYA, () -> assessments.of(w.ref()))).extracting(Assessment::id).containsExactly(recorded.id());
        assertThat(as(NATO, () -> assessments.of(w.ref()))).singleElement()
                .satisfies(a -> assertThat(a.recommendations()).hasSize(1));
        assertThat(as(ResultsServiceIT.NORTHWIND, () -> assessments.of(w.ref()))).isEmpty();
        assertThatThrownBy(() -> as(KENYA, () -> assessments.record(w.ref(), baseline())))
                .isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> as(KENYA, () -> {
            assessments.remove(recorded);
            return null;
        })).isInstanceOf(NotAllowed.class);
        assertThat(database.query("select count(*) from assessment where workstream_id = ?", w.id())
                .getFirst().getFirst()).isEqualTo(1L);
        assertThat(database.query("select count(*) from audit_event where entity_id = ?", recorded.id().toString())
                .getFirst().getFirst()).isEqualTo(1L);
    }

    @Test
    void theFinalAssessmentComesOnceTheWorkstreamIsCompletedAndOnlyOnce() {
        fieldError(() -> assessments.record(w.ref(), finalOne()), "kind");
        for (WorkstreamStatus next : List.of(WorkstreamStatus.APPROVED, WorkstreamStatus.ACTIVE,
                WorkstreamStatus.COMPLETED)) {
            Workstream current = w;
            w = as(NORWAY, () -> workstreams.changeStatus(current, next));
        }
        Assessment recorded = as(NORWAY, () -> assessments.record(w.ref(), finalOne()));

        assertThat(as(KENYA, () -> assessments.finalAssessment(w.ref()))).get().extracting(Assessment::id)
                .isEqualTo(recorded.id());
        fieldError(() -> assessments.record(w.ref(), finalOne()), "kind");
        Assessment periodic = as(NORWAY, () -> assessments.record(w.ref(), baseline()));
        fieldError(() -> assessments.update(periodic, finalOne()), "kind");
        // Changing the final assessment itself stays possible.
        Assessment changed = as(NORWAY, () -> assessments.update(recorded, new AssessmentDraft(AssessmentKind.FINAL,
                AssessmentMode.EXTERNAL, "NATO evaluation team", NATO.tenantId(), LAST_WEEK, "Met in full",
                Releasability.PARTICIPANTS, List.of(), Map.of(objective.id(), 5), List.of())));
        assertThat(changed.mode()).isEqualTo(AssessmentMode.EXTERNAL);
        assertThat(changed.assessorTenantId()).isEqualTo(NATO.tenantId());
        assertThat(changed.ratings()).isEqualTo(Map.of(objective.id(), 5));
    }

    @Test
    void theOwnerOfARecommendationMarksItDoneAndNobodyElseOutsideTheLead() {
        Assessment recorded = as(NORWAY, () -> assessments.record(w.ref(), baseline()));
        Recommendation open = recorded.recommendations().getFirst();

        Recommendation done = as(KENYA, () -> assessments.markRecommendation(recorded, open, RecommendationStatus.DONE));
        assertThat(done.status()).isEqualTo(RecommendationStatus.DONE);
        assertThat(done.version()).isEqualTo(open.version() + 1);
        assertThatThrownBy(() -> as(NORWAY, () -> assessments.markRecommendation(recorded, open,
                RecommendationStatus.OPEN))).isInstanceOf(ConcurrentEditException.class);
        assertThatThrownBy(() -> as(NATO, () -> assessments.markRecommendation(recorded, done,
                RecommendationStatus.OPEN))).isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> as(ResultsServiceIT.NORTHWIND, () -> assessments.markRecommendation(recorded, done,
                RecommendationStatus.OPEN))).isInstanceOf(NotAllowed.class);
        Recommendation reopened = as(NORWAY, () -> assessments.markRecommendation(recorded, done,
                RecommendationStatus.OPEN));
        assertThat(reopened.status()).isEqualTo(RecommendationStatus.OPEN);
        assertThat(database.query("select text, status from assessment_recommendation where id = ?", open.id())
                .getFirst()).containsExactly("Train the logistics officers on the shared system", "OPEN");
    }

    @Test
    void changingAnAssessmentKeepsRecommendationsInPlaceAndRefusesAStaleVersion() {
        Assessment recorded = as(NORWAY, () -> assessments.record(w.ref(), baseline()));
        Recommendation first = recorded.recommendations().getFirst();
        as(KENYA, () -> assessments.markRecommendation(recorded, first, RecommendationStatus.DONE));
        AssessmentDraft more = new AssessmentDraft(AssessmentKind.PERIODIC, AssessmentMode.SELF, "Norwegian J7",
                null, LAST_WEEK, "Halfway there", Releasability.PARTICIPANTS, List.of(), Map.of(),
                List.of(new RecommendationDraft("Train the logistics officers on the shared system, again",
                                KENYA.tenantId(), LAST_WEEK.plusMonths(2)),
                        new RecommendationDraft("Exchange liaison officers", NORWAY.tenantId(), null)));

        Assessment changed = as(NORWAY, () -> assessments.update(recorded, more));
        assertThat(changed.kind()).isEqualTo(AssessmentKind.PERIODIC);
        assertThat(changed.assessorName()).isEqualTo("Norwegian J7");
        assertThat(changed.ratings()).isEmpty();
        assertThat(changed.recommendations()).extracting(Recommendation::id).first().isEqualTo(first.id());
        assertThat(changed.recommendations()).extracting(Recommendation::status)
                .containsExactly(RecommendationStatus.DONE, RecommendationStatus.OPEN);
        assertThatThrownBy(() -> as(NORWAY, () -> assessments.update(recorded, baseline())))
                .isInstanceOf(ConcurrentEditException.class);
        assertThatThrownBy(() -> as(NORWAY, () -> {
            assessments.remove(recorded);
            return null;
        })).isInstanceOf(ConcurrentEditException.class);
        actors.run(NORWAY, () -> assessments.remove(changed));
        assertThat(database.query("select count(*) from assessment_recommendation where workstream_id = ?", w.id())
                .getFirst().getFirst()).isEqualTo(0L);
    }

    @Test
    void assessmentsAreCheckedBeforeTheDatabaseWould() {
        fieldError(() -> assessments.record(w.ref(), draft(AssessmentMode.SELF, null, LocalDate.now().plusDays(1),
                null, Releasability.PARTICIPANTS, List.of(), Map.of(), List.of())), "assessedOn");
        fieldError(() -> assessments.record(w.ref(), draft(AssessmentMode.EXTERNAL, " ", LAST_WEEK, null,
                Releasability.PARTICIPANTS, List.of(), Map.of(), List.of())), "assessorName");
        fieldError(() -> assessments.record(w.ref(), draft(AssessmentMode.SELF, null, LAST_WEEK, "F".repeat(10_001),
                Releasability.PARTICIPANTS, List.of(), Map.of(), List.of())), "findings");
        fieldError(() -> assessments.record(w.ref(), draft(AssessmentMode.SELF, null, LAST_WEEK, null,
                Releasability.PARTICIPANTS, List.of(), Map.of(objective.id(), 6), List.of())), "rating");
        fieldError(() -> assessments.record(w.ref(), draft(AssessmentMode.SELF, null, LAST_WEEK, null,
                Releasability.PARTICIPANTS, List.of(), Map.of(UUID.randomUUID(), 3), List.of())), "rating");
        fieldError(() -> assessments.record(w.ref(), draft(AssessmentMode.SELF, null, LAST_WEEK, null,
                Releasability.PARTICIPANTS, List.of(), Map.of(), List.of(new RecommendationDraft("Outsourced",
                        ResultsServiceIT.NORTHWIND.tenantId(), null)))), "recommendation");
        fieldError(() -> assessments.record(w.ref(), draft(AssessmentMode.SELF, null, LAST_WEEK, null,
                Releasability.PARTICIPANTS, List.of(), Map.of(), List.of(new RecommendationDraft(" ",
                        KENYA.tenantId(), null)))), "recommendation");
        fieldError(() -> assessments.record(w.ref(), draft(AssessmentMode.SELF, null, LAST_WEEK, null,
                Releasability.ALL_PARTNERS, List.of(), Map.of(), List.of())), "releasability");
        assertThat(database.query("select count(*) from assessment where workstream_id = ?", w.id())
                .getFirst().getFirst()).isEqualTo(0L);

        as(NORWAY, () -> assessments.record(w.ref(), draft(AssessmentMode.SELF, null, LAST_WEEK, "For Kenya only",
                Releasability.REL_TO, List.of(KENYA.tenantId()), Map.of(), List.of())));
        assertThat(as(KENYA, () -> assessments.of(w.ref()))).hasSize(1);
        assertThat(as(NATO, () -> assessments.of(w.ref()))).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private AssessmentDraft baseline() {
        return new AssessmentDraft(AssessmentKind.INITIAL, AssessmentMode.SELF, null, null, LAST_WEEK,
                "Logistics systems do not exchange data", Releasability.PARTICIPANTS, List.of(),
                Map.of(objective.id(), 2), List.of(new RecommendationDraft(
                        "Train the logistics officers on the shared system", KENYA.tenantId(), LAST_WEEK.plusMonths(3))));
    }

    private AssessmentDraft finalOne() {
        return new AssessmentDraft(AssessmentKind.FINAL, AssessmentMode.SELF, null, null, LAST_WEEK, "Met",
                Releasability.PARTICIPANTS, List.of(), Map.of(objective.id(), 4), List.of());
    }

    private static AssessmentDraft draft(AssessmentMode mode, String assessor, LocalDate on, String findings,
            Releasability releasability, List<UUID> relTo, Map<UUID, Integer> ratings,
            List<RecommendationDraft> recommendations) {
        return new AssessmentDraft(AssessmentKind.PERIODIC, mode, assessor, null, on, findings, releasability, relTo,
                ratings, recommendations);
    }

    private <T> T as(org.entente.db.tenancy.Actor actor, Supplier<T> work) {
        return actors.as(actor, work);
    }

    private void fieldError(Supplier<?> attempt, String field) {
        assertThatThrownBy(() -> actors.as(NORWAY, attempt))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey(field));
    }
}
