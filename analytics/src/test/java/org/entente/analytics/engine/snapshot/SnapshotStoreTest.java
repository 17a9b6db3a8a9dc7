package org.entente.analytics.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.entente.analytics.engine.TestPostgres;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.Visibility;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.postgresql.PGConnection;

class SnapshotStoreTest {

    /** A tenant whose name and an activity whose verb CSV must carry unchanged; an empty item_type that must stay ''. */
    private static final String TRICKY_NAME = "Quote \"q\", comma, and\nnewline";
    private static final String TRICKY_VERB = "said \"hi\",\nthen left";
    private static UUID trickyTenant;
    private static long trickyActivity;

    @BeforeAll
    static void trickyRows() throws SQLException {
        try (Connection sql = TestPostgres.superuser().getConnection()) {
            trickyTenant = single(sql, "INSERT INTO tenant (alias, name, kind, region) VALUES (?, ?, 'NGO', NULL) RETURNING id",
                    UUID.class, "tricky-" + UUID.randomUUID().toString().substring(0, 8), TRICKY_NAME);
            UUID workstream = single(sql, "INSERT INTO workstream (tenant_id, kind, title, region) VALUES (?, 'INITIATIVE',"
                    + " 'Tricky', '') RETURNING id", UUID.class, trickyTenant);
            trickyActivity = single(sql, "INSERT INTO activity (tenant_id, workstream_id, actor_tenant_id, verb, item_type,"
                    + " item_tenant_id, releasability, rel_to) VALUES (?, ?, ?, ?, '', ?, 'REL_TO', ARRAY[?, ?]::uuid[]) RETURNING id",
                    Long.class, trickyTenant, workstream, trickyTenant, TRICKY_VERB, trickyTenant, trickyTenant, trickyTenant);
            // The tricky tenant publishes to the first other tenant and has a capacity, so both V50 tables have rows.
            try (PreparedStatement consent = sql.prepareStatement("INSERT INTO publication_consent (tenant_id,"
                    + " grantee_tenant_id, granted_at, granted_by) SELECT ?, id, TIMESTAMPTZ '2026-03-01 12:34:56.789+00', 'test'"
                    + " FROM tenant WHERE id <> ? ORDER BY id LIMIT 1");
                 PreparedStatement capacity = sql.prepareStatement("INSERT INTO tenant_capacity (tenant_id, year,"
                         + " capacity_eur, source, updated_by) VALUES (?, 2024, 1234567.89, 'test', 'test')")) {
                consent.setObject(1, trickyTenant);
                consent.setObject(2, trickyTenant);
                consent.executeUpdate();
                capacity.setObject(1, trickyTenant);
                capacity.executeUpdate();
            }
            results(sql, workstream);
        }
    }

    /**
     * The results chain (V51) on the tricky workstream, so that its five tables have rows whatever the demo data hold:
     * an objective with two indicators (one REL_TO with a duplicate entry, measured; one without a baseline), an
     * assessment REL_TO with a recommendation.
     */
    private static void results(Connection sql, UUID workstream) throws SQLException {
        UUID objective = single(sql, "INSERT INTO objective (tenant_id, workstream_id, text) VALUES (?, ?, 'Tricky')"
                + " RETURNING id", UUID.class, trickyTenant, workstream);
        UUID measured = single(sql, "INSERT INTO indicator (tenant_id, workstream_id, objective_id, definition, unit,"
                + " baseline_value, baseline_date, target_value, target_date, frequency, responsible_tenant_id,"
                + " releasability, rel_to) VALUES (?, ?, ?, 'Tricky', 'PERCENT', 10, DATE '2024-01-01', 90,"
                + " DATE '2027-12-31', 'QUARTERLY', ?, 'REL_TO', ARRAY[?, ?]::uuid[]) RETURNING id", UUID.class,
                trickyTenant, workstream, objective, trickyTenant, trickyTenant, trickyTenant);
        single(sql, "INSERT INTO indicator (tenant_id, workstream_id, objective_id, definition, unit, target_value,"
                + " target_date, responsible_tenant_id) VALUES (?, ?, ?, 'No baseline', 'NUMBER', 5, DATE '2027-06-30', ?)"
                + " RETURNING id", UUID.class, trickyTenant, workstream, objective, trickyTenant);
        single(sql, "INSERT INTO measurement (tenant_id, workstream_id, indicator_id, period_start, period_end, value,"
                + " entered_by_tenant_id, entered_by) VALUES (?, ?, ?, DATE '2024-04-01', DATE '2024-06-30', 33.3333, ?,"
                + " 'test') RETURNING id", UUID.class, trickyTenant, workstream, measured, trickyTenant);
        UUID assessment = single(sql, "INSERT INTO assessment (tenant_id, workstream_id, kind, mode, assessor_name,"
                + " assessed_on, releasability, rel_to) VALUES (?, ?, 'PERIODIC', 'SELF', 'Tricky', DATE '2024-07-01',"
                + " 'REL_TO', ARRAY[?, ?]::uuid[]) RETURNING id", UUID.class, trickyTenant, workstream, trickyTenant,
                trickyTenant);
        single(sql, "INSERT INTO assessment_recommendation (tenant_id, workstream_id, assessment_id, text,"
                + " owner_tenant_id, due_date) VALUES (?, ?, ?, 'Tricky', ?, DATE '2024-12-31') RETURNING id", UUID.class,
                trickyTenant, workstream, assessment, trickyTenant);
    }

