package org.entente.analytics.engine.briefing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.analytics.engine.briefing.BriefingFixture.ARLAND;
import static org.entente.analytics.engine.briefing.BriefingFixture.UNITY;
import static org.entente.analytics.engine.briefing.BriefingFixture.W2;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.apache.poi.ooxml.POIXMLProperties;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.AreaReference;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xddf.usermodel.XDDFSolidFillProperties;
import org.apache.poi.xddf.usermodel.chart.XDDFBarChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFChartData;
import org.apache.poi.xddf.usermodel.chart.XDDFLineChartData;
import org.apache.poi.xssf.usermodel.XSSFChart;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFTable;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.entente.analytics.engine.Analytics;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.Kpi;
import org.entente.analytics.engine.TestPostgres;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.rollup.CellText;
import org.entente.analytics.engine.rollup.Chart;
import org.entente.analytics.engine.rollup.Column;
import org.entente.analytics.engine.rollup.RollupTable;
import org.entente.analytics.engine.snapshot.SnapshotReader;
import org.entente.analytics.engine.snapshot.SnapshotStore;
import org.entente.label.standard.ConfidentialityLabel;
import org.entente.label.standard.LabelBinding;
import org.entente.label.standard.LabelPolicy;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Briefings written from the rollup fixture as a real snapshot file, reopened with POI. */
class BriefingWriterTest {

    private static final AnalyticsSettings SETTINGS = AnalyticsSettings.defaults();
    private static final Viewer COORDINATOR = Viewer.federation(UNITY);
    private static final Viewer MEMBER = Viewer.organization(ARLAND);
    private static final List<String> RANKED = List.of("REL TO ALL PARTNERS", "REL TO PARTICIPANTS",
            "REL TO NAMED PARTNERS", "PRIVATE");

    @TempDir
    Path directory;

    private final BriefingWriter writer = new BriefingWriter(SETTINGS);

    @Test
    void theFullBriefingHoldsEveryTableWithItsChartTableAndTheScreensCells() throws IOException {
        BriefingFixture.snapshot(directory);
        try (SnapshotStore store = new SnapshotStore(directory)) {
            AnalyticsReport report = new Analytics(store, SETTINGS).report(COORDINATOR, null);
            BriefingFixture.Written written = BriefingFixture.write(writer, store,
                    BriefingFixture.request(BriefingKind.FULL, null, COORDINATOR),
                    BriefingFixture.titles(BriefingFixture.TITLES));
            try (XSSFWorkbook workbook = written.workbook()) {
                List<String> names = sheetNames(workbook);
                assertThat(names).isEqualTo(written.result().sheetNames());
                assertThat(names.getFirst()).isEqualTo("Cover");
                assertThat(names.get(1)).isEqualTo("Key figures");
                assertThat(names.subList(names.size() - 3, names.size()))
                        .containsExactly("Notes", "Contributions", "Workstreams");
                assertThat(names).hasSize(report.tables().size() + 5);

                for (int i = 0; i < report.tables().size(); i++) {
                    RollupTable table = report.tables().get(i);
                    XSSFSheet sheet = workbook.getSheetAt(i + 2);
                    assertThat(text(sheet, 1, 0)).as("title of %s", sheet.getSheetName()).isEqualTo(table.title());
                    assertThat(table.rows()).as("the fixture has figures for %s", table.id()).isNotEmpty();
                    assertTableEqualsTheScreen(sheet, table);
                    assertOneChartThatPlotsOnlyPublishedFigures(sheet, table);
                }
                assertKeyFigures(workbook.getSheet("Key figures"), report, store);
                assertMarkedEverywhere(workbook, written.result().marking());
                assertThat(written.result().marking()).isEqualTo(expectedMarking(workbook, report));
                assertThat(text(workbook.getSheet("Cover"), 0, 0)).startsWith("PRIVATE");
                assertThat(written.result().empty()).isFalse();
                assertThat(written.result().snapshot().file().getFileName().toString())
                        .isEqualTo("snapshot-20250630-080000000.duckdb");
                assertThat(written.steps().getLast()).startsWith("1.0");

                // The coordinator's organization (Unity) sees W1 and W4 and three contributions on them, none its own.
                assertThat(dataRows(workbook.getSheet("Contributions"))).hasSize(3);
                assertThat(dataRows(workbook.getSheet("Workstreams"))).extracting(r -> r.get(0))
                        .containsExactlyInAnyOrder("Baltic Shield exercise", "Sahel security support");
                assertThat(written.result().detailRows()).isEqualTo(5);
                assertThat(written.ledger()).extracting(e -> e[2].toString()).containsExactlyInAnyOrder(
                        contribution(1), contribution(2), contribution(8));
            }
        }
    }

