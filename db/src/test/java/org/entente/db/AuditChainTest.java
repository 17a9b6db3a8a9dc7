package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;

/**
 * Each tenant's audit events form a hash chain; a change made behind the app's back (as the superuser, who can
 * lift the append-only trigger) is found by audit_chain_breaks(), at the first broken link.
 */
class AuditChainTest {

    private static final UUID ACTOR = UUID.randomUUID();

    @Test
    void eventsAreChainedPerTenantWithoutGaps() throws Exception {
        UUID tenant = TestDatabase.provisionTenant(TestDatabase.uniqueAlias("chain"));
        for (int i = 0; i < 5; i++) {
            record(tenant, "created", "{\"n\": " + i + "}");
        }
        try (Connection app = TestDatabase.app()) {
            app.setAutoCommit(false);
            setContext(app, tenant);
            try (Statement sql = app.createStatement();
                 ResultSet row = sql.executeQuery("""
                         select count(*), min(seq), max(seq), count(*) filter (where prev_hash is null),
                                bool_and(length(hash) = 32)
                           from audit_event""")) {
                row.next();
                assertThat(row.getLong(1)).isEqualTo(5);
                assertThat(row.getLong(2)).isEqualTo(1);
                assertThat(row.getLong(3)).isEqualTo(5);
                assertThat(row.getLong(4)).isEqualTo(1);
                assertThat(row.getBoolean(5)).isTrue();
            }
            app.commit();
        }
        assertThat(breaksOf(tenant)).isEmpty();
    }

    @Test
    void aWriterCannotForgeItsPosition() throws Exception {
        UUID tenant = TestDatabase.provisionTenant(TestDatabase.uniqueAlias("chain-forge"));
        record(tenant, "created", "{}");
        try (Connection app = TestDatabase.app()) {
            app.setAutoCommit(false);
            setContext(app, tenant);
            try (Statement sql = app.createStatement()) {
                sql.executeUpdate("insert into audit_event (action, entity_type, seq, prev_hash, hash)"
                        + " values ('forged', 'x', 1, null, '\\x00')");
            }
            app.commit();
        }
        assertThat(breaksOf(tenant)).isEmpty();
    }

    @Test
    void concurrentWritersOfOneTenantKeepOneChain() throws Exception {
        UUID tenant = TestDatabase.provisionTenant(TestDatabase.uniqueAlias("chain-busy"));
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<?>> writers = new ArrayList<>();
            for (int w = 0; w < 4; w++) {
                writers.add(pool.submit(() -> {
                    for (int i = 0; i < 10; i++) {
                        record(tenant, "updated", "{}");
                    }
                    return null;
                }));
            }
            for (Future<?> writer : writers) {
                writer.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(breaksOf(tenant)).isEmpty();
        assertThat(superuserLong("select max(seq) from audit_event where tenant_id = '" + tenant + "'")).isEqualTo(40);
    }

    @Test
    void aChangedEventIsFoundAtItsPosition() throws Exception {
        UUID tenant = TestDatabase.provisionTenant(TestDatabase.uniqueAlias("chain-tamper"));
        UUID bystander = TestDatabase.provisionTenant(TestDatabase.uniqueAlias("chain-bystander"));
        for (int i = 1; i <= 4; i++) {
            record(tenant, "pledged", "{\"amount\": " + (i * 100) + "}");
        }
        record(bystander, "created", "{}");

        superuser("update audit_event set details = '{\"amount\": 1}' where tenant_id = '" + tenant + "' and seq = 3");

        assertThat(breaksOf(tenant)).containsExactly("3: changed after it was recorded");
        assertThat(breaksOf(bystander)).isEmpty();
    }

    @Test
    void aRemovedEventIsFound() throws Exception {
        UUID tenant = TestDatabase.provisionTenant(TestDatabase.uniqueAlias("chain-gap"));
        for (int i = 1; i <= 4; i++) {
            record(tenant, "commented", "{}");
        }
        superuser("delete from audit_event where tenant_id = '" + tenant + "' and seq = 2");

        assertThat(breaksOf(tenant)).containsExactly("3: an event before this one is missing");
    }

    @Test
    void aRecomputedHashStillBreaksTheNextLink() throws Exception {
        UUID tenant = TestDatabase.provisionTenant(TestDatabase.uniqueAlias("chain-rehash"));
        for (int i = 1; i <= 3; i++) {
            record(tenant, "delivered", "{}");
        }
        // A careful forger rewrites event 2 and its hash; event 3 still names the old hash.
        superuser("update audit_event set action = 'cancelled' where tenant_id = '" + tenant + "' and seq = 2");
        superuser("update audit_event e set hash = sha256(coalesce(e.prev_hash, '\\x'::bytea) || audit_event_content(e))"
                + " where tenant_id = '" + tenant + "' and seq = 2");

        assertThat(breaksOf(tenant)).containsExactly("3: does not link to the event before it");
    }

    // ---------------------------------------------------------------------------------------------------------

    private static void record(UUID tenant, String action, String details) throws SQLException {
        try (Connection app = TestDatabase.app()) {
            app.setAutoCommit(false);
            setContext(app, tenant);
            try (PreparedStatement insert = app.prepareStatement(
                    "insert into audit_event (action, entity_type, details) values (?, 'test', ?::jsonb)")) {
                insert.setString(1, action);
                insert.setString(2, details);
                insert.executeUpdate();
            }
            app.commit();
        }
    }

    private static List<String> breaksOf(UUID tenant) throws SQLException {
        List<String> breaks = new ArrayList<>();
        try (Connection app = TestDatabase.app(); Statement sql = app.createStatement();
             ResultSet row = sql.executeQuery("select tenant_id, seq, problem from audit_chain_breaks()")) {
            while (row.next()) {
                if (row.getObject(1, UUID.class).equals(tenant)) {
                    breaks.add(row.getLong(2) + ": " + row.getString(3));
                }
            }
        }
        return breaks;
    }

    /** As the cluster's superuser, who can lift the append-only trigger: the attacker the chain is for. */
    private static void superuser(String change) throws SQLException {
        try (Connection admin = DriverManager.getConnection(TestDatabase.postgres().jdbcUrl(), "postgres", "")) {
            admin.setAutoCommit(false);
            try (Statement sql = admin.createStatement()) {
                sql.execute("alter table audit_event disable trigger audit_event_append_only");
                sql.executeUpdate(change);
                sql.execute("alter table audit_event enable trigger audit_event_append_only");
            }
            admin.commit();
        }
    }

    private static long superuserLong(String query) throws SQLException {
        try (Connection admin = DriverManager.getConnection(TestDatabase.postgres().jdbcUrl(), "postgres", "");
             Statement sql = admin.createStatement(); ResultSet row = sql.executeQuery(query)) {
            row.next();
            return row.getLong(1);
        }
    }

    private static void setContext(Connection connection, UUID tenant) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement(
                "select set_config('app.tenant_id', ?, true), set_config('app.user_id', ?, true)")) {
            set.setString(1, tenant.toString());
            set.setString(2, ACTOR.toString());
            set.execute();
        }
    }
}
