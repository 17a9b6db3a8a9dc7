package org.entente.analytics.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.entente.analytics.engine.SqlScript;
import org.entente.analytics.engine.snapshot.ParquetExport;

/**
 * The snapshot's Parquet copy (ParquetExport) as Spark temporary views, one per table under its own name, so that
 * visibility.sql and the rollups read them as they read DuckDB's tables. The column types come from schema.sql (the
 * same declaration DuckDB's snapshot is created from), so an empty table folder reads as an empty table and no engine
 * guesses a type. The Hive partition column {@code year} of the partitioned tables is read and dropped: it is a copy
 * of a date column's year, not a column of the snapshot.
 */
public final class SparkSnapshot {

    private static final String SCHEMA = "/org/entente/analytics/engine/snapshot/schema.sql";
    private static final Pattern TABLE = Pattern.compile("^\\s*CREATE\\s+TABLE\\s+(\\w+)\\s*\\(", Pattern.CASE_INSENSITIVE);
    private static final Pattern COLUMN =
            Pattern.compile("^\\s*(\\w+)\\s+([A-Za-z]+(?:\\s*\\(\\s*\\d+\\s*,\\s*\\d+\\s*\\))?)");

    private SparkSnapshot() {
    }

    /**
     * Registers every table of the Parquet copy under {@code root} — the snapshot directory's {@code parquet} folder:
     * a local path, or {@code hdfs://...}, {@code s3a://...} wherever the deployment copies it.
     *
     * @return the tables registered, in schema order
     */
    public static List<String> register(SparkSession spark, String root) {
        String base = root.endsWith("/") ? root : root + "/";
        List<String> tables = new ArrayList<>();
        for (Map.Entry<String, String> table : sparkSchemas().entrySet()) {
            String name = table.getKey();
            boolean partitioned = ParquetExport.YEAR_COLUMNS.containsKey(name);
            Dataset<Row> rows = spark.read()
                    .schema(table.getValue() + (partitioned ? ", year INT" : ""))
                    .parquet(base + name);
            (partitioned ? rows.drop("year") : rows).createOrReplaceTempView(name);
            tables.add(name);
        }
        return List.copyOf(tables);
    }

    /** Table → its columns as a Spark DDL schema ({@code "id STRING, alias STRING, ..."}), from schema.sql. */
    public static Map<String, String> sparkSchemas() {
        Map<String, String> schemas = new LinkedHashMap<>();
        for (String statement : SqlScript.load(SCHEMA)) {
            String[] lines = statement.split("\n");
            Matcher table = TABLE.matcher(lines[0]);
            if (!table.find()) {
                throw new IllegalStateException("schema.sql: not a CREATE TABLE: " + lines[0]);
            }
            List<String> columns = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                Matcher column = COLUMN.matcher(lines[i]);
                if (column.find()) {
                    columns.add(column.group(1) + " " + sparkType(column.group(2)));
                }
            }
            schemas.put(table.group(1), String.join(", ", columns));
        }
        if (!schemas.keySet().equals(new java.util.LinkedHashSet<>(ParquetExport.TABLES))) {
            throw new IllegalStateException("schema.sql declares " + schemas.keySet() + " but the Parquet copy holds "
                    + ParquetExport.TABLES);
        }
        return schemas;
    }

    /** DuckDB's type in schema.sql as Spark reads the Parquet column (UUIDs are written as text, see ParquetExport). */
    static String sparkType(String duckdb) {
        String type = duckdb.toUpperCase(Locale.ROOT).replaceAll("\\s+", "");
        if (type.startsWith("DECIMAL")) {
            return type;
        }
        return switch (type) {
            case "UUID", "VARCHAR", "TEXT" -> "STRING";
            case "TIMESTAMPTZ" -> "TIMESTAMP";
            case "SMALLINT", "INTEGER", "BIGINT", "DATE", "BOOLEAN", "DOUBLE" -> type;
            default -> throw new IllegalStateException("schema.sql: no Spark type for " + duckdb);
        };
    }
}
