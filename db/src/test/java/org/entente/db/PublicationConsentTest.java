package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.entente.db.Collaboration.as;
import static org.entente.db.Collaboration.assertRejected;
import static org.entente.db.Collaboration.assertRowLevelSecurityViolation;
import static org.entente.db.Collaboration.countAs;
import static org.entente.db.Collaboration.failureAs;
import static org.entente.db.Collaboration.run;
import static org.entente.db.Collaboration.tenant;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * V50's publication consent: an organization's grants are its own to change; the organization it grants to reads
 * them and nothing else; the history only grows, one version per save, and two saves cannot take the same version.
 */
class PublicationConsentTest {

    private UUID grantor;
    private UUID grantee;
    private UUID outsider;

    @BeforeEach
    void threeOrganizations() {
        grantor = tenant("consent-grantor", "STATE");
        grantee = tenant("consent-grantee", "ALLIANCE");
        outsider = tenant("consent-outsider", "STATE");
    }

    @Test
    void anotherOrganizationCanNeitherReadNorChangeAGrant() {
        save(grantor, 1, grantee);

        assertThat(countAs(grantor, "select count(*) from publication_consent where grantee_tenant_id = ?", grantee)).isOne();
        assertThat(countAs(outsider, "select count(*) from publication_consent where tenant_id = ?", grantor)).isZero();
        assertThat(countAs(outsider, "select count(*) from publication_consent_change where tenant_id = ?", grantor)).isZero();
        assertThat(Collaboration.<Integer>as(outsider, sql -> sql.update(
                "delete from publication_consent where tenant_id = ?", grantor))).isZero();
        // Granting in the grantor's name, to itself or the grantee: refused, in the table and in the history.
        assertRowLevelSecurityViolation(failureAs(outsider, sql -> sql.update("""
                insert into publication_consent (tenant_id, grantee_tenant_id, granted_by) values (?, ?, 'Sneaky')""",
                grantor, outsider)));
        assertRowLevelSecurityViolation(failureAs(outsider, sql -> sql.update("""
                insert into publication_consent_change (tenant_id, version, grantee_tenant_id, action, changed_by)
                values (?, 1, ?, 'GRANT', 'Sneaky')""", grantor, outsider)));

        assertThat(Collaboration.<List<UUID>>as(grantor, sql -> sql.queryForList(
                "select grantee_tenant_id from publication_consent", UUID.class))).containsExactly(grantee);
        assertThat(version(grantor)).isOne();
        assertThat(version(outsider)).as("versions are per organization").isZero();
        // Without a tenant: nothing at all.
        assertThat(countWithoutTenant("publication_consent")).isZero();
        assertThat(countWithoutTenant("publication_consent_change")).isZero();
    }

    @Test
    void theGranteeSeesOnlyTheGrantsMadeToItAndCannotChangeThem() {
        save(grantor, 1, grantee);
        save(outsider, 1, grantor);   // a grant the grantee has nothing to do with

        assertThat(Collaboration.<List<String>>as(grantee, sql -> sql.queryForList(
                "select tenant_id || '>' || grantee_tenant_id from publication_consent", String.class)))
                .containsExactly(grantor + ">" + grantee);
        // Not the grantor's history, not its other grants.
        assertThat(countAs(grantee, "select count(*) from publication_consent_change")).isZero();

        assertThat(Collaboration.<Integer>as(grantee, sql -> sql.update(
                "delete from publication_consent where grantee_tenant_id = ?", grantee))).isZero();
        assertRejected(failureAs(grantee, sql -> sql.update("update publication_consent set granted_by = 'Grantee'")),
                "42501", "permission denied");
        assertRowLevelSecurityViolation(failureAs(grantee, sql -> sql.update("""
                insert into publication_consent (tenant_id, grantee_tenant_id, granted_by) values (?, ?, 'Grantee')""",
                outsider, grantee)));
        assertThat(countAs(grantor, "select count(*) from publication_consent where tenant_id = ?", grantor)).isOne();
    }

    @Test
    void anOrganizationCannotGrantItself() {
        assertRejected(failureAs(grantor, sql -> sql.update(
                "insert into publication_consent (grantee_tenant_id, granted_by) values (?, 'Self')", grantor)),
                "23514", "publication_consent_not_self_ck");
    }

    @Test
    void theHistoryIsAppendOnlyForTheRuntimeRole() {
        save(grantor, 1, grantee);
        for (String change : List.of("update publication_consent_change set action = 'REVOKE'",
                "update publication_consent_change set changed_at = now() - interval '1 year'",
                "delete from publication_consent_change", "truncate publication_consent_change")) {
            assertRejected(failureAs(grantor, sql -> sql.execute(change)), "42501", "permission denied");
        }
        assertThat(Collaboration.<List<String>>as(grantor, sql -> sql.queryForList(
                "select version || ' ' || action || ' ' || changed_by from publication_consent_change", String.class)))
                .containsExactly("1 GRANT Lars Haugen");
    }

    /** What the app does: read the version it shows, save its changes as the next one. */
    @Test
    void eachSaveIsExactlyTheNextVersion() {
        assertThat(version(grantor)).isZero();
        save(grantor, 1, grantee, outsider);
        assertThat(version(grantor)).isOne();
        run(grantor, sql -> {
            sql.update("delete from publication_consent where grantee_tenant_id = ?", outsider);
            change(sql, 2, outsider, "REVOKE");
        });
        assertThat(version(grantor)).isEqualTo(2);

        // A second tenant-admin still showing version 1 saves "version 2" for another grantee: refused.
        UUID third = tenant("consent-third", "IGO");
        assertRejected(failureAs(grantor, sql -> change(sql, 2, third, "GRANT")), "EN061", "not the next one");
        // Nor can a save skip ahead.
        assertRejected(failureAs(grantor, sql -> change(sql, 4, third, "GRANT")), "EN061", "not the next one");

        assertThat(version(grantor)).isEqualTo(2);
        assertThat(Collaboration.<List<String>>as(grantor, sql -> sql.queryForList(
                "select version || ' ' || action from publication_consent_change order by id", String.class)))
                .containsExactly("1 GRANT", "1 GRANT", "2 REVOKE");
    }

