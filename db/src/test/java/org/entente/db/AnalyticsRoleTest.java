package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.db.Collaboration.contribution;
import static org.entente.db.Collaboration.inviteAndAccept;
import static org.entente.db.Collaboration.tenant;
import static org.entente.db.Collaboration.workstream;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.entente.db.embedded.LocalPostgres;
import org.entente.db.embedded.SchemaMigration;
import org.junit.jupiter.api.Test;

/**
 * The analytics snapshot's role: it bypasses row-level security (it reads every tenant's rows), so
 * column privileges are its only fence. These tests pin that fence to the list in V30 for every
 * table and column of the schema, so a new table or column is caught until someone decides.
 */
class AnalyticsRoleTest {

    private static final String ROLE = LocalPostgres.ANALYTICS_USER;

    /** What analytics may read: exactly these columns (V30, replaced by V50: grant_analytics_read). */
    static final Map<String, List<String>> GRANTED = new LinkedHashMap<>();

    static {
        GRANTED.put("tenant", List.of("id", "alias", "name", "kind", "region", "status", "capacity_index"));
        GRANTED.put("workstream", List.of("tenant_id", "id", "kind", "status", "releasability", "rel_to", "region",
                "start_date", "end_date", "created_at"));
        GRANTED.put("participation", List.of("tenant_id", "workstream_id", "participant_tenant_id", "role", "status"));
        GRANTED.put("initiative", List.of("tenant_id", "workstream_id", "mechanism"));
        GRANTED.put("rnd_project", List.of("tenant_id", "workstream_id", "technology_area", "trl_start", "trl_current",
                "trl_target"));
        GRANTED.put("work_package", List.of("tenant_id", "workstream_id", "id", "lead_tenant_id", "budget_eur"));
        GRANTED.put("deliverable", List.of("tenant_id", "workstream_id", "id", "work_package_id", "due_date", "status",
                "submitted_on"));
        GRANTED.put("engagement", List.of("tenant_id", "workstream_id", "party_tenant_id", "engagement_type",
                "vetting_status", "agreement_valid_from", "agreement_valid_to", "risk_rating"));
        GRANTED.put("contribution", List.of("tenant_id", "workstream_id", "id", "contributor_tenant_id", "type", "unit",
                "pledged_eur", "delivered_eur", "pledged_on", "delivered_on", "releasability", "rel_to"));
        GRANTED.put("milestone", List.of("tenant_id", "workstream_id", "id", "owner_tenant_id", "planned_date",
                "actual_date", "status"));
        GRANTED.put("activity", List.of("tenant_id", "workstream_id", "id", "actor_tenant_id", "verb", "item_type",
                "item_tenant_id", "releasability", "rel_to", "at"));
        // V50: who publishes to whom since when (not who granted it), and capacities (not their source or editor).
        GRANTED.put("publication_consent", List.of("tenant_id", "grantee_tenant_id", "granted_at"));
        GRANTED.put("tenant_capacity", List.of("tenant_id", "year", "capacity_eur"));
        // V51: the results chain's figures and their visibility (no objective texts, indicator definitions, sources,
        // notes, findings, assessor names or recommendation texts; no ratings), and the progress view.
        GRANTED.put("indicator", List.of("tenant_id", "workstream_id", "id", "objective_id", "unit", "direction",
                "disaggregation", "baseline_value", "baseline_date", "target_value", "target_date", "frequency",
                "responsible_tenant_id", "releasability", "rel_to", "created_at"));
        GRANTED.put("measurement", List.of("tenant_id", "workstream_id", "indicator_id", "id", "period_start",
                "period_end", "partner_tenant_id", "value"));
        GRANTED.put("indicator_progress", List.of("tenant_id", "workstream_id", "indicator_id", "objective_id",
                "responsible_tenant_id", "unit", "direction", "frequency", "baseline_value", "baseline_date",
                "target_value", "target_date", "releasability", "latest_value", "latest_period_end", "measurements",
                "progress_ratio", "expected_ratio", "status", "due_period_start", "due_period_end", "overdue"));
        GRANTED.put("assessment", List.of("tenant_id", "workstream_id", "id", "kind", "mode", "assessor_tenant_id",
                "assessed_on", "releasability", "rel_to"));
        GRANTED.put("assessment_recommendation", List.of("tenant_id", "workstream_id", "assessment_id", "id",
                "owner_tenant_id", "due_date", "status"));
    }