    @Test
    void theSnapshotHoldsWhatPostgresHoldsTableByTable(TestInfo test) throws Exception {
        try (SnapshotStore store = new SnapshotStore(directory(test))) {
            SnapshotInfo info = store.refresh(TestPostgres.analytics(), null);

            try (SnapshotReader reader = store.open()) {
                for (Check check : CHECKS) {
                    assertThat(aggregate(reader.connection(), check.duckdb()))
                            .as("%s in the snapshot vs PostgreSQL", check.table())
                            .isEqualTo(truth(check.postgres()));
                }
                assertThat(single(reader.connection(), "SELECT name FROM tenant WHERE id = ?", String.class, trickyTenant))
                        .isEqualTo(TRICKY_NAME);
                assertThat(single(reader.connection(), "SELECT region FROM tenant WHERE id = ?", String.class, trickyTenant))
                        .isNull();
                assertThat(single(reader.connection(), "SELECT region FROM workstream WHERE tenant_id = ?", String.class, trickyTenant))
                        .isEmpty();
                assertThat(single(reader.connection(), "SELECT verb || '|' || item_type || '|' FROM activity WHERE id = ?",
                        String.class, trickyActivity)).isEqualTo(TRICKY_VERB + "||");
                assertThat(single(reader.connection(), "SELECT count(*) FROM activity_rel_to WHERE activity_id = ?",
                        Long.class, trickyActivity)).as("duplicate rel_to entries are kept").isEqualTo(2);

                assertThat(single(reader.connection(), "SELECT as_of_date FROM snapshot_info", LocalDate.class))
                        .isEqualTo(LocalDate.ofInstant(info.takenAt(), ZoneOffset.UTC)).isEqualTo(info.asOf());
                assertThat(info.takenAt()).isBetween(Instant.now().minusSeconds(600), Instant.now());
                assertThat(reader.info()).isEqualTo(info);
            }
            assertThat(info.rowCounts().keySet()).containsExactlyElementsOf(SnapshotTable.ALL);
            assertThat(info.rowCounts().get("contribution")).isEqualTo(truthCount("contribution"));
            assertThat(info.rowCounts().get("activity")).isEqualTo(truthCount("activity"));
            assertThat(info.file()).exists().hasFileName(info.file().getFileName().toString());
            assertThat(info.file().getFileName().toString()).matches("snapshot-\\d{8}-\\d{9}\\.duckdb");
            assertThat(store.lastFailure()).isEmpty();
            assertThat(store.current()).contains(info);
        }
    }

    @Test
    void theSourceCopiesReadExactlyTheRowsOfARefresh(TestInfo test) throws Exception {
        // What the benchmark's ceiling (PostgreSQL's own COPY) runs must be what a refresh copies, table by table.
        try (SnapshotStore store = new SnapshotStore(directory(test))) {
            SnapshotInfo info = store.refresh(TestPostgres.analytics(), null);

            Map<String, Long> copied = new LinkedHashMap<>();
            try (Connection connection = TestPostgres.analytics().getConnection()) {
                var copy = connection.unwrap(PGConnection.class).getCopyAPI();
                for (SnapshotStore.SourceCopy source : SnapshotStore.sourceCopies()) {
                    copied.put(source.table(), copy.copyOut(source.statement(), OutputStream.nullOutputStream()));
                }
            }
            assertThat(copied).containsExactlyEntriesOf(info.rowCounts());
            assertThat(SnapshotStore.sourceConnections()).isEqualTo(SnapshotBuilder.ReadPlan.DEFAULT.connections());
        }
    }

