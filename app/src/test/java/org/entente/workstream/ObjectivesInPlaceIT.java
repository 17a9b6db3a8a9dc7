package org.entente.workstream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.entente.db.jooq.Tables.ASSESSMENT;
import static org.entente.db.jooq.Tables.ASSESSMENT_RATING;
import static org.entente.db.jooq.Tables.INDICATOR;
import static org.entente.db.jooq.Tables.MEASUREMENT;
import static org.entente.db.jooq.Tables.OBJECTIVE;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.entente.db.tenancy.Actor;
import org.entente.initiative.Mechanism;
import org.entente.platform.validation.InvalidInput;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.DemoActors;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Editing an initiative saves its objectives in place: indicators (and their measurements) hang off the objective
 * rows, so an edit must keep the rows, and must not delete an objective that indicators measure.
 */
class ObjectivesInPlaceIT extends AppIntegrationTest {

    static final Actor NORWAY = DemoActors.NORWAY;

    @Autowired
    WorkstreamService workstreams;
    @Autowired
    DSLContext dsl;
    @Autowired
    PlatformTransactionManager transactionManager;

    String marker;
    Workstream exercise;

    @BeforeEach
    void setUp() {
        marker = "Objectives " + UUID.randomUUID().toString().substring(0, 8);
        exercise = as(NORWAY, () -> workstreams.create(draft(marker, "Interoperability", "Mine countermeasures")));
    }

    @Test
    void editingTheInitiativeKeepsTheObjectiveRowsTheirIndicatorsAndMeasurements() {
        List<Row> before = objectives();
        assertThat(before).extracting(Row::text).containsExactly("Interoperability", "Mine countermeasures");
        UUID indicator = indicatorOn(before.get(1).id());

        // The first is reworded, the second stays, a third is added.
        update(draft(marker, "Interoperability at sea", "Mine countermeasures", "Port security"));

        List<Row> after = objectives();
        assertThat(after).extracting(Row::text)
                .containsExactly("Interoperability at sea", "Mine countermeasures", "Port security");
        assertThat(after.get(0).id()).isEqualTo(before.get(0).id());
        assertThat(after.get(0).version()).isEqualTo(before.get(0).version() + 1);
        assertThat(after.get(1)).isEqualTo(before.get(1));
        assertThat(after.get(2).id()).isNotIn(before.get(0).id(), before.get(1).id());
        assertThat(indicatorObjective(indicator)).isEqualTo(before.get(1).id());
        assertThat(measurements(indicator)).isEqualTo(1);

        // Moved up, the measured objective keeps its row (and its indicator) at its new place.
        update(draft(marker, "Mine countermeasures", "Interoperability at sea"));

        List<Row> moved = objectives();
        assertThat(moved).extracting(Row::text).containsExactly("Mine countermeasures", "Interoperability at sea");
        assertThat(moved).extracting(Row::id).containsExactly(before.get(1).id(), before.get(0).id());
        assertThat(indicatorObjective(indicator)).isEqualTo(before.get(1).id());
        assertThat(measurements(indicator)).isEqualTo(1);
        assertThat(as(NORWAY, () -> workstreams.details(workstreams.get(exercise.id()).orElseThrow()).orElseThrow()))
                .isEqualTo(new KindDetails.Initiative(Mechanism.JOINT_EXERCISE,
                        List.of("Mine countermeasures", "Interoperability at sea")));
    }

