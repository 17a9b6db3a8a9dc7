package org.entente.analytics.engine.snapshot;

import java.util.ArrayList;
import java.util.List;

/**
 * One PostgreSQL table copied into the snapshot (schema.sql): what is read, and how it is laid out as Parquet.
 *
 * @param name        the table, in PostgreSQL and in DuckDB
 * @param label       plural noun for progress messages ("contributions")
 * @param columns     the select list, in the DuckDB table's column order; exactly the columns the role
 *                    entente_analytics may read (V30__analytics.sql)
 * @param relTo       the DuckDB table that receives the rel_to array as rows (one per entry, duplicates kept),
 *                    keyed by the table's first {@code relToKeys} columns; null if the table has no rel_to
 * @param relToKeys   how many leading columns identify a row for {@code relTo}
 * @param parquetYear the date column whose year partitions the Parquet copy, or null for one file
 */
record SnapshotTable(String name, String label, String columns, String relTo, int relToKeys, String parquetYear) {

    /** Every copied table, in copy order. */
    static final List<SnapshotTable> COPIED = List.of(
            new SnapshotTable("tenant", "tenants", "id, alias, name, kind, region, status, capacity_index", null, 0, null),
            new SnapshotTable("workstream", "workstreams",
                    "tenant_id, id, kind, status, releasability, region, start_date, end_date, created_at",
                    "workstream_rel_to", 2, "start_date"),
            new SnapshotTable("participation", "participations",
                    "tenant_id, workstream_id, participant_tenant_id, role, status", null, 0, null),
            new SnapshotTable("initiative", "initiatives", "tenant_id, workstream_id, mechanism", null, 0, null),
            new SnapshotTable("rnd_project", "R&D projects",
                    "tenant_id, workstream_id, technology_area, trl_start, trl_current, trl_target", null, 0, null),
            new SnapshotTable("work_package", "work packages",
                    "tenant_id, workstream_id, id, lead_tenant_id, budget_eur", null, 0, null),
            new SnapshotTable("deliverable", "deliverables",
                    "tenant_id, workstream_id, id, work_package_id, due_date, status, submitted_on", null, 0, "due_date"),
            new SnapshotTable("engagement", "engagements", "tenant_id, workstream_id, party_tenant_id, engagement_type,"
                    + " vetting_status, agreement_valid_from, agreement_valid_to, risk_rating", null, 0, null),
            new SnapshotTable("contribution", "contributions", "tenant_id, workstream_id, id, contributor_tenant_id, type,"
                    + " unit, pledged_eur, delivered_eur, pledged_on, delivered_on, releasability",
                    "contribution_rel_to", 3, "pledged_on"),
            new SnapshotTable("milestone", "milestones",
                    "tenant_id, workstream_id, id, owner_tenant_id, planned_date, actual_date, status", null, 0, "planned_date"),
            new SnapshotTable("activity", "activity events", "tenant_id, workstream_id, id, actor_tenant_id, verb, item_type,"
                    + " item_tenant_id, releasability, at", "activity_rel_to", 3, "occurred_at"));

    /** Every table of the snapshot except snapshot_info, in schema order. */
    static final List<String> ALL = names();

    /**
     * The PostgreSQL query. A rel_to array travels as one trailing column, its entries separated by spaces (null when
     * empty), so the table is scanned once; DuckDB splits it into the rel_to table while loading.
     */
    String source() {
        return "SELECT " + columns
                + (relTo == null ? "" : ", CASE WHEN cardinality(rel_to) > 0 THEN array_to_string(rel_to, ' ') END")
                + " FROM " + name;
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
