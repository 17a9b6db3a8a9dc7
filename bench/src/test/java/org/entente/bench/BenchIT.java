package org.entente.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.entente.bench.MeasurementResult.Verdict;
import org.junit.jupiter.api.Test;

/**
 * {@code ./entente test} runs the whole benchmark once at a tiny scale, so that it keeps working: every row is
 * produced, none fails, and the report is written. The numbers are not judged here (no timed assertions): the full
 * run is {@code ./entente bench}.
 */
class BenchIT {

    @Test
    void theTinyRunProducesEveryRow() throws Exception {
        Path root = Path.of("").toAbsolutePath().getParent();
        Bench.Options options = Bench.Options.parse(new String[] {"--scale", "0.05", "--tiny", "--work",
                root.resolve("bench/target/bench-it").toString()}, root);

        Bench.Outcome outcome = Bench.run(options);

        assertThat(outcome.results()).extracting(r -> r.summary().id())
                .containsExactly("P1", "P2", "P3", "P4", "P5", "P6");
        assertThat(outcome.results()).allSatisfy(result -> {
            assertThat(result.summary().verdict()).as(result.summary().id() + ": " + result.summary().note())
                    .isNotEqualTo(Verdict.FAILED);
            assertThat(List.of(result.summary().what(), result.summary().measured(), result.summary().target()))
                    .as(result.summary().id()).allSatisfy(text -> assertThat(text).isNotBlank());
        });
        // Isolation is not a number: the 50 users' responses held no row of another tenant, and nothing failed.
        assertThat(outcome.results().get(4).summary().measured()).contains("0 errors, 0 rows of another tenant");
        assertThat(outcome.dataset().rows("workstream")).isGreaterThan(outcome.dataset().scale().workstreams());
        assertThat(Files.readString(outcome.written())).contains("| P1 |", "| P6 |", "Machine:");
    }
}
