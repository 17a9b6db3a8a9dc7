package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.entente.db.embedded.LocalPostgres;
import org.junit.jupiter.api.Test;

/** Catalog-level guarantees: who the runtime role is, and that every tenant-owned table is fenced. */
class SchemaSecurityTest {

    @Test
    void runtimeRoleIsNeitherSuperuserNorBypassesRowLevelSecurity() throws Exception {
        try (Connection owner = TestDatabase.owner(); Statement sql = owner.createStatement();
             ResultSet role = sql.executeQuery("select rolsuper, rolbypassrls, rolcreatedb, rolcreaterole, rolreplication"
                     + " from pg_roles where rolname = '" + LocalPostgres.APP_USER + "'")) {
            assertThat(role.next()).isTrue();
            for (int column = 1; column <= 5; column++) {
                assertThat(role.getBoolean(column)).as(role.getMetaData().getColumnName(column)).isFalse();
            }
        }
    }

    @Test
    void runtimeRoleOwnsNothing() throws Exception {
        try (Connection owner = TestDatabase.owner(); Statement sql = owner.createStatement()) {
            assertThat(names(sql, "select relname from pg_class where relowner = '" + LocalPostgres.APP_USER + "'::regrole"))
                    .as("tables, views, sequences, indexes owned by the runtime role").isEmpty();
            assertThat(names(sql, "select proname from pg_proc where proowner = '" + LocalPostgres.APP_USER + "'::regrole"))
                    .as("functions owned by the runtime role").isEmpty();
            assertThat(names(sql, "select nspname from pg_namespace where nspowner = '" + LocalPostgres.APP_USER + "'::regrole"))
                    .as("schemas owned by the runtime role").isEmpty();
            // And the tables exist, owned by the owner role: the check above is not vacuous.
            assertThat(names(sql, "select relname from pg_class where relnamespace = 'public'::regnamespace"
                    + " and relkind = 'r' and relowner = '" + LocalPostgres.OWNER_USER + "'::regrole"))
                    .contains("tenant", "member", "audit_event");
        }
    }