    /**
     * Two tenant-admins save at once, both against version 0, for different grantees (so the unique key cannot tell):
     * the second waits for the first's commit, then finds version 1 taken.
     */
    @Test
    void twoSavesAtOnceCannotBothTakeTheNextVersion() throws Exception {
        ExecutorService second = Executors.newSingleThreadExecutor();
        try (Connection first = TestDatabase.app(); Connection other = TestDatabase.app()) {
            first.setAutoCommit(false);
            other.setAutoCommit(false);
            actAs(first, grantor);
            actAs(other, grantor);
            insertChange(first, 1, grantee);
            int otherBackend = backendPid(other);
            Future<String> bySecond = second.submit(() -> {
                try {
                    insertChange(other, 1, outsider);
                    other.commit();
                    return "stored";
                } catch (SQLException e) {
                    other.rollback();
                    return e.getSQLState();
                }
            });

            await().atMost(Duration.ofSeconds(20)).until(() -> isWaitingOnALock(otherBackend));
            assertThat(bySecond).isNotDone();
            first.commit();

            assertThat(bySecond.get(20, TimeUnit.SECONDS)).isEqualTo("EN061");
        } finally {
            second.shutdownNow();
        }
        assertThat(version(grantor)).isOne();
        assertThat(Collaboration.<List<UUID>>as(grantor, sql -> sql.queryForList(
                "select grantee_tenant_id from publication_consent_change", UUID.class))).containsExactly(grantee);
    }

    @Test
    void coordinatorOrganizationsAreTheActiveOnesWithACoordinatorWhoIsNotRemoved() {
        UUID coordinated = tenant("consent-coordinated", "IGO");
        UUID formerlyCoordinated = tenant("consent-former", "IGO");
        UUID suspended = tenant("consent-suspended", "ALLIANCE");
        run(coordinated, sql -> sql.update("update member set roles = '{member,coordinator}'"));
        run(formerlyCoordinated, sql -> sql.update("update member set roles = '{member,coordinator}', status = 'REMOVED'"));
        run(suspended, sql -> sql.update("update member set roles = '{member,coordinator}'"));
        run(suspended, sql -> sql.queryForList("select platform_change_tenant_status(?, 'SUSPEND', 'test')", suspended));

        // Any signed-in organization may ask (it chooses whom to publish to), and sees names only.
        List<UUID> seen = as(outsider, sql -> sql.queryForList("select id from coordinator_organizations()", UUID.class));
        assertThat(seen).contains(coordinated).doesNotContain(formerlyCoordinated, suspended, grantor, grantee, outsider);
        assertThat(Collaboration.<String>as(outsider, sql -> sql.queryForObject(
                "select alias || ' ' || name || ' ' || kind from coordinator_organizations() where id = ?", String.class,
                coordinated))).matches("consent-coordinated-\\S+ Test tenant consent-coordinated-\\S+ IGO");

        try (Connection app = TestDatabase.app(); Statement sql = app.createStatement();
             ResultSet rows = sql.executeQuery("select count(*) from coordinator_organizations()")) {
            rows.next();
            assertThat(rows.getLong(1)).as("without a tenant").isZero();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        // The flag the function sets is gone after the call: the owner-only policies open nothing afterwards.
        assertThat(Collaboration.<String>as(outsider, sql -> {
            sql.queryForList("select id from coordinator_organizations()");
            return sql.queryForObject("select coalesce(current_setting('app.definer_call', true), '')", String.class);
        })).isEmpty();
    }

    // ------------------------------------------------------------------------------------------------

    /** One save as the app makes it: the grants and their history rows, all of one version. */
    private static void save(UUID organization, int version, UUID... grantees) {
        run(organization, sql -> {
            for (UUID to : grantees) {
                sql.update("insert into publication_consent (grantee_tenant_id, granted_by, granted_by_member_id)"
                        + " values (?, 'Lars Haugen', current_member_id())", to);
                change(sql, version, to, "GRANT");
            }
        });
    }

    private static void change(JdbcTemplate sql, int version, UUID grantee, String action) {
        sql.update("""
                insert into publication_consent_change (version, grantee_tenant_id, action, changed_by_member_id, changed_by)
                values (?, ?, ?, current_member_id(), 'Lars Haugen')""", version, grantee, action);
    }

    private static int version(UUID organization) {
        return as(organization, sql -> sql.queryForObject("select publication_consent_version()", Integer.class));
    }

    private static long countWithoutTenant(String table) {
        try (Connection app = TestDatabase.app(); Statement sql = app.createStatement();
             ResultSet rows = sql.executeQuery("select count(*) from " + table)) {
            rows.next();
            return rows.getLong(1);
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static void actAs(Connection connection, UUID tenant) throws SQLException {
        try (Statement sql = connection.createStatement()) {
            sql.execute("SET LOCAL app.tenant_id = '" + tenant + "'");
        }
    }

    private static void insertChange(Connection connection, int version, UUID grantee) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                insert into publication_consent_change (version, grantee_tenant_id, action, changed_by)
                values (?, ?, 'GRANT', 'A tenant-admin')""")) {
            insert.setInt(1, version);
            insert.setObject(2, grantee);
            insert.executeUpdate();
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
}
