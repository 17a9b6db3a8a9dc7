package org.entente.bench;

import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.entente.bench.MeasurementResult.DetailTable;
import org.entente.bench.MeasurementResult.Summary;
import org.entente.bench.data.Dataset;

/** The Markdown the run prints: machine, data, the summary table P1 … P6, then each measurement's details. */
final class Report {

    private Report() {
    }

    static String markdown(Bench.Options options, Dataset dataset, List<MeasurementResult> results, Duration took) {
        StringBuilder md = new StringBuilder();
        md.append("# Entente benchmark, ").append(options.scale().label()).append("\n\n");
        md.append("Run ").append(DateTimeFormatter.ISO_LOCAL_DATE_TIME.format(Instant.now().atOffset(ZoneOffset.UTC)
                .withNano(0))).append(" UTC, ").append(minutes(took)).append(" in all")
                .append(options.effort().equals(BenchContext.Effort.tiny()) ? " (tiny effort: smoke run, not a measurement)" : "")
                .append(".\n\n");
        md.append("Machine: ").append(machine()).append("\n\n");
        md.append("Data (seed ").append(dataset.seed()).append("): ").append(dataset.tenants().size())
                .append(" tenants; ").append(rows(dataset.rows())).append("; drawn in ")
                .append(seconds(dataset.generated())).append(", loaded by COPY in ").append(seconds(dataset.loaded()))
                .append(".\n\n");
        if (!options.scale().targetsApply()) {
            md.append("The targets are stated for SF10; at ").append(options.scale().label())
                    .append(" the verdicts only say how this run compares with them.\n\n");
        }
        table(md, List.of("id", "what", "measured", "compared with", "comparison", "target", "verdict", "note"),
                results.stream().map(r -> {
                    Summary s = r.summary();
                    return List.of(s.id(), s.what(), s.measured(), s.comparedWith(), s.comparison(), s.target(),
                            s.verdict().name(), s.note());
                }).toList());
        for (MeasurementResult result : results) {
            for (DetailTable detail : result.details()) {
                md.append("\n### ").append(result.summary().id()).append(" — ").append(detail.title()).append("\n\n");
                table(md, detail.columns(), detail.rows());
            }
        }
        return md.toString();
    }

    private static void table(StringBuilder md, List<String> columns, List<List<String>> rows) {
        md.append("| ").append(String.join(" | ", columns.stream().map(Report::cell).toList())).append(" |\n");
        md.append("|").append("---|".repeat(columns.size())).append("\n");
        for (List<String> row : rows) {
            md.append("| ").append(String.join(" | ", row.stream().map(Report::cell).toList())).append(" |\n");
        }
    }

    private static String cell(String text) {
        return text == null ? "" : text.replace("|", "\\|").replace("\n", " ");
    }

    private static String rows(Map<String, Long> rows) {
        StringBuilder text = new StringBuilder();
        new TreeMap<>(rows).forEach((table, count) -> {
            if (count > 0) {
                text.append(text.isEmpty() ? "" : ", ").append(table).append(' ')
                        .append(String.format(Locale.ROOT, "%,d", count));
            }
        });
        return text.toString();
    }

    static String machine() {
        String cpu = "unknown CPU";
        try {
            cpu = Files.readAllLines(Path.of("/proc/cpuinfo")).stream().filter(l -> l.startsWith("model name"))
                    .findFirst().map(l -> l.substring(l.indexOf(':') + 1).trim()).orElse(cpu);
        } catch (Exception ignored) {
            // not Linux: the model stays unknown
        }
        long memory = 0;
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            memory = os.getTotalMemorySize();
        }
        return String.format(Locale.ROOT, "%d cores (%s), %.0f GiB RAM, %s %s, Java %s",
                Runtime.getRuntime().availableProcessors(), cpu, memory / (1024.0 * 1024 * 1024),
                System.getProperty("os.name"), System.getProperty("os.version"), Runtime.version());
    }

    private static String seconds(Duration duration) {
        return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
    }

    private static String minutes(Duration duration) {
        return String.format(Locale.ROOT, "%d min %02d s", duration.toMinutes(), duration.toSecondsPart());
    }
}
