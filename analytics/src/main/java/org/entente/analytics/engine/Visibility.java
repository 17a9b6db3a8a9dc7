package org.entente.analytics.engine;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * Applies the releasability rule ({@code visibility.sql}) for one viewer to a DuckDB connection on the snapshot:
 * afterwards the connection has the TEMP table {@code analysis_viewer} and the TEMP views {@code v_*} that rollups
 * read. Temp objects belong to the connection, so readers on other connections are not affected; calling it again
 * on the same connection switches to another viewer.
 */
public final class Visibility {

    /** The releasability rule's SQL (also run by other engines over the Parquet copy, see RollupSuite#scripts). */
    public static final String RESOURCE = "/org/entente/analytics/engine/visibility.sql";

    private static final List<String> STATEMENTS = SqlScript.load(RESOURCE);

    private Visibility() {
    }

    public static void apply(Connection duckdb, Viewer viewer) throws SQLException {
        try (Statement statement = duckdb.createStatement()) {
            statement.execute("CREATE OR REPLACE TEMP TABLE analysis_viewer (tenant_id UUID NOT NULL, federation BOOLEAN NOT NULL)");
        }
        try (PreparedStatement insert = duckdb.prepareStatement("INSERT INTO analysis_viewer VALUES (?, ?)")) {
            insert.setObject(1, viewer.tenantId());
            insert.setBoolean(2, viewer.federation());
            insert.executeUpdate();
        }
        SqlScript.execute(duckdb, STATEMENTS);
    }
}