    @Test
    void runtimeRoleCannotCreateObjects() throws Exception {
        try (Connection app = TestDatabase.app(); Statement sql = app.createStatement()) {
            assertThatThrownBy(() -> sql.execute("create table sneaky (id int)"))
                    .isInstanceOf(SQLException.class)
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
    }

    /**
     * The guard for every future migration: any table in public with a tenant_id column (and the
     * tenant table itself) must have row-level security enabled and forced, at least one policy,
     * tenant_id as the first primary-key column, and tenant_id first in every foreign key to another
     * tenant-owned table. (The analytics role bypasses row-level security; its fence is column
     * privileges, guarded table by table in AnalyticsRoleTest.)
     */
    @Test
    void everyTenantOwnedTableIsFencedByForcedRowLevelSecurity() throws Exception {
        try (Connection owner = TestDatabase.owner(); Statement sql = owner.createStatement()) {
            List<String> tenantOwned = names(sql, """
                    select c.relname from pg_class c
                     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
                       and (c.relname = 'tenant' or exists (select 1 from pg_attribute a
                             where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped))
                     order by 1""");
            assertThat(tenantOwned).contains("tenant", "member", "audit_event")
                    .containsAll(WorkstreamVisibilityTest.COLLABORATION_TABLES)
                    .containsAll(ResultsVisibilityTest.RESULTS_TABLES);

            assertThat(names(sql, """
                    select c.relname from pg_class c
                     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
                       and (c.relname = 'tenant' or exists (select 1 from pg_attribute a
                             where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped))
                       and not (c.relrowsecurity and c.relforcerowsecurity
                                and exists (select 1 from pg_policy p where p.polrelid = c.oid))"""))
                    .as("tenant-owned tables without enabled+forced row-level security and a policy").isEmpty();

            assertThat(names(sql, """
                    select c.relname from pg_class c
                     where c.relnamespace = 'public'::regnamespace and c.relkind in ('r', 'p')
                       and exists (select 1 from pg_attribute a
                                    where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)
                       and not exists (select 1 from pg_constraint k
                                        join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
                                       where k.conrelid = c.oid and k.contype = 'p' and a.attname = 'tenant_id')"""))
                    .as("tables with tenant_id that is not the first primary-key column").isEmpty();

            assertThat(names(sql, """
                    select k.conname from pg_constraint k
                      join pg_attribute a on a.attrelid = k.conrelid and a.attnum = k.conkey[1]
                     where k.contype = 'f' and k.connamespace = 'public'::regnamespace
                       and exists (select 1 from pg_attribute t where t.attrelid = k.conrelid and t.attname = 'tenant_id')
                       and exists (select 1 from pg_attribute t where t.attrelid = k.confrelid and t.attname = 'tenant_id')
                       and a.attname <> 'tenant_id'"""))
                    .as("foreign keys between tenant-owned tables that do not start with tenant_id").isEmpty();
        }
    }

    @Test
    void provisioningIsOnlyForTheRuntimeRoleNotForEverybody() throws Exception {
        try (Connection owner = TestDatabase.owner(); Statement sql = owner.createStatement();
             ResultSet rights = sql.executeQuery("""
                     select has_function_privilege('entente_app', 'provision_tenant(text,text,text,text)', 'EXECUTE'),
                            has_function_privilege('public', 'provision_tenant(text,text,text,text)', 'EXECUTE'),
                            (select prosecdef from pg_proc where proname = 'provision_tenant'),
                            (select proconfig from pg_proc where proname = 'provision_tenant')::text""")) {
            assertThat(rights.next()).isTrue();
            assertThat(rights.getBoolean(1)).as("runtime role may execute").isTrue();
            assertThat(rights.getBoolean(2)).as("PUBLIC may execute").isFalse();
            assertThat(rights.getBoolean(3)).as("security definer").isTrue();
            assertThat(rights.getString(4)).contains("search_path=public, pg_temp");
        }
    }

    /**
     * Every SECURITY DEFINER function runs with a pinned search_path and is not executable by PUBLIC;
     * the runtime role executes exactly the functions meant for it.
     */
    @Test
    void definerFunctionsArePinnedAndGrantedOnlyToTheRuntimeRole() throws Exception {
        try (Connection owner = TestDatabase.owner(); Statement sql = owner.createStatement()) {
            assertThat(names(sql, """
                    select p.oid::regprocedure::text from pg_proc p
                     where p.pronamespace = 'public'::regnamespace and p.prosecdef
                       and not coalesce('search_path=public, pg_temp' = any (p.proconfig), false)"""))
                    .as("definer functions without search_path=public, pg_temp").isEmpty();
            assertThat(names(sql, """
                    select p.oid::regprocedure::text from pg_proc p
                     where p.pronamespace = 'public'::regnamespace
                       and has_function_privilege('public', p.oid, 'EXECUTE')"""))
                    .as("functions PUBLIC may execute").isEmpty();
            // The analytics role executes only the status arithmetic the security_invoker view indicator_progress calls
            // (V51): immutable functions of their arguments that read no table and run as the caller.
            assertThat(names(sql, """
                    select p.oid::regprocedure::text from pg_proc p
                     where p.pronamespace = 'public'::regnamespace
                       and has_function_privilege('%s', p.oid, 'EXECUTE')""".formatted(LocalPostgres.ANALYTICS_USER)))
                    .as("functions the analytics role may execute").containsExactlyInAnyOrderElementsOf(ANALYTICS_FUNCTIONS);
            assertThat(names(sql, """
                    select p.oid::regprocedure::text from pg_proc p
                     where p.pronamespace = 'public'::regnamespace
                       and has_function_privilege('%s', p.oid, 'EXECUTE')
                       and (p.prosecdef or p.provolatile <> 'i')""".formatted(LocalPostgres.ANALYTICS_USER)))
                    .as("functions the analytics role may execute that are definers or not immutable").isEmpty();
            assertThat(names(sql, """
                    select p.proname from pg_proc p
                     where p.pronamespace = 'public'::regnamespace
                       and has_function_privilege('entente_app', p.oid, 'EXECUTE') order by 1"""))
                    .containsExactly("assessment_visible", "audit_chain_breaks", "audit_chain_lengths",
                            "briefing_subscriptions_due", "can_see_item", "can_see_workstream",
                            "claim_digest", "claim_mail", "coordinator_organizations", "current_member_id",
                            "current_tenant_id", "event_cancel_registration", "event_fill", "event_give_feedback", "event_register",
                            "finish_mail", "indicator_expected_ratio", "indicator_progress_ratio",
                            "indicator_status", "indicator_visible", "is_accepted_participant", "may_measure",
                            "measurement_due_period", "notify", "notify_own_tenant",
                            "partner_directory", "platform_change_tenant_status", "platform_delete_tenant_capacity",
                            "platform_register_tenant", "platform_set_tenant_capacity", "platform_tenant_capacities",
                            "platform_tenant_overview", "platform_update_tenant",
                            "provision_tenant", "publication_consent_version", "record_consent_use",
                            "record_contribution_access", "releasable_to", "retry_mail", "unit_admits", "workstream_members");
        }
    }

    /**
     * Policies that are not for everybody belong to the owner alone (for the definer functions) and
     * either only read (USING true) or hold only while a definer function has set app.definer_call.
     */
    @Test
    void ownerOnlyPoliciesServeTheDefinerFunctionsAndNobodyElse() throws Exception {
        try (Connection owner = TestDatabase.owner(); Statement sql = owner.createStatement()) {
            assertThat(names(sql, """
                    select p.polname from pg_policy p
                     where p.polroles <> '{0}'
                       and not (p.polroles = array['entente_owner'::regrole]::oid[]
                                and ((p.polcmd = 'r' and pg_get_expr(p.polqual, p.polrelid) = 'true')
                                     or (pg_get_expr(p.polqual, p.polrelid) like '%app.definer_call%'
                                         and coalesce(pg_get_expr(p.polwithcheck, p.polrelid), 'app.definer_call')
                                             like '%app.definer_call%')
                                     or p.polname = 'tenant_provisioning'))"""))
                    .as("role-specific policies other than the owner's definer policies").isEmpty();
            assertThat(names(sql, "select polname from pg_policy where polroles <> '{0}' order by 1"))
                    .containsExactly("audit_event_definer_read", "audit_event_platform_operation", "briefing_subscription_definer_read",
                            "consent_use_definer_write", "contribution_access_definer_write",
                            "event_definer_lock", "event_feedback_definer_write", "event_registration_definer_write",
                            "mail_outbox_definer",
                            "mail_preference_definer_read",
                            "measurement_correction_definer_read", "measurement_correction_definer_write",
                            "member_definer_read", "member_platform_operation", "notification_definer_write",
                            "participation_definer_read", "publication_consent_change_definer_read",
                            "tenant_capacity_platform_operation", "tenant_definer_read", "tenant_platform_operation",
                            "tenant_provisioning", "workstream_definer_audience", "workstream_definer_read");
        }
    }

    /** Setting the definer flag (either value the definer code uses) in the runtime role's own session opens nothing. */
    @Test
    void theRuntimeRoleGainsNothingFromTheDefinerFlag() throws Exception {
        // Another tenant's workstream exists, with a corrected measurement; the outsider has no member row of its own.
        UUID owner = Collaboration.tenant("flag-owner");
        UUID workstream = Collaboration.workstream(owner, "INITIATIVE");
        Collaboration.run(owner, sql -> {
            UUID objective = sql.queryForObject("insert into objective (tenant_id, workstream_id, text)"
                    + " values (?, ?, 'Flagged') returning id", UUID.class, owner, workstream);
            UUID indicator = sql.queryForObject("insert into indicator (workstream_id, objective_id, definition, unit,"
                    + " target_value, target_date) values (?, ?, 'Trained', 'NUMBER', 10, date '2030-01-01') returning id",
                    UUID.class, workstream, objective);
            UUID measurement = sql.queryForObject("insert into measurement (tenant_id, workstream_id, indicator_id,"
                    + " period_start, period_end, value, entered_by) values (?, ?, ?, date '2025-01-01', date '2025-03-31',"
                    + " 3, 'Lead') returning id", UUID.class, owner, workstream, indicator);
            sql.update("update measurement set value = 4 where id = ?", measurement);
        });
        UUID outsider = TestDatabase.provisionTenant(TestDatabase.uniqueAlias("flag"));
        for (String flag : List.of("on", "measurement")) {
            try (Connection app = TestDatabase.app(); Statement sql = app.createStatement()) {
                app.setAutoCommit(false);
                sql.execute("select set_config('app.tenant_id', '" + outsider + "', true), set_config('app.definer_call', '"
                        + flag + "', true)");
                for (String table : List.of("tenant", "member", "workstream", "participation", "contribution", "notification",
                        "contribution_access", "comment", "publication_consent", "publication_consent_change", "consent_use",
                        "tenant_capacity", "burden_guideline", "objective", "indicator", "measurement",
                        "measurement_correction", "assessment", "assessment_rating", "assessment_recommendation",
                        "mail_outbox", "mail_preference")) {
                    try (ResultSet rows = sql.executeQuery("select count(*) from " + table)) {
                        rows.next();
                        assertThat(rows.getLong(1)).as("rows of %s with the flag %s", table, flag)
                                .isEqualTo(table.equals("tenant") ? 1 : 0);
                    }
                }
                assertThatThrownBy(() -> sql.execute("insert into notification (tenant_id, kind, text) values ('"
                        + outsider + "', 'MENTION', 'x')")).satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
                app.rollback();
                sql.execute("select set_config('app.tenant_id', '" + outsider + "', true), set_config('app.definer_call', '"
                        + flag + "', true)");
                assertThatThrownBy(() -> sql.execute("insert into measurement_correction (tenant_id, workstream_id,"
                        + " measurement_id, indicator_id, value, entered_by_tenant_id, entered_by, entered_at, version)"
                        + " values ('" + outsider + "', gen_random_uuid(), gen_random_uuid(), gen_random_uuid(), 1, '"
                        + outsider + "', 'x', now(), 0)"))
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
                app.rollback();
            }
        }
        assertThat(Collaboration.countAs(owner, "select count(*) from measurement_correction where workstream_id = ?",
                workstream)).as("the owner's correction exists: the counts above are not vacuous").isOne();
    }

    /** valuation_rate is shared reference data: readable by every tenant, written only by migrations. */
    @Test
    void valuationRatesAreReadOnlyReferenceData() throws Exception {
        try (Connection owner = TestDatabase.owner(); Statement sql = owner.createStatement();
             ResultSet rights = sql.executeQuery("""
                     select has_table_privilege('entente_app', 'valuation_rate', 'SELECT'),
                            has_table_privilege('entente_app', 'valuation_rate', 'INSERT, UPDATE, DELETE, TRUNCATE'),
                            (select count(*) from valuation_rate),
                            (select eur_per_unit from valuation_rate where unit = 'EUR')""")) {
            assertThat(rights.next()).isTrue();
            assertThat(rights.getBoolean(1)).isTrue();
            assertThat(rights.getBoolean(2)).isFalse();
            assertThat(rights.getLong(3)).isEqualTo(16);
            assertThat(rights.getBigDecimal(4)).isEqualByComparingTo("1");
        }
    }

    /** The status arithmetic of V51, which the analytics role runs through the view indicator_progress. */
    static final List<String> ANALYTICS_FUNCTIONS = List.of("indicator_expected_ratio(date,date,date)",
            "indicator_progress_ratio(numeric,numeric,numeric)",
            "indicator_status(numeric,date,numeric,date,numeric,date,date)", "measurement_due_period(text,date,date,date)");

    private static List<String> names(Statement sql, String query) throws SQLException {
        List<String> names = new ArrayList<>();
        try (ResultSet rows = sql.executeQuery(query)) {
            while (rows.next()) {
                names.add(rows.getString(1));
            }
        }
        return names;
    }
}
