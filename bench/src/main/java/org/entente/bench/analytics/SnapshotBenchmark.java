package org.entente.bench.analytics;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;
import org.entente.analytics.engine.snapshot.RefreshListener;
import org.entente.analytics.engine.snapshot.SnapshotInfo;
import org.entente.analytics.engine.snapshot.SnapshotStore;
import org.entente.bench.BenchContext;
import org.entente.bench.Measurement;
import org.entente.bench.MeasurementResult;
import org.entente.bench.MeasurementResult.DetailTable;
import org.entente.bench.MeasurementResult.Summary;
import org.entente.bench.MeasurementResult.Verdict;
import org.entente.bench.Samples;

/**
 * P2: a snapshot refresh (PostgreSQL → DuckDB) in rows per second, against PostgreSQL's own COPY of the same rows.
 *
 * <p>Timed: {@link SnapshotStore#refresh} as the app runs it, as the analytics role, and its rows/s = rows copied into
 * the snapshot / {@link SnapshotInfo#took()} — from the start of the refresh until the new snapshot is published
 * (current). The Parquet copy a refresh writes afterwards is outside that time and reported on its own. Ceiling:
 * {@link CopyCeiling}, the same COPY statements on the same number of connections, bytes discarded. Repetitions
 * alternate refresh and ceiling, so that a busy moment of the shared machine slows both. CPU time of PostgreSQL's
 * processes and of this JVM (DuckDB included) is read around each run: on 2 cores it shows which side binds.
 */
public final class SnapshotBenchmark implements Measurement {

    private static final double TARGET_ROWS_PER_SECOND = 1e6;
    private static final double TARGET_FRACTION = 0.5;

    @Override
    public String id() {
        return "P2";
    }

