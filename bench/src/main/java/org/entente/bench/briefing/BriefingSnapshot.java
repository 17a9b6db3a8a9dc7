package org.entente.bench.briefing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import org.entente.analytics.engine.SqlScript;
import org.entente.analytics.engine.Viewer;
import org.entente.analytics.engine.Visibility;
import org.entente.analytics.engine.snapshot.RefreshListener;
import org.entente.analytics.engine.snapshot.SnapshotInfo;
import org.entente.analytics.engine.snapshot.SnapshotStore;
import org.entente.bench.BenchDatabase;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * The snapshots P3 writes briefings from: the bench database's own snapshot (taken as the app takes it), and a copy
 * of it whose contribution sheet holds exactly the rows P3 asks for.
 *
 * <p>The contribution sheet lists every contribution the viewer's organization may see ({@code detail.sql} after the
 * member view of {@code visibility.sql}). When the data has fewer, the copy adds duplicates of those visible
 * contributions (same workstream, contributor, type, amounts, dates, releasability and named partners, a new id),
 * round after round, until the sheet holds the asked number: every added row is visible by the same rule as the one
 * it copies, and the rollups of the briefing count the copies too.
 *
 * @param source       folder of the store holding the bench database's snapshot
 * @param extended     folder of the store holding the copy with the asked number of contribution rows
 * @param tenant       the viewer: of the generated tenants, the one whose organization sees the most contributions
 * @param organization its name, for the cover
 * @param visible      contributions it sees in the bench data
 * @param contributions contribution rows of the briefing from the copy ({@code max(visible, asked)})
 * @param workstreams  workstream rows of the briefing
 * @param rounds       how many copies of the visible contributions were needed at most
 * @param snapshotRows rows of the bench database's snapshot
 */
record BriefingSnapshot(Path source, Path extended, UUID tenant, String organization, long visible,
                        long contributions, long workstreams, int rounds, long snapshotRows) {

    private static final List<String> DETAIL = SqlScript.load("/org/entente/analytics/engine/briefing/detail.sql");

    static BriefingSnapshot prepare(BenchDatabase database, List<UUID> candidates, long rows, Path directory)
            throws IOException, SQLException {
        Path source = directory.resolve("snapshot");
        Path extended = directory.resolve("snapshot-extended");
        PGSimpleDataSource analytics = new PGSimpleDataSource();
        analytics.setURL(database.jdbcUrl());
        analytics.setUser(database.postgres().analyticsUser());
        analytics.setPassword(database.postgres().analyticsPassword());
        SnapshotInfo info;
        try (SnapshotStore store = new SnapshotStore(source)) {
            info = store.refresh(analytics, RefreshListener.NONE);
        }
        Files.createDirectories(extended);
        Path copy = extended.resolve(info.file().getFileName());
        Files.copy(info.file(), copy);

        try (Connection duckdb = DriverManager.getConnection("jdbc:duckdb:" + copy)) {
            UUID tenant = null;
            long visible = -1;
            for (UUID candidate : candidates) {
                long seen = detail(duckdb, candidate)[0];
                if (seen > visible) {
                    tenant = candidate;
                    visible = seen;
                }
            }
            if (tenant == null || visible == 0) {
                throw new IllegalStateException("No tenant sees any contribution: there is nothing to list");
            }
            detail(duckdb, tenant);
            int rounds = 0;
            if (visible < rows) {
                rounds = (int) ((rows - visible + visible - 1) / visible);
                extend(duckdb, rows - visible, rounds);
            }
            long[] counts = detail(duckdb, tenant);
            if (counts[0] != Math.max(rows, visible)) {
                throw new IllegalStateException("The extended snapshot lists " + counts[0] + " contributions, not "
                        + Math.max(rows, visible));
            }
            try (Statement sql = duckdb.createStatement()) {
                sql.execute("CHECKPOINT");
            }
            return new BriefingSnapshot(source, extended, tenant, name(duckdb, tenant), visible, counts[0], counts[1],
                    rounds, info.totalRows());
        }
    }

    /** Contribution and workstream rows of the tenant's briefing, leaving its briefing_* views on the connection. */
    private static long[] detail(Connection duckdb, UUID tenant) throws SQLException {
        Visibility.apply(duckdb, Viewer.organization(tenant));
        try (Statement sql = duckdb.createStatement()) {
            sql.execute("CREATE OR REPLACE TEMP TABLE briefing_filter (year_from INTEGER, year_to INTEGER,"
                    + " region VARCHAR, partner_kind VARCHAR, workstream_kind VARCHAR)");
            sql.execute("INSERT INTO briefing_filter VALUES (NULL, NULL, NULL, NULL, NULL)");   // the whole scope
        }
        SqlScript.execute(duckdb, DETAIL);
        try (Statement sql = duckdb.createStatement();
             ResultSet count = sql.executeQuery("SELECT (SELECT count(*) FROM briefing_contribution),"
                     + " (SELECT count(*) FROM briefing_workstream)")) {
            count.next();
            return new long[] {count.getLong(1), count.getLong(2)};
        }
    }

    /** Adds {@code missing} copies of the visible contributions (round 1 copies each once, round 2 again, ...). */
    private static void extend(Connection duckdb, long missing, int rounds) throws SQLException {
        try (Statement sql = duckdb.createStatement()) {
            sql.execute("CREATE TEMP TABLE p3_copy AS"
                    + " SELECT c.*, uuid() AS copy_id FROM (SELECT tenant_id, workstream_id, id FROM briefing_contribution) b"
                    + " JOIN contribution c USING (tenant_id, workstream_id, id)"
                    + " CROSS JOIN range(1, " + (rounds + 1) + ") AS round(n)"
                    + " ORDER BY round.n, c.tenant_id, c.workstream_id, c.id LIMIT " + missing);
            sql.execute("INSERT INTO contribution SELECT tenant_id, workstream_id, copy_id, contributor_tenant_id, type,"
                    + " unit, pledged_eur, delivered_eur, pledged_on, delivered_on, releasability FROM p3_copy");
            sql.execute("INSERT INTO contribution_rel_to SELECT r.tenant_id, r.workstream_id, p.copy_id, r.rel_tenant_id"
                    + " FROM p3_copy p JOIN contribution_rel_to r ON r.tenant_id = p.tenant_id"
                    + " AND r.workstream_id = p.workstream_id AND r.contribution_id = p.id");
            sql.execute("DROP TABLE p3_copy");
        }
    }

    private static String name(Connection duckdb, UUID tenant) throws SQLException {
        try (PreparedStatement sql = duckdb.prepareStatement("SELECT name FROM tenant WHERE id = ?")) {
            sql.setObject(1, tenant);
            try (ResultSet row = sql.executeQuery()) {
                return row.next() ? row.getString(1) : tenant.toString();
            }
        }
    }
}
