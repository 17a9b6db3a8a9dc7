package org.entente.analytics.engine.snapshot;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import org.entente.analytics.engine.SqlScript;
import org.entente.analytics.engine.TestPostgres;
import org.junit.jupiter.api.Test;

/**
 * schema.sql is declared in SQL that PostgreSQL runs unchanged: the benchmark's P1 loads the snapshot into PostgreSQL
 * from this very file to run the rollups on both engines. A DuckDB-only type name (DOUBLE, HUGEINT, ...) fails here in
 * seconds rather than at the end of the suite in the bench module.
 */
class SnapshotSchemaPortabilityTest {

    private static final String SCHEMA = "/org/entente/analytics/engine/snapshot/schema.sql";

    @Test
    void everyTableOfTheSnapshotSchemaIsCreatedOnPostgres() throws Exception {
        List<String> statements = SqlScript.load(SCHEMA);
        try (Connection postgres = TestPostgres.superuser().getConnection();
             Statement statement = postgres.createStatement()) {
            postgres.setAutoCommit(false);
            statement.execute("CREATE SCHEMA portability_check");
            statement.execute("SET LOCAL search_path = portability_check");
            for (String sql : statements) {
                statement.execute(sql);
            }
            try (ResultSet tables = statement.executeQuery(
                    "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'portability_check'")) {
                tables.next();
                assertThat(tables.getInt(1)).isEqualTo(statements.size());
            }
            postgres.rollback();
        }
    }
}
