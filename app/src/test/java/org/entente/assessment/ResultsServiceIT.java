package org.entente.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testing.DemoActors.KENYA;
import static org.entente.testing.DemoActors.NATO;
import static org.entente.testing.DemoActors.NORWAY;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.entente.db.embedded.LocalPostgres;
import org.entente.db.tenancy.Actor;
import org.entente.initiative.Mechanism;
import org.entente.notification.Notification;
import org.entente.notification.NotificationService;
import org.entente.platform.validation.ConcurrentEditException;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.DemoActors;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Notifications;
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

/**
 * The results chain through its service, as the people who use it: Norway leads, Kenya takes part and is responsible
 * for measuring, NATO ACT observes, Northwind takes no part.
 */
class ResultsServiceIT extends AppIntegrationTest {

    /** Mei Chen of Northwind, which takes no part in the workstreams made here. */
    static final Actor NORTHWIND = new Actor(UUID.fromString("0a000000-0000-4000-8000-000000000008"),
            UUID.fromString("0b000000-0000-4000-8000-000000000010"));

    static final LocalDate BASELINE_DATE = LocalDate.now().minusYears(1);
    static final LocalDate TARGET_DATE = LocalDate.now().plusYears(2);

    @Autowired
    ResultsService results;
    @Autowired
    MeasurementReminders reminders;
    @Autowired
    NotificationService notifications;
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
        String title = "Results " + UUID.randomUUID().toString().substring(0, 8);
        w = actors.as(NORWAY, () -> workstreams.create(new WorkstreamDraft(title, "", Releasability.PARTICIPANTS,
                List.of(), null, null, null, new KindDetails.Initiative(Mechanism.CAPACITY_BUILDING, List.of()))));
        actors.run(NORWAY, () -> workstreams.invite(w.ref(), KENYA.tenantId(), ParticipantRole.CONTRIBUTOR));
        actors.run(KENYA, () -> workstreams.respond(w.ref(), true));
        actors.run(NORWAY, () -> workstreams.invite(w.ref(), NATO.tenantId(), ParticipantRole.OBSERVER));
        actors.run(NATO, () -> workstreams.respond(w.ref(), true));
        objective = actors.as(NORWAY, () -> results.addObjective(w.ref(), "Partner staff run exercises on their own"));
    }

    @Test
    void theLeadDefinesAnIndicatorAndTheResponsibleParticipantMeasuresIt() {
        Indicator defined = actors.as(NORWAY, () -> results.defineIndicator(w.ref(), percent(KENYA.tenantId())));
        assertThat(defined.progress().status()).isEqualTo(IndicatorStatus.NOT_MEASURED);
        assertThat(defined.responsible().alias()).isEqualTo("kenya");

        Indicator seenByKenya = only(KENYA);
        assertThat(as(KENYA, () -> results.mayMeasure(seenByKenya))).isTrue();
        assertThat(as(NORWAY, () -> results.mayMeasure(defined))).isTrue();
        LocalDate[] period = lastEndedQuarter();
        Measurement entered = as(KENYA, () -> results.enterMeasurement(seenByKenya, new MeasurementDraft(period[0],
                period[1], null, new BigDecimal("50"), "Exercise reports", "Two of four staff certified")));

        assertThat(entered.enteredBy()).isEqualTo("Amina Odhiambo");
        assertThat(entered.enteredByOrganization().alias()).isEqualTo("kenya");
        Indicator measured = only(NORWAY);
        assertThat(measured.progress().latestValue()).isEqualByComparingTo("50");
        assertThat(measured.progress().progressRatio()).isEqualByComparingTo("0.5");
        assertThat(measured.progress().measurements()).isEqualTo(1);
        assertThat(measured.progress().overdue()).isFalse();
        // A straight path from the baseline a year ago to the target in two years stands at about a third of the way
        // at the end of the last quarter: half way is on track.
        double expected = (double) java.time.temporal.ChronoUnit.DAYS.between(BASELINE_DATE, period[1])
                / java.time.temporal.ChronoUnit.DAYS.between(BASELINE_DATE, TARGET_DATE);
        assertThat(measured.progress().expectedRatio().doubleValue()).isCloseTo(expected,
                org.assertj.core.data.Offset.offset(0.0001));
        assertThat(measured.progress().status()).isEqualTo(IndicatorStatus.ON_TRACK);
        assertThat(as(NORWAY, () -> results.measurements(measured))).singleElement()
                .satisfies(m -> assertThat(m.note()).isEqualTo("Two of four staff certified"));
        assertThat(database.query("select count(*) from audit_event where entity_id = ? and action = 'CREATE'",
                entered.id().toString()).getFirst().getFirst()).isEqualTo(1L);
        assertThat(database.query("select count(*) from activity where item_id = ?", entered.id())
                .getFirst().getFirst()).isEqualTo(1L);
    }

    @Test
    void anObserverAndOutsidersCannotMeasureAndOutsidersSeeNothing() {
        Indicator defined = actors.as(NORWAY, () -> results.defineIndicator(w.ref(), percent(KENYA.tenantId())));
        LocalDate[] period = lastEndedQuarter();
        MeasurementDraft draft = new MeasurementDraft(period[0], period[1], null, BigDecimal.TEN, null, null);

        Indicator seenByNato = only(NATO);
        assertThat(as(NATO, () -> results.mayMeasure(seenByNato))).isFalse();
        assertThatThrownBy(() -> as(NATO, () -> results.enterMeasurement(seenByNato, draft)))
                .isInstanceOf(NotAllowed.class);
        fieldError(() -> results.defineIndicator(w.ref(), percent(NATO.tenantId())), "responsible");
        fieldError(() -> results.defineIndicator(w.ref(), percent(NORTHWIND.tenantId())), "responsible");

        assertThat(as(NORTHWIND, () -> results.objectives(w.ref()))).isEmpty();
        assertThat(as(NORTHWIND, () -> results.indicators(w.ref()))).isEmpty();
        assertThat(as(NORTHWIND, () -> results.mayMeasure(defined))).isFalse();
        assertThatThrownBy(() -> as(NORTHWIND, () -> results.enterMeasurement(defined, draft)))
                .isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> as(NORTHWIND, () -> results.addObjective(w.ref(), "Hijacked")))
                .isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> as(KENYA, () -> results.defineIndicator(w.ref(), percent(KENYA.tenantId()))))
                .isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> as(KENYA, () -> results.renameObjective(objective, "Kenya's wording")))
                .isInstanceOf(NotAllowed.class);
        assertThat(database.query("select count(*) from measurement where workstream_id = ?", w.id())
                .getFirst().getFirst()).isEqualTo(0L);
        assertThat(as(NORWAY, () -> results.objectives(w.ref()))).extracting(Objective::text)
                .containsExactly("Partner staff run exercises on their own");
    }

    @Test
    void anIndicatorReleasedToKenyaOnlyIsHiddenFromTheObserver() {
        IndicatorDraft draft = percent(KENYA.tenantId());
        actors.as(NORWAY, () -> results.defineIndicator(w.ref(), new IndicatorDraft(draft.objectiveId(),
                "Kenyan instructors certified", draft.unit(), draft.direction(), draft.disaggregation(),
                draft.baselineValue(), draft.baselineDate(), draft.targetValue(), draft.targetDate(), draft.frequency(),
                KENYA.tenantId(), Releasability.REL_TO, List.of(KENYA.tenantId()))));

        assertThat(as(KENYA, () -> results.indicators(w.ref()))).extracting(Indicator::definition)
                .containsExactly("Kenyan instructors certified");
        assertThat(as(NATO, () -> results.indicators(w.ref()))).isEmpty();
        assertThat(as(NATO, () -> results.objectives(w.ref()))).hasSize(1);
    }

    @Test
    void aCorrectionKeepsTheReplacedValueAndAStaleVersionIsRefused() {
        actors.as(NORWAY, () -> results.defineIndicator(w.ref(), percent(KENYA.tenantId())));
        Indicator indicator = only(KENYA);
        LocalDate[] period = lastEndedQuarter();
        Measurement first = as(KENYA, () -> results.enterMeasurement(indicator, new MeasurementDraft(period[0],
                period[1], null, new BigDecimal("40"), "Head count", null)));

        Measurement corrected = as(NORWAY, () -> results.correctMeasurement(first, new BigDecimal("45"), "Recount",
                "Two late certificates"));
        assertThat(corrected.value()).isEqualByComparingTo("45");
        assertThat(corrected.enteredBy()).isEqualTo("Ingrid Solberg");
        assertThat(corrected.version()).isEqualTo(first.version() + 1);
        assertThat(as(KENYA, () -> results.corrections(corrected))).singleElement().satisfies(c -> {
            assertThat(c.value()).isEqualByComparingTo("40");
            assertThat(c.source()).isEqualTo("Head count");
            assertThat(c.enteredBy()).isEqualTo("Amina Odhiambo");
        });
        assertThatThrownBy(() -> as(KENYA, () -> results.correctMeasurement(first, new BigDecimal("41"), null, null)))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(only(NORWAY).progress().latestValue()).isEqualByComparingTo("45");
        assertThatThrownBy(() -> as(NATO, () -> results.correctMeasurement(corrected, BigDecimal.ONE, null, null)))
                .isInstanceOf(NotAllowed.class);
    }

    @Test
    void valuesPeriodsAndNotesAreCheckedAgainstTheUnit() {
        actors.as(NORWAY, () -> results.defineIndicator(w.ref(), percent(KENYA.tenantId())));
        Indicator percent = only(NORWAY);
        Indicator yesNo = actors.as(NORWAY, () -> results.defineIndicator(w.ref(), new IndicatorDraft(objective.id(),
                "Doctrine adopted", IndicatorUnit.YES_NO, Direction.HIGHER, Disaggregation.NONE, BigDecimal.ZERO,
                BASELINE_DATE, BigDecimal.ONE, TARGET_DATE, Frequency.YEARLY, NORWAY.tenantId(),
                Releasability.PARTICIPANTS, List.of())));
        LocalDate[] period = lastEndedQuarter();

        fieldError(() -> results.enterMeasurement(percent, value(period, "250")), "value");
        fieldError(() -> results.enterMeasurement(percent, value(period, "-1")), "value");
        fieldError(() -> results.enterMeasurement(percent, value(period, "12.34567")), "value");
        fieldError(() -> results.enterMeasurement(yesNo, value(period, "2")), "value");
        fieldError(() -> results.enterMeasurement(yesNo, value(period, "0.5")), "value");
        LocalDate tomorrow = LocalDate.now().plusDays(1);
        fieldError(() -> results.enterMeasurement(percent, new MeasurementDraft(tomorrow, tomorrow.plusDays(30), null,
                BigDecimal.TEN, null, null)), "periodStart");
        fieldError(() -> results.enterMeasurement(percent, new MeasurementDraft(period[1], period[0], null,
                BigDecimal.TEN, null, null)), "periodEnd");
        fieldError(() -> results.enterMeasurement(percent, new MeasurementDraft(period[0], period[1], null,
                BigDecimal.TEN, null, "N".repeat(2001))), "note");
        fieldError(() -> results.enterMeasurement(percent, new MeasurementDraft(period[0], period[1], KENYA.tenantId(),
                BigDecimal.TEN, null, null)), "partner");
        assertThat(database.query("select count(*) from measurement where workstream_id = ?", w.id())
                .getFirst().getFirst()).isEqualTo(0L);

        actors.as(NORWAY, () -> results.enterMeasurement(percent, new MeasurementDraft(period[0], period[1], null,
                BigDecimal.TEN, null, "N".repeat(2000))));
        actors.as(NORWAY, () -> results.enterMeasurement(yesNo, value(period, "1")));
        fieldError(() -> results.enterMeasurement(percent, value(period, "12")), "periodStart");
    }

    @Test
    void indicatorDefinitionsAreCheckedBeforeTheDatabaseWould() {
        IndicatorDraft good = percent(KENYA.tenantId());
        fieldError(() -> results.defineIndicator(w.ref(), with(good, Direction.HIGHER, "20", "10")), "targetValue");
        fieldError(() -> results.defineIndicator(w.ref(), with(good, Direction.LOWER, "20", "30")), "targetValue");
        fieldError(() -> results.defineIndicator(w.ref(), with(good, Direction.HIGHER, "20", "150")), "targetValue");
        fieldError(() -> results.defineIndicator(w.ref(), with(good, Direction.HIGHER, "-5", "50")), "baselineValue");
        fieldError(() -> results.defineIndicator(w.ref(), new IndicatorDraft(good.objectiveId(), good.definition(),
                good.unit(), good.direction(), null, BigDecimal.ONE, null, good.targetValue(), good.targetDate(),
                good.frequency(), good.responsibleTenantId(), good.releasability(), List.of())), "baselineDate");
        fieldError(() -> results.defineIndicator(w.ref(), new IndicatorDraft(good.objectiveId(), good.definition(),
                good.unit(), good.direction(), null, good.baselineValue(), good.baselineDate(), good.targetValue(),
                BASELINE_DATE.minusDays(1), good.frequency(), good.responsibleTenantId(), good.releasability(),
                List.of())), "targetDate");
        fieldError(() -> results.defineIndicator(w.ref(), new IndicatorDraft(UUID.randomUUID(), good.definition(),
                good.unit(), good.direction(), null, good.baselineValue(), good.baselineDate(), good.targetValue(),
                good.targetDate(), good.frequency(), good.responsibleTenantId(), good.releasability(), List.of())),
                "objective");
        // Kenya measures it: it must see it.
        fieldError(() -> results.defineIndicator(w.ref(), released(good, Releasability.PRIVATE, List.of())),
                "releasability");
        fieldError(() -> results.defineIndicator(w.ref(), released(good, Releasability.REL_TO,
                List.of(NATO.tenantId()))), "releasability");
        // No wider than the workstream (released to its participants).
        fieldError(() -> results.defineIndicator(w.ref(), released(good, Releasability.ALL_PARTNERS, List.of())),
                "releasability");
        assertThat(database.query("select count(*) from indicator where workstream_id = ?", w.id())
                .getFirst().getFirst()).isEqualTo(0L);
        // Without a baseline it may be defined; its status says so.
        Indicator noBaseline = actors.as(NORWAY, () -> results.defineIndicator(w.ref(), new IndicatorDraft(
                good.objectiveId(), good.definition(), good.unit(), good.direction(), null, null, null,
                good.targetValue(), good.targetDate(), good.frequency(), good.responsibleTenantId(),
                good.releasability(), List.of())));
        assertThat(noBaseline.progress().status()).isEqualTo(IndicatorStatus.NO_BASELINE);
    }

    @Test
    void measuredIndicatorsAndTheirObjectivesStayAndStaleEditsAreRefused() {
        Indicator measured = actors.as(NORWAY, () -> results.defineIndicator(w.ref(), percent(KENYA.tenantId())));
        actors.as(NORWAY, () -> results.enterMeasurement(measured, value(lastEndedQuarter(), "30")));
        Objective other = actors.as(NORWAY, () -> results.addObjective(w.ref(), "Spare objective"));
        Indicator spare = actors.as(NORWAY, () -> results.defineIndicator(w.ref(), new IndicatorDraft(other.id(),
                "Spare indicator", IndicatorUnit.NUMBER, Direction.LOWER, Disaggregation.NONE, new BigDecimal("9"),
                BASELINE_DATE, new BigDecimal("3"), TARGET_DATE, Frequency.MONTHLY, NORWAY.tenantId(),
                Releasability.PRIVATE, List.of())));

        fieldError(() -> {
            results.removeIndicator(measured);
            return null;
        }, "definition");
        fieldError(() -> {
            results.removeObjective(objective);
            return null;
        }, "text");
        fieldError(() -> results.updateIndicator(measured, new IndicatorDraft(objective.id(), "Now counted",
                IndicatorUnit.NUMBER, Direction.HIGHER, Disaggregation.NONE, null, null, BigDecimal.TEN, TARGET_DATE,
                Frequency.QUARTERLY, KENYA.tenantId(), Releasability.PARTICIPANTS, List.of())), "unit");

        Indicator renamed = actors.as(NORWAY, () -> results.updateIndicator(measured, with(percent(KENYA.tenantId()),
                Direction.HIGHER, "20", "90")));
        assertThat(renamed.targetValue()).isEqualByComparingTo("90");
        assertThatThrownBy(() -> as(NORWAY, () -> results.updateIndicator(measured, percent(KENYA.tenantId()))))
                .isInstanceOf(ConcurrentEditException.class);
        Objective reworded = actors.as(NORWAY, () -> results.renameObjective(objective, "Reworded"));
        assertThatThrownBy(() -> as(NORWAY, () -> results.renameObjective(objective, "Stale")))
                .isInstanceOf(ConcurrentEditException.class);
        assertThat(reworded.text()).isEqualTo("Reworded");

        actors.run(NORWAY, () -> results.removeObjective(other));
        assertThat(as(NORWAY, () -> results.indicators(w.ref()))).extracting(Indicator::id)
                .containsExactly(measured.id()).doesNotContain(spare.id());
    }

    @Test
    void theResponsibleOrganizationIsRemindedOnceOfADueMeasurement() {
        actors.as(NORWAY, () -> results.defineIndicator(w.ref(), percent(KENYA.tenantId())));
        LocalDate[] period = lastEndedQuarter();
        // Nothing is due while the workstream is only proposed (nobody reports on work not under way).
        assertThat(as(KENYA, () -> results.dueForMyOrganization()))
                .noneMatch(d -> d.indicator().workstream().equals(w.ref()));
        for (WorkstreamStatus next : List.of(WorkstreamStatus.APPROVED, WorkstreamStatus.ACTIVE)) {
            Workstream current = w;
            w = actors.as(NORWAY, () -> workstreams.changeStatus(current, next));
        }

        List<DueMeasurement> due = as(KENYA, () -> results.dueForMyOrganization()).stream()
                .filter(d -> d.indicator().workstream().equals(w.ref())).toList();
        assertThat(due).singleElement().satisfies(d -> {
            assertThat(d.workstreamTitle()).isEqualTo(w.title());
            assertThat(d.indicator().progress().overdue()).isTrue();
            assertThat(d.indicator().progress().duePeriodStart()).isEqualTo(period[0]);
            assertThat(d.indicator().progress().duePeriodEnd()).isEqualTo(period[1]);
        });
        assertThat(as(NORWAY, () -> results.dueForMyOrganization()))
                .noneMatch(d -> d.indicator().workstream().equals(w.ref()));

        // Opening the app (the bell) reminds Kenya, once.
        actors.as(KENYA, () -> notifications.remindOfMilestones());
        actors.as(KENYA, () -> notifications.remindOfMilestones());
        assertThat(dueReminders(KENYA)).singleElement().satisfies(n -> assertThat(n.text())
                .contains("Partner staff certified", period[0].toString(), period[1].toString()));
        assertThat(dueReminders(NORWAY)).isEmpty();
        assertThat(as(KENYA, () -> reminders.remind())).isZero();

        actors.as(KENYA, () -> results.enterMeasurement(only(KENYA), value(period, "35")));
        assertThat(as(KENYA, () -> results.dueForMyOrganization()))
                .noneMatch(d -> d.indicator().workstream().equals(w.ref()));
    }

    // ------------------------------------------------------------------ helpers

    private List<Notification> dueReminders(Actor actor) {
        return as(actor, () -> notifications.latest(200)).stream()
                .filter(n -> n.kind() == Notifications.Kind.MEASUREMENT_DUE && n.workstream() != null
                        && n.workstream().equals(w.ref()))
                .toList();
    }

    private IndicatorDraft percent(UUID responsible) {
        return new IndicatorDraft(objective.id(), "Partner staff certified as exercise planners", IndicatorUnit.PERCENT,
                Direction.HIGHER, Disaggregation.NONE, new BigDecimal("20"), BASELINE_DATE, new BigDecimal("80"),
                TARGET_DATE, Frequency.QUARTERLY, responsible, Releasability.PARTICIPANTS, List.of());
    }

    private static IndicatorDraft with(IndicatorDraft d, Direction direction, String baseline, String target) {
        return new IndicatorDraft(d.objectiveId(), d.definition(), d.unit(), direction, d.disaggregation(),
                new BigDecimal(baseline), d.baselineDate(), new BigDecimal(target), d.targetDate(), d.frequency(),
                d.responsibleTenantId(), d.releasability(), d.relTo());
    }

    private static IndicatorDraft released(IndicatorDraft d, Releasability releasability, List<UUID> relTo) {
        return new IndicatorDraft(d.objectiveId(), d.definition(), d.unit(), d.direction(), d.disaggregation(),
                d.baselineValue(), d.baselineDate(), d.targetValue(), d.targetDate(), d.frequency(),
                d.responsibleTenantId(), releasability, relTo);
    }

    private static MeasurementDraft value(LocalDate[] period, String value) {
        return new MeasurementDraft(period[0], period[1], null, new BigDecimal(value), null, null);
    }

    /** The last calendar quarter that has ended (V51 measurement_due_period for QUARTERLY). */
    static LocalDate[] lastEndedQuarter() {
        LocalDate thisQuarter = LocalDate.now().with(IsoFields.DAY_OF_QUARTER, 1);
        return new LocalDate[] {thisQuarter.minusMonths(3), thisQuarter.minusDays(1)};
    }

    private Indicator only(Actor actor) {
        List<Indicator> seen = as(actor, () -> results.indicators(w.ref()));
        assertThat(seen).hasSize(1);
        return seen.getFirst();
    }

    private <T> T as(Actor actor, Supplier<T> work) {
        return actors.as(actor, work);
    }

    private void fieldError(Supplier<?> attempt, String field) {
        assertThatThrownBy(() -> actors.as(NORWAY, attempt))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey(field));
    }
}
