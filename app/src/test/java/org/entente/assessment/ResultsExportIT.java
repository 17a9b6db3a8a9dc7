package org.entente.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.testing.DemoActors.KENYA;
import static org.entente.testing.DemoActors.NATO;
import static org.entente.testing.DemoActors.NORWAY;

import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import javax.xml.validation.Validator;
import javax.xml.xpath.XPath;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.entente.db.embedded.LocalPostgres;
import org.entente.db.tenancy.Actor;
import org.entente.initiative.Mechanism;
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
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/**
 * The results exports read back: the IATI 2.03 XML validated against the IATI schema (vendored under
 * src/test/resources/iati, CC BY 4.0, see LICENSE there) and its figures checked, the CSV parsed with Commons CSV, the
 * workbook reopened with POI; each holds what its reader may see and no more, and each is audited.
 */
class ResultsExportIT extends AppIntegrationTest {

    static final String HOSTILE = "=HYPERLINK(\"http://evil.example\") <script>alert('x')</script> & \"quotes\"";
    static final LocalDate BASELINE_DATE = LocalDate.of(2025, 1, 1);
    static final LocalDate TARGET_DATE = LocalDate.now().plusYears(2).withDayOfYear(1);

    @Autowired
    ResultsExport export;
    @Autowired
    ResultsService results;
    @Autowired
    AssessmentService assessments;
    @Autowired
    WorkstreamService workstreams;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    LocalPostgres postgres;

    DemoActors actors;
    SuperuserDatabase database;
    Workstream w;
    Indicator percent;
    Indicator yesNo;
    Indicator kenyaOnly;
    LocalDate[] period;

    @BeforeEach
    void workstreamWithResults() {
        actors = new DemoActors(transactionManager);
        database = new SuperuserDatabase(postgres);
        w = as(NORWAY, () -> workstreams.create(new WorkstreamDraft("Export " + UUID.randomUUID(), "Ports & people",
                Releasability.PARTICIPANTS, List.of(), "Baltic", LocalDate.of(2025, 1, 1), null,
                new KindDetails.Initiative(Mechanism.CAPACITY_BUILDING, List.of()))));
        actors.run(NORWAY, () -> workstreams.invite(w.ref(), KENYA.tenantId(), ParticipantRole.CONTRIBUTOR));
        actors.run(KENYA, () -> workstreams.respond(w.ref(), true));
        actors.run(NORWAY, () -> workstreams.invite(w.ref(), NATO.tenantId(), ParticipantRole.OBSERVER));
        actors.run(NATO, () -> workstreams.respond(w.ref(), true));
        Objective first = as(NORWAY, () -> results.addObjective(w.ref(), "Port security staff trained"));
        Objective second = as(NORWAY, () -> results.addObjective(w.ref(), HOSTILE));
        as(NORWAY, () -> results.addObjective(w.ref(), "Not measured yet"));
        percent = as(NORWAY, () -> results.defineIndicator(w.ref(), new IndicatorDraft(first.id(),
                "Share of inspectors certified", IndicatorUnit.PERCENT, Direction.HIGHER, Disaggregation.BY_PARTNER,
                new BigDecimal("20"), BASELINE_DATE, new BigDecimal("80"), TARGET_DATE, Frequency.QUARTERLY,
                KENYA.tenantId(), Releasability.PARTICIPANTS, List.of())));
        yesNo = as(NORWAY, () -> results.defineIndicator(w.ref(), new IndicatorDraft(second.id(), HOSTILE,
                IndicatorUnit.YES_NO, Direction.HIGHER, Disaggregation.NONE, null, null, BigDecimal.ONE, TARGET_DATE,
                Frequency.YEARLY, NORWAY.tenantId(), Releasability.PARTICIPANTS, List.of())));
        kenyaOnly = as(NORWAY, () -> results.defineIndicator(w.ref(), new IndicatorDraft(first.id(),
                "Kenyan-only incident count", IndicatorUnit.NUMBER, Direction.LOWER, Disaggregation.NONE,
                new BigDecimal("12"), BASELINE_DATE, new BigDecimal("3"), TARGET_DATE, Frequency.MONTHLY,
                KENYA.tenantId(), Releasability.REL_TO, List.of(KENYA.tenantId()))));
        period = ResultsServiceIT.lastEndedQuarter();
        Indicator seen = as(KENYA, () -> results.indicators(w.ref())).getFirst();
        as(KENYA, () -> results.enterMeasurement(seen, new MeasurementDraft(period[0], period[1], null,
                new BigDecimal("45.5"), "Inspection log", "-3 late: " + HOSTILE)));
        as(KENYA, () -> results.enterMeasurement(seen, new MeasurementDraft(period[0], period[1], KENYA.tenantId(),
                new BigDecimal("50"), null, null)));
        as(NORWAY, () -> assessments.record(w.ref(), new AssessmentDraft(AssessmentKind.INITIAL, AssessmentMode.SELF,
                null, null, BASELINE_DATE, "@SUM(A1) findings", Releasability.PARTICIPANTS, List.of(),
                Map.of(first.id(), 2), List.of(new RecommendationDraft("+ train more inspectors", KENYA.tenantId(),
                        null)))));
    }