    @Test
    void eachBriefingHoldsItsOwnTables() throws IOException {
        BriefingFixture.snapshot(directory);
        try (SnapshotStore store = new SnapshotStore(directory)) {
            AnalyticsReport report = new Analytics(store, SETTINGS).report(COORDINATOR, null);
            for (BriefingKind kind : BriefingKind.values()) {
                BriefingFixture.Written written = BriefingFixture.write(writer, store,
                        BriefingFixture.request(kind, null, COORDINATOR), null);
                List<String> titles = new ArrayList<>();
                try (XSSFWorkbook workbook = written.workbook()) {
                    List<RollupTable> tables = report.tables().stream().filter(t -> kind.includes(t.id())).toList();
                    for (int i = 2; i < workbook.getNumberOfSheets() - 3; i++) {
                        titles.add(text(workbook.getSheetAt(i), 1, 0));
                        assertThat(charts(workbook.getSheetAt(i))).as("charts on %s", workbook.getSheetAt(i)
                                .getSheetName()).isEqualTo(nothingToRank(tables.get(i - 2)) ? 0 : 1);
                    }
                }
                assertThat(titles).as(kind.name()).containsExactlyElementsOf(report.tables().stream()
                        .filter(t -> kind.includes(t.id())).map(RollupTable::title).toList());
            }
            assertThat(BriefingKind.RND_STATUS.includes("rnd")).isTrue();
            assertThat(BriefingKind.RND_STATUS.includes("portfolio")).isFalse();
            assertThat(BriefingKind.FULL.includes("data-completeness")).isTrue();
            assertThat(BriefingKind.BURDEN_SHARING.slug()).isEqualTo("burden-sharing");
        }
    }

    @Test
    void theDetailSheetsHoldEveryRecordTheOrganizationMaySee() throws IOException {
        BriefingFixture.snapshot(directory);
        try (SnapshotStore store = new SnapshotStore(directory)) {
            BriefingFixture.Written written = BriefingFixture.write(writer, store,
                    BriefingFixture.request(BriefingKind.BURDEN_SHARING, null, MEMBER),
                    BriefingFixture.titles(BriefingFixture.TITLES));
            try (XSSFWorkbook workbook = written.workbook()) {
                XSSFSheet contributions = workbook.getSheet("Contributions");
                assertThat(text(contributions, 1, 0)).isEqualTo("Workstream");
                List<List<String>> rows = dataRows(contributions);
                // Arland sees c1-c6 and c8: not c7 (W3 is private to Carpania and Xeno) nor c9 (private to Xeno).
                assertThat(rows).hasSize(7);
                assertThat(rows).contains(List.of("Winter logistics", "Borduria", "Arland", "Shared initiative",
                        "Personnel", "PERSON_DAY", "€400.00", "€100.00", "2022-05-05", "2022-07-01",
                        "REL TO PARTICIPANTS"));
                assertThat(rows).contains(List.of("Baltic Shield exercise", "Arland", "Carpania", "Shared initiative",
                        "Equipment", "EUR", "€300.00", "€100.00", "2024-01-20", "2024-02-05", "REL TO NAMED PARTNERS"));
                Row first = contributions.getRow(2);
                assertThat(first.getCell(6).getCellType()).isEqualTo(CellType.NUMERIC);
                assertThat(DateUtil.isCellDateFormatted(first.getCell(8))).isTrue();
                assertThat(contributions.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 2);
                assertThat(contributions.getCTWorksheet().getAutoFilter().getRef()).isEqualTo("A2:K9");
                // The ledger hears of the other organizations' contributions only: c2, c3, c4 and c6.
                assertThat(written.ledger()).extracting(e -> e[2].toString()).containsExactlyInAnyOrder(
                        contribution(2), contribution(3), contribution(4), contribution(6));
                assertThat(written.ledger()).anySatisfy(e -> assertThat(e).containsExactly(
                        BriefingFixture.BORDURIA, W2, UUID.fromString(contribution(4))));

                assertThat(dataRows(workbook.getSheet("Workstreams"))).containsExactlyInAnyOrder(
                        List.of("Baltic Shield exercise", "Shared initiative", "Active", "Arland", "EUROPE",
                                "2023-01-01", "2024-12-31", "REL TO ALL PARTNERS"),
                        List.of("Winter logistics", "Shared initiative", "Completed", "Borduria", "",
                                "2022-01-01", "2023-06-30", "REL TO PARTICIPANTS"),
                        List.of("Sahel security support", "Non-state partner engagement", "Active", "Nexus NGO",
                                "SAHEL", "2024-03-01", "", "REL TO ALL PARTNERS"));
                assertThat(written.result().detailRows()).isEqualTo(10);
                assertThat(written.result().marking()).isEqualTo(expectedMarking(workbook,
                        new Analytics(store, SETTINGS).report(MEMBER, null)));
            }

            // The scope cuts the detail as it cuts the figures: contributions pledged in 2023 on initiatives.
            BriefingFixture.Written cut = BriefingFixture.write(writer, store, BriefingFixture.request(
                    BriefingKind.BURDEN_SHARING, new AnalyticsFilter(2023, 2023, null, null, "INITIATIVE"), MEMBER),
                    BriefingFixture.titles(BriefingFixture.TITLES));
            try (XSSFWorkbook workbook = cut.workbook()) {
                assertThat(dataRows(workbook.getSheet("Contributions"))).extracting(r -> r.get(8))
                        .containsExactlyInAnyOrder("2023-02-10", "2023-03-15", "2023-01-10");
                assertThat(dataRows(workbook.getSheet("Workstreams"))).extracting(r -> r.get(0))
                        .containsExactlyInAnyOrder("Baltic Shield exercise", "Winter logistics");
            }
        }
    }

