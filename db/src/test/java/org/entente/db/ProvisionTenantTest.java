package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** provision_tenant: the only way the runtime role creates a tenant, before any tenant context exists. */
class ProvisionTenantTest {

    record Provisioned(UUID id, String status) {
    }

    record TenantRow(String alias, String name, String kind, String region, String status) {
    }

    @Test
    void createsATenantOnceAndReturnsTheSameIdEveryTime() throws Exception {
        String alias = TestDatabase.uniqueAlias("new-org");
        try (Connection app = TestDatabase.app()) {
            Provisioned first = provision(app, alias, "New Organization", "CORPORATION", "Europe");
            Provisioned again = provision(app, alias, "New Organization", "CORPORATION", "Europe");
            assertThat(first.status()).isEqualTo("ACTIVE");
            assertThat(again).isEqualTo(first);
            assertThat(read(first.id())).isEqualTo(new TenantRow(alias, "New Organization", "CORPORATION", "Europe", "ACTIVE"));
            assertThat(countByAlias(alias)).isOne();
        }
    }

    @Test
    void blankValuesKeepWhatIsThereAndGivenValuesUpdateIt() throws Exception {
        String alias = TestDatabase.uniqueAlias("keeps");
        try (Connection app = TestDatabase.app()) {
            UUID id = provision(app, alias, "Keeps Its Name", "NGO", "Africa").id();
            assertThat(provision(app, alias, null, null, "  ").id()).isEqualTo(id);
            assertThat(provision(app, alias, "", " ", null).id()).isEqualTo(id);
            assertThat(read(id)).isEqualTo(new TenantRow(alias, "Keeps Its Name", "NGO", "Africa", "ACTIVE"));

            provision(app, alias, "Renamed", "IGO", "Global");
            assertThat(read(id)).isEqualTo(new TenantRow(alias, "Renamed", "IGO", "Global", "ACTIVE"));
        }
    }

    @Test
    void aNewTenantsNameDefaultsToItsAlias() throws Exception {
        String alias = TestDatabase.uniqueAlias("nameless");
        try (Connection app = TestDatabase.app()) {
            UUID id = provision(app, alias, null, "ACADEMIA", null).id();
            assertThat(read(id)).isEqualTo(new TenantRow(alias, alias, "ACADEMIA", null, "ACTIVE"));
        }
    }