    @Test
    void theIatiExportIsValidIati203AndHoldsTheResultsChain() throws Exception {
        ResultsExport.File file = as(NORWAY, () -> export.iati(w.ref()));
        assertThat(file.contentType()).isEqualTo("application/xml");
        assertThat(file.name()).startsWith("results-export-").endsWith(".xml");

        validateAgainstIati203(file.content());
        Document xml = parse(file.content());
        XPath x = XPathFactory.newInstance().newXPath();
        assertThat(x.evaluate("/iati-activities/@version", xml)).isEqualTo("2.03");
        assertThat(x.evaluate("//iati-activity/iati-identifier", xml)).isEqualTo("ENTENTE-NORWAY-" + w.id());
        assertThat(x.evaluate("//reporting-org/@ref", xml)).isEqualTo("ENTENTE-NORWAY");
        assertThat(x.evaluate("//reporting-org/@secondary-reporter", xml)).isEmpty();
        assertThat(x.evaluate("//iati-activity/description/narrative", xml)).isEqualTo("Ports & people");
        assertThat(x.evaluate("//participating-org[@role='4']/narrative", xml)).isEqualTo("Republic of Kenya");
        assertThat(x.evaluate("count(//result)", xml)).as("objectives with indicators").isEqualTo("2");
        assertThat(x.evaluate("//result[2]/title/narrative", xml)).isEqualTo(HOSTILE);
        assertThat(x.evaluate("count(//indicator)", xml)).isEqualTo("3");

        Element share = (Element) x.evaluate("//indicator[title/narrative='Share of inspectors certified']", xml,
                XPathConstants.NODE);
        assertThat(share.getAttribute("measure")).isEqualTo("2");
        assertThat(share.getAttribute("ascending")).isEqualTo("1");
        assertThat(x.evaluate("baseline/@year", share)).isEqualTo("2025");
        assertThat(x.evaluate("baseline/@iso-date", share)).isEqualTo("2025-01-01");
        assertThat(x.evaluate("baseline/@value", share)).isEqualTo("20");
        assertThat(x.evaluate("period[1]/period-start/@iso-date", share)).isEqualTo(period[0].toString());
        assertThat(x.evaluate("period[1]/period-end/@iso-date", share)).isEqualTo(period[1].toString());
        assertThat(x.evaluate("period[1]/actual[not(dimension)]/@value", share)).isEqualTo("45.5");
        assertThat(x.evaluate("period[1]/actual[not(dimension)]/comment/narrative", share))
                .isEqualTo("Source: Inspection log\n-3 late: " + HOSTILE);
        assertThat(x.evaluate("period[1]/actual[dimension/@value='Republic of Kenya']/@value", share)).isEqualTo("50");
        assertThat(x.evaluate("period[target]/period-start/@iso-date", share)).isEqualTo("2025-01-01");
        assertThat(x.evaluate("period[target]/period-end/@iso-date", share)).isEqualTo(TARGET_DATE.toString());
        assertThat(x.evaluate("period[target]/target/@value", share)).isEqualTo("80");

        Element yes = (Element) x.evaluate("//indicator[title/narrative=//result[2]/title/narrative]", xml,
                XPathConstants.NODE);
        assertThat(yes.getAttribute("measure")).isEqualTo("3");
        assertThat(x.evaluate("count(baseline)", yes)).isEqualTo("0");
        Element count = (Element) x.evaluate("//indicator[title/narrative='Kenyan-only incident count']", xml,
                XPathConstants.NODE);
        assertThat(count.getAttribute("measure")).isEqualTo("1");
        assertThat(count.getAttribute("ascending")).isEqualTo("0");
    }

