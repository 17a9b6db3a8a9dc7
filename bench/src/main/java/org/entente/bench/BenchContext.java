package org.entente.bench;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.entente.bench.data.Dataset;

/**
 * What every measurement gets: the scale, the database with the generated data, a work folder, how hard to try,
 * and a place for expensive parts several measurements share (a Keycloak, an app context), closed at the end.
 */
public final class BenchContext implements AutoCloseable {

    private final Scale scale;
    private final BenchDatabase database;
    private final Dataset dataset;
    private final Path workDirectory;
    private final Effort effort;
    private final Map<Class<?>, AutoCloseable> shared = new LinkedHashMap<>();

    public BenchContext(Scale scale, BenchDatabase database, Dataset dataset, Path workDirectory, Effort effort) {
        this.scale = scale;
        this.database = database;
        this.dataset = dataset;
        this.workDirectory = workDirectory;
        this.effort = effort;
    }

    /**
     * How many repetitions and how long: the full run repeats enough for a median and a spread; the tiny run in
     * {@code ./entente test} does the least that still exercises every code path.
     *
     * @param warmups        runs thrown away before measuring
     * @param repetitions    measured runs (median and min–max over these)
     * @param loadDuration   how long P5's users work
     * @param browserSessions how many signed-in Chromium sessions P6 opens
     * @param briefingRows   detail rows of P3's briefing (1M at the full run)
     */
    public record Effort(int warmups, int repetitions, Duration loadDuration, int browserSessions, int briefingRows) {

        public static Effort full() {
            return new Effort(2, 5, Duration.ofSeconds(60), 10, 1_000_000);
        }

        /** One measured run of each, no warm-up, one browser session: a smoke run checks paths, not numbers. */
        public static Effort tiny() {
            return new Effort(0, 1, Duration.ofSeconds(5), 1, 20_000);
        }
    }

    public Scale scale() {
        return scale;
    }

    public BenchDatabase database() {
        return database;
    }

    public Dataset dataset() {
        return dataset;
    }

    /** A folder of this run (under bench/target), for snapshots, workbooks, browser profiles. */
    public Path workDirectory() {
        return workDirectory;
    }

    public Effort effort() {
        return effort;
    }

    /** The one instance of {@code type} of this run, created on first use and closed when the run ends. */
    public synchronized <T extends AutoCloseable> T shared(Class<T> type, Supplier<T> create) {
        AutoCloseable existing = shared.get(type);
        if (existing == null) {
            existing = create.get();
            shared.put(type, existing);
        }
        return type.cast(existing);
    }

    /** Closes a shared part now (e.g. an app context one measurement needs differently configured). */
    public synchronized void release(Class<? extends AutoCloseable> type) throws Exception {
        AutoCloseable existing = shared.remove(type);
        if (existing != null) {
            existing.close();
        }
    }

    @Override
    public synchronized void close() throws Exception {
        List<AutoCloseable> parts = new ArrayList<>(shared.values());
        shared.clear();
        Exception first = null;
        for (int i = parts.size() - 1; i >= 0; i--) {   // last created first
            try {
                parts.get(i).close();
            } catch (Exception e) {
                if (first == null) {
                    first = e;
                } else {
                    first.addSuppressed(e);
                }
            }
        }
        if (first != null) {
            throw first;
        }
    }
}
