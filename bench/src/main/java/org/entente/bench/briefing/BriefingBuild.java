package org.entente.bench.briefing;

import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.lang.management.MemoryUsage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import org.entente.analytics.engine.AnalyticsSettings;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.briefing.BriefingKind;
import org.entente.analytics.engine.briefing.BriefingRequest;
import org.entente.analytics.engine.briefing.BriefingResult;
import org.entente.analytics.engine.briefing.BriefingWriter;
import org.entente.analytics.engine.briefing.ExportLedger;
import org.entente.analytics.engine.snapshot.SnapshotStore;

/**
 * Briefing builds in a JVM of their own (P3 starts it with the heap under test): warm-up builds from the small
 * snapshot, then the measured builds of the full briefing from the extended one, one after the other, each as the
 * app's briefing job writes it (workstream titles read from PostgreSQL under the tenant's row-level security, the
 * export ledger kept in memory, the workbook written to a file). Prints one line {@code P3-RESULT key=value ...} per
 * measured build for the parent to parse.
 *
 * <p>Peak heap = the largest heap in use right after any garbage collection during the measured build (summed over
 * the heap pools, from each collection's GcInfo). Once the rows are all added, before the workbook is saved, the
 * build forces one full collection: every build gets at least one sample at the point where an in-memory workbook
 * holds everything; that pause is taken out of the wall time.
 *
 * <p>Arguments: {@code streaming|xssf <store> <warm-up store> <warm-ups> <repetitions> <tenant uuid> <organization>
 * <out file>} (each repetition overwrites the file and prints its own line);
 * environment {@code ENTENTE_P3_JDBC_URL}, {@code ENTENTE_P3_USER}, {@code ENTENTE_P3_PASSWORD} (the app's role).
 */
public final class BriefingBuild {

    static final String RESULT = "P3-RESULT";
    static final String PROGRESS = "P3-ROWS";
    static final String STEP = "P3-STEP";
    static final String STREAMING = "streaming";
    static final String XSSF = "xssf";

    private BriefingBuild() {
    }

    public static void main(String[] args) throws Exception {
        String mode = args[0];
        Path store = Path.of(args[1]);
        Path warmupStore = Path.of(args[2]);
        int warmups = Integer.parseInt(args[3]);
        int repetitions = Integer.parseInt(args[4]);
        UUID tenant = UUID.fromString(args[5]);
        String organization = args[6];
        Path out = Path.of(args[7]);
        BriefingWriter writer = new BriefingWriter(AnalyticsSettings.defaults());
        if (XSSF.equals(mode)) {
            writer = writer.inMemory();
        } else if (!STREAMING.equals(mode)) {
            throw new IllegalArgumentException("mode " + mode);
        }

        for (int i = 0; i < warmups; i++) {   // the JIT compiles the writer's paths on the small snapshot
            build(writer, warmupStore, tenant, organization, out, null);
        }
        AtomicReference<Build> current = new AtomicReference<>();
        PeakHeap peak = new PeakHeap(heapFull -> {
            // A full heap makes G1 collect back to back for minutes before it gives up: that is running out.
            Build build = current.get();
            print(mode, build, "heap-full", heapFull, null, null);
            Runtime.getRuntime().halt(0);
        });
        for (int repetition = 1; repetition <= repetitions; repetition++) {
            Files.deleteIfExists(out);
            System.gc();   // what the previous build left is not this one's
            peak.reset();
            Build build = new Build(repetition);
            current.set(build);
            String outcome = "ok";
            BriefingResult result = null;
            try {
                result = build(writer, store, tenant, organization, out, build);
            } catch (OutOfMemoryError e) {
                outcome = "oom";   // the workbook is unreachable once the stack unwinds: the line can be printed
            }
            peak.settle();
            print(mode, build, outcome, peak, result, out);
            if (result == null) {
                break;
            }
        }
        System.exit(0);
    }

    /** What the measured build saw besides its result (written by the build, read when it ends or the heap fills). */
    private static final class Build {
        final int repetition;
        volatile long started = System.nanoTime();
        volatile long cpuAtStart = processCpuNanos();
        volatile long finished;
        volatile long cpuAtFinish;
        volatile long forcedGcNanos;
        volatile long liveBeforeSave;
        volatile long rowsReached;
        volatile int titles;
        volatile long ledgerEntries;

        Build(int repetition) {
            this.repetition = repetition;
        }

        void start() {
            started = System.nanoTime();
            cpuAtStart = processCpuNanos();
        }

        void finish() {
            finished = System.nanoTime();
            cpuAtFinish = processCpuNanos();
        }

        double millis() {
            return (System.nanoTime() - started) / 1e6;
        }