    @Test
    void eachReaderExportsWhatItMaySeeAndOutsidersNothing() throws Exception {
        String kenya = new String(as(KENYA, () -> export.iati(w.ref())).content(), StandardCharsets.UTF_8);
        String nato = new String(as(NATO, () -> export.iati(w.ref())).content(), StandardCharsets.UTF_8);
        validateAgainstIati203(nato.getBytes(StandardCharsets.UTF_8));
        assertThat(kenya).contains("Kenyan-only incident count", "secondary-reporter=\"1\"");
        assertThat(nato).doesNotContain("Kenyan-only incident count").contains("Share of inspectors certified");
        assertThat(new String(as(NATO, () -> export.csv(w.ref())).content(), StandardCharsets.UTF_8))
                .doesNotContain("Kenyan-only incident count");
        assertThat(sheet(as(NATO, () -> export.workbook(w.ref())).content(), "Indicators"))
                .noneMatch(row -> row.contains("Kenyan-only incident count"));
        assertThatThrownBy(() -> as(ResultsServiceIT.NORTHWIND, () -> export.iati(w.ref())))
                .isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> as(ResultsServiceIT.NORTHWIND, () -> export.csv(w.ref())))
                .isInstanceOf(NotAllowed.class);
        assertThat(database.query("select count(*) from audit_event where action = 'EXPORT' and entity_type = 'results'"
                + " and entity_id = ? and tenant_id = ?", w.id().toString(), NATO.tenantId()).getFirst().getFirst())
                .isEqualTo(3L);
    }

    @Test
    void theCsvReadsBackWithFormulasDefused() throws Exception {
        ResultsExport.File file = as(NORWAY, () -> export.csv(w.ref()));
        assertThat(file.contentType()).isEqualTo("text/csv");
        List<CSVRecord> rows = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get()
                .parse(new StringReader(new String(file.content(), StandardCharsets.UTF_8))).getRecords();

        // The percent indicator: its total and Kenya's value; the yes/no and the count: no measurement yet.
        assertThat(rows).hasSize(4);
        CSVRecord total = rows.stream().filter(r -> r.get("indicator").equals("Share of inspectors certified")
                && r.get("partner").isEmpty()).findFirst().orElseThrow();
        assertThat(total.get("objective")).isEqualTo("Port security staff trained");
        assertThat(total.get("unit")).isEqualTo("PERCENT");
        assertThat(total.get("value")).isEqualTo("45.5");
        assertThat(total.get("baseline_value")).isEqualTo("20");
        assertThat(total.get("progress_percent")).isEqualTo("42.5");
        assertThat(total.get("period_start")).isEqualTo(period[0].toString());
        assertThat(total.get("responsible")).isEqualTo("Republic of Kenya");
        assertThat(total.get("marking")).isEqualTo("REL TO PARTICIPANTS");
        assertThat(total.get("note")).isEqualTo("'-3 late: " + HOSTILE);
        assertThat(total.get("entered_by")).isEqualTo("Amina Odhiambo (Republic of Kenya)");
        CSVRecord hostile = rows.stream().filter(r -> r.get("unit").equals("YES_NO")).findFirst().orElseThrow();
        assertThat(hostile.get("indicator")).isEqualTo("'" + HOSTILE);
        assertThat(hostile.get("objective")).isEqualTo("'" + HOSTILE);
        assertThat(hostile.get("status")).isEqualTo("NO_BASELINE");
        assertThat(hostile.get("period_start")).isEmpty();
        CSVRecord kenyaOnlyRow = rows.stream().filter(r -> r.get("unit").equals("NUMBER")).findFirst().orElseThrow();
        assertThat(kenyaOnlyRow.get("marking")).isEqualTo("REL TO NORWAY, KENYA");
    }

    @Test
    void theWorkbookReopensWithTypedCells() throws Exception {
        ResultsExport.File file = as(NORWAY, () -> export.workbook(w.ref()));
        assertThat(file.name()).endsWith(".xlsx");
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2), book.getSheetName(3)))
                    .containsExactly("Indicators", "Measurements", "Assessments", "Recommendations");
            Sheet indicators = book.getSheet("Indicators");
            assertThat(indicators.getLastRowNum()).isEqualTo(3);
            assertThat(indicators.getRow(1).getCell(1).getStringCellValue()).isEqualTo("Share of inspectors certified");
            assertThat(indicators.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(20.0);
            assertThat(indicators.getRow(1).getCell(5).getLocalDateTimeCellValue().toLocalDate()).isEqualTo(BASELINE_DATE);
            assertThat(indicators.getRow(1).getCell(12).getNumericCellValue()).isEqualTo(42.5);
            assertThat(indicators.getRow(2).getCell(1).getStringCellValue()).isEqualTo("Kenyan-only incident count");
            var hostile = indicators.getRow(3).getCell(1);
            assertThat(hostile.getCellType()).as("typed text stays text").isEqualTo(CellType.STRING);
            assertThat(hostile.getStringCellValue()).isEqualTo(HOSTILE);

            Sheet measurements = book.getSheet("Measurements");
            assertThat(measurements.getLastRowNum()).isEqualTo(2);
            assertThat(measurements.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(45.5);
            assertThat(measurements.getRow(2).getCell(4).getStringCellValue()).isEqualTo("Republic of Kenya");
            Sheet assessed = book.getSheet("Assessments");
            assertThat(assessed.getRow(1).getCell(4).getCellType()).isEqualTo(CellType.STRING);
            assertThat(assessed.getRow(1).getCell(4).getStringCellValue()).isEqualTo("@SUM(A1) findings");
            assertThat(assessed.getRow(1).getCell(5).getStringCellValue()).isEqualTo("Port security staff trained: 2");
            Sheet recommendations = book.getSheet("Recommendations");
            assertThat(recommendations.getRow(1).getCell(2).getStringCellValue()).isEqualTo("+ train more inspectors");
            assertThat(recommendations.getRow(1).getCell(3).getStringCellValue()).isEqualTo("Republic of Kenya");
        }
    }

    /** The workbook is for people: sheet names, headers and labels in the asker's language, numbers still numbers. */
    @Test
    void theWorkbookIsWrittenInTheLanguageOfWhoAsks() throws Exception {
        ResultsExport.File file = as(NORWAY, () -> export.workbook(w.ref(), Locale.FRANCE));
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(file.content()))) {
            assertThat(List.of(book.getSheetName(0), book.getSheetName(1), book.getSheetName(2), book.getSheetName(3)))
                    .containsExactly("Indicateurs", "Mesures", "Évaluations", "Recommandations");
            Sheet indicators = book.getSheet("Indicateurs");
            assertThat(indicators.getRow(0).getCell(1).getStringCellValue()).isEqualTo("Indicateur");
            assertThat(indicators.getRow(0).getCell(4).getStringCellValue()).isEqualTo("Valeur de référence");
            assertThat(indicators.getRow(1).getCell(2).getStringCellValue()).isEqualTo("Pourcentage");
            assertThat(indicators.getRow(1).getCell(4).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(indicators.getRow(1).getCell(4).getNumericCellValue()).isEqualTo(20.0);
            assertThat(indicators.getRow(1).getCell(12).getNumericCellValue()).isEqualTo(42.5);
            Sheet measurements = book.getSheet("Mesures");
            assertThat(measurements.getRow(0).getCell(5).getStringCellValue()).isEqualTo("Valeur");
            assertThat(measurements.getRow(1).getCell(5).getCellType()).isEqualTo(CellType.NUMERIC);
            assertThat(measurements.getRow(1).getCell(5).getNumericCellValue()).isEqualTo(45.5);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** javax.xml.validation against the vendored IATI 2.03 activity schema (it includes iati-common.xsd, xml.xsd). */
    static void validateAgainstIati203(byte[] document) throws Exception {
        URL schemaFile = ResultsExportIT.class.getResource("/iati/iati-activities-schema.xsd");
        assertThat(schemaFile).as("the vendored IATI schema").isNotNull();
        SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "file,jar");   // nothing from the network
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        Schema schema = factory.newSchema(schemaFile);
        Validator validator = schema.newValidator();
        List<String> problems = new ArrayList<>();
        validator.setErrorHandler(new org.xml.sax.helpers.DefaultHandler() {
            @Override
            public void error(org.xml.sax.SAXParseException e) {
                problems.add(e.getLineNumber() + ": " + e.getMessage());
            }

            @Override
            public void fatalError(org.xml.sax.SAXParseException e) {
                problems.add(e.getLineNumber() + ": " + e.getMessage());
            }
        });
        validator.validate(new StreamSource(new ByteArrayInputStream(document)));
        assertThat(problems).as("IATI 2.03 schema errors").isEmpty();
    }

    static Document parse(byte[] document) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(document));
    }

    /** Each row of a sheet as its cells' text. */
    static List<String> sheet(byte[] workbook, String name) {
        try (XSSFWorkbook book = new XSSFWorkbook(new ByteArrayInputStream(workbook))) {
            List<String> rows = new ArrayList<>();
            var formatter = new org.apache.poi.ss.usermodel.DataFormatter();
            book.getSheet(name).forEach(row -> {
                StringBuilder text = new StringBuilder();
                row.forEach(cell -> text.append(formatter.formatCellValue(cell)).append('|'));
                rows.add(text.toString());
            });
            return rows;
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private <T> T as(Actor actor, Supplier<T> work) {
        return actors.as(actor, work);
    }
}
