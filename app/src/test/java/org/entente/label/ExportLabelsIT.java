package org.entente.label;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.testing.DemoActors.KENYA;
import static org.entente.testing.DemoActors.NATO;
import static org.entente.testing.DemoActors.NORWAY;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.entente.assessment.Direction;
import org.entente.assessment.Disaggregation;
import org.entente.assessment.Frequency;
import org.entente.assessment.IndicatorDraft;
import org.entente.assessment.IndicatorUnit;
import org.entente.assessment.Objective;
import org.entente.assessment.ResultsExport;
import org.entente.assessment.ResultsService;
import org.entente.contribution.ContributionDraft;
import org.entente.contribution.ContributionService;
import org.entente.contribution.ContributionType;
import org.entente.initiative.Mechanism;
import org.entente.label.standard.ConfidentialityLabel;
import org.entente.label.standard.LabelBinding;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Zips;
import org.entente.testing.DemoActors;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Participant.ParticipantRole;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Issue 20: every export carries a machine-readable label that names exactly the organizations of its marking, for
 * every releasability level. Norway's workstream (releasable to all partners) with Kenya contributing and NATO ACT
 * observing holds one record of the level; Norway exports it; the label is read back from the workbook (POI) and from
 * the CSV's zip, and compared with the visible marking of that record and with the organizations the level releases to.
 */
class ExportLabelsIT extends AppIntegrationTest {

    static final String NORWAY_NAME = "Kingdom of Norway";
    static final String KENYA_NAME = "Republic of Kenya";
    static final String NATO_NAME = "NATO Allied Command Transformation";

    /** The organizations each level releases Norway's record to, by name (the demo directory's). */
    static final Map<Releasability, List<String>> EXPECTED = Map.of(
            Releasability.PRIVATE, List.of(NORWAY_NAME),
            Releasability.REL_TO, List.of(NORWAY_NAME, KENYA_NAME),
            Releasability.PARTICIPANTS, List.of(NORWAY_NAME, NATO_NAME, KENYA_NAME),
            Releasability.ALL_PARTNERS, List.of(NORWAY_NAME, NATO_NAME, KENYA_NAME));

    @Autowired
    ResultsExport export;
    @Autowired
    ResultsService results;
    @Autowired
    ContributionService contributions;
    @Autowired
    WorkstreamService workstreams;
    @Autowired
    PartnerDirectory partners;
    @Autowired
    PlatformTransactionManager transactionManager;

    DemoActors actors;
    Workstream w;

    @BeforeEach
    void workstream() {
        actors = new DemoActors(transactionManager);
        w = actors.as(NORWAY, () -> workstreams.create(new WorkstreamDraft("Labels " + UUID.randomUUID(), "",
                Releasability.ALL_PARTNERS, List.of(), "Baltic", LocalDate.of(2025, 1, 1), null,
                new KindDetails.Initiative(Mechanism.CAPACITY_BUILDING, List.of()))));
        actors.run(NORWAY, () -> workstreams.invite(w.ref(), KENYA.tenantId(), ParticipantRole.CONTRIBUTOR));
        actors.run(KENYA, () -> workstreams.respond(w.ref(), true));
        actors.run(NORWAY, () -> workstreams.invite(w.ref(), NATO.tenantId(), ParticipantRole.OBSERVER));
        actors.run(NATO, () -> workstreams.respond(w.ref(), true));
    }