    @Test
    void tablesReadInSlicesByTwoConnectionsHoldEveryRowOnce(TestInfo test) throws Exception {
        // Every table with rows in up to 8 hash slices of its key, shared by the two connections.
        try (SnapshotStore store = new SnapshotStore(directory(test), new SnapshotBuilder.ReadPlan(2, 1), ParquetExport::write)) {
            SnapshotInfo info = store.refresh(TestPostgres.analytics(), null);

            try (SnapshotReader reader = store.open()) {
                for (Check check : CHECKS) {
                    assertThat(aggregate(reader.connection(), check.duckdb()))
                            .as("%s in the snapshot vs PostgreSQL", check.table())
                            .isEqualTo(truth(check.postgres()));
                }
                assertThat(single(reader.connection(), "SELECT count(*) - count(DISTINCT id) FROM activity", Long.class))
                        .as("no activity event twice").isZero();
                assertThat(single(reader.connection(), "SELECT count(*) - count(DISTINCT id) FROM contribution", Long.class))
                        .as("no contribution twice").isZero();
                assertThat(single(reader.connection(), "SELECT count(*) - count(DISTINCT (tenant_id, workstream_id,"
                        + " participant_tenant_id)) FROM participation", Long.class)).as("no participation twice").isZero();
            }
            assertThat(info.rowCounts().get("activity")).isEqualTo(truthCount("activity"));
        }
    }

    @Test
    void aFailedParquetCopyKeepsTheNewSnapshotCurrentAndSaysSo(TestInfo test) throws Exception {
        Path directory = directory(test);
        AtomicReference<Boolean> failParquet = new AtomicReference<>(false);
        SnapshotStore.ParquetWriter writer = (snapshot, folder, listener) -> {
            if (failParquet.get()) {
                Files.createDirectories(folder.resolve("tenant"));  // half written
                throw new IOException("No space left on device");
            }
            ParquetExport.write(snapshot, folder, listener);
        };
        try (SnapshotStore store = new SnapshotStore(directory, SnapshotBuilder.ReadPlan.DEFAULT, writer)) {
            SnapshotInfo first = store.refresh(TestPostgres.analytics(), null);
            failParquet.set(true);
            List<String> steps = new ArrayList<>();

            SnapshotInfo second = store.refresh(TestPostgres.analytics(), (fraction, step) -> steps.add(step.toString()));

            assertThat(store.current()).contains(second);
            assertThat(second.file()).isNotEqualTo(first.file()).exists();
            assertThat(first.file()).as("superseded").doesNotExist();
            assertThat(store.lastFailure()).get().extracting(RefreshFailure::message).asString()
                    .contains("is in use, but its Parquet copy was not written (No space left on device)")
                    .doesNotContain("Exception");
            assertThat(steps).last().asString().startsWith("Snapshot ready: ").endsWith("(without its Parquet copy)");
            assertOnlyFiles(directory, second);
            try (SnapshotReader reader = store.open()) {
                assertThat(reader.info()).isEqualTo(second);
                assertThat(single(reader.connection(), "SELECT epoch_us(taken_at) FROM read_parquet("
                        + ParquetExport.literal(directory.resolve("parquet/snapshot_info/data.parquet")) + ")", Long.class))
                        .as("parquet/ still holds the first snapshot's copy")
                        .isEqualTo(first.takenAt().getEpochSecond() * 1_000_000 + first.takenAt().getNano() / 1_000);
            }

            failParquet.set(false);
            SnapshotInfo third = store.refresh(TestPostgres.analytics(), null);
            assertThat(store.lastFailure()).as("cleared by a success").isEmpty();
            assertOnlyFiles(directory, third);
        }
    }

    @Test
    void everyTableIsWrittenAsParquetPartitionedByYear(TestInfo test) throws Exception {
        Path directory = directory(test);
        try (SnapshotStore store = new SnapshotStore(directory)) {
            SnapshotInfo info = store.refresh(TestPostgres.analytics(), null);
            Path parquet = directory.resolve("parquet");
            try (SnapshotReader reader = store.open()) {
                Connection duckdb = reader.connection();
                for (String table : ParquetExport.TABLES) {
                    Path folder = parquet.resolve(table);
                    long expected = table.equals("snapshot_info") ? 1 : info.rowCounts().get(table);
                    String column = ParquetExport.YEAR_COLUMNS.get(table);
                    if (column == null) {
                        assertThat(folder.resolve("data.parquet")).as(table).isRegularFile();
                        assertThat(single(duckdb, "SELECT count(*) FROM read_parquet(" + ParquetExport.literal(folder.resolve("data.parquet"))
                                + ")", Long.class)).as(table).isEqualTo(expected);
                        continue;
                    }
                    List<String> partitions;
                    try (Stream<Path> list = Files.list(folder)) {
                        partitions = list.map(p -> p.getFileName().toString()).sorted().toList();
                    }
                    assertThat(partitions).as(table).allMatch(p -> p.matches("year=(\\d{4}|__HIVE_DEFAULT_PARTITION__)"));
                    if (expected == 0) {
                        continue;
                    }
                    Map<String, Long> fromParquet = groups(duckdb, "SELECT coalesce(CAST(year AS VARCHAR), 'null'), count(*) FROM read_parquet("
                            + ParquetExport.literal(folder) + " || '/*/*.parquet', hive_partitioning = true) GROUP BY 1");
                    Map<String, Long> fromSnapshot = groups(duckdb, "SELECT coalesce(CAST(year(" + column + ") AS VARCHAR), 'null'),"
                            + " count(*) FROM " + table + " GROUP BY 1");
                    assertThat(fromParquet).as(table).isEqualTo(fromSnapshot);
                }
            }
            try (Stream<Path> files = Files.list(directory)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder("parquet", info.file().getFileName().toString());
            }
        }
    }

