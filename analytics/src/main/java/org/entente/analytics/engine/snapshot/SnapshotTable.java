package org.entente.analytics.engine.snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * One PostgreSQL table copied into the snapshot (schema.sql): what is read, and how it is laid out as Parquet.
 *
 * @param name        the table, in PostgreSQL and in DuckDB; progress and failure messages name it by the engine text
 *                    {@code refresh.table.<name>}
 * @param columns     the select list, in the DuckDB table's column order; exactly the columns the role
 *                    entente_analytics may read (V30__analytics.sql, V50__publication_consent.sql,
 *                    V51__monitoring_evaluation.sql)
 * @param relTo       the table (in PostgreSQL a uuid[] column rel_to, in DuckDB a table of its own) that receives the
 *                    rel_to array as rows (one per entry, duplicates kept), keyed by the table's first
 *                    {@code relToKeys} columns; null if the table has no rel_to
 * @param relToKeys   how many leading columns identify a row for {@code relTo}
 * @param parquetYear the date column whose year partitions the Parquet copy, or null for one file
 * @param sliceKey    a PostgreSQL int4 hash of a granted key column ({@code hashint8(id)}, {@code uuid_hash(id)}): a big
 *                    table is read in slices by its value, so that two connections can share it
 */
record SnapshotTable(String name, String columns, String relTo, int relToKeys, String parquetYear,
                     String sliceKey) {

    /** Every copied table, in copy order. */
    static final List<SnapshotTable> COPIED = List.of(
            new SnapshotTable("tenant", "id, alias, name, kind, region, status, capacity_index", null, 0, null,
                    "uuid_hash(id)"),
            new SnapshotTable("workstream", "tenant_id, id, kind, status, releasability, region, start_date, end_date, created_at",
                    "workstream_rel_to", 2, "start_date", "uuid_hash(id)"),
            new SnapshotTable("participation", "tenant_id, workstream_id, participant_tenant_id, role, status", null, 0, null, "uuid_hash(workstream_id)"),
            new SnapshotTable("initiative", "tenant_id, workstream_id, mechanism", null, 0, null,
                    "uuid_hash(workstream_id)"),
            new SnapshotTable("rnd_project", "tenant_id, workstream_id, technology_area, trl_start, trl_current, trl_target", null, 0, null,
                    "uuid_hash(workstream_id)"),
            new SnapshotTable("work_package", "tenant_id, workstream_id, id, lead_tenant_id, budget_eur", null, 0, null, "uuid_hash(id)"),
            new SnapshotTable("deliverable", "tenant_id, workstream_id, id, work_package_id, due_date, status, submitted_on", null, 0, "due_date",
                    "uuid_hash(id)"),
            new SnapshotTable("engagement", "tenant_id, workstream_id, party_tenant_id, engagement_type,"
                    + " vetting_status, agreement_valid_from, agreement_valid_to, risk_rating", null, 0, null,
                    "uuid_hash(workstream_id)"),
            new SnapshotTable("contribution", "tenant_id, workstream_id, id, contributor_tenant_id, type,"
                    + " unit, pledged_eur, delivered_eur, pledged_on, delivered_on, releasability",
                    "contribution_rel_to", 3, "pledged_on", "uuid_hash(id)"),
            new SnapshotTable("milestone", "tenant_id, workstream_id, id, owner_tenant_id, planned_date, actual_date, status", null, 0, "planned_date",
                    "uuid_hash(id)"),
            new SnapshotTable("activity", "tenant_id, workstream_id, id, actor_tenant_id, verb, item_type,"
                    + " item_tenant_id, releasability, at", "activity_rel_to", 3, "occurred_at", "hashint8(id)"),
            // Who publishes its own aggregate figures to whom (V50): the consent state of the snapshot.
            new SnapshotTable("publication_consent", "tenant_id, grantee_tenant_id, granted_at",
                    null, 0, null, "uuid_hash(tenant_id)"),
            // Capacity per organization and year (V50): the burden figures' denominator.
            new SnapshotTable("tenant_capacity", "tenant_id, year, capacity_eur", null, 0, null,
                    "uuid_hash(tenant_id)"),
            // The results chain (V51): indicators as items (who sees them), their progress and status as PostgreSQL's
            // view indicator_progress computes them (the one definition, as of the snapshot's transaction), and the
            // assessments with their recommendations.
            new SnapshotTable("indicator", "tenant_id, workstream_id, id, objective_id, disaggregation,"
                    + " responsible_tenant_id, releasability, created_at", "indicator_rel_to", 3, null, "uuid_hash(id)"),
            new SnapshotTable("indicator_progress", "tenant_id, workstream_id, indicator_id,"
                    + " objective_id, responsible_tenant_id, unit, direction, frequency, baseline_value, baseline_date,"
                    + " target_value, target_date, releasability, latest_value, latest_period_end, measurements,"
                    + " progress_ratio, expected_ratio, status, due_period_start, due_period_end, overdue", null, 0, null,
                    "uuid_hash(indicator_id)"),
            new SnapshotTable("assessment", "tenant_id, workstream_id, id, kind, mode, assessor_tenant_id,"
                    + " assessed_on, releasability", "assessment_rel_to", 3, "assessed_on", "uuid_hash(id)"),
            new SnapshotTable("assessment_recommendation", "tenant_id, workstream_id, assessment_id, id,"
                    + " owner_tenant_id, due_date, status", null, 0, null, "uuid_hash(id)"));

    /** Every table of the snapshot except snapshot_info, in schema order. */
    static final List<String> ALL = names();

    /** The PostgreSQL query for the table's rows (without rel_to). */
    String source() {
        return "SELECT " + columns + " FROM " + name;
    }

    /**
     * The query for slice {@code slice} (0-based) of {@code slices}: the rows whose {@link #sliceKey} hash modulo
     * {@code slices} is {@code slice}. The slices of one table hold every row exactly once.
     */
    String source(int slice, int slices) {
        if (slices == 1) {
            return source();
        }
        return source() + " WHERE (" + sliceKey + " & 2147483647) % " + slices + " = " + slice;
    }

    /**
     * The PostgreSQL query for the {@link #relTo} table: one row per rel_to entry (duplicates kept), keyed by the
     * table's first {@link #relToKeys} columns. A second, cheap scan of the table (few rows leave it), so that both
     * DuckDB tables load with a plain COPY.
     */
    String relToSource() {
        List<String> keys = List.of(columns.split(",\\s*")).subList(0, relToKeys);
        return "SELECT " + String.join(", ", keys) + ", unnest(rel_to) FROM " + name + " WHERE cardinality(rel_to) > 0";
    }

    private static List<String> names() {
        List<String> names = new ArrayList<>();
        for (SnapshotTable table : COPIED) {
            names.add(table.name());
            if (table.relTo() != null) {
                names.add(table.relTo());
            }
        }
        return List.copyOf(names);
    }
}
