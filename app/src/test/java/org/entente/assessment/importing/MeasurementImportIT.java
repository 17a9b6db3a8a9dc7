package org.entente.assessment.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testing.DemoActors.KENYA;
import static org.entente.testing.DemoActors.NATO;
import static org.entente.testing.DemoActors.NORWAY;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.entente.assessment.Direction;
import org.entente.assessment.Disaggregation;
import org.entente.assessment.Frequency;
import org.entente.assessment.Indicator;
import org.entente.assessment.IndicatorDraft;
import org.entente.assessment.IndicatorUnit;
import org.entente.assessment.Measurement;
import org.entente.assessment.Objective;
import org.entente.assessment.ResultsService;
import org.entente.db.tenancy.Actor;
import org.entente.initiative.Mechanism;
import org.entente.label.standard.LabelBinding;
import org.entente.platform.importing.ImportPlan;
import org.entente.platform.importing.ImportPlan.Outcome;
import org.entente.platform.validation.InvalidInput;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.DemoActors;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Participant.ParticipantRole;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 20: indicator values from a spreadsheet — known by indicator, period and partner, so a row for a period with a
 * value corrects it (the old value kept) and an identical row changes nothing; the Results tab's rules refuse the same
 * rows here; an organization that may not measure an indicator stores nothing; the template's label.
 */
class MeasurementImportIT extends AppIntegrationTest {

    static final String HEADER = "indicator;partner;period_start;period_end;value;source;note\n";

    @Autowired
    MeasurementImporter importer;
    @Autowired
    ResultsService results;
    @Autowired
    WorkstreamService workstreams;
    @Autowired
    PlatformTransactionManager transactionManager;

    Workstream w;
    Indicator patrols;
    Indicator trained;
    String quarter;
    LocalDate start;
    LocalDate end;

    @BeforeEach
    void indicatorsNorwayLeadsAndKenyaMeasuresOne() {
        w = as(NORWAY, () -> workstreams.create(new WorkstreamDraft("Values " + UUID.randomUUID(), "",
                Releasability.PARTICIPANTS, List.of(), "Indian Ocean", LocalDate.of(2025, 1, 1), null,
                new KindDetails.Initiative(Mechanism.CAPACITY_BUILDING, List.of()))));
        as(NORWAY, () -> { workstreams.invite(w.ref(), KENYA.tenantId(), ParticipantRole.CONTRIBUTOR); return null; });
        as(KENYA, () -> { workstreams.respond(w.ref(), true); return null; });
        as(NORWAY, () -> { workstreams.invite(w.ref(), NATO.tenantId(), ParticipantRole.OBSERVER); return null; });
        as(NATO, () -> { workstreams.respond(w.ref(), true); return null; });
        Objective objective = as(NORWAY, () -> results.addObjective(w.ref(), "Safer sea lanes"));
        String marker = UUID.randomUUID().toString().substring(0, 6);
        patrols = as(NORWAY, () -> results.defineIndicator(w.ref(), new IndicatorDraft(objective.id(),
                "Joint patrols " + marker, IndicatorUnit.NUMBER, Direction.HIGHER, Disaggregation.NONE, null, null,
                BigDecimal.TEN, LocalDate.now().plusYears(1), Frequency.QUARTERLY, NORWAY.tenantId(),
                Releasability.PARTICIPANTS, List.of())));
        trained = as(NORWAY, () -> results.defineIndicator(w.ref(), new IndicatorDraft(objective.id(),
                "Officers trained " + marker, IndicatorUnit.NUMBER, Direction.HIGHER, Disaggregation.BY_PARTNER, null,
                null, new BigDecimal("100"), LocalDate.now().plusYears(1), Frequency.QUARTERLY, KENYA.tenantId(),
                Releasability.PARTICIPANTS, List.of())));
        start = LocalDate.now().minusMonths(3).withDayOfMonth(1);
        end = start.plusMonths(3).minusDays(1);
        quarter = start + ";" + end;
    }