    @Override
    public MeasurementResult run(BenchContext context) throws Exception {
        DataSource source = RollupBenchmark.analyticsSource(context.database());
        List<SnapshotStore.SourceCopy> copies = SnapshotStore.sourceCopies();
        int connections = SnapshotStore.sourceConnections();
        ServerCpu cpu;
        try (Connection superuser = context.database().superuser()) {
            cpu = ServerCpu.of(superuser);
        }

        List<Double> refreshRate = new ArrayList<>();
        List<Double> refreshNanos = new ArrayList<>();
        List<Double> afterPublish = new ArrayList<>();
        List<Double> ceilingRate = new ArrayList<>();
        List<Double> ceilingNanos = new ArrayList<>();
        List<ServerCpu.Reading> refreshCpu = new ArrayList<>();
        List<ServerCpu.Reading> ceilingCpu = new ArrayList<>();
        Map<String, List<Double>> copyNanos = new LinkedHashMap<>();
        Map<String, Long> copyBytes = new LinkedHashMap<>();
        SnapshotInfo last = null;
        BenchContext.Effort effort = context.effort();
        try (SnapshotStore store = new SnapshotStore(context.workDirectory().resolve("p2-snapshots"))) {
            for (int repetition = 0; repetition < effort.warmups() + effort.repetitions(); repetition++) {
                boolean measured = repetition >= effort.warmups();

                int children = cpu.children();
                ServerCpu.Reading before = cpu.now();
                long t0 = System.nanoTime();
                // CPU until published: read when the refresh starts on its Parquet copy (else at its end).
                ServerCpu.Reading[] published = {null};
                RefreshListener parquetStarts = (fraction, step) -> {
                    if (published[0] == null && step.key().startsWith("refresh.step.parquet")) {
                        published[0] = cpu.now();
                    }
                };
                SnapshotInfo info = store.refresh(source, parquetStarts);
                long refreshed = System.nanoTime() - t0;
                cpu.settle(children);
                ServerCpu.Reading used = (published[0] != null ? published[0] : cpu.now()).minus(before);
                double took = info.took().toNanos();

                before = cpu.now();
                CopyCeiling.Run ceiling = CopyCeiling.run(source, copies, connections);
                cpu.settle(children);
                ServerCpu.Reading ceilingUsed = cpu.now().minus(before);

                if (ceiling.rows() != info.totalRows()) {
                    throw new IllegalStateException("The ceiling copied %,d rows but the snapshot holds %,d"
                            .formatted(ceiling.rows(), info.totalRows()));
                }
                if (measured) {
                    last = info;
                    refreshNanos.add(took);
                    refreshRate.add(info.totalRows() / (took / 1e9));
                    afterPublish.add(refreshed - took);
                    refreshCpu.add(used);
                    ceilingNanos.add((double) ceiling.nanos());
                    ceilingRate.add(ceiling.rows() / (ceiling.nanos() / 1e9));
                    ceilingCpu.add(ceilingUsed);
                    for (CopyCeiling.Copied copied : ceiling.copies()) {
                        copyNanos.computeIfAbsent(copied.table(), t -> new ArrayList<>()).add((double) copied.nanos());
                        copyBytes.put(copied.table(), copied.bytes());
                    }
                }
            }
        }

        Samples rate = Samples.of(refreshRate);
        Samples ceiling = Samples.of(ceilingRate);
        double fraction = Samples.ratioOfMedians(rate, ceiling);
        boolean met = rate.median() >= TARGET_ROWS_PER_SECOND && fraction >= TARGET_FRACTION;
        double refreshPostgres = median(refreshCpu, true);
        double refreshJvm = median(refreshCpu, false);
        double ceilingPostgres = median(ceilingCpu, true);
        double ceilingJvm = median(ceilingCpu, false);
        int cores = Runtime.getRuntime().availableProcessors();
        String cpuNote = String.format(Locale.ROOT, "CPU per refresh until published: PostgreSQL %s, JVM with DuckDB %s (%s of wall"
                        + " time on %d cores); per ceiling run: PostgreSQL %s, JVM %s.",
                Samples.seconds(refreshPostgres), Samples.seconds(refreshJvm),
                Samples.times((refreshPostgres + refreshJvm) / Samples.of(refreshNanos).median()), cores,
                Samples.seconds(ceilingPostgres), Samples.seconds(ceilingJvm));
        StringBuilder note = new StringBuilder();
        if (!met) {
            note.append(rate.median() < TARGET_ROWS_PER_SECOND ? "Below 1M rows/s. " : "")
                    .append(fraction < TARGET_FRACTION ? "Below half the ceiling. " : "");
            // With every core busy, the CPU both sides need bounds the rate from above, however the work is spread.
            double bound = last.totalRows() / ((refreshPostgres + refreshJvm) / cores / 1e9);
            note.append("PostgreSQL and the JVM share ").append(cores).append(" cores, so even with both busy all the"
                            + " time and nothing else running a refresh cannot pass ").append(Samples.perSecond(bound))
                    .append(" here. PostgreSQL on its own host (or a read replica) takes its part off them; the")
                    .append(" JVM's own CPU then bounds a refresh at ")
                    .append(Samples.perSecond(last.totalRows() / (refreshJvm / cores / 1e9))).append(". ");
        }
        note.append(cpuNote).append(" Parquet copy after publishing (outside the timing): ")
                .append(Samples.of(afterPublish).describe(Samples::seconds)).append('.');

        Summary summary = new Summary("P2",
                String.format(Locale.ROOT, "Snapshot refresh PostgreSQL → DuckDB, %,d rows, until published", last.totalRows()),
                rate.describe(Samples::perSecond) + " (" + Samples.of(refreshNanos).describe(Samples::seconds) + ")",
                "PostgreSQL's own COPY … TO STDOUT of the same queries on " + connections + " connection"
                        + (connections == 1 ? "" : "s") + ", bytes discarded: " + ceiling.describe(Samples::perSecond)
                        + " (" + Samples.of(ceilingNanos).describe(Samples::seconds) + ")",
                Samples.percent(fraction) + " of the ceiling",
                "≥ 1M rows/s, ≥ 50 % of the ceiling",
                met ? Verdict.MET : Verdict.MISSED,
                note.toString().strip());

        List<List<String>> tables = new ArrayList<>();
        for (SnapshotStore.SourceCopy copy : copies) {
            long rows = last.rowCounts().getOrDefault(copy.table(), 0L);
            Samples nanos = Samples.of(copyNanos.get(copy.table()));
            tables.add(List.of(copy.table(), String.format(Locale.ROOT, "%,d", rows),
                    Samples.megabytes(copyBytes.get(copy.table())), nanos.describe(Samples::millis),
                    rows == 0 ? "" : Samples.perSecond(rows / (nanos.median() / 1e9))));
        }
        List<List<String>> runs = List.of(
                List.of("refresh until published", Samples.of(refreshNanos).describe(Samples::seconds),
                        rate.describe(Samples::perSecond), Samples.seconds(refreshPostgres), Samples.seconds(refreshJvm)),
                List.of("ceiling (COPY, discarded)", Samples.of(ceilingNanos).describe(Samples::seconds),
                        ceiling.describe(Samples::perSecond), Samples.seconds(ceilingPostgres), Samples.seconds(ceilingJvm)));
        return new MeasurementResult(summary, List.of(
                new DetailTable("each table: rows, and PostgreSQL's COPY of it in the ceiling run (CSV bytes, time on"
                        + " its connection)", List.of("table", "rows", "CSV", "COPY time", "rows/s"), tables),
                new DetailTable("runs (medians of CPU time)", List.of("run", "wall time", "rows/s", "PostgreSQL CPU",
                        "JVM CPU (with DuckDB)"), runs)));
    }

    private static double median(List<ServerCpu.Reading> readings, boolean postgres) {
        return Samples.of(readings.stream().map(r -> postgres ? r.postgres() : r.jvm()).toList()).median();
    }
}
