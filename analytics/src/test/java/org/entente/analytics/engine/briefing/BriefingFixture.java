package org.entente.analytics.engine.briefing;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.SqlScript;
import org.entente.analytics.engine.Viewer;

/**
 * The rollup fixture (rollup/fixture.sql: Arland, Borduria, Carpania, Nexus NGO, Xeno Corp, Unity Alliance; four
 * workstreams, nine contributions; as of 2025-06-30) written as a real snapshot file, and helpers to write and reopen
 * briefings.
 */
final class BriefingFixture {

    static final UUID ARLAND = UUID.fromString("00000000-0000-0000-0000-00000000000a");
    static final UUID BORDURIA = UUID.fromString("00000000-0000-0000-0000-00000000000b");
    static final UUID CARPANIA = UUID.fromString("00000000-0000-0000-0000-00000000000c");
    static final UUID NEXUS = UUID.fromString("00000000-0000-0000-0000-000000000001");
    static final UUID XENO = UUID.fromString("00000000-0000-0000-0000-000000000002");
    static final UUID UNITY = UUID.fromString("00000000-0000-0000-0000-000000000003");
    static final UUID W1 = UUID.fromString("10000000-0000-0000-0000-000000000001");
    static final UUID W2 = UUID.fromString("10000000-0000-0000-0000-000000000002");
    static final UUID W3 = UUID.fromString("10000000-0000-0000-0000-000000000003");
    static final UUID W4 = UUID.fromString("10000000-0000-0000-0000-000000000004");
    static final Instant GENERATED = Instant.parse("2025-07-01T09:30:00Z");

    /** Texts a spreadsheet would take for formulas or commands if they were not written as strings. */
    static final List<String> PAYLOADS = List.of("=HYPERLINK(\"http://x\",\"y\")", "+cmd", "@SUM(A1)", "-1+1",
            "\tx", "\rx");
    /** Partner names that carry the payloads (the partner directory reaches every rollup and the detail rows). */
    static final Map<UUID, String> PAYLOAD_NAMES = Map.of(XENO, PAYLOADS.get(0), NEXUS, PAYLOADS.get(1),
            BORDURIA, PAYLOADS.get(2), CARPANIA, PAYLOADS.get(3));
    /** Workstream titles that carry the payloads. */
    static final Map<UUID, String> PAYLOAD_TITLES = Map.of(W1, PAYLOADS.get(4), W2, PAYLOADS.get(2),
            W3, PAYLOADS.get(0), W4, PAYLOADS.get(5));
    /** Plain titles. */
    static final Map<UUID, String> TITLES = Map.of(W1, "Baltic Shield exercise", W2, "Winter logistics",
            W3, "Autonomous sensing", W4, "Sahel security support");

    private BriefingFixture() {
    }

    /** Writes the fixture as {@code snapshot-20250630-080000000.duckdb} into {@code directory}. */
    static Path snapshot(Path directory, String... extraSql) {
        Path file = directory.resolve("snapshot-20250630-080000000.duckdb");
        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + file)) {
            SqlScript.execute(duckdb, SqlScript.load("/org/entente/analytics/engine/snapshot/schema.sql"));
            SqlScript.execute(duckdb, SqlScript.load("/org/entente/analytics/engine/rollup/fixture.sql"));
            try (Statement statement = duckdb.createStatement()) {
                for (String sql : extraSql) {
                    statement.execute(sql);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return file;
    }

    /** The fixture with the payload names. */
    static Path payloadSnapshot(Path directory) {
        List<String> updates = new ArrayList<>();
        PAYLOAD_NAMES.forEach((id, name) -> updates.add("UPDATE tenant SET name = '" + name.replace("'", "''")
                + "' WHERE id = '" + id + "'"));
        return snapshot(directory, updates.toArray(String[]::new));
    }

    static WorkstreamTitles titles(Map<UUID, String> titles) {
        return (tenant, workstream) -> titles.get(workstream);
    }

    static BriefingRequest request(BriefingKind kind, AnalyticsFilter scope, Viewer viewer) {
        return new BriefingRequest(kind, scope, viewer, viewer.tenantId().equals(UNITY) ? "Unity Alliance" : "Arland",
                "Olivia Grant", GENERATED);
    }

    static XSSFWorkbook open(byte[] bytes) {
        try {
            return new XSSFWorkbook(new ByteArrayInputStream(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A written workbook and what the writer said about it. */
    record Written(BriefingResult result, byte[] bytes, List<UUID[]> ledger, List<String> steps) {

        XSSFWorkbook workbook() {
            return open(bytes);
        }
    }

    static Written write(BriefingWriter writer, org.entente.analytics.engine.snapshot.SnapshotStore store,
                         BriefingRequest request, WorkstreamTitles titles) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        List<UUID[]> ledger = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        BriefingResult result = writer.write(store, request, titles,
                (tenant, workstream, contribution) -> ledger.add(new UUID[] {tenant, workstream, contribution}),
                (fraction, step) -> steps.add(fraction + " " + step), out);
        return new Written(result, out.toByteArray(), ledger, steps);
    }
}