    @Test
    void wrongRowsAreExplainedThenAllRowsStoreAndACorrectionKeepsTheOldValue() {
        byte[] wrong = csv(patrols.definition() + ";;" + quarter + ";4;Patrol log;\n"
                + "No such indicator;;" + quarter + ";1;;\n"
                + patrols.definition() + ";;" + LocalDate.now().plusDays(5) + ";" + LocalDate.now().plusDays(9) + ";2;;\n"
                + patrols.definition() + ";kenya;" + quarter + ";2;;\n"
                + trained.definition() + ";Republic of Kenya;" + quarter + ";1,5;;\n");

        ImportPlan<MeasurementRow, Measurement> preview = as(NORWAY, () -> importer.preview(w.ref(), "values.csv", wrong));

        assertThat(preview.rows()).extracting(ImportPlan.Row::outcome).containsExactly(Outcome.NEW, Outcome.ERROR,
                Outcome.ERROR, Outcome.ERROR, Outcome.NEW);
        assertThat(columns(preview, 1)).containsExactly(MeasurementColumn.INDICATOR);
        assertThat(columns(preview, 2)).containsExactly(MeasurementColumn.PERIOD_START);
        assertThat(columns(preview, 3)).as("a partner on a totals-only indicator").containsExactly(MeasurementColumn.PARTNER);
        assertThatThrownBy(() -> as(NORWAY, () -> importer.apply(w.ref(), "values.csv", wrong)))
                .isInstanceOf(InvalidInput.class);
        assertThat(as(NORWAY, () -> results.measurements(patrols))).as("all or none").isEmpty();

        byte[] fixed = csv(patrols.definition() + ";;" + quarter + ";4;Patrol log;\n"
                + trained.definition() + ";Republic of Kenya;" + quarter + ";1,5;;\n");
        assertThat(as(NORWAY, () -> importer.apply(w.ref(), "values.csv", fixed)).summary().in(Locale.UK))
                .isEqualTo("2 new, 0 updated, 0 unchanged, 0 with errors");
        assertThat(as(NORWAY, () -> importer.apply(w.ref(), "values.csv", fixed)).summary().in(Locale.UK))
                .as("the same file again").isEqualTo("0 new, 0 updated, 2 unchanged, 0 with errors");

        byte[] corrected = csv(patrols.definition() + ";;" + quarter + ";5;Patrol log, revised;\n");
        assertThat(as(NORWAY, () -> importer.apply(w.ref(), "values.csv", corrected)).rows())
                .extracting(ImportPlan.Row::outcome).containsExactly(Outcome.UPDATE);
        Measurement now = as(NORWAY, () -> results.measurements(patrols)).getFirst();
        assertThat(now.value()).isEqualByComparingTo("5");
        assertThat(now.source()).isEqualTo("Patrol log, revised");
        assertThat(as(NORWAY, () -> results.corrections(now))).as("the old value is kept").hasSize(1);
        assertThat(as(NORWAY, () -> results.measurements(trained))).extracting(Measurement::value)
                .containsExactly(new BigDecimal("1.5000"));
    }

    @Test
    void anOrganizationThatMayNotMeasureAnIndicatorStoresNothing() {
        byte[] file = csv(patrols.definition() + ";;" + quarter + ";3;;\n");

        ImportPlan<MeasurementRow, Measurement> byKenya = as(KENYA, () -> importer.preview(w.ref(), "kenya.csv", file));
        assertThat(byKenya.rows()).extracting(ImportPlan.Row::outcome).as("Norway measures its own indicator")
                .containsExactly(Outcome.ERROR);
        assertThatThrownBy(() -> as(NATO, () -> importer.apply(w.ref(), "nato.csv", file)))
                .isInstanceOf(InvalidInput.class);
        assertThat(as(NORWAY, () -> results.measurements(patrols))).isEmpty();

        byte[] kenyasOwn = csv(trained.definition() + ";kenya;" + quarter + ";12;;\n");
        assertThat(as(KENYA, () -> importer.apply(w.ref(), "kenya.csv", kenyasOwn)).count(Outcome.NEW)).isEqualTo(1);
    }

    @Test
    void theTemplateListsWhatTheReaderMayMeasureAndCarriesItsLabel() {
        byte[] template = as(KENYA, () -> importer.template(w.ref(), Locale.UK));

        var label = LabelBinding.read(template).orElseThrow().label();
        assertThat(label.releasableTo()).containsExactlyInAnyOrder("Kingdom of Norway", "Republic of Kenya",
                "NATO Allied Command Transformation");
        String text = new org.apache.poi.xssf.extractor.XSSFExcelExtractor(openWorkbook(template)).getText();
        assertThat(text).as("Kenya measures Officers trained only").doesNotContain(patrols.definition());
        assertThat(text).contains("Marking: released to ");
    }

    private static org.apache.poi.xssf.usermodel.XSSFWorkbook openWorkbook(byte[] content) {
        try {
            return new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(content));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<MeasurementColumn> columns(ImportPlan<MeasurementRow, Measurement> plan, int row) {
        return plan.rows().get(row).problems().stream().map(p -> (MeasurementColumn) p.column()).toList();
    }

    private static byte[] csv(String rows) {
        return (HEADER + rows).getBytes(StandardCharsets.UTF_8);
    }

    private <T> T as(Actor actor, Supplier<T> work) {
        return new DemoActors(transactionManager).as(actor, work);
    }
}