    @ParameterizedTest
    @EnumSource(Releasability.class)
    void theResultsWorkbooksLabelNamesExactlyTheOrganizationsOfItsMarking(Releasability level) throws IOException {
        List<UUID> relTo = level == Releasability.REL_TO ? List.of(KENYA.tenantId()) : List.of();
        Objective objective = actors.as(NORWAY, () -> results.addObjective(w.ref(), "Labelled objective"));
        actors.as(NORWAY, () -> results.defineIndicator(w.ref(), new IndicatorDraft(objective.id(),
                "Labelled indicator", IndicatorUnit.NUMBER, Direction.HIGHER, Disaggregation.NONE, null, null,
                BigDecimal.TEN, LocalDate.now().plusYears(1), Frequency.YEARLY, NORWAY.tenantId(), level, relTo)));

        ResultsExport.File file = actors.as(NORWAY, () -> export.workbook(w.ref()));
        LabelBinding.Bound bound = LabelBinding.read(file.content()).orElseThrow();
        ConfidentialityLabel label = bound.label();
        String marking;
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            // Indicators sheet, first data row, column "marking" (the eleventh).
            marking = new DataFormatter().formatCellValue(workbook.getSheetAt(0).getRow(1).getCell(10));
        }
        assertLabelMatchesMarking(label, level, relTo, marking);
        assertThat(bound.references()).contains("pack:///xl/workbook.xml", "pack:///xl/worksheets/sheet1.xml",
                "pack:///docProps/core.xml");
    }

    @ParameterizedTest
    @EnumSource(Releasability.class)
    void theContributionsExportCarriesItsLabelBesideTheCsv(Releasability level) throws IOException {
        List<UUID> relTo = level == Releasability.REL_TO ? List.of(KENYA.tenantId()) : List.of();
        actors.as(NORWAY, () -> contributions.pledge(w.ref(), new ContributionDraft(ContributionType.FUNDING,
                "Labelled pledge", "EUR", new BigDecimal("1000"), null, null, null, level, relTo)));

        ExportLabels.LabelledFile file = actors.as(NORWAY, () -> contributions.exportLabelled(w.ref()));
        assertThat(file.name()).isEqualTo("contributions.zip");
        assertThat(file.contentType()).isEqualTo("application/zip");
        Map<String, byte[]> entries = Zips.entries(file.content());
        assertThat(entries.keySet()).containsExactly("contributions.csv", "contributions.csv.label.xml");
        byte[] csv = entries.get("contributions.csv");
        LabelBinding.Bound bound = LabelBinding.readSidecar(entries.get("contributions.csv.label.xml"));
        assertThat(bound.references()).containsExactly("contributions.csv");
        assertThat(new String(entries.get("contributions.csv.label.xml"), StandardCharsets.UTF_8))
                .contains(sha256(csv));
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new java.io.StringReader(new String(csv, StandardCharsets.UTF_8))).getRecords();
        assertThat(rows).hasSize(1);
        assertLabelMatchesMarking(bound.label(), level, relTo, rows.getFirst().get("releasability"));
    }

    @ParameterizedTest
    @EnumSource(Releasability.class)
    void theResultsCsvAndIatiCarryTheirLabelsBesideThem(Releasability level) {
        List<UUID> relTo = level == Releasability.REL_TO ? List.of(KENYA.tenantId()) : List.of();
        Objective objective = actors.as(NORWAY, () -> results.addObjective(w.ref(), "Labelled objective"));
        actors.as(NORWAY, () -> results.defineIndicator(w.ref(), new IndicatorDraft(objective.id(),
                "Labelled indicator", IndicatorUnit.NUMBER, Direction.HIGHER, Disaggregation.NONE, null, null,
                BigDecimal.TEN, LocalDate.now().plusYears(1), Frequency.YEARLY, NORWAY.tenantId(), level, relTo)));

        for (ResultsExport.File file : List.of(actors.as(NORWAY, () -> export.csvLabelled(w.ref())),
                actors.as(NORWAY, () -> export.iatiLabelled(w.ref())))) {
            assertThat(file.contentType()).isEqualTo("application/zip");
            Map<String, byte[]> entries = Zips.entries(file.content());
            assertThat(entries).hasSize(2);
            String data = entries.keySet().iterator().next();
            assertThat(data).matches(".*\\.(csv|iati\\.xml)");
            assertThat(file.name()).isEqualTo(data.substring(0, data.lastIndexOf('.')) + ".zip");
            LabelBinding.Bound bound = LabelBinding.readSidecar(entries.get(data + ".label.xml"));
            assertThat(bound.references()).containsExactly(data);
            assertThat(new String(entries.get(data + ".label.xml"), StandardCharsets.UTF_8))
                    .contains(sha256(entries.get(data)));
            // The workstream is released to all partners; the indicator narrows it: the label is the narrowest.
            String marking = actors.as(NORWAY, () -> partners.marking(level, relTo, NORWAY.tenantId()));
            assertLabelMatchesMarking(bound.label(), level, relTo, marking);
        }
    }

    /**
     * The label's releasability is the record's; its organizations are the ones the level releases the record to
     * (the rule the marking names its organizations by), and for REL TO the very organizations the marking names.
     */
    private void assertLabelMatchesMarking(ConfidentialityLabel label, Releasability level, List<UUID> relTo,
            String marking) {
        assertThat(marking).as("the visible marking").isEqualTo(partners.marking(level, relTo, NORWAY.tenantId()));
        assertThat(label.releasability()).isEqualTo(level.name());
        assertThat(label.releasableTo()).as(level.name()).containsExactlyInAnyOrderElementsOf(EXPECTED.get(level));
        assertThat(label.policyIdentifier()).isEqualTo("ENTENTE");
        assertThat(label.classification()).isEqualTo("UNCLASSIFIED");
        if (level == Releasability.REL_TO) {
            Map<String, String> aliasByName = new LinkedHashMap<>();
            partners.all().forEach(p -> aliasByName.put(p.name(), p.alias().toUpperCase()));
            List<String> named = List.of(marking.substring("REL TO ".length()).split(", "));
            assertThat(label.releasableTo()).extracting(aliasByName::get).containsExactlyInAnyOrderElementsOf(named);
        }
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