    @Test
    void aNewTenantWithoutKindIsRefusedWithSqlStateEN001() throws Exception {
        String alias = TestDatabase.uniqueAlias("kindless");
        try (Connection app = TestDatabase.app()) {
            assertThatThrownBy(() -> provision(app, alias, "Kindless", null, null))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("a new tenant needs a kind")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("EN001"));
            assertThatThrownBy(() -> provision(app, alias, "Kindless", " ", null))
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("EN001"));
        }
        assertThat(countByAlias(alias)).isZero();
    }

    @Test
    void invalidAliasesAndKindsAreRefusedByTheConstraints() throws Exception {
        try (Connection app = TestDatabase.app()) {
            assertThatThrownBy(() -> provision(app, "Not An Alias", "x", "NGO", null))
                    .hasMessageContaining("tenant_alias_ck")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
            assertThatThrownBy(() -> provision(app, TestDatabase.uniqueAlias("odd"), "x", "PIRATES", null))
                    .hasMessageContaining("tenant_kind_ck")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("23514"));
        }
    }

    @Test
    void theRuntimeRoleCannotInsertTenantsDirectly() throws Exception {
        try (Connection app = TestDatabase.app(); Statement sql = app.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate(
                    "insert into tenant (alias, name, kind) values ('" + TestDatabase.uniqueAlias("direct") + "', 'Direct', 'NGO')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("permission denied for table tenant");
        }
    }

    @Test
    void theProvisioningPolicyDoesNotOutliveTheCall() throws Exception {
        String alias = TestDatabase.uniqueAlias("after");
        try (Connection app = TestDatabase.app()) {
            app.setAutoCommit(false);
            provision(app, alias, "After", "NGO", null);
            try (Statement sql = app.createStatement();
                 ResultSet rows = sql.executeQuery("select current_setting('app.provisioning_alias', true),"
                         + " (select count(*) from tenant)")) {
                rows.next();
                assertThat(rows.getString(1)).isEmpty();
                assertThat(rows.getLong(2)).as("tenants visible without a tenant context").isZero();
            }
            app.commit();
        }
    }

    @Test
    void theRuntimeRoleCannotUseTheOwnersProvisioningPolicy() throws Exception {
        String alias = TestDatabase.uniqueAlias("policy");
        try (Connection app = TestDatabase.app()) {
            provision(app, alias, "Policy", "NGO", null);
            app.setAutoCommit(false);
            try (PreparedStatement set = app.prepareStatement("select set_config('app.provisioning_alias', ?, true)")) {
                set.setString(1, alias);
                set.execute();
            }
            try (Statement sql = app.createStatement(); ResultSet rows = sql.executeQuery("select count(*) from tenant")) {
                rows.next();
                assertThat(rows.getLong(1)).isZero();
            }
            app.commit();
        }
        assertThat(countByAlias(alias)).as("while the owner does see it that way").isOne();
    }

    /**
     * Two first logins of the same new organization: the second call waits on the first's
     * uncommitted insert, then takes the update path and returns the same id.
     */
    @Test
    void aConcurrentProvisioningOfTheSameNewAliasEndsWithOneTenant() throws Exception {
        String alias = TestDatabase.uniqueAlias("race");
        ExecutorService second = Executors.newSingleThreadExecutor();
        try (Connection first = TestDatabase.app(); Connection other = TestDatabase.app()) {
            first.setAutoCommit(false);
            Provisioned byFirst = provision(first, alias, "Race", "STATE", "Somewhere");
            int otherBackend = backendPid(other);
            Future<Provisioned> bySecond = second.submit(() -> provision(other, alias, "Race", "STATE", "Somewhere"));

            await().atMost(Duration.ofSeconds(20)).until(() -> isWaitingOnALock(otherBackend));
            assertThat(bySecond).isNotDone();
            first.commit();

            assertThat(bySecond.get(20, TimeUnit.SECONDS)).isEqualTo(byFirst);
        } finally {
            second.shutdownNow();
        }
        assertThat(countByAlias(alias)).isOne();
    }

    @Test
    void manySimultaneousCallsForTheSameAliasAgreeOnOneId() throws Exception {
        int callers = 6;
        String alias = TestDatabase.uniqueAlias("crowd");
        CyclicBarrier start = new CyclicBarrier(callers);
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<Provisioned>> results = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                results.add(pool.submit(() -> {
                    try (Connection app = TestDatabase.app()) {
                        start.await(20, TimeUnit.SECONDS);
                        return provision(app, alias, "Crowd", "ALLIANCE", null);
                    }
                }));
            }
            Set<UUID> ids = results.stream().map(ProvisionTenantTest::get).map(Provisioned::id).collect(Collectors.toSet());
            assertThat(ids).hasSize(1);
        } finally {
            pool.shutdownNow();
        }
        assertThat(countByAlias(alias)).isOne();
    }

    private static Provisioned provision(Connection app, String alias, String name, String kind, String region)
            throws SQLException {
        try (PreparedStatement call = app.prepareStatement("select tenant_id, tenant_status from provision_tenant(?, ?, ?, ?)")) {
            call.setString(1, alias);
            call.setString(2, name);
            call.setString(3, kind);
            call.setString(4, region);
            try (ResultSet rows = call.executeQuery()) {
                assertThat(rows.next()).isTrue();
                Provisioned result = new Provisioned(rows.getObject(1, UUID.class), rows.getString(2));
                assertThat(rows.next()).as("exactly one row").isFalse();
                return result;
            }
        }
    }

    /** Reads a tenant as the runtime role inside that tenant's context, like the app would. */
    private static TenantRow read(UUID id) throws SQLException {
        try (Connection app = TestDatabase.app()) {
            app.setAutoCommit(false);
            try (PreparedStatement set = app.prepareStatement("select set_config('app.tenant_id', ?, true)")) {
                set.setString(1, id.toString());
                set.execute();
            }
            try (PreparedStatement query = app.prepareStatement("select alias, name, kind, region, status from tenant")) {
                try (ResultSet row = query.executeQuery()) {
                    assertThat(row.next()).isTrue();
                    TenantRow tenant = new TenantRow(row.getString(1), row.getString(2), row.getString(3),
                            row.getString(4), row.getString(5));
                    assertThat(row.next()).as("a tenant sees one tenant row: its own").isFalse();
                    return tenant;
                }
            } finally {
                app.commit();
            }
        }
    }

    /** Counts tenants with an alias through the owner's provisioning policy (the only alias-keyed view). */
    private static long countByAlias(String alias) throws SQLException {
        try (Connection owner = TestDatabase.owner()) {
            owner.setAutoCommit(false);
            try (PreparedStatement set = owner.prepareStatement("select set_config('app.provisioning_alias', ?, true)")) {
                set.setString(1, alias);
                set.execute();
            }
            try (Statement sql = owner.createStatement(); ResultSet rows = sql.executeQuery("select count(*) from tenant")) {
                rows.next();
                return rows.getLong(1);
            } finally {
                owner.rollback();
            }
        }
    }

    private static int backendPid(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement(); ResultSet rows = sql.executeQuery("select pg_backend_pid()")) {
            rows.next();
            return rows.getInt(1);
        }
    }

    private static boolean isWaitingOnALock(int backendPid) throws SQLException {
        try (Connection owner = TestDatabase.owner();
             PreparedStatement query = owner.prepareStatement(
                     "select exists (select 1 from pg_locks where pid = ? and not granted)")) {
            query.setInt(1, backendPid);
            try (ResultSet rows = query.executeQuery()) {
                return rows.next() && rows.getBoolean(1);
            }
        }
    }

    private static <T> T get(Future<T> future) {
        try {
            return future.get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
