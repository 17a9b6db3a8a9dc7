package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.db.jooq.Tables.MEMBER;

import com.zaxxer.hikari.HikariDataSource;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.TenantScope;
import org.entente.db.tenancy.TenantNotActiveException;
import org.entente.db.tenancy.TenantTransactionManager;
import org.jooq.DSLContext;
import org.jooq.SQLDialect;
import org.jooq.impl.DSL;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.datasource.TransactionAwareDataSourceProxy;
import org.springframework.transaction.support.TransactionTemplate;

/** The tenant context is set per transaction and never outlives it on a pooled connection. */
class TenantTransactionManagerTest {

    private static final String CONTEXT = "select current_setting('app.tenant_id', true) as tenant,"
            + " current_setting('app.user_id', true) as member, pg_backend_pid() as backend";

    /** One connection only, so consecutive transactions are sure to share it. */
    private static HikariDataSource singleConnection;
    private static JdbcTemplate jdbc;
    /** What the "signed-in request" would report; tests set it. */
    private static final AtomicReference<Actor> signedIn = new AtomicReference<>();
    private static TransactionTemplate transactions;
    private static UUID tenantA;
    private static UUID tenantB;

    @BeforeAll
    static void singleConnectionPool() {
        tenantA = TestDatabase.provisionTenant(TestDatabase.uniqueAlias("pool-a"));
        tenantB = TestDatabase.provisionTenant(TestDatabase.uniqueAlias("pool-b"));
        singleConnection = TestDatabase.pool(1);
        jdbc = new JdbcTemplate(singleConnection);
        transactions = new TransactionTemplate(
                new TenantTransactionManager(singleConnection, () -> Optional.ofNullable(signedIn.get())));
    }

    @AfterAll
    static void closePool() {
        singleConnection.close();
    }

    @Test
    void setsTheActorPerTransactionAndClearsItAfterwards() {
        UUID member = UUID.randomUUID();
        Map<String, Object> first = contextIn(new Actor(tenantA, member));
        assertThat(first).containsEntry("tenant", tenantA.toString()).containsEntry("member", member.toString());

        // Right after the commit, the same pooled connection outside any transaction has no tenant.
        Map<String, Object> outside = jdbc.queryForMap(CONTEXT);
        assertThat(outside.get("backend")).as("same pooled connection").isEqualTo(first.get("backend"));
        assertThat(outside.get("tenant")).isIn("", null);
        assertThat(outside.get("member")).isIn("", null);

        // And the next transaction without an actor has none either.
        Map<String, Object> next = contextIn(null);
        assertThat(next.get("backend")).isEqualTo(first.get("backend"));
        assertThat(next).containsEntry("tenant", "").containsEntry("member", "");
    }

    @Test
    void aTransactionWithoutActorSeesNoRowsEvenAfterATenantTransaction() {
        TenantScope.runAs(Actor.system(tenantA), () -> transactions.executeWithoutResult(status ->
                jdbc.update("insert into member (tenant_id, id, username, display_name) values (?, ?, 'pooled', 'Pooled')",
                        tenantA, UUID.randomUUID())));
        assertThat(countIn(Actor.system(tenantA), "select count(*) from member")).isOne();

        assertThat(jdbc.queryForObject("select count(*) from member", Long.class))
                .as("right after a tenant transaction, outside any transaction").isZero();
        assertThat(countIn(null, "select count(*) from member")).isZero();
        assertThat(countIn(null, "select count(*) from tenant")).isZero();
    }