    @Test
    void theRoleLogsInAndBypassesRowLevelSecurityButHasNoOtherElevatedAttribute() throws Exception {
        try (Connection owner = TestDatabase.owner(); Statement sql = owner.createStatement();
             ResultSet role = sql.executeQuery("select rolcanlogin, rolbypassrls, rolsuper, rolcreatedb, rolcreaterole,"
                     + " rolreplication from pg_roles where rolname = '" + ROLE + "'")) {
            assertThat(role.next()).as("role %s exists", ROLE).isTrue();
            assertThat(role.getBoolean("rolcanlogin")).isTrue();
            assertThat(role.getBoolean("rolbypassrls")).isTrue();
            for (String attribute : List.of("rolsuper", "rolcreatedb", "rolcreaterole", "rolreplication")) {
                assertThat(role.getBoolean(attribute)).as(attribute).isFalse();
            }
        }
    }

    @Test
    void theRoleOwnsNothingAndExecutesNoFunction() throws Exception {
        try (Connection owner = TestDatabase.owner(); Statement sql = owner.createStatement()) {
            assertThat(names(sql, "select relname from pg_class where relowner = '" + ROLE + "'::regrole")).isEmpty();
            assertThat(names(sql, "select proname from pg_proc where proowner = '" + ROLE + "'::regrole")).isEmpty();
            assertThat(names(sql, "select nspname from pg_namespace where nspowner = '" + ROLE + "'::regrole")).isEmpty();
            // Only the status arithmetic that the security_invoker view indicator_progress calls (V51).
            assertThat(names(sql, "select p.oid::regprocedure::text from pg_proc p"
                    + " where p.pronamespace = 'public'::regnamespace and has_function_privilege('" + ROLE + "', p.oid, 'EXECUTE')"))
                    .as("functions the analytics role may execute")
                    .containsExactlyInAnyOrderElementsOf(SchemaSecurityTest.ANALYTICS_FUNCTIONS);
            assertThat(names(sql, "select relname from pg_class where relnamespace = 'public'::regnamespace"
                    + " and case when relkind = 'S' then has_sequence_privilege('" + ROLE + "', oid, 'USAGE, SELECT, UPDATE') end"))
                    .as("sequences the analytics role may use").isEmpty();
            assertThat(single(sql, "select has_schema_privilege('" + ROLE + "', 'public', 'USAGE')")).isEqualTo("t");
            assertThat(single(sql, "select has_schema_privilege('" + ROLE + "', 'public', 'CREATE')")).isEqualTo("f");
            assertThat(single(sql, "select has_database_privilege('" + ROLE + "', current_database(), 'CONNECT')")).isEqualTo("t");
            assertThat(single(sql, "select has_database_privilege('" + ROLE + "', current_database(), 'CREATE, TEMPORARY')"))
                    .isEqualTo("f");
        }
    }

    /** The guard: every column of every table and view in public, against the list. */
    @Test
    void theRoleMaySelectExactlyTheGrantedColumnsOfTheWholeSchema() throws Exception {
        try (Connection owner = TestDatabase.owner(); Statement sql = owner.createStatement()) {
            Set<String> readable = new TreeSet<>(names(sql, """
                    select c.relname || '.' || a.attname from pg_class c
                      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
                       and has_column_privilege('%s', c.oid, a.attnum, 'SELECT')""".formatted(ROLE)));
            Set<String> expected = new TreeSet<>();
            GRANTED.forEach((table, columns) -> columns.forEach(column -> expected.add(table + "." + column)));
            assertThat(readable).as("columns the analytics role may read").isEqualTo(expected);

            assertThat(names(sql, """
                    select c.relname || '.' || a.attname from pg_class c
                      join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
                       and has_column_privilege('%s', c.oid, a.attnum, 'INSERT, UPDATE, REFERENCES')""".formatted(ROLE)))
                    .as("columns the analytics role may write or reference").isEmpty();
            assertThat(names(sql, """
                    select c.relname from pg_class c
                     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
                       and has_table_privilege('%s', c.oid, 'SELECT, INSERT, UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER, MAINTAIN')"""
                    .formatted(ROLE)))
                    .as("tables on which the analytics role holds a table-wide privilege").isEmpty();
        }
    }

