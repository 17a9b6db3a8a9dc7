package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.db.tenancy.TenantScope;
import org.entente.db.tenancy.TenantTransactionManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The platform functions of V20: each changes exactly the tenant it names, a tenant context never widens
 * what the runtime role sees afterwards, and wrong transitions change nothing.
 */
class PlatformTenantFunctionsTest {

    private static final UUID OPERATOR = UUID.randomUUID();

    private final JdbcTemplate jdbc = new JdbcTemplate(TestDatabase.appPool());
    private final TransactionTemplate transactions =
            new TransactionTemplate(new TenantTransactionManager(TestDatabase.appPool(), ActorSource.none()));

    private UUID tenantA;
    private UUID tenantB;
    private final UUID memberOfA = UUID.randomUUID();
    private final UUID memberOfB = UUID.randomUUID();

    @BeforeEach
    void twoTenants() {
        tenantA = register("plat-a");
        tenantB = register("plat-b");
        as(tenantA, sql -> addMember(sql, tenantA, memberOfA));
        as(tenantB, sql -> addMember(sql, tenantB, memberOfB));
    }

    @Test
    void registerCreatesTheRowWithTheGivenIdAndAnAuditEventInThatTenant() {
        UUID id = UUID.randomUUID();
        String alias = TestDatabase.uniqueAlias("registered");
        as(id, sql -> sql.queryForList("select platform_register_tenant(?, ?, 'Registered', 'NGO', ' ', 2.5)",
                id, alias));
        Map<String, Object> row = as(id, sql -> sql.queryForMap(
                "select alias, region is null as no_region, capacity_index, status from tenant"));
        assertThat(row)
                .isEqualTo(Map.of("alias", alias, "no_region", true, "status", "ACTIVE",
                        "capacity_index", new BigDecimal("2.50")));
        assertThat(strings(id, "select action || ':' || actor_id from audit_event"))
                .containsExactly("TENANT_CREATED:" + OPERATOR);
    }

    @Test
    void aDuplicateAliasIsRefusedAndNothingIsStored() {
        String alias = string(tenantA, "select alias from tenant");
        UUID id = UUID.randomUUID();
        Throwable failure = catchThrowable(() -> as(id, sql -> sql.queryForList(
                "select platform_register_tenant(?, ?, 'Copy', 'NGO', null, null)", id, alias)));
        assertThat(TestDatabase.sqlState(failure)).isEqualTo("23505");
        assertThat(failure).hasMessageContaining("tenant_alias_uk");
        assertThat(overview().stream().filter(r -> r.get("id").equals(id))).isEmpty();
    }

    @Test
    void suspendingAChangesOnlyAAndSuspendingAgainIsRefusedWithEN040() {
        assertThat(changeStatus(tenantA, "SUSPEND")).isEqualTo("SUSPENDED");
        Throwable again = catchThrowable(() -> changeStatus(tenantA, "SUSPEND"));
        assertThat(TestDatabase.sqlState(again)).isEqualTo("EN040");
        assertThat(again).hasMessageContaining("cannot be suspended: it is suspended");
        assertThat(statusOf(tenantA)).isEqualTo("SUSPENDED");
        assertThat(statusOf(tenantB)).isEqualTo("ACTIVE");
        assertThat(strings(tenantA, "select action from audit_event"))
                .containsExactlyInAnyOrder("TENANT_CREATED", "TENANT_SUSPENDED");
        assertThat(strings(tenantB, "select action from audit_event"))
                .containsExactly("TENANT_CREATED");

        assertThat(TestDatabase.sqlState(catchThrowable(() -> changeStatus(tenantB, "REACTIVATE")))).isEqualTo("EN040");
        assertThat(changeStatus(tenantA, "REACTIVATE")).isEqualTo("ACTIVE");
    }

    @Test
    void offboardingARemovesAsMembershipsOnlyAndKeepsTheRows() {
        assertThat(changeStatus(tenantA, "OFFBOARD")).isEqualTo("OFFBOARDED");
        assertThat(strings(tenantA, "select status from member"))
                .containsExactly("REMOVED");
        assertThat(strings(tenantB, "select status from member"))
                .containsExactly("ACTIVE");
        assertThat(TestDatabase.sqlState(catchThrowable(() -> changeStatus(tenantA, "OFFBOARD")))).isEqualTo("EN040");
        assertThat(TestDatabase.sqlState(catchThrowable(() -> changeStatus(tenantA, "REACTIVATE")))).isEqualTo("EN040");
    }

    @Test
    void updateChangesOnlyTheNamedTenantAndAnUnknownTenantIsEN041() {
        as(tenantA, sql -> sql.queryForList("select platform_update_tenant(?, 'Renamed A', 'IGO', 'Global', 7)", tenantA));
        assertThat(string(tenantA, "select name || '/' || kind from tenant"))
                .isEqualTo("Renamed A/IGO");
        assertThat(string(tenantB, "select name from tenant"))
                .startsWith("Tenant plat-b");
        UUID unknown = UUID.randomUUID();
        assertThat(TestDatabase.sqlState(catchThrowable(() -> as(unknown, sql -> sql.queryForList(
                "select platform_update_tenant(?, 'X', 'IGO', null, null)", unknown))))).isEqualTo("EN041");
    }

