package org.entente.analytics.engine;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SqlScriptTest {

    @Test
    void statementsEndWithASemicolonAtLineEndAndCommentLinesAreDropped() {
        String script = """
                -- header; with a semicolon at the end;
                CREATE TABLE t (
                    a INT,   -- first; not the end
                    b INT
                );

                -- between
                INSERT INTO t VALUES (1, 2);
                SELECT 'no semicolon at the end'
                """;

        assertThat(SqlScript.split(script)).containsExactly(
                "CREATE TABLE t (\n    a INT,   -- first; not the end\n    b INT\n)",
                "INSERT INTO t VALUES (1, 2)",
                "SELECT 'no semicolon at the end'");
    }

    @Test
    void theEngineScriptsSplitIntoStatements() {
        assertThat(SqlScript.load("/org/entente/analytics/engine/snapshot/schema.sql"))
                .hasSize(23).allMatch(statement -> statement.startsWith("CREATE TABLE"));
        // Views, except the one table every view joins (computed once per viewer).
        assertThat(SqlScript.load("/org/entente/analytics/engine/visibility.sql"))
                .allMatch(statement -> statement.startsWith("CREATE OR REPLACE TEMP VIEW")
                        || statement.startsWith("DROP TABLE IF EXISTS workstream_visibility")
                        || statement.startsWith("CREATE TEMPORARY TABLE workstream_visibility AS"))
                .filteredOn(statement -> statement.startsWith("CREATE TEMPORARY TABLE")).hasSize(1);
    }
}
