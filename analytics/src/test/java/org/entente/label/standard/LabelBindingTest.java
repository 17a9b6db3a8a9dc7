package org.entente.label.standard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.Period;
import java.util.List;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackagingURIHelper;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;

/** The label and its bindings, read back as another program would: POI for the package, a DOM for the XML. */
class LabelBindingTest {

    static final LabelPolicy POLICY = new LabelPolicy("EXAMPLE", "urn:oid:2.25.1234", "RESTRICTED", Period.ofYears(1));
    static final Instant AT = Instant.parse("2026-12-08T01:30:00Z");

    @Test
    void aWorkbooksLabelIsACustomXmlPartRelatedFromTheWorkbookThatReferencesEveryPart() throws Exception {
        ConfidentialityLabel label = ConfidentialityLabel.of(POLICY, "REL_TO",
                List.of("Kingdom of Norway", "Republic of Kenya", "A <&> \"quoted\" partner"), AT);
        byte[] bytes;
        try (XSSFWorkbook workbook = new XSSFWorkbook()) {
            workbook.createSheet("One").createRow(0).createCell(0).setCellValue("figures");
            workbook.createSheet("Two");
            workbook.getProperties().getCustomProperties().addProperty("Marking", "REL TO NORWAY, KENYA");
            LabelBinding.bind(workbook, label);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            workbook.write(out);
            bytes = out.toByteArray();
        }
        LabelBinding.Bound bound = LabelBinding.read(bytes).orElseThrow();
        assertThat(bound.label()).isEqualTo(label);
        assertThat(bound.label().releasableTo()).containsExactly("Kingdom of Norway", "Republic of Kenya",
                "A <&> \"quoted\" partner");
        assertThat(bound.label().review()).isEqualTo(Instant.parse("2027-12-08T01:30:00Z"));
        assertThat(bound.references()).contains("pack:///xl/workbook.xml", "pack:///xl/worksheets/sheet1.xml",
                "pack:///xl/worksheets/sheet2.xml", "pack:///xl/styles.xml", "pack:///docProps/core.xml",
                "pack:///docProps/app.xml", "pack:///docProps/custom.xml")
                .allMatch(uri -> uri.startsWith("pack:///"))
                .noneMatch(uri -> uri.contains("customXml") || uri.contains("_rels"));

        try (OPCPackage pkg = OPCPackage.open(new ByteArrayInputStream(bytes))) {
            PackagePart item = pkg.getPart(PackagingURIHelper.createPartName("/customXml/item1.xml"));
            assertThat(item.getContentType()).isEqualTo("application/xml");
            String xml = new String(item.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(xml).contains("urn:nato:stanag:4778:bindinginformation:1:0",
                    "urn:nato:stanag:4774:confidentialitymetadatalabel:1:0", "Type=\"PERMISSIVE\"",
                    "TagName=\"Releasable To\"", "URI=\"urn:oid:2.25.1234\"", "&lt;&amp;&gt;")
                    .doesNotContain("<mb:Data>");
            PackagePart props = pkg.getPart(PackagingURIHelper.createPartName("/customXml/itemProps1.xml"));
            assertThat(props.getContentType()).isEqualTo(LabelBinding.ITEM_PROPS_TYPE);
            assertThat(item.getRelationshipsByType(LabelBinding.CUSTOM_XML_PROPS).size()).isOne();
        }
        // Still a workbook POI opens, with its sheets.
        try (XSSFWorkbook reopened = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(reopened.getSheetAt(0).getRow(0).getCell(0).getStringCellValue()).isEqualTo("figures");
        }
    }

    @Test
    void aStreamedWorkbookKeepsItsLabelAndItsStreamedSheets() throws IOException {
        ConfidentialityLabel label = ConfidentialityLabel.of(LabelPolicy.DEFAULT, "PRIVATE",
                List.of("Kingdom of Norway"), AT);
        byte[] bytes;
        try (XSSFWorkbook template = new XSSFWorkbook(); SXSSFWorkbook streamed = new SXSSFWorkbook(template, 10)) {
            var sheet = streamed.createSheet("Rows");
            for (int i = 0; i < 100; i++) {
                sheet.createRow(i).createCell(0).setCellValue(i);
            }
            LabelBinding.bind(template, label);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            streamed.write(out);
            streamed.dispose();
            bytes = out.toByteArray();
        }
        LabelBinding.Bound bound = LabelBinding.read(bytes).orElseThrow();
        assertThat(bound.label().releasableTo()).containsExactly("Kingdom of Norway");
        assertThat(bound.references()).contains("pack:///xl/worksheets/sheet1.xml");
        try (XSSFWorkbook reopened = new XSSFWorkbook(new ByteArrayInputStream(bytes))) {
            assertThat(reopened.getSheetAt(0).getLastRowNum()).isEqualTo(99);
        }
    }

    @Test
    void aCsvGetsADetachedBindingThatNamesItAndHoldsItsDigest() {
        byte[] csv = "contributor,type\r\n\"Kingdom of Norway\",FUNDING\r\n".getBytes(StandardCharsets.UTF_8);
        ConfidentialityLabel label = ConfidentialityLabel.of(LabelPolicy.DEFAULT, "PARTICIPANTS",
                List.of("Kingdom of Norway", "Republic of Kenya"), AT);
        byte[] sidecar = LabelBinding.sidecar(label, "contributions.csv", "text/csv", csv);
        LabelBinding.Bound bound = LabelBinding.readSidecar(sidecar);
        assertThat(bound.label()).isEqualTo(label);
        assertThat(bound.references()).containsExactly("contributions.csv");
        assertThat(new String(sidecar, StandardCharsets.UTF_8))
                .contains("xmime:contentType=\"text/csv\"", LabelBinding.sha256(csv),
                        "<slab:GenericValue>PARTICIPANTS</slab:GenericValue>");
    }

    @Test
    void aLabelNamesSomebodyAndAPolicyUriIsAnOid() {
        assertThatThrownBy(() -> ConfidentialityLabel.of(LabelPolicy.DEFAULT, "PRIVATE", List.of(), AT))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new LabelPolicy("X", "https://example.org/policy", "U", null))
                .hasMessageContaining("urn:oid");
        assertThatThrownBy(() -> new LabelPolicy(" ", null, "U", null)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void readingRefusesADoctype() {
        byte[] hostile = ("<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e SYSTEM \"file:///etc/passwd\">]>"
                + "<x>&e;</x>").getBytes(StandardCharsets.UTF_8);
        assertThatThrownBy(() -> LabelBinding.readSidecar(hostile)).isInstanceOf(IllegalArgumentException.class);
    }
}
