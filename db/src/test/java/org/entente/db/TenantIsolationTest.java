package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.UUID;
import java.util.function.Consumer;
import java.util.function.Function;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.db.tenancy.TenantScope;
import org.entente.db.tenancy.TenantTransactionManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Tenant B against tenant A's rows in every tenant-owned table, through the same mechanism the app
 * uses (runtime role, pooled connections, TenantTransactionManager).
 */
class TenantIsolationTest {

    private static final UUID MEMBER_OF_A = UUID.randomUUID();
    private static final UUID OTHER_MEMBER_OF_A = UUID.randomUUID();
    private static final UUID MEMBER_OF_B = UUID.randomUUID();

    private static UUID tenantA;
    private static UUID tenantB;
    private static JdbcTemplate jdbc;
    private static TransactionTemplate transactions;

    @BeforeAll
    static void twoTenantsWithData() {
        tenantA = TestDatabase.provisionTenant(TestDatabase.uniqueAlias("tenant-a"));
        tenantB = TestDatabase.provisionTenant(TestDatabase.uniqueAlias("tenant-b"));
        jdbc = new JdbcTemplate(TestDatabase.appPool());
        transactions = new TransactionTemplate(new TenantTransactionManager(TestDatabase.appPool(), ActorSource.none()));

        as(tenantA, MEMBER_OF_A, sql -> {
            addMember(sql, tenantA, MEMBER_OF_A, "ada.a");
            addMember(sql, tenantA, OTHER_MEMBER_OF_A, "alan.a");
            // tenant_id and actor_id come from the transaction's context.
            sql.update("insert into audit_event (action, entity_type, entity_id) values ('created', 'member', 'ada.a')");
            sql.update("insert into audit_event (action, entity_type, entity_id) values ('created', 'member', 'alan.a')");
            return null;
        });
        as(tenantB, MEMBER_OF_B, sql -> {
            addMember(sql, tenantB, MEMBER_OF_B, "bea.b");
            sql.update("insert into audit_event (action, entity_type) values ('created', 'member')");
            return null;
        });
    }

    @Test
    void eachTenantSeesOnlyItsOwnRows() {
        as(tenantB, MEMBER_OF_B, sql -> {
            assertThat(sql.queryForList("select id from tenant", UUID.class)).containsExactly(tenantB);
            assertThat(sql.queryForList("select id from member", UUID.class)).containsExactly(MEMBER_OF_B);
            assertThat(sql.queryForList("select distinct tenant_id from audit_event", UUID.class)).containsExactly(tenantB);
            assertThat(count(sql, "select count(*) from tenant where id = ?", tenantA)).isZero();
            assertThat(count(sql, "select count(*) from member where tenant_id = ?", tenantA)).isZero();
            assertThat(count(sql, "select count(*) from audit_event where tenant_id = ?", tenantA)).isZero();
            return null;
        });
        as(tenantA, MEMBER_OF_A, sql -> {
            assertThat(sql.queryForList("select id from member order by username", UUID.class))
                    .containsExactly(MEMBER_OF_A, OTHER_MEMBER_OF_A);
            assertThat(sql.queryForList("select actor_id from audit_event", UUID.class))
                    .containsExactly(MEMBER_OF_A, MEMBER_OF_A);
            return null;
        });
    }

    @Test
    void aTenantCannotInsertRowsForAnotherTenant() throws Exception {
        assertRowLevelSecurityViolation(failureAs(tenantB, MEMBER_OF_B,
                sql -> addMember(sql, tenantA, UUID.randomUUID(), "intruder")));
        assertRowLevelSecurityViolation(failureAs(tenantB, MEMBER_OF_B, sql -> sql.update(
                "insert into audit_event (tenant_id, action, entity_type) values (?, 'forged', 'member')", tenantA)));
        // Tenants are created only through provision_tenant: no INSERT right at all.
        assertThat(failureAs(tenantB, MEMBER_OF_B, sql -> sql.update(
                "insert into tenant (alias, name, kind) values ('forged-tenant', 'Forged', 'NGO')")))
                .satisfies(e -> assertThat(TestDatabase.sqlState(e)).isEqualTo("42501"))
                .hasRootCauseMessage("ERROR: permission denied for table tenant");
        // The tenant policy's WITH CHECK holds for the owner too (FORCE): in B's context, no other tenant's row.
        try (Connection owner = TestDatabase.owner()) {
            owner.setAutoCommit(false);
            setTenant(owner, tenantB);
            try (PreparedStatement insert = owner.prepareStatement(
                    "insert into tenant (id, alias, name, kind) values (?, ?, 'Forged', 'NGO')")) {
                insert.setObject(1, UUID.randomUUID());
                insert.setString(2, TestDatabase.uniqueAlias("forged"));
                assertThatThrownBy(insert::executeUpdate).hasMessageContaining("row-level security");
            }
            owner.rollback();
        }
        as(tenantA, MEMBER_OF_A, sql -> {
            assertThat(count(sql, "select count(*) from member")).isEqualTo(2);
            assertThat(count(sql, "select count(*) from audit_event")).isEqualTo(2);
            return null;
        });
    }

