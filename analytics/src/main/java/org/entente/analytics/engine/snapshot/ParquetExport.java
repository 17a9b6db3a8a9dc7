package org.entente.analytics.engine.snapshot;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.entente.analytics.engine.EngineText;

/**
 * The snapshot as Parquet files, so another engine (Spark, Trino, DuckDB elsewhere) can read the same data. Written by
 * every refresh once the DuckDB file is complete, from that file. Layout under {@code <snapshot directory>/parquet}:
 * <pre>
 *   &lt;table&gt;/year=YYYY/data_0.parquet        tables with a natural date, partitioned by its year (UTC)
 *   &lt;table&gt;/year=__HIVE_DEFAULT_PARTITION__/data_0.parquet    rows whose date is null (Hive's convention)
 *   &lt;table&gt;/data.parquet                     every other table, one file
 * </pre>
 * The partition column {@code year} lives in the folder name only (Hive partitioning), not inside the files. A
 * partitioned table without rows has an empty folder. UUID columns are written as their canonical text
 * ({@code 8-4-4-4-12}, lower case): Spark 4.2 rejects Parquet's UUID type ({@code PARQUET_TYPE_ILLEGAL}), and text
 * compares and sorts the same way in every engine. See {@link #YEAR_COLUMNS} and the analytics README.
 */
public final class ParquetExport {

    /** The folder under the snapshot directory. */
    public static final String DIRECTORY = "parquet";

    /** Table → the date column whose year partitions it; the other tables are written as one file each. */
    public static final Map<String, String> YEAR_COLUMNS;

    /** Every table written, in schema order (the snapshot tables and snapshot_info). */
    public static final List<String> TABLES;

    static {
        Map<String, String> years = new LinkedHashMap<>();
        for (SnapshotTable table : SnapshotTable.COPIED) {
            if (table.parquetYear() != null) {
                years.put(table.name(), table.parquetYear());
            }
        }
        List<String> tables = new ArrayList<>(SnapshotTable.ALL);
        tables.add("snapshot_info");
        YEAR_COLUMNS = Collections.unmodifiableMap(years);
        TABLES = List.copyOf(tables);
    }

    private ParquetExport() {
    }

    /**
     * Writes every table of {@code snapshot} (a DuckDB connection on the snapshot tables) into {@code folder}, which
     * must not exist yet. {@code listener} gets the fraction of tables written.
     */
    public static void write(Connection snapshot, Path folder, RefreshListener listener) throws SQLException, IOException {
        Files.createDirectories(folder.getParent());
        Files.createDirectory(folder);
        for (int i = 0; i < TABLES.size(); i++) {
            String table = TABLES.get(i);
            listener.progress((double) i / TABLES.size(), EngineText.of("refresh.step.parquetTable", table));
            Path target = folder.resolve(table);
            Files.createDirectory(target);
            String year = YEAR_COLUMNS.get(table);
            String columns = portableColumns(snapshot, table);
            String sql = year == null
                    ? "COPY (SELECT " + columns + " FROM " + table + ") TO " + literal(target.resolve("data.parquet"))
                            + " (FORMAT parquet, COMPRESSION zstd)"
                    : "COPY (SELECT " + columns + ", year(" + year + ") AS year FROM " + table + ") TO " + literal(target)
                            + " (FORMAT parquet, COMPRESSION zstd, PARTITION_BY (year), OVERWRITE_OR_IGNORE)";
            try (Statement statement = snapshot.createStatement()) {
                statement.execute(sql);
            }
        }
        listener.progress(1, EngineText.of("refresh.step.parquetWritten"));
    }

    /** The table's columns in order, UUID columns cast to their text (see the class comment). */
    private static String portableColumns(Connection snapshot, String table) throws SQLException {
        List<String> columns = new ArrayList<>();
        try (Statement statement = snapshot.createStatement();
             ResultSet rs = statement.executeQuery("DESCRIBE " + table)) {
            while (rs.next()) {
                String name = '"' + rs.getString("column_name").replace("\"", "\"\"") + '"';
                columns.add(rs.getString("column_type").equals("UUID")
                        ? "CAST(" + name + " AS VARCHAR) AS " + name : name);
            }
        }
        return String.join(", ", columns);
    }

    /**
     * Puts {@code folder} in the place of {@code parquetDirectory}: the old folder is renamed away, the new one renamed
     * in, then the old one deleted. Readers that listed the old files keep reading them (the files stay open).
     */
    public static void replace(Path folder, Path parquetDirectory) throws IOException {
        Path old = parquetDirectory.resolveSibling(parquetDirectory.getFileName() + ".old-" + System.nanoTime());
        boolean hadOld = Files.exists(parquetDirectory);
        if (hadOld) {
            Files.move(parquetDirectory, old, StandardCopyOption.ATOMIC_MOVE);
        }
        try {
            Files.move(folder, parquetDirectory, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            if (hadOld) {
                Files.move(old, parquetDirectory, StandardCopyOption.ATOMIC_MOVE);
            }
            throw e;
        }
        if (hadOld) {
            Folders.deleteRecursively(old);
        }
    }

    /** A DuckDB string literal for a path. */
    static String literal(Path path) {
        return "'" + path.toAbsolutePath().toString().replace("'", "''") + "'";
    }
}
