package org.entente.contribution.importing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.db.jooq.Tables.AUDIT_EVENT;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.function.Supplier;
import org.entente.contribution.Contribution;
import org.entente.contribution.ContributionDraft;
import org.entente.contribution.ContributionService;
import org.entente.platform.importing.ImportFileException;
import org.entente.platform.importing.ImportPlan;
import org.entente.platform.importing.ImportPlan.Outcome;
import org.entente.db.tenancy.Actor;
import org.entente.initiative.Mechanism;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.DemoActors;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Participant.ParticipantRole;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Spreadsheet import on the real database as the app's runtime role: a preview stores nothing, a file with a wrong
 * row stores nothing, a good file stores every row, the same file again changes nothing, a changed row updates its
 * contribution, and an organization outside the workstream can neither preview nor import.
 */
class ContributionImportIT extends AppIntegrationTest {

    static final Actor NORWAY = DemoActors.NORWAY;
    static final Actor KENYA = DemoActors.KENYA;
    static final Actor NATO = DemoActors.NATO;
    static final String HEADER = "reference;type;description;unit;pledged;delivered;pledged_on;delivered_on;releasability;rel_to\n";

    @Autowired
    ContributionImporter importer;
    @Autowired
    ContributionService contributions;
    @Autowired
    WorkstreamService workstreams;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    DSLContext dsl;
    @Autowired
    org.entente.workstream.PartnerDirectory partners;

    Workstream exercise;

    @BeforeEach
    void aWorkstreamKenyaTakesPartIn() {
        String title = "Import exercise " + UUID.randomUUID().toString().substring(0, 8);
        exercise = as(NORWAY, () -> workstreams.create(new WorkstreamDraft(title, "Imported pledges",
                Releasability.PARTICIPANTS, List.of(), "Indian Ocean", LocalDate.of(2026, 6, 1),
                LocalDate.of(2026, 7, 15), new KindDetails.Initiative(Mechanism.JOINT_EXERCISE, List.of("Interoperability")))));
        as(NORWAY, () -> { workstreams.invite(exercise.ref(), KENYA.tenantId(), ParticipantRole.CONTRIBUTOR); return null; });
        as(KENYA, () -> { workstreams.respond(exercise.ref(), true); return null; });
    }

    @Test
    void aFileWithAWrongRowStoresNothingAndSaysWhichCellIsWrong() {
        byte[] file = csv("KE-1;FUNDING;Patrol boats fuel;EUR;120000;;2026-01-10;;PARTICIPANTS;\n"
                + "KE-2;FUNDING;Training;EUR;1,500;;;;PARTICIPANTS;\n"
                + "KE-3;PERSONNEL;Instructors;PERSON_DAY;40;;;;REL_TO;Atlantis Ministry\n");

        ImportPlan<ContributionDraft, Contribution> preview = as(KENYA, () -> importer.preview(exercise.ref(), "kenya.csv", file));

        assertThat(preview.rows()).extracting(ImportPlan.Row::outcome)
                .containsExactly(Outcome.NEW, Outcome.ERROR, Outcome.ERROR);
        assertThat(preview.rows().get(1).problems()).singleElement().satisfies(p -> {
            assertThat(p.column()).isEqualTo(ImportColumn.PLEDGED);
            assertThat(p.text().toString()).contains("1,500", "thousands separator");
        });
        assertThat(preview.rows().get(2).problems()).extracting(ImportPlan.Problem::column)
                .containsExactly(ImportColumn.REL_TO);
        assertThatThrownBy(() -> as(KENYA, () -> importer.apply(exercise.ref(), "kenya.csv", file)))
                .isInstanceOf(InvalidInput.class).hasMessageContaining("2 rows have errors");
        assertThat(kenyasContributions()).isEmpty();
    }

