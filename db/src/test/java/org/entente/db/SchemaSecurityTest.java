package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
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
     * tenant-owned table.
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
            assertThat(tenantOwned).contains("tenant", "member", "audit_event");

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