    @Test
    void progressGoesFromZeroToOneNamingTheTableAndItsRows(TestInfo test) {
        List<Double> fractions = new ArrayList<>();
        List<String> steps = new ArrayList<>();
        try (SnapshotStore store = new SnapshotStore(directory(test))) {
            store.refresh(TestPostgres.analytics(), (fraction, step) -> {
                fractions.add(fraction);
                steps.add(step.toString());
            });
        }
        assertThat(fractions).isSorted().first().isEqualTo(0.0);
        assertThat(fractions).last().isEqualTo(1.0);
        assertThat(steps).anyMatch(step -> step.matches("Copying contributions \\(\\d{1,3}(,\\d{3})* rows\\)"));
        assertThat(steps).contains("Connecting to PostgreSQL", "Writing Parquet files", "Publishing the snapshot");
        assertThat(steps).last().asString().startsWith("Snapshot ready: ");
    }

    @Test
    void aRoleSubjectToRowLevelSecurityIsRefusedWithTheReason(TestInfo test) {
        Path directory = directory(test);
        try (SnapshotStore store = new SnapshotStore(directory)) {
            SnapshotRefreshException failure = catchThrowableOfType(SnapshotRefreshException.class,
                    () -> store.refresh(TestPostgres.app(), null));

            assertThat(failure).hasMessageContaining("\"entente_app\"").hasMessageContaining("BYPASSRLS")
                    .hasMessageContaining("entente_analytics");
            assertThat(store.lastFailure()).get().extracting(RefreshFailure::message).isEqualTo(failure.getMessage());
            assertThat(store.current()).isEmpty();
            assertThatThrownBy(store::open).isInstanceOf(NoSnapshotException.class).hasMessageContaining("BYPASSRLS");
            assertThat(directory).isEmptyDirectory();
        }
    }

    @Test
    void aFailedRefreshKeepsThePreviousSnapshotAndSaysWhy(TestInfo test) throws Exception {
        DataSource partial = roleWithoutMilestones();
        Path directory = directory(test);
        try (SnapshotStore store = new SnapshotStore(directory)) {
            SnapshotInfo first = store.refresh(TestPostgres.analytics(), null);

            assertThatThrownBy(() -> store.refresh(partial, null))
                    .isInstanceOf(SnapshotRefreshException.class)
                    .hasMessage("The snapshot refresh failed while copying milestones: permission denied for table milestone");

            assertThat(store.current()).contains(first);
            assertThat(store.lastFailure()).get().extracting(RefreshFailure::message).asString()
                    .contains("permission denied for table milestone").doesNotContain("Exception", "\n\tat ");
            assertOnlyFiles(directory, first);
            try (SnapshotReader reader = store.open()) {
                assertThat(reader.info()).isEqualTo(first);
                assertThat(single(reader.connection(), "SELECT count(*) FROM contribution", Long.class))
                        .isEqualTo(first.rowCounts().get("contribution"));
            }

            SnapshotInfo second = store.refresh(TestPostgres.analytics(), null);
            assertThat(store.lastFailure()).as("cleared by a success").isEmpty();
            assertOnlyFiles(directory, second);
        }
    }