    /**
     * Issue 20: reads are refused too (the UI's guard stopped only navigation, so a service call or an API client of
     * a suspended organization still read everything its tenant could see).
     */
    @Test
    void aSignedInMemberOfASuspendedTenantCanNeitherReadNorWrite() throws Exception {
        UUID suspended = TestDatabase.provisionTenant(TestDatabase.uniqueAlias("suspended"));
        try (java.sql.Connection superuser = java.sql.DriverManager.getConnection(
                TestDatabase.postgres().jdbcUrl(), "postgres", "");
                java.sql.PreparedStatement suspend = superuser.prepareStatement(
                        "update tenant set status = 'SUSPENDED' where id = ?")) {
            suspend.setObject(1, suspended);
            assertThat(suspend.executeUpdate()).isOne();
        }
        signedIn.set(new Actor(suspended, UUID.randomUUID()));
        try {
            TransactionTemplate readOnly = new TransactionTemplate(transactions.getTransactionManager());
            readOnly.setReadOnly(true);
            assertThatThrownBy(() -> readOnly.execute(tx -> jdbc.queryForObject("select count(*) from member",
                    Long.class)))
                    .hasRootCauseInstanceOf(TenantNotActiveException.class)
                    .rootCause().hasMessageContaining("suspended").hasMessageContaining("read");
            // What explains the situation is read in an explicit scope of the same member (TenantService does so).
            String seen = TenantScope.callAs(signedIn.get(), () -> readOnly.execute(tx -> jdbc.queryForObject(
                    "select status from tenant", String.class)));
            assertThat(seen).isEqualTo("SUSPENDED");
            assertThatThrownBy(() -> transactions.executeWithoutResult(status -> jdbc.update(
                    "insert into member (tenant_id, id, username, display_name) values (?, ?, 'late', 'Late')",
                    suspended, UUID.randomUUID())))
                    .hasRootCauseInstanceOf(TenantNotActiveException.class)
                    .rootCause().hasMessageContaining("suspended");
            // Sign-in provisioning and background work run in an explicit scope and are not refused.
            TenantScope.runAs(Actor.system(suspended), () -> transactions.executeWithoutResult(status -> jdbc.update(
                    "insert into member (tenant_id, id, username, display_name) values (?, ?, 'scoped', 'Scoped')",
                    suspended, UUID.randomUUID())));
        } finally {
            signedIn.set(null);
        }
    }

    @Test
    void usesTheActorSourceWhenNoScopeIsActiveAndAScopeWhenOneIs() {
        UUID memberOfB = UUID.randomUUID();
        signedIn.set(new Actor(tenantB, memberOfB));
        try {
            assertThat(contextIn(null))
                    .containsEntry("tenant", tenantB.toString()).containsEntry("member", memberOfB.toString());
            assertThat(contextIn(Actor.system(tenantA)))
                    .as("an explicit scope wins over the signed-in actor")
                    .containsEntry("tenant", tenantA.toString()).containsEntry("member", "");
        } finally {
            signedIn.set(null);
        }
    }

    @Test
    void jooqQueriesRunInsideTheTenantTransaction() {
        DSLContext db = DSL.using(new TransactionAwareDataSourceProxy(singleConnection), SQLDialect.POSTGRES);
        UUID member = UUID.randomUUID();
        TenantScope.runAs(new Actor(tenantB, member), () -> transactions.executeWithoutResult(status ->
                db.insertInto(MEMBER)
                        .set(MEMBER.TENANT_ID, tenantB)
                        .set(MEMBER.ID, member)
                        .set(MEMBER.USERNAME, "jooq.user")
                        .set(MEMBER.DISPLAY_NAME, "jOOQ User")
                        .set(MEMBER.ROLES, new String[] {"member"})
                        .execute()));

        String username = TenantScope.callAs(Actor.system(tenantB), () -> transactions.execute(status ->
                db.select(MEMBER.USERNAME).from(MEMBER).where(MEMBER.ID.eq(member)).fetchOne(MEMBER.USERNAME)));
        assertThat(username).isEqualTo("jooq.user");
        Integer visibleToA = TenantScope.callAs(Actor.system(tenantA), () -> transactions.execute(status ->
                db.fetchCount(MEMBER, MEMBER.ID.eq(member))));
        assertThat(visibleToA).isZero();
    }

    /** Runs a transaction as {@code actor} (or with no scope when null) and reads its tenant context. */
    private static Map<String, Object> contextIn(Actor actor) {
        return inTransaction(actor, () -> jdbc.queryForMap(CONTEXT));
    }

    private static long countIn(Actor actor, String query) {
        Long count = inTransaction(actor, () -> jdbc.queryForObject(query, Long.class));
        return count;
    }

    private static <T> T inTransaction(Actor actor, Supplier<T> work) {
        Supplier<T> transaction = () -> transactions.execute(status -> work.get());
        return actor == null ? transaction.get() : TenantScope.callAs(actor, transaction);
    }
}