    @Test
    void theRoleSeesEveryTenantsRowsWhateverTheirReleasability() throws Exception {
        UUID lead = tenant("analytics-lead");
        UUID partner = tenant("analytics-partner");
        UUID privateWorkstream = workstream(lead, "INITIATIVE", "PRIVATE");
        UUID shared = workstream(partner, "INITIATIVE");
        inviteAndAccept(partner, shared, lead);
        UUID privateContribution = contribution(lead, partner, shared, "PRIVATE");
        UUID releasedContribution = contribution(partner, partner, shared, "REL_TO", partner);

        try (Connection analytics = TestDatabase.analytics()) {
            // No tenant context at all: row-level security would show nothing to anybody else.
            assertThat(ids(analytics, "select id from workstream where id = any (?)", privateWorkstream, shared))
                    .containsExactlyInAnyOrder(privateWorkstream, shared);
            assertThat(ids(analytics, "select id from contribution where id = any (?)", privateContribution, releasedContribution))
                    .containsExactlyInAnyOrder(privateContribution, releasedContribution);
            assertThat(ids(analytics, "select id from tenant where id = any (?)", lead, partner))
                    .containsExactlyInAnyOrder(lead, partner);
            assertThat(ids(analytics, "select participant_tenant_id from participation where workstream_id = any (?)", shared))
                    .containsExactlyInAnyOrder(partner, lead);
        }
        try (Connection app = TestDatabase.app()) {
            assertThat(ids(app, "select id from workstream where id = any (?)", privateWorkstream, shared))
                    .as("the runtime role without a tenant, for contrast").isEmpty();
        }
    }

    /**
     * The progress view is security_invoker: the analytics role, which bypasses row-level security, reads every
     * indicator's status through it (a PRIVATE one included), computed by the same functions the app's readers use.
     */
    @Test
    void theRoleReadsEveryIndicatorsProgressThroughTheView() throws Exception {
        UUID lead = tenant("analytics-results");
        UUID initiative = workstream(lead, "INITIATIVE");
        UUID indicator = Collaboration.as(lead, sql -> {
            UUID objective = sql.queryForObject("insert into objective (tenant_id, workstream_id, text) values (?, ?, 'Train')"
                    + " returning id", UUID.class, lead, initiative);
            UUID id = sql.queryForObject("""
                    insert into indicator (workstream_id, objective_id, definition, unit, baseline_value, baseline_date,
                                           target_value, target_date, releasability)
                    values (?, ?, 'Private count', 'NUMBER', 0, date '2024-01-01', 100, date '2024-12-31', 'PRIVATE')
                    returning id""", UUID.class, initiative, objective);
            sql.update("insert into measurement (tenant_id, workstream_id, indicator_id, period_start, period_end, value,"
                    + " entered_by) values (?, ?, ?, date '2024-12-01', date '2024-12-31', 100, 'Lead')", lead, initiative, id);
            return id;
        });
        try (Connection analytics = TestDatabase.analytics();
             PreparedStatement query = analytics.prepareStatement(
                     "select status, progress_ratio, measurements, overdue from indicator_progress where indicator_id = ?")) {
            query.setObject(1, indicator);
            try (ResultSet row = query.executeQuery()) {
                assertThat(row.next()).as("the analytics role sees the PRIVATE indicator").isTrue();
                assertThat(row.getString(1)).isEqualTo("ON_TRACK");
                assertThat(row.getBigDecimal(2)).isEqualByComparingTo("1");
                assertThat(row.getInt(3)).isOne();
                assertThat(row.getBoolean(4)).as("the target date has passed: nothing is due any more").isFalse();
            }
        }
        try (Connection app = TestDatabase.app()) {
            assertThat(ids(app, "select indicator_id from indicator_progress where indicator_id = any (?)", indicator))
                    .as("the runtime role without a tenant, for contrast").isEmpty();
        }
    }

