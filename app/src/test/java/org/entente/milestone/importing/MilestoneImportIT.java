package org.entente.milestone.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.db.jooq.Tables.AUDIT_EVENT;
import static org.entente.testing.DemoActors.KENYA;
import static org.entente.testing.DemoActors.NATO;
import static org.entente.testing.DemoActors.NORWAY;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.entente.db.tenancy.Actor;
import org.entente.initiative.Mechanism;
import org.entente.keycloak.EntenteRealm;
import org.entente.label.standard.LabelBinding;
import org.entente.milestone.Milestone;
import org.entente.milestone.MilestoneService;
import org.entente.milestone.MilestoneStatus;
import org.entente.platform.importing.ImportFileException;
import org.entente.platform.importing.ImportPlan;
import org.entente.platform.importing.ImportPlan.Outcome;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.entente.testing.DemoActors;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Participant.ParticipantRole;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 20: the lead brings its milestone plan from a spreadsheet — a preview that explains wrong rows and stores
 * nothing, all rows or none, the same file twice changes nothing, a changed row updates its milestone; only the lead
 * imports; the template carries its marking and label.
 */
class MilestoneImportIT extends AppIntegrationTest {

    static final String HEADER = "reference;title;owner;planned;status;actual\n";

    @Autowired
    MilestoneImporter importer;
    @Autowired
    MilestoneService milestones;
    @Autowired
    WorkstreamService workstreams;
    @Autowired
    PartnerDirectory partners;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    DSLContext dsl;

    Workstream exercise;

