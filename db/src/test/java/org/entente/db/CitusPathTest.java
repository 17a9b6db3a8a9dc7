package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.entente.db.embedded.LocalPostgres;
import org.entente.db.embedded.SchemaMigration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * deploy/citus.sql, proven as far as it can be without Citus (issue #11): the script runs against the migrated
 * schema with demo data, in a database of its own, with stand-ins for Citus's functions that record each call.
 * The checks are Citus's own rules for a tenant-distributed schema, and that the policies the script rewrites
 * show every tenant exactly what the originals showed.
 */
class CitusPathTest {

    private static final String DATABASE = "entente_citus_path";
    /** A copy taken before the script ran: the policies as the migrations wrote them. */
    private static final String ORIGINAL = "entente_citus_original";
    private static final Path SCRIPT = Path.of("..", "deploy", "citus.sql");

    /** Tables that stay on the coordinator, and why (neither distributed nor replicated). */
    private static final Set<String> COORDINATOR_ONLY = Set.of(
            "flyway_schema_history", // Flyway's own bookkeeping, read by migrations on the coordinator only
            "scheduled_job_lock");   // which app instance runs a scheduled job; the app instances all talk to the coordinator

    /**
     * Policy functions that read another table from inside a policy. On Citus that is a query nested in a shard
     * query, which it refuses: the open item of the Citus path (README "Scaling out"). A new one belongs there too.
     */
    private static final Set<String> TABLE_READING_POLICY_FUNCTIONS = Set.of(
            "can_see_workstream(uuid,uuid)", "is_accepted_participant(uuid,uuid)",
            "can_see_item(uuid,uuid,uuid,text,uuid[])", "comment_mention_visible(uuid,uuid,uuid,boolean)",
            // V51: the results chain's (measurement and corrections follow their indicator, ratings and
            // recommendations their assessment, and who may measure is the indicator's responsible organization).
            "indicator_visible(uuid,uuid)", "may_measure(uuid,uuid,uuid)", "assessment_visible(uuid,uuid,uuid)");

    private record Call(String kind, String table, String column, String colocateWith) {
    }

    private static final List<Call> calls = new ArrayList<>();
    private static Set<String> rewrittenTables;
    private static Map<String, String> visibleBefore;
    private static Map<String, String> visibleAfter;

    @BeforeAll
    static void runTheScriptOnAMigratedCopyWithDemoData() throws Exception {
        LocalPostgres postgres = TestDatabase.postgres();
        try (Connection superuser = TestDatabase.superuser("postgres"); Statement sql = superuser.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
            sql.execute("drop database if exists " + ORIGINAL + " with (force)");
            sql.execute("create database " + DATABASE + " owner " + LocalPostgres.OWNER_USER);
        }
        SchemaMigration.migrate(TestDatabase.url(DATABASE), postgres.ownerUser(), postgres.ownerPassword(),
                postgres.appUser(), TestDatabase.MIGRATIONS, TestDatabase.DEMO_DATA);
        try (Connection superuser = TestDatabase.superuser("postgres"); Statement sql = superuser.createStatement()) {
            sql.execute("create database " + ORIGINAL + " template " + DATABASE + " owner " + LocalPostgres.OWNER_USER);
        }
        try (Connection superuser = TestDatabase.superuser(DATABASE); Statement sql = superuser.createStatement()) {
            sql.execute("""
                    create schema citus_stub;
                    create table citus_stub.call (n serial, kind text, table_name regclass, column_name text, colocate_with text);
                    create function citus_stub.create_reference_table(table_name regclass) returns void
                        language sql as $$ insert into citus_stub.call (kind, table_name) values ('reference', table_name) $$;
                    create function citus_stub.create_distributed_table(table_name regclass, distribution_column text,
                                                                        colocate_with text default 'default') returns void
                        language sql as $$ insert into citus_stub.call (kind, table_name, column_name, colocate_with)
                                           values ('distributed', table_name, distribution_column, colocate_with) $$;
                    set search_path = public, citus_stub""");
            sql.execute(Files.readString(SCRIPT));
            try (ResultSet rows = sql.executeQuery(
                    "select kind, table_name::text, column_name, colocate_with from citus_stub.call order by n")) {
                while (rows.next()) {
                    calls.add(new Call(rows.getString(1), rows.getString(2), rows.getString(3), rows.getString(4)));
                }
            }
            sql.execute("drop schema citus_stub cascade");
        }
        Map<String, Set<String>> original = policies(ORIGINAL);
        Map<String, Set<String>> rewritten = policies(DATABASE);
        rewrittenTables = new TreeSet<>();
        original.keySet().forEach(t -> {
            if (!original.get(t).equals(rewritten.get(t))) {
                rewrittenTables.add(t);
            }
        });
        visibleBefore = visibleRows(ORIGINAL, rewrittenTables);
        visibleAfter = visibleRows(DATABASE, rewrittenTables);
    }

    @AfterAll
    static void dropTheCopy() throws SQLException {
        try (Connection superuser = TestDatabase.superuser("postgres"); Statement sql = superuser.createStatement()) {
            sql.execute("drop database if exists " + DATABASE + " with (force)");
            sql.execute("drop database if exists " + ORIGINAL + " with (force)");
        }
    }

    @Test
    void everyTenantOwnedTableIsDistributedByTenantInOneColocationGroup() throws SQLException {
        List<String> tenantOwned = query("""
                select c.relname from pg_class c
                 where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
                   and exists (select 1 from pg_attribute a
                                where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
                 order by 1""");
        List<Call> distributed = calls.stream().filter(c -> c.kind().equals("distributed")).toList();
        assertThat(distributed).extracting(Call::table).as("distributed tables").containsExactlyInAnyOrderElementsOf(tenantOwned);
        assertThat(distributed).extracting(Call::column).as("distribution column").containsOnly("tenant_id");
        // One group: the first table starts it, every other one joins a table distributed before it.
        Set<String> group = new LinkedHashSet<>();
        for (Call call : distributed) {
            if (group.isEmpty()) {
                assertThat(call.colocateWith()).as(call.table() + " starts the group").isEqualTo("default");
            } else {
                assertThat(group).as(call.table() + " joins the group through").contains(call.colocateWith());
            }
            group.add(call.table());
        }
    }

    @Test
    void everyOtherTableIsAReferenceTableOrNamedAsCoordinatorOnly() throws SQLException {
        Set<String> placed = new TreeSet<>(COORDINATOR_ONLY);
        calls.forEach(c -> placed.add(c.table()));
        assertThat(query("""
                select c.relname from pg_class c
                 where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p') order by 1"""))
                .as("every table has a place in deploy/citus.sql (or in COORDINATOR_ONLY, with its reason)")
                .containsExactlyInAnyOrderElementsOf(placed);
        assertThat(calls.stream().filter(c -> c.kind().equals("reference")).map(Call::table))
                .containsExactlyInAnyOrder("tenant", "valuation_rate");
    }

    /**
     * Citus accepts a foreign key between distributed tables only when it includes the distribution column, from a
     * distributed table to a reference table, and between reference tables; never from a reference or coordinator
     * table to a distributed one. And a table is distributed after the tables it references.
     */
    @Test
    void everyForeignKeyIsOneCitusAccepts() throws SQLException {
        Map<String, String> kind = new TreeMap<>();
        Map<String, Integer> order = new TreeMap<>();
        for (int i = 0; i < calls.size(); i++) {
            kind.put(calls.get(i).table(), calls.get(i).kind());
            order.put(calls.get(i).table(), i);
        }
        COORDINATOR_ONLY.forEach(t -> kind.put(t, "coordinator"));
        List<String> refused = new ArrayList<>();
        try (Connection owner = owner(); Statement sql = owner.createStatement(); ResultSet keys = sql.executeQuery("""
                select k.conname, k.conrelid::regclass::text, k.confrelid::regclass::text,
                       (select a.attname from pg_attribute a where a.attrelid = k.conrelid and a.attnum = k.conkey[1])
                  from pg_constraint k
                 where k.contype = 'f' and k.connamespace = 'public'::regnamespace order by 1""")) {
            while (keys.next()) {
                String name = keys.getString(1);
                String from = kind.get(keys.getString(2));
                String to = kind.get(keys.getString(3));
                boolean accepted = switch (from + ">" + to) {
                    case "distributed>distributed" -> keys.getString(4).equals("tenant_id");
                    case "distributed>reference", "reference>reference", "coordinator>reference",
                         "coordinator>coordinator" -> true;
                    default -> false;
                };
                if (!accepted) {
                    refused.add(name + " (" + from + " -> " + to + ")");
                }
                if (!from.equals("coordinator") && !to.equals("coordinator")) {
                    assertThat(order.get(keys.getString(3))).as(name + ": referenced table placed first")
                            .isLessThanOrEqualTo(order.get(keys.getString(2)));
                }
            }
        }
        assertThat(refused).as("foreign keys Citus refuses").isEmpty();
    }

    @Test
    void noPolicyOnADistributedOrReferenceTableHoldsASubquery() throws SQLException {
        assertThat(query("""
                select p.polrelid::regclass || '.' || p.polname from pg_policy p
                 where coalesce(p.polqual::text, '') like '%{SUBLINK%' or coalesce(p.polwithcheck::text, '') like '%{SUBLINK%'
                 order by 1"""))
                .as("policies Citus refuses (subqueries)").isEmpty();
    }

    @Test
    void theRewrittenPoliciesShowEveryTenantExactlyWhatTheOriginalsShowed() {
        assertThat(rewrittenTables).as("tables whose policies the script rewrites").contains("workstream", "comment_mention");
        assertThat(visibleAfter).isEqualTo(visibleBefore);
        // Not vacuous: the rewritten tables hold rows that some tenants see and others do not.
        for (String table : rewrittenTables) {
            Set<String> distinct = new TreeSet<>();
            visibleBefore.forEach((key, value) -> {
                if (key.endsWith("/" + table) && !key.startsWith("no tenant/")) {
                    distinct.add(value);
                }
            });
            assertThat(distinct).as(table + ": different tenants see different rows").hasSizeGreaterThan(1);
            assertThat(visibleBefore.get("no tenant/" + table)).as(table + " without a tenant").startsWith("0 rows");
        }
    }

    @Test
    void thePoliciesThatStillReadOtherTablesAreTheNamedOnes() throws SQLException {
        assertThat(query("""
                select distinct d.refobjid::regprocedure::text from pg_depend d
                  join pg_policy p on p.oid = d.objid
                 where d.classid = 'pg_policy'::regclass and d.refclassid = 'pg_proc'::regclass
                   and d.refobjid <> 'current_tenant_id()'::regprocedure
                   -- Reads a setting, as current_tenant_id() does, not a table (V56's mail_preference_own).
                   and d.refobjid <> 'current_member_id()'::regprocedure order by 1"""))
                .containsExactlyInAnyOrderElementsOf(TABLE_READING_POLICY_FUNCTIONS);
    }

    @Test
    void theRuntimeRoleForwardsItsTenantSettingToTheWorkers() throws SQLException {
        assertThat(query("""
                select unnest(s.setconfig) from pg_db_role_setting s
                 where s.setrole = 'entente_app'::regrole
                   and s.setdatabase = (select oid from pg_database where datname = current_database())"""))
                .containsExactly("citus.propagate_set_commands=local");
    }

    /** Each table's policies, as PostgreSQL prints them back. */
    private static Map<String, Set<String>> policies(String database) throws SQLException {
        Map<String, Set<String>> policies = new TreeMap<>();
        try (Connection superuser = TestDatabase.superuser(database); Statement sql = superuser.createStatement();
             ResultSet rows = sql.executeQuery("""
                     select polrelid::regclass::text, concat_ws(' ', polname, polcmd, polroles::regrole[]::text,
                            pg_get_expr(polqual, polrelid), pg_get_expr(polwithcheck, polrelid)) from pg_policy""")) {
            while (rows.next()) {
                policies.computeIfAbsent(rows.getString(1), t -> new TreeSet<>()).add(rows.getString(2));
            }
        }
        return policies;
    }

    /** For every tenant (and for none), a digest of the rows it sees in each of the tables, read as the runtime role. */
    private static Map<String, String> visibleRows(String database, Set<String> tables) throws SQLException {
        Map<String, String> visible = new LinkedHashMap<>();
        Map<String, String> tenants = new LinkedHashMap<>();
        tenants.put("no tenant", "");
        for (String id : query("select id::text from tenant order by alias")) {
            tenants.put(id, id);
        }
        try (Connection app = DriverManager.getConnection(TestDatabase.url(database), LocalPostgres.APP_USER,
                LocalPostgres.APP_PASSWORD)) {
            app.setAutoCommit(false);
            for (Map.Entry<String, String> tenant : tenants.entrySet()) {
                try (PreparedStatement set = app.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                    set.setString(1, tenant.getValue());
                    set.execute();
                }
                try (Statement sql = app.createStatement()) {
                    for (String table : tables) {
                        try (ResultSet digest = sql.executeQuery("select count(*) || ' rows ' || coalesce(md5(string_agg(t::text, ',' order by t::text)), '')"
                                + " from " + table + " t")) {
                            digest.next();
                            visible.put(tenant.getKey() + "/" + table, digest.getString(1));
                        }
                    }
                }
                app.rollback();
            }
        }
        return visible;
    }

    private static Connection owner() throws SQLException {
        return DriverManager.getConnection(TestDatabase.url(DATABASE), LocalPostgres.OWNER_USER, LocalPostgres.OWNER_PASSWORD);
    }

    private static List<String> query(String sql) throws SQLException {
        List<String> values = new ArrayList<>();
        // As the superuser: row-level security is forced for the owner too, and the tenant list must be complete.
        try (Connection superuser = TestDatabase.superuser(DATABASE); Statement statement = superuser.createStatement();
             ResultSet rows = statement.executeQuery(sql)) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