    @Test
    void anInterruptedRefreshKeepsThePreviousSnapshot(TestInfo test) throws Exception {
        Path directory = directory(test);
        try (SnapshotStore store = new SnapshotStore(directory)) {
            SnapshotInfo first = store.refresh(TestPostgres.analytics(), null);

            CompletableFuture<Throwable> outcome = CompletableFuture.supplyAsync(() -> {
                try {
                    store.refresh(TestPostgres.analytics(), (fraction, step) -> {
                        if (step.toString().startsWith("Copying contributions")) {
                            Thread.currentThread().interrupt();
                        }
                    });
                    return null;
                } catch (RuntimeException e) {
                    return Thread.interrupted() ? e : new AssertionError("interrupt flag not kept", e);
                }
            });

            assertThat(outcome.get(60, TimeUnit.SECONDS))
                    .isInstanceOf(SnapshotRefreshException.class)
                    .hasMessage("The snapshot refresh was interrupted while copying contributions.");
            assertThat(store.current()).contains(first);
            assertThat(store.lastFailure()).get().extracting(RefreshFailure::message).asString().contains("interrupted");
            assertThat(store.refreshing()).isFalse();
            assertOnlyFiles(directory, first);
        }
    }

    @Test
    void aRefreshWhoseNewFileIsCutShortKeepsThePreviousSnapshot(TestInfo test) throws Exception {
        Path directory = directory(test);
        try (SnapshotStore store = new SnapshotStore(directory)) {
            SnapshotInfo first = store.refresh(TestPostgres.analytics(), null);

            // The new file is complete and closed when publishing starts; cut it as a full disk or a crash would.
            assertThatThrownBy(() -> store.refresh(TestPostgres.analytics(), (fraction, step) -> {
                if (step.toString().equals("Publishing the snapshot")) {
                    cutInHalf(onlyFile(directory, ".duckdb.tmp"));
                }
            }))
                    .isInstanceOf(SnapshotRefreshException.class)
                    .hasMessageStartingWith("The snapshot refresh failed while publishing the snapshot: the new snapshot "
                            + "file cannot be read back (")
                    .hasMessageEndingWith("); it was not used");

            assertThat(store.current()).contains(first);
            assertThat(store.lastFailure()).get().extracting(RefreshFailure::message).asString()
                    .contains("cannot be read back").doesNotContain("Exception", "\n\tat ");
            assertOnlyFiles(directory, first);
            try (SnapshotReader reader = store.open()) {
                assertThat(reader.info()).isEqualTo(first);
                assertThat(single(reader.connection(), "SELECT count(*) FROM contribution", Long.class))
                        .isEqualTo(first.rowCounts().get("contribution"));
            }
        }
    }

    @Test
    void onStartASnapshotCutShortIsNotServed(TestInfo test) throws Exception {
        Path directory = directory(test);
        SnapshotInfo taken;
        try (SnapshotStore store = new SnapshotStore(directory)) {
            taken = store.refresh(TestPostgres.analytics(), null);
        }
        Path newer = directory.resolve("snapshot-29990101-000000000.duckdb");
        Files.copy(taken.file(), newer);
        cutInHalf(newer);
        Path lastBlockMissing = directory.resolve("snapshot-29990101-000000001.duckdb");
        Files.copy(taken.file(), lastBlockMissing);
        try (FileChannel file = FileChannel.open(lastBlockMissing,
                StandardOpenOption.WRITE)) {
            file.truncate(Files.size(lastBlockMissing) - 1);
        }

        try (SnapshotStore store = new SnapshotStore(directory)) {
            assertThat(store.current()).get().extracting(SnapshotInfo::file).isEqualTo(taken.file());
            assertThat(newer).as("deleted, not served").doesNotExist();
            assertThat(lastBlockMissing).as("deleted, not served").doesNotExist();
            try (SnapshotReader reader = store.open()) {
                assertThat(single(reader.connection(), "SELECT count(*) FROM activity", Long.class))
                        .isEqualTo(taken.rowCounts().get("activity"));
            }
        }
    }