        /** Wall time without the forced collection; up to now if the build did not finish. */
        long nanos() {
            return (finished != 0 ? finished : System.nanoTime()) - started - forcedGcNanos;
        }

        long cpuNanos() {
            return (finished != 0 ? cpuAtFinish : processCpuNanos()) - cpuAtStart;
        }
    }

    private static synchronized void print(String mode, Build build, String outcome, PeakHeap peak,
                                           BriefingResult result, Path out) throws IOException {
        Map<String, String> line = new LinkedHashMap<>();
        line.put("mode", mode);
        line.put("repetition", Integer.toString(build.repetition));
        line.put("outcome", outcome);
        line.put("nanos", Long.toString(build.nanos()));
        line.put("cpuNanos", Long.toString(build.cpuNanos()));
        line.put("peakHeap", Long.toString(peak.peak()));
        line.put("liveBeforeSave", Long.toString(build.liveBeforeSave));
        line.put("forcedGcNanos", Long.toString(build.forcedGcNanos));
        line.put("maxHeap", Long.toString(Runtime.getRuntime().maxMemory()));
        line.put("gcs", Long.toString(peak.collections()));
        line.put("rowsReached", Long.toString(build.rowsReached));
        line.put("peakRss", Long.toString(peakRss()));
        line.put("titles", Integer.toString(build.titles));
        line.put("ledger", Long.toString(build.ledgerEntries));
        if (result != null) {
            line.put("detailRows", Long.toString(result.detailRows()));
            line.put("sheets", Integer.toString(result.sheetNames().size()));
            line.put("bytes", Long.toString(Files.size(out)));
        }
        System.out.println(RESULT + " " + line.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" ")));
        System.out.flush();
    }

    /** One build; with {@code measured}, timed from the titles query to the closed file (the app's store is open). */
    private static BriefingResult build(BriefingWriter writer, Path storeDirectory, UUID tenant, String organization,
                                        Path out, Build measured) throws IOException, SQLException {
        try (SnapshotStore store = new SnapshotStore(storeDirectory)) {
            if (measured != null) {
                measured.start();
            }
            Map<List<UUID>, String> titles = titles(tenant);
            if (measured != null) {
                System.out.printf("%s %.0f ms %,d titles read%n", STEP, measured.millis(), titles.size());
            }
            Ledger ledger = new Ledger();
            BriefingRequest request = new BriefingRequest(BriefingKind.FULL, null, Viewer.federation(tenant),
                    organization, "Entente benchmark P3", Instant.now());
            BriefingResult result;
            try (OutputStream file = new BufferedOutputStream(Files.newOutputStream(out), 1 << 16)) {
                result = writer.write(store, request, (lead, workstream) -> titles.get(List.of(lead, workstream)),
                        ledger, (fraction, step) -> {
                            if (measured == null) {
                                return;
                            }
                            // The log shows where the time goes.
                            System.out.printf("%s %.0f ms %s%n", STEP, measured.millis(), step);
                            if (step.startsWith("Writing detail rows: ")) {
                                measured.rowsReached = Long.parseLong(step.substring(21, step.indexOf(" of "))
                                        .replace(",", ""));
                                System.out.println(PROGRESS + " " + measured.rowsReached);   // the parent's clue
                            } else if (step.startsWith("Saving")) {
                                long t0 = System.nanoTime();
                                System.gc();   // every row is added: an in-memory workbook is at its fullest here
                                measured.forcedGcNanos += System.nanoTime() - t0;
                                measured.liveBeforeSave = heapUsed();
                            }
                        }, file);
            }
            if (measured != null) {
                measured.finish();
                measured.titles = titles.size();
                measured.ledgerEntries = ledger.count;
            }
            return result;
        }
    }

    /** The titles the tenant may see, read as the app's briefing job reads them: one query under row-level security. */
    private static Map<List<UUID>, String> titles(UUID tenant) throws SQLException {
        Map<List<UUID>, String> titles = new HashMap<>();
        try (Connection pg = DriverManager.getConnection(System.getenv("ENTENTE_P3_JDBC_URL"),
                System.getenv("ENTENTE_P3_USER"), System.getenv("ENTENTE_P3_PASSWORD"))) {
            pg.setAutoCommit(false);
            try (PreparedStatement scope = pg.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                scope.setString(1, tenant.toString());
                scope.execute();
            }
            try (PreparedStatement select = pg.prepareStatement("select tenant_id, id, title from workstream");
                 ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    titles.put(List.of(rows.getObject(1, UUID.class), rows.getObject(2, UUID.class)), rows.getString(3));
                }
            }
            pg.commit();
        }
        return titles;
    }

    /**
     * The export ledger as the app keeps it until the workbook is done (its ExportedContributions): each exported
     * contribution id as two longs, grouped by workstream, so its heap belongs to the build.
     */
    private static final class Ledger implements ExportLedger {
        private final Map<List<UUID>, long[]> ids = new LinkedHashMap<>();
        private final Map<List<UUID>, Integer> sizes = new HashMap<>();
        long count;

        @Override
        public void exported(UUID workstreamTenantId, UUID workstreamId, UUID contributionId) {
            List<UUID> key = List.of(workstreamTenantId, workstreamId);
            int size = sizes.getOrDefault(key, 0);
            long[] bits = ids.computeIfAbsent(key, k -> new long[16]);
            if (2 * size + 2 > bits.length) {
                bits = Arrays.copyOf(bits, bits.length * 2);
                ids.put(key, bits);
            }
            bits[2 * size] = contributionId.getMostSignificantBits();
            bits[2 * size + 1] = contributionId.getLeastSignificantBits();
            sizes.put(key, size + 1);
            count++;
        }
    }

    /**
     * The heap right after each garbage collection, from the collectors' notifications. Tells {@code whenFull} once
     * {@value #FULL_IN_A_ROW} collections in a row leave the heap {@value #FULL} full or more.
     */
    private static final class PeakHeap {
        private static final double FULL = 0.95;
        private static final int FULL_IN_A_ROW = 3;
        private final Set<String> heapPools = ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP).map(MemoryPoolMXBean::getName).collect(Collectors.toSet());
        private final long max = Runtime.getRuntime().maxMemory();
        private final AtomicLong peak = new AtomicLong();
        private final AtomicLong seen = new AtomicLong();
        private volatile boolean counting;
        private volatile long start;
        private int fullInARow;

        PeakHeap(Full whenFull) {
            for (GarbageCollectorMXBean collector : ManagementFactory.getGarbageCollectorMXBeans()) {
                ((NotificationEmitter) collector).addNotificationListener((notification, handback) -> {
                    if (!GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION.equals(notification.getType())) {
                        return;
                    }
                    var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                    long used = 0;
                    for (Map.Entry<String, MemoryUsage> pool : info.getGcInfo().getMemoryUsageAfterGc().entrySet()) {
                        if (heapPools.contains(pool.getKey())) {
                            used += pool.getValue().getUsed();
                        }
                    }
                    seen.incrementAndGet();
                    if (counting) {
                        peak.accumulateAndGet(used, Math::max);
                        fullInARow = used >= FULL * max ? fullInARow + 1 : 0;
                        if (fullInARow >= FULL_IN_A_ROW) {
                            try {
                                whenFull.full(this);
                            } catch (IOException e) {
                                throw new UncheckedIOException(e);
                            }
                        }
                    }
                }, null, null);
            }
        }

        @FunctionalInterface
        interface Full {
            void full(PeakHeap peak) throws IOException;
        }

        /** Forget what came before (the warm-ups); wait until the collections so far have been reported. */
        void reset() throws InterruptedException {
            settle();
            peak.set(0);
            fullInARow = 0;
            counting = true;
            start = collectionCount();
        }

        /** Notifications arrive on a service thread: wait (up to 2 s) until every collection so far was seen. */
        void settle() throws InterruptedException {
            long deadline = System.nanoTime() + 2_000_000_000L;
            while (seen.get() < collectionCount() && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
        }

        long peak() {
            return peak.get();
        }

        long collections() {
            return collectionCount() - start;
        }

        private static long collectionCount() {
            return ManagementFactory.getGarbageCollectorMXBeans().stream()
                    .mapToLong(GarbageCollectorMXBean::getCollectionCount).filter(c -> c > 0).sum();
        }
    }

    /** CPU time of the whole process (every thread: DuckDB's, the collector's, the build's). */
    private static long processCpuNanos() {
        return ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os
                ? os.getProcessCpuTime() : 0;
    }

    private static long heapUsed() {
        return ManagementFactory.getMemoryPoolMXBeans().stream().filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getUsage().getUsed()).sum();
    }

    /** The process's peak resident set (VmHWM), DuckDB's native memory included; 0 off Linux. */
    private static long peakRss() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmHWM:")) {
                    return Long.parseLong(line.replaceAll("\\D", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return 0;
    }

    static Map<String, String> parse(String line) {
        Map<String, String> values = new HashMap<>();
        for (String pair : line.substring(RESULT.length()).trim().split(" ")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                values.put(pair.substring(0, eq), pair.substring(eq + 1));
            }
        }
        return values;
    }
}