    /** The snapshot copies every organization's grants and capacities, whoever may see them in the app. */
    @Test
    void theRoleReadsEveryOrganizationsGrantsAndCapacities() throws Exception {
        UUID grantor = tenant("analytics-grantor", "STATE");
        UUID grantee = tenant("analytics-grantee", "ALLIANCE");
        Collaboration.run(grantor, sql -> sql.update(
                "insert into publication_consent (grantee_tenant_id, granted_by) values (?, 'Admin')", grantee));
        try (Connection owner = TestDatabase.owner(); Statement sql = owner.createStatement()) {
            owner.setAutoCommit(false);
            sql.execute("select set_config('app.definer_call', 'on', true)");
            sql.execute("insert into tenant_capacity (tenant_id, year, capacity_eur, source, updated_by) values ('"
                    + grantor + "', 2025, 1000.00, 'Test', 'Test')");
            owner.commit();
        }

        try (Connection analytics = TestDatabase.analytics()) {
            assertThat(ids(analytics, "select grantee_tenant_id from publication_consent where tenant_id = any (?)", grantor))
                    .containsExactly(grantee);
            assertThat(ids(analytics, "select tenant_id from tenant_capacity where tenant_id = any (?) and year = 2025",
                    grantor)).containsExactly(grantor);
        }
        try (Connection app = TestDatabase.app()) {
            assertThat(ids(app, "select tenant_id from publication_consent where tenant_id = any (?)", grantor))
                    .as("the runtime role without a tenant, for contrast").isEmpty();
        }
    }