    @Test
    void aSecondRefreshWhileOneRunsIsRefusedAtOnce(TestInfo test) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        CountDownLatch release = new CountDownLatch(1);
        try (SnapshotStore store = new SnapshotStore(directory(test))) {
            CompletableFuture<SnapshotInfo> first = CompletableFuture.supplyAsync(() -> store.refresh(TestPostgres.analytics(),
                    (fraction, step) -> {
                        if (step.toString().startsWith("Copying workstreams")) {
                            started.countDown();
                            await(release);
                        }
                    }));
            assertThat(started.await(60, TimeUnit.SECONDS)).isTrue();

            assertThat(store.refreshing()).isTrue();
            assertThatThrownBy(() -> store.refresh(TestPostgres.analytics(), null))
                    .isInstanceOf(RefreshInProgressException.class)
                    .hasMessageStartingWith("A snapshot refresh is already running (since ");

            release.countDown();
            SnapshotInfo info = first.get(60, TimeUnit.SECONDS);
            assertThat(store.current()).contains(info);
            assertThat(store.refreshing()).isFalse();
            assertThat(store.lastFailure()).isEmpty();
        }
    }

    @Test
    void readersOfTheOldSnapshotKeepWorkingDuringAndAfterARefresh(TestInfo test) throws Exception {
        Path directory = directory(test);
        UUID viewer = anyTenant();
        try (SnapshotStore store = new SnapshotStore(directory)) {
            SnapshotInfo first = store.refresh(TestPostgres.analytics(), null);
            SnapshotReader old = store.open();
            Visibility.apply(old.connection(), Viewer.organization(viewer));
            long visible = single(old.connection(), "SELECT count(*) FROM v_workstream", Long.class);
            AtomicReference<Long> duringRefresh = new AtomicReference<>();

            SnapshotInfo second = store.refresh(TestPostgres.analytics(), (fraction, step) -> {
                if (step.toString().startsWith("Copying milestones") && duringRefresh.get() == null) {
                    duringRefresh.set(uncheckedCount(old.connection(), "SELECT count(*) FROM v_workstream"));
                }
            });

            assertThat(second.file()).isNotEqualTo(first.file());
            assertThat(store.current()).contains(second);
            assertThat(duringRefresh.get()).isEqualTo(visible);
            assertThat(single(old.connection(), "SELECT count(*) FROM v_workstream", Long.class)).isEqualTo(visible);
            assertThat(old.info()).isEqualTo(first);
            assertThat(first.file()).as("kept while a reader uses it").exists();

            try (SnapshotReader fresh = store.open()) {
                assertThat(fresh.info()).isEqualTo(second);
                assertThatThrownBy(() -> single(fresh.connection(), "SELECT count(*) FROM v_workstream", Long.class))
                        .as("temp views belong to the connection that made them").isInstanceOf(SQLException.class);
                Visibility.apply(fresh.connection(), Viewer.organization(viewer));
                assertThat(single(fresh.connection(), "SELECT count(*) FROM v_workstream", Long.class)).isEqualTo(visible);
            }
            old.close();
            assertThat(first.file()).as("deleted with its last reader").doesNotExist();
            assertOnlyFiles(directory, second);
        }
    }

    @Test
    void onStartTheNewestCompleteSnapshotIsCurrentAndLeftoversAreDeleted(TestInfo test) throws Exception {
        Path directory = directory(test);
        SnapshotInfo taken;
        try (SnapshotStore store = new SnapshotStore(directory)) {
            taken = store.refresh(TestPostgres.analytics(), null);
        }
        Files.copy(taken.file(), directory.resolve("snapshot-20200101-000000000.duckdb"));  // an older one
        Files.writeString(directory.resolve("snapshot-29990101-000000000.duckdb"), "not a database");
        Files.writeString(directory.resolve("snapshot-29990101-000000001.duckdb.tmp"), "half written");
        Files.createDirectories(directory.resolve("snapshot-29990101-000000001.staging"));
        Files.createDirectories(directory.resolve("snapshot-29990101-000000001.parquet.tmp/tenant"));
        Files.createDirectories(directory.resolve("parquet.old-12345"));
        Files.writeString(directory.resolve("notes.txt"), "not ours");

        try (SnapshotStore store = new SnapshotStore(directory)) {
            SnapshotInfo found = store.current().orElseThrow();
            assertThat(found.file()).isEqualTo(taken.file());
            assertThat(found.takenAt()).isEqualTo(taken.takenAt());
            assertThat(found.asOf()).isEqualTo(taken.asOf());
            assertThat(found.rowCounts()).isEqualTo(taken.rowCounts());
            try (Stream<Path> files = Files.list(directory)) {
                assertThat(files.map(p -> p.getFileName().toString()))
                        .containsExactlyInAnyOrder(taken.file().getFileName().toString(), "parquet", "notes.txt");
            }
            try (SnapshotReader reader = store.open()) {
                assertThat(single(reader.connection(), "SELECT count(*) FROM tenant", Long.class))
                        .isEqualTo(taken.rowCounts().get("tenant"));
            }
            SnapshotInfo next = store.refresh(TestPostgres.analytics(), null);
            assertThat(next.file().getFileName().toString()).isGreaterThan(taken.file().getFileName().toString());
        }
    }

    @Test
    void withoutASnapshotReadersAreToldSo(TestInfo test) {
        try (SnapshotStore store = new SnapshotStore(directory(test))) {
            assertThat(store.current()).isEmpty();
            assertThat(store.refreshing()).isFalse();
            assertThatThrownBy(store::open).isInstanceOf(NoSnapshotException.class)
                    .hasMessage("No analytics snapshot has been taken yet.");
        }
    }

    // ------------------------------------------------------------------------------------------------

    /** One table's aggregates, in PostgreSQL (the truth, read as superuser) and in the snapshot. */
    private record Check(String table, String postgres, String duckdb) {
    }

    private static final List<Check> CHECKS = List.of(
            same("tenant", "count(*), count(region), sum(capacity_index), min(id::text), max(alias) FROM tenant"),
            new Check("workstream",
                    "SELECT count(*), count(start_date), count(end_date), min(start_date), max(end_date),"
                            + " (extract(epoch FROM max(created_at)) * 1000000)::bigint, count(region) FROM workstream",
                    "SELECT count(*), count(start_date), count(end_date), min(start_date), max(end_date),"
                            + " epoch_us(max(created_at)), count(region) FROM workstream"),
            new Check("workstream_rel_to", "SELECT coalesce(sum(cardinality(rel_to)), 0) FROM workstream",
                    "SELECT count(*) FROM workstream_rel_to"),
            same("participation", "count(*), count(*) FILTER (WHERE status = 'ACCEPTED'), count(DISTINCT participant_tenant_id)"
                    + " FROM participation"),
            same("initiative", "count(*), count(DISTINCT mechanism) FROM initiative"),
            same("rnd_project", "count(*), sum(trl_start), sum(trl_current), sum(trl_target) FROM rnd_project"),
            same("work_package", "count(*), sum(budget_eur) FROM work_package"),
            same("deliverable", "count(*), count(due_date), count(submitted_on), max(due_date) FROM deliverable"),
            same("engagement", "count(*), count(party_tenant_id), count(risk_rating), max(agreement_valid_to) FROM engagement"),
            same("contribution", "count(*), sum(pledged_eur), sum(delivered_eur), count(delivered_on), min(pledged_on),"
                    + " max(pledged_on), count(DISTINCT contributor_tenant_id) FROM contribution"),
            new Check("contribution_rel_to", "SELECT coalesce(sum(cardinality(rel_to)), 0) FROM contribution",
                    "SELECT count(*) FROM contribution_rel_to"),
            same("milestone", "count(*), count(actual_date), min(planned_date), max(planned_date) FROM milestone"),
            new Check("activity",
                    "SELECT count(*), count(item_type), max(id), (extract(epoch FROM max(at)) * 1000000)::bigint FROM activity",
                    "SELECT count(*), count(item_type), max(id), epoch_us(max(occurred_at)) FROM activity"),
            new Check("activity_rel_to", "SELECT coalesce(sum(cardinality(rel_to)), 0) FROM activity",
                    "SELECT count(*) FROM activity_rel_to"),
            new Check("publication_consent",
                    "SELECT count(*), count(DISTINCT grantee_tenant_id), min(tenant_id::text),"
                            + " (extract(epoch FROM max(granted_at)) * 1000000)::bigint FROM publication_consent",
                    "SELECT count(*), count(DISTINCT grantee_tenant_id), min(tenant_id), epoch_us(max(granted_at))"
                            + " FROM publication_consent"),
            same("tenant_capacity", "count(*), sum(capacity_eur), min(year), max(year), count(DISTINCT tenant_id)"
                    + " FROM tenant_capacity"),
            same("indicator", "count(*), count(DISTINCT objective_id), count(*) FILTER (WHERE disaggregation = 'NONE'),"
                    + " count(DISTINCT responsible_tenant_id), min(releasability) FROM indicator"),
            new Check("indicator_rel_to", "SELECT coalesce(sum(cardinality(rel_to)), 0) FROM indicator",
                    "SELECT count(*) FROM indicator_rel_to"),
            // The view's figures as PostgreSQL computes them in the snapshot's transaction (the same date).
            new Check("indicator_progress",
                    "SELECT count(*), sum(latest_value), sum(baseline_value), sum(measurements), round(sum(progress_ratio), 4),"
                            + " count(*) FILTER (WHERE status = 'ON_TRACK'), count(*) FILTER (WHERE status = 'NO_BASELINE'),"
                            + " count(*) FILTER (WHERE overdue), max(due_period_end), max(latest_period_end)"
                            + " FROM indicator_progress",
                    "SELECT count(*), sum(latest_value), sum(baseline_value), sum(measurements),"
                            + " CAST(round(sum(progress_ratio), 4) AS DECIMAL(18, 4)),"
                            + " count(*) FILTER (WHERE status = 'ON_TRACK'), count(*) FILTER (WHERE status = 'NO_BASELINE'),"
                            + " count(*) FILTER (WHERE overdue), max(due_period_end), max(latest_period_end)"
                            + " FROM indicator_progress"),
            same("assessment", "count(*), count(assessor_tenant_id), min(assessed_on), max(assessed_on),"
                    + " count(*) FILTER (WHERE kind = 'FINAL') FROM assessment"),
            new Check("assessment_rel_to", "SELECT coalesce(sum(cardinality(rel_to)), 0) FROM assessment",
                    "SELECT count(*) FROM assessment_rel_to"),
            same("assessment_recommendation", "count(*), count(due_date), count(*) FILTER (WHERE status = 'OPEN'),"
                    + " count(DISTINCT owner_tenant_id) FROM assessment_recommendation"));

    private static Check same(String table, String selectList) {
        return new Check(table, "SELECT " + selectList, "SELECT " + selectList.replace("::text", ""));
    }

    private static List<String> truth(String sql) throws SQLException {
        try (Connection connection = TestPostgres.superuser().getConnection()) {
            return aggregate(connection, sql);
        }
    }

    private static long truthCount(String table) throws SQLException {
        return Long.parseLong(truth("SELECT count(*) FROM " + table).getFirst());
    }

    /** One row of aggregates as comparable text (decimals without trailing zeros, uuids lower case). */
    private static List<String> aggregate(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            List<String> values = new ArrayList<>();
            for (int i = 1; i <= rows.getMetaData().getColumnCount(); i++) {
                Object value = rows.getObject(i);
                values.add(value == null ? "null"
                        : value instanceof BigDecimal decimal ? decimal.stripTrailingZeros().toPlainString()
                        : value instanceof Number number ? Long.toString(number.longValue())
                        : value.toString());
            }
            return values;
        }
    }

    private static Map<String, Long> groups(Connection connection, String sql) throws SQLException {
        Map<String, Long> groups = new LinkedHashMap<>();
        try (Statement statement = connection.createStatement(); ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                groups.put(rows.getString(1), rows.getLong(2));
            }
        }
        return groups;
    }

    static <T> T single(Connection connection, String sql, Class<T> type, Object... parameters) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                assertThat(rows.next()).as("a row from %s", sql).isTrue();
                return rows.getObject(1, type);
            }
        }
    }

    private static long uncheckedCount(Connection connection, String sql) {
        try {
            return single(connection, sql, Long.class);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static UUID anyTenant() throws SQLException {
        try (Connection connection = TestPostgres.superuser().getConnection()) {
            return single(connection, "SELECT tenant_id FROM workstream ORDER BY tenant_id LIMIT 1", UUID.class);
        }
    }

    /** A BYPASSRLS role that may read every analytics column except milestone's. */
    private static DataSource roleWithoutMilestones() throws SQLException {
        try (Connection sql = TestPostgres.superuser().getConnection(); Statement statement = sql.createStatement()) {
            statement.execute("DROP ROLE IF EXISTS analytics_partial");
            statement.execute("CREATE ROLE analytics_partial LOGIN BYPASSRLS PASSWORD 'partial'");
            statement.execute("GRANT CONNECT ON DATABASE entente TO analytics_partial");
            statement.execute("GRANT USAGE ON SCHEMA public TO analytics_partial");
            // Everything but milestone, so that whichever connection copies what, milestone is the one that fails.
            statement.execute("GRANT SELECT ON ALL TABLES IN SCHEMA public TO analytics_partial");
            statement.execute("REVOKE ALL ON milestone FROM analytics_partial");
            statement.execute("GRANT EXECUTE ON ALL FUNCTIONS IN SCHEMA public TO analytics_partial");
        }
        return TestPostgres.dataSource("analytics_partial", "partial");
    }

    private static Path onlyFile(Path directory, String suffix) {
        try (Stream<Path> files = Files.list(directory)) {
            List<Path> matching = files.filter(p -> p.getFileName().toString().endsWith(suffix)).toList();
            assertThat(matching).hasSize(1);
            return matching.getFirst();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cutInHalf(Path file) {
        try (FileChannel channel = FileChannel.open(file,
                StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void assertOnlyFiles(Path directory, SnapshotInfo current) throws IOException {
        Set<String> names = new TreeSet<>();
        try (Stream<Path> files = Files.list(directory)) {
            files.forEach(p -> names.add(p.getFileName().toString()));
        }
        assertThat(names).containsExactlyInAnyOrder(current.file().getFileName().toString(), "parquet");
    }

    private static Path directory(TestInfo test) {
        return TestPostgres.freshDirectory("snapshot-" + test.getTestMethod().orElseThrow().getName());
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await(60, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
