package org.entente.db.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LocalPostgresTest {

    private static final Path DATA = Path.of("target", "local-postgres-test", "data");

    @BeforeAll
    static void startFromAnEmptyDirectory() throws Exception {
        if (Files.exists(DATA)) {
            try (Stream<Path> files = Files.walk(DATA)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    @Test
    void keepsDataAcrossRestartsAndReassertsTheRoles() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(DATA, 0)) {
            assertThat(postgres.port()).isPositive();
            assertThat(postgres.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost:" + postgres.port() + "/entente");
            try (Connection owner = owner(postgres); Statement sql = owner.createStatement()) {
                sql.execute("create table survives_restart (id int primary key)");
                sql.execute("insert into survives_restart values (42)");
                assertThat(single(sql, "select current_setting('server_version_num')::int / 10000")).isEqualTo("18");
                assertThat(single(sql, "select upper('ø')")).isEqualTo("Ø");
            }
        }

        try (LocalPostgres again = LocalPostgres.start(DATA, 0);
             Connection owner = owner(again);
             Statement sql = owner.createStatement()) {
            assertThat(single(sql, "select id from survives_restart")).isEqualTo("42");
            assertThat(single(sql, "select pg_get_userbyid(datdba) from pg_database where datname = 'entente'"))
                    .isEqualTo(LocalPostgres.OWNER_USER);
            assertThat(single(sql, "select pg_get_userbyid(nspowner) from pg_namespace where nspname = 'public'"))
                    .isEqualTo(LocalPostgres.OWNER_USER);
            for (String role : new String[] {LocalPostgres.OWNER_USER, LocalPostgres.APP_USER}) {
                assertThat(single(sql, "select concat_ws(',', rolcanlogin, rolsuper, rolbypassrls, rolcreatedb, rolcreaterole)"
                        + " from pg_roles where rolname = '" + role + "'"))
                        .as("login, superuser, bypassrls, createdb, createrole of %s", role)
                        .isEqualTo("t,f,f,f,f");
            }
            // The analytics snapshot reads every tenant's rows: BYPASSRLS, and nothing else elevated.
            assertThat(single(sql, "select concat_ws(',', rolcanlogin, rolsuper, rolbypassrls, rolcreatedb, rolcreaterole,"
                    + " rolreplication) from pg_roles where rolname = '" + LocalPostgres.ANALYTICS_USER + "'"))
                    .as("login, superuser, bypassrls, createdb, createrole, replication of %s", LocalPostgres.ANALYTICS_USER)
                    .isEqualTo("t,f,t,f,f,f");
            assertThat(single(sql, "select has_database_privilege('entente_app', 'entente', 'CONNECT')")).isEqualTo("t");
            assertThat(single(sql, "select has_database_privilege('entente_analytics', 'entente', 'CONNECT')")).isEqualTo("t");
            assertThat(single(sql, "select has_database_privilege('entente_analytics', 'entente', 'CREATE, TEMPORARY')"))
                    .isEqualTo("f");
            assertThat(single(sql, "select has_schema_privilege('entente_analytics', 'public', 'CREATE')")).isEqualTo("f");
            assertThat(single(sql, "select has_schema_privilege('entente_app', 'public', 'CREATE')")).isEqualTo("f");
        }
    }

    @Test
    void theRuntimeRoleCanConnectButCreateNothing() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(DATA, 0);
             Connection app = DriverManager.getConnection(postgres.jdbcUrl(), postgres.appUser(), postgres.appPassword());
             Statement sql = app.createStatement()) {
            assertThat(single(sql, "select current_user")).isEqualTo(LocalPostgres.APP_USER);
            assertThatThrownBy(() -> sql.execute("create table not_mine (id int)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied for schema public");
        }
    }

    @Test
    void theAnalyticsRoleCanConnectButCreateNothing() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(DATA, 0);
             Connection analytics = DriverManager.getConnection(postgres.jdbcUrl(), postgres.analyticsUser(),
                     postgres.analyticsPassword());
             Statement sql = analytics.createStatement()) {
            assertThat(single(sql, "select current_user")).isEqualTo(LocalPostgres.ANALYTICS_USER);
            assertThatThrownBy(() -> sql.execute("create table not_mine (id int)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied for schema public");
        }
    }

    @Test
    void refusesASecondServerOnTheSameDirectory() {
        try (LocalPostgres postgres = LocalPostgres.start(DATA, 0)) {
            assertThatThrownBy(() -> LocalPostgres.start(DATA, 0)).isInstanceOf(RuntimeException.class);
            assertThat(postgres.port()).isPositive();
        }
    }

    private static Connection owner(LocalPostgres postgres) throws SQLException {
        return DriverManager.getConnection(postgres.jdbcUrl(), postgres.ownerUser(), postgres.ownerPassword());
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertThat(rows.next()).as("a row from %s", query).isTrue();
            return rows.getString(1);
        }
    }
}