    @Test
    void afterAPlatformFunctionTheTenantContextStillSeesOnlyItsOwnRows() {
        as(tenantB, sql -> {
            sql.queryForList("select * from platform_tenant_overview()");
            assertThat(sql.queryForList("select id from tenant", UUID.class)).containsExactly(tenantB);
            assertThat(sql.queryForList("select id from member", UUID.class)).containsExactly(memberOfB);
            // Setting the owner's switch as the runtime role opens nothing: the policies are the owner's.
            sql.queryForList("select set_config('app.definer_call', 'on', true)");
            assertThat(sql.queryForList("select id from tenant", UUID.class)).containsExactly(tenantB);
            assertThat(sql.update("update member set status = 'DISABLED' where tenant_id = ?", tenantA)).isZero();
            return null;
        });
        assertThat(strings(tenantA, "select status from member"))
                .containsExactly("ACTIVE");
    }

    @Test
    void theOverviewCountsEachTenantsCurrentMembersOnly() {
        as(tenantA, sql -> addMember(sql, tenantA, UUID.randomUUID()));
        as(tenantA, sql -> sql.update("update member set status = 'REMOVED' where id = ?", memberOfA));
        Map<String, Object> a = overview().stream().filter(r -> r.get("id").equals(tenantA)).findFirst().orElseThrow();
        Map<String, Object> b = overview().stream().filter(r -> r.get("id").equals(tenantB)).findFirst().orElseThrow();
        assertThat(a.get("member_count")).isEqualTo(1L);
        assertThat(b.get("member_count")).isEqualTo(1L);
        assertThat(a.get("last_activity_at")).isNotNull();
    }

    @Test
    void onlyTheRuntimeRoleMayExecuteThePlatformFunctionsAndTheyAreSecurityDefiners() throws Exception {
        try (Connection owner = TestDatabase.owner(); Statement sql = owner.createStatement();
             ResultSet rows = sql.executeQuery("""
                     select p.proname, p.prosecdef, has_function_privilege('entente_app', p.oid, 'EXECUTE'),
                            has_function_privilege('public', p.oid, 'EXECUTE'), p.proconfig::text
                       from pg_proc p where p.proname like 'platform\\_%' order by 1""")) {
            List<String> functions = new ArrayList<>();
            while (rows.next()) {
                functions.add(rows.getString(1));
                assertThat(rows.getBoolean(2)).as(rows.getString(1) + " security definer").isTrue();
                assertThat(rows.getBoolean(3)).as(rows.getString(1) + " runtime role").isTrue();
                assertThat(rows.getBoolean(4)).as(rows.getString(1) + " PUBLIC").isFalse();
                assertThat(rows.getString(5)).contains("search_path=public, pg_temp");
            }
            // V20's four and V50's three for capacity by year.
            assertThat(functions).containsExactly("platform_change_tenant_status", "platform_delete_tenant_capacity",
                    "platform_register_tenant", "platform_set_tenant_capacity", "platform_tenant_capacities",
                    "platform_tenant_overview", "platform_update_tenant");
        }
    }

    private UUID register(String prefix) {
        UUID id = UUID.randomUUID();
        String alias = TestDatabase.uniqueAlias(prefix);
        as(id, sql -> sql.queryForList("select platform_register_tenant(?, ?, ?, 'STATE', 'Europe', null)",
                id, alias, "Tenant " + alias));
        return id;
    }

    private String changeStatus(UUID tenant, String action) {
        return as(tenant, sql -> sql.queryForObject("select platform_change_tenant_status(?, ?, 'test')",
                String.class, tenant, action));
    }

    private String statusOf(UUID tenant) {
        return string(tenant, "select status from tenant");
    }

    private List<Map<String, Object>> overview() {
        // No tenant context at all: the function is the only way to see across tenants.
        return transactions.execute(status -> jdbc.queryForList("select * from platform_tenant_overview()"));
    }

    private static int addMember(JdbcTemplate sql, UUID tenant, UUID member) {
        return sql.update("insert into member (tenant_id, id, username, display_name) values (?, ?, ?, 'Someone')",
                tenant, member, "user-" + member);
    }

    private List<String> strings(UUID tenant, String query) {
        return as(tenant, sql -> sql.queryForList(query, String.class));
    }

    private List<UUID> ids(UUID tenant, String query) {
        return as(tenant, sql -> sql.queryForList(query, UUID.class));
    }

    private String string(UUID tenant, String query) {
        return as(tenant, sql -> sql.queryForObject(query, String.class));
    }

    private <T> T as(UUID tenant, Function<JdbcTemplate, T> work) {
        return TenantScope.callAs(new Actor(tenant, OPERATOR), () -> transactions.execute(status -> work.apply(jdbc)));
    }
}