    @Test
    void theRoleCannotReadTextsContentsEmailsOrUngrantedTables() throws Exception {
        try (Connection analytics = TestDatabase.analytics(); Statement sql = analytics.createStatement()) {
            for (String query : List.of(
                    "select title from workstream", "select description from workstream", "select * from workstream",
                    "select body from comment", "select count(*) from comment",
                    "select content from attachment", "select file_name from attachment",
                    "select email from member", "select username from member",
                    "select description from contribution", "select pledged_amount from contribution",
                    "select title from milestone", "select summary from activity", "select summary_key from activity",
                    "select summary_args from activity", "select mechanism, version from initiative",
                    "select background_ip_terms from rnd_project", "select party_name from engagement",
                    "select outcomes from engagement", "select title from deliverable", "select title from work_package",
                    "select details from audit_event", "select text from notification", "select count(*) from contribution_access",
                    "select text from objective", "select count(*) from objective", "select count(*) from comment_mention",
                    "select definition from indicator", "select * from indicator", "select version from indicator",
                    "select source from measurement", "select note from measurement", "select entered_by from measurement",
                    "select entered_by_tenant_id from measurement", "select entered_by_member_id from measurement",
                    "select count(*) from measurement_correction", "select findings from assessment",
                    "select assessor_name from assessment", "select * from assessment", "select count(*) from assessment_rating",
                    "select text from assessment_recommendation",
                    "select unit_admits('PERCENT', 1)", "select may_measure(null, null, null)",
                    "select indicator_visible(null, null)", "select assessment_visible(null, null, null)",
                    "select count(*) from valuation_rate", "select count(*) from flyway_schema_history",
                    "select granted_by from publication_consent", "select granted_by_member_id from publication_consent",
                    "select * from publication_consent", "select count(*) from publication_consent_change",
                    "select count(*) from consent_use", "select count(*) from burden_guideline",
                    "select source from tenant_capacity", "select updated_by from tenant_capacity",
                    "select publication_consent_version()")) {
                assertThatThrownBy(() -> sql.executeQuery(query).close()).as(query)
                        .isInstanceOf(SQLException.class)
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(query).isEqualTo("42501"));
            }
        }
    }

    /** Every table of the schema, every kind of write: permission denied, nothing changed. */
    @Test
    void theRoleCannotWriteAnything() throws Exception {
        List<String> tables;
        Map<String, String> firstColumn = new LinkedHashMap<>();
        try (Connection owner = TestDatabase.owner(); Statement sql = owner.createStatement()) {
            tables = names(sql, "select relname from pg_class where relnamespace = 'public'::regnamespace"
                    + " and relkind in ('r', 'p') order by 1");
            for (String table : tables) {
                firstColumn.put(table, single(sql, "select attname from pg_attribute where attrelid = 'public." + table
                        + "'::regclass and attnum > 0 and not attisdropped order by attnum limit 1"));
            }
        }
        // (The view indicator_progress is not a table; no write privilege on it is guarded with the columns above.)
        assertThat(tables).containsAll(GRANTED.keySet().stream().filter(t -> !t.equals("indicator_progress")).toList());
        long contributionsBefore = countAsSuperuser("select count(*) from contribution");
        try (Connection analytics = TestDatabase.analytics(); Statement sql = analytics.createStatement()) {
            for (String table : tables) {
                String column = firstColumn.get(table);
                for (String write : List.of(
                        "insert into " + table + " default values",
                        "update " + table + " set " + column + " = " + column,
                        "delete from " + table,
                        "truncate " + table)) {
                    assertThatThrownBy(() -> sql.execute(write)).as(write)
                            .isInstanceOf(SQLException.class)
                            .satisfies(e -> assertThat(((SQLException) e).getSQLState()).as(write).isEqualTo("42501"));
                }
            }
            assertThatThrownBy(() -> sql.execute("create table analytics_scratch (id int)"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            assertThatThrownBy(() -> sql.execute("create temporary table analytics_scratch (id int)"))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
        assertThat(countAsSuperuser("select count(*) from contribution")).isEqualTo(contributionsBefore);
    }

    /**
     * Without the role, V30 still migrates (the app must start); grant_analytics_read then grants
     * the list once the role exists, and brings a role with extra rights back to exactly the list.
     */
    @Test
    void migratesWithoutTheRoleAndGrantsLaterToExactlyTheList() throws Exception {
        String database = "entente_analytics_late";
        String lateRole = "entente_analytics_late";
        LocalPostgres postgres = TestDatabase.postgres();
        try (Connection superuser = superuser("postgres"); Statement sql = superuser.createStatement()) {
            sql.execute("drop database if exists " + database);
            sql.execute("drop role if exists " + lateRole);
            sql.execute("create database " + database + " owner " + LocalPostgres.OWNER_USER);
        }
        String url = "jdbc:postgresql://localhost:" + postgres.port() + "/" + database;
        try {
            assertThat(SchemaMigration.migrate(url, postgres.ownerUser(), postgres.ownerPassword(), postgres.appUser(),
                    lateRole, List.of(TestDatabase.MIGRATIONS)).success).isTrue();

            try (Connection superuser = superuser("postgres"); Statement sql = superuser.createStatement()) {
                sql.execute("create role " + lateRole + " login bypassrls");
            }
            try (Connection owner = DriverManager.getConnection(url, postgres.ownerUser(), postgres.ownerPassword());
                 Statement sql = owner.createStatement()) {
                // A stray right from before, to be taken away again.
                sql.execute("grant select on workstream, comment to " + lateRole);
                sql.execute("select grant_analytics_read('" + lateRole + "')");
                sql.execute("select grant_analytics_read('" + lateRole + "')");
                Set<String> readable = new TreeSet<>(names(sql, """
                        select c.relname || '.' || a.attname from pg_class c
                          join pg_attribute a on a.attrelid = c.oid and a.attnum > 0 and not a.attisdropped
                         where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p', 'v', 'm', 'f')
                           and has_column_privilege('%s', c.oid, a.attnum, 'SELECT')""".formatted(lateRole)));
                Set<String> expected = new TreeSet<>();
                GRANTED.forEach((table, columns) -> columns.forEach(column -> expected.add(table + "." + column)));
                assertThat(readable).isEqualTo(expected);

                assertThatThrownBy(() -> sql.execute("select grant_analytics_read('no_such_role')"))
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42704"));
            }
            try (Connection app = DriverManager.getConnection(url, postgres.appUser(), postgres.appPassword());
                 Statement sql = app.createStatement()) {
                assertThatThrownBy(() -> sql.execute("select grant_analytics_read('" + postgres.appUser() + "')"))
                        .as("only the owner may grant")
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
            }
        } finally {
            try (Connection superuser = superuser("postgres"); Statement sql = superuser.createStatement()) {
                sql.execute("drop database if exists " + database + " with (force)");
                sql.execute("drop role if exists " + lateRole);
            }
        }
    }

    private static Connection superuser(String database) throws SQLException {
        // zonky's initdb trusts local connections; "postgres" is its bootstrap superuser.
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + TestDatabase.postgres().port() + "/" + database,
                "postgres", "");
    }

    private static long countAsSuperuser(String query) throws SQLException {
        try (Connection superuser = superuser(LocalPostgres.DATABASE); Statement sql = superuser.createStatement()) {
            return Long.parseLong(single(sql, query));
        }
    }

    private static List<UUID> ids(Connection connection, String query, UUID... ids) throws SQLException {
        List<UUID> found = new ArrayList<>();
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setArray(1, connection.createArrayOf("uuid", ids));
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getObject(1, UUID.class));
                }
            }
        }
        return found;
    }

    private static List<String> names(Statement sql, String query) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }

    private static String single(Statement sql, String query) throws SQLException {
        try (ResultSet rows = sql.executeQuery(query)) {
            assertThat(rows.next()).as("a row from %s", query).isTrue();
            return rows.getString(1);
        }
    }
}