    @Test
    void aGoodFileIsStoredWholeAndImportingItAgainChangesNothing() {
        byte[] file = csv("KE-1;FUNDING;Patrol boats fuel;EUR;120000;20000;2026-01-10;2026-02-01;PARTICIPANTS;\n"
                + "KE-2;PERSONNEL;Instructors;PERSON_DAY;40;;;;REL_TO;" + "norway" + "\n"
                + ";IN_KIND;Berths in Mombasa;EUR;15000,50;;;;;\n");

        ImportPlan<ContributionDraft, Contribution> applied = as(KENYA, () -> importer.apply(exercise.ref(), "kenya.csv", file));

        assertThat(applied.summary().toString()).isEqualTo("3 new, 0 updated, 0 unchanged, 0 with errors");
        List<Contribution> stored = kenyasContributions();
        assertThat(stored).extracting(c -> c.pledgedAmount().stripTrailingZeros().toPlainString())
                .containsExactlyInAnyOrder("120000", "40", "15000.5");
        assertThat(stored).filteredOn(c -> c.unit().equals("PERSON_DAY")).singleElement()
                .satisfies(c -> assertThat(c.relTo()).containsExactly(NORWAY.tenantId()));
        // The audit log is the importing organization's own (row-level security): read as Kenya.
        assertThat(as(KENYA, () -> dsl.selectFrom(AUDIT_EVENT).where(AUDIT_EVENT.ACTION.eq("IMPORT"),
                AUDIT_EVENT.ENTITY_ID.eq(exercise.id().toString())).fetch())).hasSize(1);

        ImportPlan<ContributionDraft, Contribution> again = as(KENYA, () -> importer.apply(exercise.ref(), "kenya.csv", file));

        // The row without a reference cannot be recognised: it is new each time, as the preview says.
        assertThat(again.rows()).extracting(ImportPlan.Row::outcome)
                .containsExactly(Outcome.UNCHANGED, Outcome.UNCHANGED, Outcome.NEW);
        assertThat(kenyasContributions()).hasSize(4);
    }

    @Test
    void aChangedRowUpdatesTheContributionItsReferenceMade() {
        as(KENYA, () -> importer.apply(exercise.ref(), "kenya.csv",
                csv("KE-1;FUNDING;Patrol boats fuel;EUR;120000;;2026-01-10;;PARTICIPANTS;\n")));
        Contribution before = kenyasContributions().getFirst();

        ImportPlan<ContributionDraft, Contribution> changed = as(KENYA, () -> importer.apply(exercise.ref(), "kenya.csv",
                csv("KE-1;FUNDING;Patrol boats fuel;EUR;150000;50000;2026-01-10;2026-03-01;PARTICIPANTS;\n")));

        assertThat(changed.rows()).extracting(ImportPlan.Row::outcome).containsExactly(Outcome.UPDATE);
        Contribution after = kenyasContributions().getFirst();
        assertThat(after.id()).isEqualTo(before.id());
        assertThat(after.pledgedAmount()).isEqualByComparingTo("150000");
        assertThat(after.deliveredOn()).isEqualTo(LocalDate.of(2026, 3, 1));
        assertThat(after.version()).isEqualTo(before.version() + 1);
    }