    @BeforeEach
    void aWorkstreamKenyaTakesPartIn() {
        String title = "Plan exercise " + UUID.randomUUID().toString().substring(0, 8);
        exercise = as(NORWAY, () -> workstreams.create(new WorkstreamDraft(title, "Imported plan",
                Releasability.PARTICIPANTS, List.of(), "Baltic Sea", LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 12, 15), new KindDetails.Initiative(Mechanism.JOINT_EXERCISE, List.of()))));
        as(NORWAY, () -> { workstreams.invite(exercise.ref(), KENYA.tenantId(), ParticipantRole.CONTRIBUTOR); return null; });
        as(KENYA, () -> { workstreams.respond(exercise.ref(), true); return null; });
    }

    @Test
    void wrongRowsAreExplainedByColumnAndNothingIsStored() {
        byte[] file = csv("P-1;Harbour survey;;2026-07-01;;\n"
                + "P-2;Sea trials;kenya;2026-13-01;;\n"
                + "P-3;Debrief;NATO Allied Command Transformation;2026-09-01;;\n"
                + "P-4;;Kingdom of Norway;2026-09-10;;\n"
                + "P-5;Report;Norway;2026-09-20;PLANNED;2026-09-21\n"
                + "P-1;Harbour survey again;;2026-07-02;;\n");

        ImportPlan<MilestoneRow, Milestone> preview = as(NORWAY, () -> importer.preview(exercise.ref(), "plan.csv", file));

        assertThat(preview.rows()).extracting(ImportPlan.Row::outcome).containsExactly(Outcome.NEW, Outcome.ERROR,
                Outcome.ERROR, Outcome.ERROR, Outcome.ERROR, Outcome.ERROR);
        assertThat(preview.rows().get(0).draft().owner().id()).as("no owner: the lead").isEqualTo(NORWAY.tenantId());
        assertThat(columns(preview, 1)).containsExactly(MilestoneColumn.PLANNED);
        assertThat(columns(preview, 2)).as("NATO does not take part").containsExactly(MilestoneColumn.OWNER);
        assertThat(columns(preview, 3)).containsExactly(MilestoneColumn.TITLE);
        assertThat(columns(preview, 4)).containsExactly(MilestoneColumn.ACTUAL);
        assertThat(columns(preview, 5)).containsExactly(MilestoneColumn.REFERENCE);
        assertThat(preview.rows().get(2).problems().getFirst().text().in(Locale.UK))
                .isEqualTo("This organization does not take part in the workstream.");
        assertThat(preview.summary().in(Locale.UK)).isEqualTo("1 new, 0 updated, 0 unchanged, 5 with errors");

        assertThatThrownBy(() -> as(NORWAY, () -> importer.apply(exercise.ref(), "plan.csv", file)))
                .isInstanceOf(InvalidInput.class);
        assertThat(as(NORWAY, () -> milestones.of(exercise.ref()))).as("all or none").isEmpty();
    }

    @Test
    void theLeadImportsAllRowsTheSameFileTwiceChangesNothingAndAChangedRowUpdates() {
        byte[] first = csv("P-1;Harbour survey;;2026-07-01;;\n"
                + "P-2;Sea trials;Republic of Kenya;2026-08-01;IN_PROGRESS;\n"
                + ";Debrief;;2026-09-01;DONE;2026-09-02\n");

        ImportPlan<MilestoneRow, Milestone> applied = as(NORWAY, () -> importer.apply(exercise.ref(), "plan.csv", first));

        assertThat(applied.summary().in(Locale.UK)).isEqualTo("3 new, 0 updated, 0 unchanged, 0 with errors");
        List<Milestone> stored = as(NORWAY, () -> milestones.of(exercise.ref()));
        assertThat(stored).extracting(Milestone::title, m -> m.owner().id(), Milestone::plannedDate, Milestone::status,
                Milestone::actualDate).containsExactly(
                org.assertj.core.groups.Tuple.tuple("Harbour survey", NORWAY.tenantId(), LocalDate.of(2026, 7, 1),
                        MilestoneStatus.PLANNED, null),
                org.assertj.core.groups.Tuple.tuple("Sea trials", KENYA.tenantId(), LocalDate.of(2026, 8, 1),
                        MilestoneStatus.IN_PROGRESS, null),
                org.assertj.core.groups.Tuple.tuple("Debrief", NORWAY.tenantId(), LocalDate.of(2026, 9, 1),
                        MilestoneStatus.DONE, LocalDate.of(2026, 9, 2)));
        int imports = as(NORWAY, () -> dsl.fetchCount(AUDIT_EVENT, AUDIT_EVENT.ACTION.eq("IMPORT")
                .and(AUDIT_EVENT.ENTITY_TYPE.eq("milestone")).and(AUDIT_EVENT.ENTITY_ID.eq(exercise.id().toString()))));
        assertThat(imports).isEqualTo(1);

        byte[] withoutTheUnreferenced = csv("P-1;Harbour survey;;2026-07-01;;\n"
                + "P-2;Sea trials;Republic of Kenya;2026-08-01;IN_PROGRESS;\n");
        ImportPlan<MilestoneRow, Milestone> again = as(NORWAY, () -> importer.apply(exercise.ref(), "plan.csv",
                withoutTheUnreferenced));
        assertThat(again.rows()).extracting(ImportPlan.Row::outcome).containsExactly(Outcome.UNCHANGED, Outcome.UNCHANGED);
        assertThat(as(NORWAY, () -> milestones.of(exercise.ref()))).hasSize(3);

        byte[] moved = csv("P-1;Harbour survey (extended);;2026-07-15;DONE;2026-07-14\n");
        ImportPlan<MilestoneRow, Milestone> changed = as(NORWAY, () -> importer.apply(exercise.ref(), "plan.csv", moved));
        assertThat(changed.rows()).extracting(ImportPlan.Row::outcome).containsExactly(Outcome.UPDATE);
        Milestone survey = as(NORWAY, () -> milestones.byReference(exercise.ref())).get("P-1");
        assertThat(survey.title()).isEqualTo("Harbour survey (extended)");
        assertThat(survey.plannedDate()).isEqualTo(LocalDate.of(2026, 7, 15));
        assertThat(survey.status()).isEqualTo(MilestoneStatus.DONE);
        assertThat(survey.actualDate()).isEqualTo(LocalDate.of(2026, 7, 14));
    }

    @Test
    void onlyTheLeadImportsItsPlanAndAnOutsiderLearnsNothing() {
        byte[] file = csv("K-1;Kenya's own plan;;2026-07-01;;\n");

        assertThatThrownBy(() -> as(KENYA, () -> importer.preview(exercise.ref(), "kenya.csv", file)))
                .as("a participant marks its own milestones on the tab").isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> as(KENYA, () -> importer.apply(exercise.ref(), "kenya.csv", file)))
                .isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> as(NATO, () -> importer.apply(exercise.ref(), "nato.csv", file)))
                .isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> as(NATO, () -> importer.template(exercise.ref(), Locale.UK)))
                .as("the template lists the participants").isInstanceOf(NotAllowed.class);
        assertThat(as(NORWAY, () -> milestones.of(exercise.ref()))).isEmpty();
    }

    @Test
    void theTemplateReadsBackEmptyAndCarriesTheParticipantsMarkingAndLabel() throws IOException {
        byte[] template = as(NORWAY, () -> importer.template(exercise.ref(), Locale.FRENCH));

        assertThatThrownBy(() -> as(NORWAY, () -> importer.preview(exercise.ref(), "modele.xlsx", template)))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("no milestones");
        var label = LabelBinding.read(template).orElseThrow().label();
        assertThat(label.releasability()).isEqualTo("PARTICIPANTS");
        assertThat(label.releasableTo()).containsExactlyInAnyOrder("Kingdom of Norway", "Republic of Kenya");
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(template))) {
            assertThat(workbook.getSheetAt(0).getSheetName()).isEqualTo("Jalons");
            assertThat(workbook.getSheetAt(0).getRow(0).getCell(3).getStringCellValue()).isEqualTo("Date prévue");
            assertThat(workbook.getSheetAt(1).getRow(1).getCell(0).getStringCellValue()).startsWith("Marquage\u00a0: ");
        }
    }

    /** Norway's lead in the browser: the import button, the preview, the confirmation, and the tab lists the plan. */
    @Test
    void theLeadImportsItsPlanInTheBrowser() throws Exception {
        Path file = Files.createTempDirectory("milestone-import").resolve("plan.csv");
        Files.write(file, csv("P-1;Harbour survey;;2026-07-01;;\nP-2;Sea trials;kenya;2026-08-01;;\n"));
        try (Browser browser = new Browser()) {
            browser.open(appUrl("/workstream/" + exercise.id()));
            browser.signInAtKeycloak("ingrid.solberg", EntenteRealm.DEMO_PASSWORD);
            browser.click("tab-milestones");
            browser.click("import-milestones");
            WebElement upload = browser.waitFor(By.id("milestone-upload"));
            WebElement input = (WebElement) ((JavascriptExecutor) browser.driver()).executeScript(
                    "return arguments[0].querySelector('input[type=file]') "
                            + "|| arguments[0].shadowRoot.querySelector('input[type=file]');", upload);
            input.sendKeys(file.toAbsolutePath().toString());
            browser.waitForText(By.id("milestone-import-summary"), "2 new, 0 updated, 0 unchanged, 0 with errors");
            assertThat(as(NORWAY, () -> milestones.of(exercise.ref()))).as("nothing before the confirmation").isEmpty();
            browser.screenshot("62-milestone-import-preview");
            browser.click("apply-milestone-import");
            browser.waitForText(By.id("milestones"), "Sea trials");
            browser.screenshot("63-imported-milestones");
        }
        assertThat(as(NORWAY, () -> milestones.of(exercise.ref()))).extracting(Milestone::title)
                .containsExactly("Harbour survey", "Sea trials");
    }

    private static List<MilestoneColumn> columns(ImportPlan<MilestoneRow, Milestone> plan, int row) {
        return plan.rows().get(row).problems().stream().map(p -> (MilestoneColumn) p.column()).toList();
    }

    private static byte[] csv(String rows) {
        return (HEADER + rows).getBytes(StandardCharsets.UTF_8);
    }

    private <T> T as(Actor actor, Supplier<T> work) {
        return new DemoActors(transactionManager).as(actor, work);
    }
}
