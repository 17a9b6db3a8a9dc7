package org.entente.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.entente.bench.MeasurementResult.Summary;
import org.entente.bench.MeasurementResult.Verdict;
import org.entente.bench.analytics.RollupBenchmark;
import org.entente.bench.analytics.SnapshotBenchmark;
import org.entente.bench.app.ConcurrentUsersBenchmark;
import org.entente.bench.app.ServiceLatencyBenchmark;
import org.entente.bench.app.SessionMemoryBenchmark;
import org.entente.bench.briefing.BriefingHeapBenchmark;
import org.entente.bench.data.BenchData;
import org.entente.bench.data.Dataset;

/**
 * {@code ./entente bench [--scale 10] [--only P1,P4] [--tiny]}: starts a fresh embedded PostgreSQL, generates the
 * data at the scale, runs P1 … P6 and prints the Markdown report (also written to bench/results/latest.md).
 */
public final class Bench {

    /** The measurements in table order. */
    static List<Measurement> measurements() {
        return List.of(new RollupBenchmark(), new SnapshotBenchmark(), new BriefingHeapBenchmark(),
                new ServiceLatencyBenchmark(), new ConcurrentUsersBenchmark(), new SessionMemoryBenchmark());
    }

    /** What to run. */
    public record Options(Scale scale, BenchContext.Effort effort, Set<String> only, long seed, Path root, Path work) {

        public static Options parse(String[] args, Path root) {
            double factor = 10;
            boolean tiny = false;
            Set<String> only = new TreeSet<>();
            long seed = 20261201L;
            Path work = null;
            for (int i = 0; i < args.length; i++) {
                switch (args[i]) {
                    case "--scale" -> factor = Double.parseDouble(value(args, ++i, "--scale"));
                    case "--tiny" -> tiny = true;
                    case "--only" -> Arrays.stream(value(args, ++i, "--only").split(","))
                            .map(s -> s.trim().toUpperCase(Locale.ROOT)).filter(s -> !s.isEmpty()).forEach(only::add);
                    case "--seed" -> seed = Long.parseLong(value(args, ++i, "--seed"));
                    case "--work" -> work = Path.of(value(args, ++i, "--work")).toAbsolutePath();
                    default -> throw new IllegalArgumentException("Unknown argument " + args[i]
                            + ". Usage: ./entente bench [--scale 10] [--only P1,P2] [--tiny] [--seed N] [--work DIR]");
                }
            }
            Scale scale = new Scale(factor);
            return new Options(scale, tiny ? BenchContext.Effort.tiny() : BenchContext.Effort.full(), only, seed, root,
                    work != null ? work : root.resolve("bench/target/bench-" + scale.label()));
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args[i];
        }
    }

    /** The outcome of a whole run. */
    public record Outcome(Dataset dataset, List<MeasurementResult> results, String markdown, Path written) {

        public boolean anyFailed() {
            return results.stream().anyMatch(r -> r.summary().verdict() == Verdict.FAILED);
        }
    }

    public static void main(String[] args) throws Exception {
        Path root = Path.of(System.getProperty("entente.bench.root", "..")).toAbsolutePath().normalize();
        Options options;
        try {
            options = Options.parse(args, root);
        } catch (IllegalArgumentException e) {
            System.err.println("entente bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        Outcome outcome = run(options);
        System.out.println();
        System.out.println(outcome.markdown());
        System.out.println("Written to " + outcome.written());
        System.exit(outcome.anyFailed() ? 1 : 0);
    }

    public static Outcome run(Options options) throws Exception {
        Instant started = Instant.now();
        Path work = options.work();
        deleteRecursively(work);
        Files.createDirectories(work);
        List<MeasurementResult> results = new ArrayList<>();
        Dataset dataset;
        try (BenchDatabase database = BenchDatabase.start(work.resolve("postgres"))) {
            progress("generating %s (seed %d)", options.scale().label(), options.seed());
            dataset = BenchData.generate(database, options.scale(), options.seed());
            progress("generated %,d rows in %s, loaded in %s", dataset.totalRows(), dataset.generated(),
                    dataset.loaded());
            try (BenchContext context = new BenchContext(options.scale(), database, dataset, work, options.effort())) {
                for (Measurement measurement : measurements()) {
                    if (!options.only().isEmpty() && !options.only().contains(measurement.id())) {
                        continue;
                    }
                    progress("%s …", measurement.id());
                    long t0 = System.nanoTime();
                    MeasurementResult result;
                    try {
                        result = measurement.run(context);
                    } catch (Exception | Error e) {
                        e.printStackTrace();
                        result = new MeasurementResult(new Summary(measurement.id(), "", "", "", "", "", Verdict.FAILED,
                                e.getClass().getSimpleName() + ": " + e.getMessage()), List.of());
                    }
                    results.add(result);
                    progress("%s %s in %s", measurement.id(), result.summary().verdict(),
                            Duration.ofNanos(System.nanoTime() - t0));
                }
            }
        }
        String markdown = Report.markdown(options, dataset, results, Duration.between(started, Instant.now()));
        Path written = options.root().resolve("bench/results/"
                + (options.effort().equals(BenchContext.Effort.full()) ? "latest.md" : "latest-tiny.md"));
        Files.createDirectories(written.getParent());
        Files.writeString(written, markdown);
        return new Outcome(dataset, List.copyOf(results), markdown, written);
    }

    static void progress(String format, Object... args) {
        System.out.printf(Locale.ROOT, "[bench %tT] %s%n", System.currentTimeMillis(), String.format(Locale.ROOT, format, args));
        System.out.flush();
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (var paths = Files.walk(path)) {
            for (Path p : paths.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
                Files.delete(p);
            }
        }
    }
}