    @Test
    void anOrganizationOutsideTheWorkstreamCanNeitherPreviewNorImport() {
        byte[] file = csv("NATO-1;FUNDING;Fuel;EUR;1000;;;;PARTICIPANTS;\n");

        assertThatThrownBy(() -> as(NATO, () -> importer.preview(exercise.ref(), "nato.csv", file)))
                .isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> as(NATO, () -> importer.apply(exercise.ref(), "nato.csv", file)))
                .isInstanceOf(NotAllowed.class);
        assertThat(as(NORWAY, () -> contributions.of(exercise.ref()))).isEmpty();
    }

    @Test
    void theTemplateReadsBackAsTheRightHeaderWithNoRows() {
        byte[] template = as(KENYA, () -> importer.template(Locale.FRENCH));

        assertThatThrownBy(() -> as(KENYA, () -> importer.preview(exercise.ref(), "modele.xlsx", template)))
                .isInstanceOf(ImportFileException.class).hasMessageContaining("no contributions");
    }

    /** The template lists the partner directory, which every partner sees: marked and labelled so, in its language. */
    @Test
    void theTemplateCarriesItsMarkingAndItsLabel() throws java.io.IOException {
        byte[] template = as(KENYA, () -> importer.template(Locale.FRENCH));

        var label = org.entente.label.standard.LabelBinding.read(template).orElseThrow().label();
        assertThat(label.releasability()).isEqualTo("ALL_PARTNERS");
        assertThat(label.releasableTo()).containsExactlyInAnyOrderElementsOf(
                as(KENYA, () -> partners.all()).stream().map(org.entente.workstream.Partner::name).toList());
        try (var workbook = new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
            assertThat(workbook.getSheetAt(1).getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("Marquage\u00a0: " + as(KENYA, () -> partners.marking(Locale.FRENCH,
                            org.entente.workstream.Releasability.ALL_PARTNERS, List.of(), KENYA.tenantId())));
        }
    }

    /**
     * ingrid.solberg (Norway) in the browser: a file with a wrong row is previewed with the row explained and cannot be
     * imported; the corrected file imports both rows, which the Contributions tab then lists.
     */
    @Test
    void aMemberPreviewsFixesAndImportsInTheBrowser() throws Exception {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory("import-journey");
        java.nio.file.Path wrong = dir.resolve("norway-pledges.csv");
        java.nio.file.Path fixed = dir.resolve("norway-pledges-fixed.csv");
        java.nio.file.Files.write(wrong, csv("NO-1;FUNDING;Fuel for the patrol;EUR;80000;;;;PARTICIPANTS;\n"
                + "NO-2;EQUIPMENT;Radios;EUR;2,500;;;;PARTICIPANTS;\n"));
        java.nio.file.Files.write(fixed, csv("NO-1;FUNDING;Fuel for the patrol;EUR;80000;;;;PARTICIPANTS;\n"
                + "NO-2;EQUIPMENT;Radios;EUR;2500;;;;PARTICIPANTS;\n"));
        try (org.entente.testing.Browser browser = new org.entente.testing.Browser()) {
            browser.open(appUrl("/workstream/" + exercise.id()));
            browser.signInAtKeycloak("ingrid.solberg", org.entente.keycloak.EntenteRealm.DEMO_PASSWORD);
            browser.click("tab-contributions");
            browser.click("import-contributions");
            upload(browser, wrong);
            browser.waitForText(org.openqa.selenium.By.id("contribution-import-summary"),
                    "1 new, 0 updated, 0 unchanged, 1 with errors");
            assertThat(browser.gridCells()).anySatisfy(cell -> assertThat(cell).contains("Pledged: 2,500 could be read two ways"));
            // (a vaadin-button is no form control: WebDriver's isEnabled does not see its disabled attribute)
            assertThat(browser.driver().findElement(org.openqa.selenium.By.id("apply-contribution-import"))
                    .getDomAttribute("disabled")).as("Import while a row has an error").isNotNull();
            browser.screenshot("60-import-preview-with-error");

            upload(browser, fixed);
            browser.waitForText(org.openqa.selenium.By.id("contribution-import-summary"),
                    "2 new, 0 updated, 0 unchanged, 0 with errors");
            assertThat(as(NORWAY, () -> contributions.of(exercise.ref()))).as("nothing stored before the confirmation").isEmpty();
            browser.click("apply-contribution-import");
            browser.waitForText(org.openqa.selenium.By.id("contributions"), "Radios");
            browser.screenshot("61-imported-contributions");
        }
        assertThat(as(NORWAY, () -> contributions.of(exercise.ref()))).extracting(Contribution::description)
                .containsExactlyInAnyOrder("Fuel for the patrol", "Radios");
    }

    private static void upload(org.entente.testing.Browser browser, java.nio.file.Path file) {
        org.openqa.selenium.WebElement upload = browser.waitFor(org.openqa.selenium.By.id("contribution-upload"));
        org.openqa.selenium.WebElement input = (org.openqa.selenium.WebElement)
                ((org.openqa.selenium.JavascriptExecutor) browser.driver()).executeScript(
                        "return arguments[0].querySelector('input[type=file]') "
                                + "|| arguments[0].shadowRoot.querySelector('input[type=file]');", upload);
        input.sendKeys(file.toAbsolutePath().toString());
    }

    private List<Contribution> kenyasContributions() {
        return as(KENYA, () -> contributions.of(exercise.ref())).stream()
                .filter(c -> c.contributor().id().equals(KENYA.tenantId())).toList();
    }

    private static byte[] csv(String rows) {
        return (HEADER + rows).getBytes(StandardCharsets.UTF_8);
    }

    private <T> T as(Actor actor, Supplier<T> work) {
        return new DemoActors(transactionManager).as(actor, work);
    }
}
