package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** audit_event is append-only for everybody, including its owner. */
class AuditEventTest {

    private static UUID tenant;
    private static final UUID ACTOR = UUID.randomUUID();

    @BeforeAll
    static void aTenantWithOneEvent() throws Exception {
        tenant = TestDatabase.provisionTenant(TestDatabase.uniqueAlias("audit"));
        try (Connection app = TestDatabase.app()) {
            app.setAutoCommit(false);
            setContext(app, tenant, ACTOR);
            try (Statement sql = app.createStatement()) {
                sql.executeUpdate("insert into audit_event (action, entity_type, entity_id, details)"
                        + " values ('signed-in', 'member', 'someone', '{\"via\": \"keycloak\"}')");
            }
            app.commit();
        }
    }

    @Test
    void tenantAndActorDefaultToTheTransactionContext() throws Exception {
        try (Connection app = TestDatabase.app()) {
            app.setAutoCommit(false);
            setContext(app, tenant, ACTOR);
            try (Statement sql = app.createStatement();
                 ResultSet row = sql.executeQuery("select tenant_id, actor_id, details ->> 'via', id > 0, at <= now()"
                         + " from audit_event where action = 'signed-in'")) {
                assertThat(row.next()).isTrue();
                assertThat(row.getObject(1, UUID.class)).isEqualTo(tenant);
                assertThat(row.getObject(2, UUID.class)).isEqualTo(ACTOR);
                assertThat(row.getString(3)).isEqualTo("keycloak");
                assertThat(row.getBoolean(4)).isTrue();
                assertThat(row.getBoolean(5)).isTrue();
            }
            app.commit();
        }
    }

    @Test
    void withoutATenantContextNoEventCanBeRecorded() throws Exception {
        try (Connection app = TestDatabase.app(); Statement sql = app.createStatement()) {
            assertThatThrownBy(() -> sql.executeUpdate("insert into audit_event (action, entity_type) values ('x', 'y')"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("violates row-level security policy")
                    .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("42501"));
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "update audit_event set action = 'tampered'",
        "delete from audit_event",
        "truncate audit_event",
        // Statement-level: rejected even when no row matches.
        "delete from audit_event where false"})
    void updateDeleteAndTruncateAreRejectedEvenForTheOwner(String change) throws Exception {
        try (Connection owner = TestDatabase.owner()) {
            owner.setAutoCommit(false);
            setContext(owner, tenant, null);
            try (Statement sql = owner.createStatement()) {
                assertThatThrownBy(() -> sql.executeUpdate(change))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("audit_event is append-only")
                        .satisfies(e -> assertThat(((SQLException) e).getSQLState()).isEqualTo("EN002"));
            }
            owner.rollback();
        }
        try (Connection app = TestDatabase.app()) {
            app.setAutoCommit(false);
            setContext(app, tenant, null);
            try (Statement sql = app.createStatement();
                 ResultSet rows = sql.executeQuery("select count(*), min(action) from audit_event")) {
                rows.next();
                assertThat(rows.getLong(1)).isOne();
                assertThat(rows.getString(2)).isEqualTo("signed-in");
            }
            app.commit();
        }
    }

    @Test
    void theRuntimeRoleMayOnlyReadAndAppend() throws Exception {
        try (Connection owner = TestDatabase.owner(); Statement sql = owner.createStatement();
             ResultSet rights = sql.executeQuery("select string_agg(privilege_type, ',' order by privilege_type)"
                     + " from information_schema.role_table_grants"
                     + " where table_name = 'audit_event' and grantee = 'entente_app'")) {
            rights.next();
            assertThat(rights.getString(1)).isEqualTo("INSERT,SELECT");
        }
    }

    private static void setContext(Connection connection, UUID tenant, UUID actor) throws SQLException {
        try (PreparedStatement set = connection.prepareStatement(
                "select set_config('app.tenant_id', ?, true), set_config('app.user_id', ?, true)")) {
            set.setString(1, tenant.toString());
            set.setString(2, actor == null ? "" : actor.toString());
            set.execute();
        }
    }
}