    @Test
    void detailRowsContinueOnTheNextSheetPastTheRowLimit() throws IOException {
        BriefingFixture.snapshot(directory);
        try (SnapshotStore store = new SnapshotStore(directory)) {
            BriefingFixture.Written written = BriefingFixture.write(writer.withRowsPerSheet(3), store,
                    BriefingFixture.request(BriefingKind.RND_STATUS, null, MEMBER),
                    BriefingFixture.titles(BriefingFixture.TITLES));
            assertThat(written.result().sheetNames()).containsSubsequence("Contributions", "Contributions (2)",
                    "Contributions (3)", "Workstreams");
            assertThat(written.result().sheetNames()).doesNotContain("Contributions (4)", "Workstreams (2)");
            try (XSSFWorkbook workbook = written.workbook()) {
                List<List<String>> all = new ArrayList<>();
                int[] sizes = new int[3];
                for (int i = 0; i < 3; i++) {
                    XSSFSheet sheet = workbook.getSheet(i == 0 ? "Contributions" : "Contributions (" + (i + 1) + ")");
                    assertThat(text(sheet, 0, 0)).startsWith(written.result().marking());
                    assertThat(text(sheet, 1, 0)).isEqualTo("Workstream");
                    List<List<String>> rows = dataRows(sheet);
                    sizes[i] = rows.size();
                    all.addAll(rows);
                }
                assertThat(sizes).containsExactly(3, 3, 1);
                assertThat(new HashSet<>(all)).hasSize(7);
                Set<String> contents = new LinkedHashSet<>();
                for (Row row : workbook.getSheet("Cover")) {
                    Cell cell = row.getCell(0);
                    if (cell != null && cell.getHyperlink() != null) {
                        contents.add(cell.getStringCellValue());
                        assertThat(cell.getHyperlink().getAddress()).isEqualTo(
                                "'" + cell.getStringCellValue().replace("'", "''") + "'!A1");
                    }
                }
                assertThat(contents).containsExactlyElementsOf(written.result().sheetNames().subList(1,
                        written.result().sheetNames().size()));
            }
        }
        assertThatThrownBy(() -> writer.withRowsPerSheet(0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> writer.withRowsPerSheet(BriefingWriter.MAX_ROWS_PER_SHEET + 1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theInMemoryBuildWritesTheSameWorkbookAsTheStreamedOne() throws IOException {
        BriefingFixture.snapshot(directory);
        try (SnapshotStore store = new SnapshotStore(directory)) {
            BriefingRequest request = BriefingFixture.request(BriefingKind.FULL, null, COORDINATOR);
            BriefingFixture.Written streamed = BriefingFixture.write(writer.withRowsPerSheet(2), store, request,
                    BriefingFixture.titles(BriefingFixture.TITLES));
            BriefingFixture.Written inMemory = BriefingFixture.write(writer.withRowsPerSheet(2).inMemory(), store,
                    request, BriefingFixture.titles(BriefingFixture.TITLES));
            assertThat(inMemory.result()).isEqualTo(streamed.result());
            assertThat(inMemory.ledger()).hasSameSizeAs(streamed.ledger());
            try (XSSFWorkbook a = streamed.workbook(); XSSFWorkbook b = inMemory.workbook()) {
                assertThat(sheetNames(b)).isEqualTo(sheetNames(a)).contains("Contributions (2)");
                for (int i = 0; i < a.getNumberOfSheets(); i++) {
                    XSSFSheet sheet = a.getSheetAt(i);
                    assertThat(allText(b.getSheetAt(i))).as("cells of %s", sheet.getSheetName())
                            .isEqualTo(allText(sheet));
                    assertThat(b.getSheetAt(i).getDrawingPatriarch() == null ? 0
                            : b.getSheetAt(i).getDrawingPatriarch().getCharts().size())
                            .as("charts of %s", sheet.getSheetName())
                            .isEqualTo(sheet.getDrawingPatriarch() == null ? 0
                                    : sheet.getDrawingPatriarch().getCharts().size());
                }
                assertThat(b.getSheet("Contributions").getCTWorksheet().getAutoFilter().getRef())
                        .isEqualTo(a.getSheet("Contributions").getCTWorksheet().getAutoFilter().getRef());
            }
        }
    }

    @Test
    void formulaLikeNamesAndTitlesStayText() throws IOException {
        BriefingFixture.payloadSnapshot(directory);
        try (SnapshotStore store = new SnapshotStore(directory)) {
            Set<String> seen = new HashSet<>();
            for (Viewer viewer : List.of(MEMBER, COORDINATOR)) {
                BriefingFixture.Written written = BriefingFixture.write(writer, store,
                        BriefingFixture.request(BriefingKind.FULL, null, viewer),
                        BriefingFixture.titles(BriefingFixture.PAYLOAD_TITLES));
                try (XSSFWorkbook workbook = written.workbook()) {
                    for (Sheet sheet : workbook) {
                        for (Row row : sheet) {
                            for (Cell cell : row) {
                                assertThat(cell.getCellType()).as("%s!%s", sheet.getSheetName(),
                                        cell.getAddress()).isNotEqualTo(CellType.FORMULA);
                                if (cell.getCellType() == CellType.STRING
                                        && BriefingFixture.PAYLOADS.contains(cell.getStringCellValue())) {
                                    seen.add(cell.getStringCellValue());
                                    assertThat(cell.getCellStyle().getQuotePrefixed()).as("%s!%s quote prefixed",
                                            sheet.getSheetName(), cell.getAddress()).isTrue();
                                }
                            }
                        }
                    }
                }
            }
            assertThat(seen).as("payloads written as text").containsExactlyInAnyOrderElementsOf(BriefingFixture.PAYLOADS);
        }
    }

    @Test
    void anEmptyScopeGivesAWorkbookThatSaysSo() throws IOException {
        BriefingFixture.snapshot(directory);
        try (SnapshotStore store = new SnapshotStore(directory)) {
            AnalyticsFilter nothing = new AnalyticsFilter(2090, 2091, null, null, "RND_PROJECT");
            BriefingFixture.Written written = BriefingFixture.write(writer, store,
                    BriefingFixture.request(BriefingKind.FULL, nothing, COORDINATOR), null);
            assertThat(written.result().empty()).isTrue();
            assertThat(written.result().detailRows()).isZero();
            assertThat(written.result().marking()).isEqualTo("REL TO ALL PARTNERS");
            try (XSSFWorkbook workbook = written.workbook()) {
                assertThat(allText(workbook.getSheet("Cover"))).contains("No data in this scope")
                        .contains("Years: 2090–2091").contains("Workstream kind: Joint R&D project");
                assertThat(allText(workbook.getSheet("Contributions"))).contains("No contributions in this scope.");
                assertThat(allText(workbook.getSheet("Key figures"))).contains("2088–2089 (previous period)");
                assertMarkedEverywhere(workbook, "REL TO ALL PARTNERS");
            }
            // ... and a scope with data does not.
            BriefingFixture.Written some = BriefingFixture.write(writer, store,
                    BriefingFixture.request(BriefingKind.FULL, new AnalyticsFilter(2024, 2024, null, null, null),
                            COORDINATOR), null);
            assertThat(some.result().empty()).isFalse();
            try (XSSFWorkbook workbook = some.workbook()) {
                assertThat(allText(workbook.getSheet("Cover"))).doesNotContain("No data in this scope");
            }
        }
    }

    @Test
    void aFailureSaysWhyInOneSentence() {
        try (SnapshotStore store = new SnapshotStore(directory)) {
            assertThatThrownBy(() -> BriefingFixture.write(writer, store,
                    BriefingFixture.request(BriefingKind.FULL, null, COORDINATOR), null))
                    .isInstanceOf(BriefingFailedException.class).hasMessageContaining("snapshot");
        }
        BriefingFixture.snapshot(directory);
        try (SnapshotStore store = new SnapshotStore(directory)) {
            assertThatThrownBy(() -> BriefingFixture.write(writer, store,
                    BriefingFixture.request(BriefingKind.FULL, new AnalyticsFilter(2030, 2020, null, null, null),
                            COORDINATOR), null))
                    .isInstanceOf(BriefingFailedException.class).hasMessageContaining("before the first year");
            assertThatThrownBy(() -> BriefingFixture.write(writer, store,
                    BriefingFixture.request(BriefingKind.FULL, null, MEMBER), (tenant, workstream) -> {
                        throw new IllegalStateException("The title service is down");
                    }))
                    .isInstanceOf(BriefingFailedException.class)
                    .hasMessage("The briefing could not be written: The title service is down");
            OutputStream broken = new OutputStream() {
                @Override
                public void write(int b) throws IOException {
                    throw new IOException("No space left on device");
                }

                @Override
                public void write(byte[] b, int off, int len) throws IOException {
                    throw new IOException("No space left on device");
                }
            };
            assertThatThrownBy(() -> writer.write(store, BriefingFixture.request(BriefingKind.FULL, null, MEMBER),
                    null, null, null, broken))
                    .isInstanceOf(BriefingFailedException.class)
                    .hasMessageStartingWith("The workbook could not be written")
                    .hasMessageContaining("No space left on device");
        }
    }

    @Test
    void aRefreshDuringWritingDoesNotMixTwoSnapshots() throws IOException {
        Path fixture = BriefingFixture.snapshot(directory);
        try (SnapshotStore store = new SnapshotStore(directory)) {
            boolean[] refreshed = {false};
            WorkstreamTitles refreshing = (tenant, workstream) -> {
                if (!refreshed[0]) {
                    refreshed[0] = true;   // while the detail rows are being written
                    store.refresh(TestPostgres.analytics(), null);
                }
                return BriefingFixture.TITLES.get(workstream);
            };
            BriefingFixture.Written during = BriefingFixture.write(writer, store,
                    BriefingFixture.request(BriefingKind.FULL, null, MEMBER), refreshing);
            assertThat(refreshed[0]).isTrue();
            try (SnapshotReader now = store.open()) {
                assertThat(now.info().file()).isNotEqualTo(fixture);
            }
            assertThat(during.result().snapshot().file()).isEqualTo(fixture);
            assertThat(Files.exists(fixture)).as("the superseded file goes once its reader closed").isFalse();
            try (XSSFWorkbook workbook = during.workbook()) {
                // Everything is the fixture's: its ten detail rows, its partners, its as-of date.
                assertThat(dataRows(workbook.getSheet("Contributions"))).hasSize(7);
                assertThat(dataRows(workbook.getSheet("Workstreams"))).hasSize(3);
                assertThat(allText(workbook.getSheet("Burden sharing"))).contains("Borduria");
                assertThat(allText(workbook.getSheet("Cover"))).contains("2025-06-30 08:00 UTC");
            }
            BriefingFixture.Written after = BriefingFixture.write(writer, store,
                    BriefingFixture.request(BriefingKind.FULL, null, MEMBER), null);
            assertThat(after.result().snapshot().file()).isNotEqualTo(fixture);
            assertThat(after.result().snapshot().takenAt()).isAfter(during.result().snapshot().takenAt());
        }
    }

    @Test
    void periodsToCompare() {
        java.time.LocalDate asOf = java.time.LocalDate.of(2025, 6, 30);
        KeyFigures.Periods closed = KeyFigures.periods(new AnalyticsFilter(2025, 2026, "EUROPE", null, null), asOf);
        assertThat(closed.shifted()).isTrue();
        assertThat(closed.previous()).isEqualTo(new AnalyticsFilter(2023, 2024, "EUROPE", null, null));
        assertThat(KeyFigures.periods(new AnalyticsFilter(2024, 2024, null, null, null), asOf).previous())
                .isEqualTo(new AnalyticsFilter(2023, 2023, null, null, null));
        KeyFigures.Periods open = KeyFigures.periods(AnalyticsFilter.everything(), asOf);
        assertThat(open.shifted()).isFalse();
        assertThat(open.current()).isEqualTo(new AnalyticsFilter(2024, 2024, null, null, null));
        assertThat(open.previous()).isEqualTo(new AnalyticsFilter(2023, 2023, null, null, null));
        assertThat(KeyFigures.periods(new AnalyticsFilter(null, 2020, null, "STATE", null), asOf).current())
                .isEqualTo(new AnalyticsFilter(2020, 2020, null, "STATE", null));
        assertThat(KeyFigures.periods(new AnalyticsFilter(2000, 2001, null, null, null), asOf).previous())
                .as("before the first year there is nothing to compare").isNull();
    }

    // ------------------------------------------------------------------------------------------------- checks

    /** The Excel table's range and header, and every cell as the screen shows it. */
    static void assertTableEqualsTheScreen(XSSFSheet sheet, RollupTable table) {
        assertThat(sheet.getTables()).as("tables on %s", sheet.getSheetName()).hasSize(1);
        XSSFTable excel = sheet.getTables().getFirst();
        String last = CellReference.convertNumToColString(table.columns().size() - 1);
        assertThat(excel.getArea().formatAsString()).isEqualTo("A5:" + last + (5 + table.rows().size()));
        assertThat(excel.getCTTable().getAutoFilter().getRef()).isEqualTo(excel.getArea().formatAsString());
        assertThat(excel.getColumns()).extracting(c -> c.getName().strip())
                .containsExactlyElementsOf(table.columns().stream().map(Column::label).toList());
        assertThat(sheet.getPaneInformation().getHorizontalSplitPosition()).isEqualTo((short) 5);
        for (int r = 0; r < table.rows().size(); r++) {
            org.entente.analytics.engine.rollup.Row row = table.rows().get(r);
            for (int c = 0; c < table.columns().size(); c++) {
                Column column = table.columns().get(c);
                org.entente.analytics.engine.rollup.Cell expected = row.cells().get(c);
                Cell actual = sheet.getRow(5 + r).getCell(c);
                String where = sheet.getSheetName() + "!" + actual.getAddress();
                if (expected.isSuppressed()) {
                    assertThat(actual.getStringCellValue()).as(where)
                            .isEqualTo(CellText.mark(expected.suppressed(), SETTINGS));
                } else if (expected.value() == null) {
                    assertThat(actual.getStringCellValue()).as(where).isEqualTo("–");
                } else if (column.kind() == Column.Kind.TEXT) {
                    assertThat(actual.getStringCellValue()).as(where).isEqualTo(CellText.label(expected.value()));
                } else {
                    assertThat(actual.getCellType()).as(where).isEqualTo(CellType.NUMERIC);
                    assertThat(actual.getNumericCellValue()).as(where)
                            .isEqualTo(((Number) expected.value()).doubleValue());
                    assertThat(actual.getCellStyle().getDataFormatString()).as(where)
                            .isEqualTo(RollupSheet.format(table, c));
                }
            }
        }
    }

    /**
     * One native chart per rollup sheet; LibreOffice needs fixed colours per series; the values it plots are numbers
     * or blanks, never the mark of a withheld figure.
     */
    static void assertOneChartThatPlotsOnlyPublishedFigures(XSSFSheet sheet, RollupTable table) {
        if (nothingToRank(table)) {
            assertThat(charts(sheet)).as("charts on %s", sheet.getSheetName()).isZero();
            assertThat(text(sheet, 3, 0)).contains("No partner of this kind has figures of its own to rank");
            return;
        }
        List<XSSFChart> charts = sheet.getDrawingPatriarch().getCharts();
        assertThat(charts).as("charts on %s", sheet.getSheetName()).hasSize(1);
        List<XDDFChartData> plots = charts.getFirst().getChartSeries();
        // A ranking with a guideline adds the guideline's line (BriefingRankingTest checks it); the bars come first.
        int drawn = table.chart().type() == Chart.Type.RANKED_BAR && table.chart().referenceLine() != null ? 2 : 1;
        assertThat(plots).hasSize(drawn);
        XDDFChartData plot = plots.getFirst();
        assertThat(plot).isInstanceOf(table.chart().type() == Chart.Type.LINE
                ? XDDFLineChartData.class : XDDFBarChartData.class);
        var area = charts.getFirst().getCTChart().getPlotArea();
        assertThat(area.getBarChartList().size() + area.getLineChartList().size()).isEqualTo(drawn);
        area.getBarChartList().forEach(b -> assertThat(b.getVaryColors().getVal()).isFalse());
        area.getLineChartList().forEach(l -> assertThat(l.getVaryColors().getVal()).isFalse());
        if (table.chart().type() == Chart.Type.STACKED_BAR) {
            assertThat(area.getBarChartArray(0).getOverlap().xmlText()).contains("100");
        }
        if (plot instanceof XDDFBarChartData bar) {
            assertThat(bar.getBarGrouping().name()).isEqualTo(table.chart().type() == Chart.Type.STACKED_BAR
                    ? "STACKED" : "CLUSTERED");
        }
        assertThat(plot.getSeriesCount()).isPositive();
        boolean anyValue = false;
        for (int s = 0; s < plot.getSeriesCount(); s++) {
            XDDFChartData.Series series = plot.getSeries(s);
            assertThat(series.getShapeProperties().getFillProperties()).isInstanceOf(XDDFSolidFillProperties.class);
            AreaReference values = new AreaReference(series.getValuesData().getDataRangeReference(),
                    org.apache.poi.ss.SpreadsheetVersion.EXCEL2007);
            for (CellReference ref : values.getAllReferencedCells()) {
                Row row = sheet.getRow(ref.getRow());
                Cell cell = row == null ? null : row.getCell(ref.getCol());
                if (cell != null) {
                    assertThat(cell.getCellType()).as("%s plotted cell %s", sheet.getSheetName(), ref)
                            .isIn(CellType.NUMERIC, CellType.BLANK);
                    anyValue |= cell.getCellType() == CellType.NUMERIC;
                }
            }
        }
        // Of the fixture, disclosure control publishes nothing per R&D area or per partner's completeness for Unity.
        if (!Set.of("rnd", "data-completeness").contains(table.id())) {
            assertThat(anyValue).as("%s draws at least one published figure", sheet.getSheetName()).isTrue();
        }
    }

    /**
     * A ranking whose only row is its remainder: without consent, the fixture's coordinator may know no state's own
     * figures, so every state is in "Other partners (n)" and there is no bar to draw.
     */
    static boolean nothingToRank(RollupTable table) {
        return table.chart() != null && table.chart().type() == Chart.Type.RANKED_BAR
                && table.rows().stream().allMatch(org.entente.analytics.engine.rollup.Row::total);
    }

    static int charts(XSSFSheet sheet) {
        return sheet.getDrawingPatriarch() == null ? 0 : sheet.getDrawingPatriarch().getCharts().size();
    }

    private static void assertKeyFigures(XSSFSheet sheet, AnalyticsReport report, SnapshotStore store) {
        Analytics analytics = new Analytics(store, SETTINGS);
        AnalyticsReport last = analytics.report(COORDINATOR, new AnalyticsFilter(2024, 2024, null, null, null));
        AnalyticsReport before = analytics.report(COORDINATOR, new AnalyticsFilter(2023, 2023, null, null, null));
        assertThat(text(sheet, 4, 2)).isEqualTo("2024 (last complete year)");
        assertThat(text(sheet, 4, 3)).isEqualTo("2023 (year before)");
        for (int i = 0; i < report.kpis().size(); i++) {
            Kpi kpi = report.kpis().get(i);
            Row row = sheet.getRow(5 + i);
            assertThat(row.getCell(0).getStringCellValue()).isEqualTo(kpi.label());
            assertKpi(row.getCell(1), kpi.value());
            assertKpi(row.getCell(2), last.kpi(kpi.id()).orElseThrow().value());
            assertKpi(row.getCell(3), before.kpi(kpi.id()).orElseThrow().value());
        }
        assertThat(sheet.getTables()).hasSize(1);
    }

    private static void assertKpi(Cell cell, org.entente.analytics.engine.rollup.Cell expected) {
        if (expected.isSuppressed()) {
            assertThat(cell.getStringCellValue()).isEqualTo(CellText.mark(expected.suppressed(), SETTINGS));
        } else if (expected.value() instanceof Number number) {
            assertThat(cell.getNumericCellValue()).isEqualTo(number.doubleValue());
        }
    }

    /** Banner row, header and footer of every sheet, and the document properties. */
    /**
     * The marking on every sheet and in the properties, and the machine-readable label bound into the package (issue
     * 20): the same releasability as the marking, released to the organization the briefing was written for (these
     * tests write for the coordinator's, Unity Alliance).
     */
    private static void assertMarkedEverywhere(XSSFWorkbook workbook, String marking) {
        ConfidentialityLabel label = LabelBinding.read(workbook.getPackage()).orElseThrow().label();
        assertThat(RANKED.get(List.of("ALL_PARTNERS", "PARTICIPANTS", "REL_TO", "PRIVATE")
                .indexOf(label.releasability()))).as("the label's releasability").isEqualTo(marking);
        assertThat(label.releasableTo()).containsExactly("Unity Alliance");
        assertThat(label.policyIdentifier()).isEqualTo(LabelPolicy.DEFAULT.policyIdentifier());
        assertThat(label.classification()).isEqualTo(LabelPolicy.DEFAULT.classification());
        for (Sheet sheet : workbook) {
            assertThat(text((XSSFSheet) sheet, 0, 0)).as("banner of %s", sheet.getSheetName())
                    .isEqualTo(marking + " — the most restrictive marking of the records in this workbook");
            assertThat(sheet.getHeader().getCenter()).as("header of %s", sheet.getSheetName()).contains(marking);
            assertThat(sheet.getFooter().getCenter()).as("footer of %s", sheet.getSheetName()).contains(marking);
        }
        POIXMLProperties properties = workbook.getProperties();
        assertThat(properties.getCoreProperties().getCategory()).isEqualTo(marking);
        assertThat(properties.getCoreProperties().getKeywords()).startsWith(marking);
        assertThat(properties.getCustomProperties().getProperty("Marking").getLpwstr()).isEqualTo(marking);
    }

    /** The most restrictive of the report's marking and the detail rows' releasability. */
    private static String expectedMarking(XSSFWorkbook workbook, AnalyticsReport report) {
        int rank = report.marking() == null ? 0 : switch (report.marking()) {
            case "ALL_PARTNERS" -> 0;
            case "PARTICIPANTS" -> 1;
            case "REL_TO" -> 2;
            default -> 3;
        };
        for (String name : List.of("Contributions", "Workstreams")) {
            XSSFSheet sheet = workbook.getSheet(name);
            for (List<String> row : dataRows(sheet)) {
                rank = Math.max(rank, RANKED.indexOf(row.getLast()));
            }
        }
        return RANKED.get(rank);
    }

    static List<String> sheetNames(XSSFWorkbook workbook) {
        List<String> names = new ArrayList<>();
        workbook.forEach(s -> names.add(s.getSheetName()));
        return names;
    }

    static String text(XSSFSheet sheet, int row, int column) {
        Row r = sheet.getRow(row);
        Cell cell = r == null ? null : r.getCell(column);
        return cell == null ? null : new DataFormatter(Locale.UK).formatCellValue(cell);
    }

    static String allText(XSSFSheet sheet) {
        DataFormatter formatter = new DataFormatter(Locale.UK);
        List<String> texts = new ArrayList<>();
        for (Row row : sheet) {
            for (Cell cell : row) {
                texts.add(formatter.formatCellValue(cell));
            }
        }
        return String.join("\n", texts);
    }

    /** The data rows of a detail sheet (below banner and header) as formatted texts, blank cells as "". */
    static List<List<String>> dataRows(XSSFSheet sheet) {
        DataFormatter formatter = new DataFormatter(Locale.UK);
        int columns = sheet.getRow(1).getLastCellNum();
        List<List<String>> rows = new ArrayList<>();
        for (int r = 2; r <= sheet.getLastRowNum(); r++) {
            Row row = sheet.getRow(r);
            if (row == null || row.getCell(0) != null && row.getCell(0).getStringCellValue().startsWith("No ")) {
                continue;
            }
            List<String> texts = new ArrayList<>();
            for (int c = 0; c < columns; c++) {
                Cell cell = row.getCell(c);
                texts.add(cell == null ? "" : formatter.formatCellValue(cell));
            }
            rows.add(texts);
        }
        return rows;
    }

    private static String contribution(int n) {
        return "40000000-0000-0000-0000-00000000000" + n;
    }
}
