package org.entente.analytics.engine.snapshot;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One snapshot file.
 *
 * @param file      the DuckDB file
 * @param takenAt   when PostgreSQL's consistent view was taken (the start of the read transaction): the "as of" time
 * @param asOf      the date the rollups treat as today: {@code takenAt}'s date in UTC
 * @param rowCounts rows per snapshot table, in schema order
 * @param took      how long the refresh took until this snapshot was current (its Parquet copy is written after);
 *                  {@link Duration#ZERO} for a file found on start (not recorded)
 */
public record SnapshotInfo(Path file, Instant takenAt, LocalDate asOf, Map<String, Long> rowCounts, Duration took) {

    public SnapshotInfo {
        rowCounts = Collections.unmodifiableMap(new LinkedHashMap<>(rowCounts));
    }

    /** Rows in all tables together. */
    public long totalRows() {
        return rowCounts.values().stream().mapToLong(Long::longValue).sum();
    }
}