    @Test
    void anObjectiveWithIndicatorsCannotBeRemovedAndNothingIsSaved() {
        List<Row> before = objectives();
        UUID indicator = indicatorOn(before.get(1).id());

        assertThatThrownBy(() -> update(draft(marker + " renamed", "Interoperability")))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.fieldErrors())
                        .containsExactly(Map.entry("objectives",
                                "Objective 2 has indicators; remove them in the Results tab first.")));
        assertThat(objectives()).isEqualTo(before);
        assertThat(indicatorObjective(indicator)).isEqualTo(before.get(1).id());
        assertThat(measurements(indicator)).isEqualTo(1);
        assertThat(as(NORWAY, () -> workstreams.get(exercise.id()).orElseThrow().title())).isEqualTo(marker);
    }

    @Test
    void anObjectiveWithoutIndicatorsIsRemovedAndTheOthersKeepTheirRows() {
        List<Row> before = objectives();
        UUID indicator = indicatorOn(before.get(1).id());

        update(draft(marker, "Mine countermeasures"));

        List<Row> after = objectives();
        assertThat(after).extracting(Row::id, Row::text, Row::position)
                .containsExactly(tuple(before.get(1).id(), "Mine countermeasures", 0));
        assertThat(indicatorObjective(indicator)).isEqualTo(before.get(1).id());
        assertThat(measurements(indicator)).isEqualTo(1);
    }

    @Test
    void anObjectiveAnAssessmentRatedCannotBeRemovedEitherAndTheDatabaseRefusesItToo() {
        List<Row> before = objectives();
        UUID assessment = as(NORWAY, () -> {
            UUID id = UUID.randomUUID();
            dsl.insertInto(ASSESSMENT).set(ASSESSMENT.TENANT_ID, NORWAY.tenantId())
                    .set(ASSESSMENT.WORKSTREAM_ID, exercise.id()).set(ASSESSMENT.ID, id)
                    .set(ASSESSMENT.KIND, "INITIAL").set(ASSESSMENT.ASSESSOR_NAME, "Norway")
                    .set(ASSESSMENT.ASSESSED_ON, LocalDate.of(2026, 6, 1)).execute();
            dsl.insertInto(ASSESSMENT_RATING).set(ASSESSMENT_RATING.TENANT_ID, NORWAY.tenantId())
                    .set(ASSESSMENT_RATING.WORKSTREAM_ID, exercise.id()).set(ASSESSMENT_RATING.ASSESSMENT_ID, id)
                    .set(ASSESSMENT_RATING.OBJECTIVE_ID, before.get(1).id())
                    .set(ASSESSMENT_RATING.RATING, (short) 3).execute();
            return id;
        });

        assertThatThrownBy(() -> update(draft(marker, "Interoperability")))
                .isInstanceOfSatisfying(InvalidInput.class, refused -> assertThat(refused.fieldErrors())
                        .containsExactly(Map.entry("objectives",
                                "Objective 2 is rated in an assessment; reword it instead of removing it.")));
        assertThat(objectives()).isEqualTo(before);
        // The wall behind the check: the rating's foreign key refuses the delete itself.
        assertThatThrownBy(() -> as(NORWAY, () -> dsl.deleteFrom(OBJECTIVE)
                .where(OBJECTIVE.WORKSTREAM_ID.eq(exercise.id()), OBJECTIVE.ID.eq(before.get(1).id())).execute()))
                .hasMessageContaining("assessment_rating_objective_fk");
        assertThat(as(NORWAY, () -> dsl.fetchCount(ASSESSMENT_RATING, ASSESSMENT_RATING.ASSESSMENT_ID.eq(assessment))))
                .isEqualTo(1);
    }

    // ------------------------------------------------------------------------------------------------------------

    private record Row(UUID id, String text, int position, int version) {
    }

    private List<Row> objectives() {
        return as(NORWAY, () -> dsl.select(OBJECTIVE.ID, OBJECTIVE.TEXT, OBJECTIVE.POSITION, OBJECTIVE.VERSION)
                .from(OBJECTIVE).where(OBJECTIVE.WORKSTREAM_ID.eq(exercise.id()))
                .orderBy(OBJECTIVE.POSITION)
                .fetch(r -> new Row(r.value1(), r.value2(), r.value3(), r.value4())));
    }

    /** An indicator on the objective, with one measurement (written as the lead; ResultsService is another helper's). */
    private UUID indicatorOn(UUID objective) {
        return as(NORWAY, () -> {
            UUID id = UUID.randomUUID();
            dsl.insertInto(INDICATOR)
                    .set(INDICATOR.TENANT_ID, NORWAY.tenantId())
                    .set(INDICATOR.WORKSTREAM_ID, exercise.id())
                    .set(INDICATOR.ID, id)
                    .set(INDICATOR.OBJECTIVE_ID, objective)
                    .set(INDICATOR.DEFINITION, "Mines cleared per exercise day")
                    .set(INDICATOR.UNIT, "NUMBER")
                    .set(INDICATOR.BASELINE_VALUE, new BigDecimal("2"))
                    .set(INDICATOR.BASELINE_DATE, LocalDate.of(2026, 1, 1))
                    .set(INDICATOR.TARGET_VALUE, new BigDecimal("10"))
                    .set(INDICATOR.TARGET_DATE, LocalDate.of(2027, 1, 1))
                    .execute();
            dsl.insertInto(MEASUREMENT)
                    .set(MEASUREMENT.TENANT_ID, NORWAY.tenantId())
                    .set(MEASUREMENT.WORKSTREAM_ID, exercise.id())
                    .set(MEASUREMENT.INDICATOR_ID, id)
                    .set(MEASUREMENT.PERIOD_START, LocalDate.of(2026, 1, 1))
                    .set(MEASUREMENT.PERIOD_END, LocalDate.of(2026, 3, 31))
                    .set(MEASUREMENT.VALUE, new BigDecimal("4"))
                    .set(MEASUREMENT.ENTERED_BY, "Test lead")
                    .execute();
            return id;
        });
    }

    private UUID indicatorObjective(UUID indicator) {
        return as(NORWAY, () -> dsl.select(INDICATOR.OBJECTIVE_ID).from(INDICATOR).where(INDICATOR.ID.eq(indicator))
                .fetchOne(INDICATOR.OBJECTIVE_ID));
    }

    private int measurements(UUID indicator) {
        return as(NORWAY, () -> dsl.fetchCount(MEASUREMENT, MEASUREMENT.INDICATOR_ID.eq(indicator)));
    }

    private void update(WorkstreamDraft draft) {
        as(NORWAY, () -> workstreams.update(workstreams.get(exercise.id()).orElseThrow(), draft));
    }

    private static WorkstreamDraft draft(String title, String... objectives) {
        return new WorkstreamDraft(title, "Multinational maritime exercise", Releasability.PARTICIPANTS, List.of(),
                "Indian Ocean", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 15),
                new KindDetails.Initiative(Mechanism.JOINT_EXERCISE, List.of(objectives)));
    }

    private <T> T as(Actor actor, Supplier<T> work) {
        return new DemoActors(transactionManager).as(actor, work);
    }
}