    @Test
    void aTenantCannotChangeOrDeleteAnotherTenantsRows() throws Exception {
        as(tenantB, MEMBER_OF_B, sql -> {
            assertThat(sql.update("update member set display_name = 'hijacked' where tenant_id = ?", tenantA)).isZero();
            assertThat(sql.update("delete from member where tenant_id = ?", tenantA)).isZero();
            assertThat(sql.update("update tenant set name = 'hijacked' where id = ?", tenantA)).isZero();
            return null;
        });
        // audit_event is append-only: no UPDATE or DELETE right for the runtime role at all.
        assertThat(failureAs(tenantB, MEMBER_OF_B, sql -> sql.update("delete from audit_event where tenant_id = ?", tenantA)))
                .satisfies(e -> assertThat(TestDatabase.sqlState(e)).isEqualTo("42501"));
        // Offboarding is no runtime operation: tenants cannot be deleted by the runtime role.
        assertThat(failureAs(tenantB, MEMBER_OF_B, sql -> sql.update("delete from tenant where id = ?", tenantA)))
                .satisfies(e -> assertThat(TestDatabase.sqlState(e)).isEqualTo("42501"));
        // The owner is fenced as well (FORCE): in B's context, A's rows are out of reach.
        try (Connection owner = TestDatabase.owner()) {
            owner.setAutoCommit(false);
            setTenant(owner, tenantB);
            assertThat(update(owner, "delete from member where tenant_id = ?", tenantA)).isZero();
            assertThat(update(owner, "delete from tenant where id = ?", tenantA)).isZero();
            owner.rollback();
        }
        as(tenantA, MEMBER_OF_A, sql -> {
            assertThat(sql.queryForList("select display_name from member order by username", String.class))
                    .containsExactly("ada.a (display)", "alan.a (display)");
            assertThat(sql.queryForObject("select name from tenant", String.class)).startsWith("Test tenant tenant-a-");
            assertThat(count(sql, "select count(*) from audit_event")).isEqualTo(2);
            return null;
        });
    }

    @Test
    void aQueryOutsideTheMechanismSeesNothing() throws Exception {
        // Plain connection of the runtime role, autocommit, no TenantTransactionManager.
        try (Connection app = TestDatabase.app(); Statement sql = app.createStatement()) {
            for (String table : List.of("tenant", "member", "audit_event")) {
                try (ResultSet rows = sql.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    assertThat(rows.getLong(1)).as("rows visible in %s", table).isZero();
                }
            }
            // Rows are there: in A's context the same connection sees them.
            app.setAutoCommit(false);
            setTenant(app, tenantA);
            try (ResultSet rows = sql.executeQuery("select count(*) from member")) {
                rows.next();
                assertThat(rows.getLong(1)).isEqualTo(2);
            }
            app.commit();
        }
    }

    private static <T> T as(UUID tenant, UUID member, Function<JdbcTemplate, T> work) {
        return TenantScope.callAs(new Actor(tenant, member), () -> transactions.execute(status -> work.apply(jdbc)));
    }

    private static void addMember(JdbcTemplate sql, UUID tenant, UUID member, String username) {
        sql.update("insert into member (tenant_id, id, username, display_name, roles) values (?, ?, ?, ?, '{member}')",
                tenant, member, username, username + " (display)");
    }

    private static long count(JdbcTemplate sql, String query, Object... arguments) {
        return sql.queryForObject(query, Long.class, arguments);
    }

    /** Runs {@code work} in its own transaction as the given actor and returns what it threw. */
    private static Throwable failureAs(UUID tenant, UUID member, Consumer<JdbcTemplate> work) {
        Throwable failure = catchThrowable(() -> TenantScope.runAs(new Actor(tenant, member),
                () -> transactions.executeWithoutResult(status -> work.accept(jdbc))));
        assertThat(failure).as("expected a failure").isNotNull();
        return failure;
    }

    private static void assertRowLevelSecurityViolation(Throwable failure) {
        assertThat(failure)
                .satisfies(e -> assertThat(TestDatabase.sqlState(e)).isEqualTo("42501"))
                .rootCause().hasMessageContaining("violates row-level security policy");
    }

    private static void setTenant(Connection connection, UUID tenant) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
            set.setString(1, tenant.toString());
            set.execute();
        }
    }

    private static int update(Connection connection, String sql, UUID argument) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            statement.setObject(1, argument);
            return statement.executeUpdate();
        }
    }
}
