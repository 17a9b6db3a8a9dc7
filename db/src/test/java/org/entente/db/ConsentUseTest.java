package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.entente.db.Collaboration.assertRejected;
import static org.entente.db.Collaboration.countAs;
import static org.entente.db.Collaboration.failureAs;
import static org.entente.db.Collaboration.memberOf;
import static org.entente.db.Collaboration.run;
import static org.entente.db.Collaboration.tenant;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
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
 * V50's ledger of consent use: record_consent_use, called in the READER's transaction, writes into the ledger of
 * each grantor that granted the reader, once per reader member, surface and snapshot; the grantor reads it, the reader
 * does not.
 */
class ConsentUseTest {

    private static final OffsetDateTime SNAPSHOT = OffsetDateTime.of(2026, 11, 25, 6, 0, 0, 0, ZoneOffset.UTC);

    private final JdbcTemplate jdbc = new JdbcTemplate(TestDatabase.appPool());
    private final TransactionTemplate transactions =
            new TransactionTemplate(new TenantTransactionManager(TestDatabase.appPool(), ActorSource.none()));

    private UUID reader;
    private UUID grantor;
    private UUID grantedSomeoneElse;
    private UUID neverGranted;
    private UUID revoked;

    @BeforeEach
    void aReaderAndItsPartners() {
        reader = tenant("use-reader", "ALLIANCE");
        grantor = tenant("use-grantor", "STATE");
        grantedSomeoneElse = tenant("use-other", "STATE");
        neverGranted = tenant("use-never", "NGO");
        revoked = tenant("use-revoked", "STATE");
        grant(grantor, reader);
        grant(grantedSomeoneElse, grantor);
        grant(revoked, reader);
        run(revoked, sql -> {
            sql.update("delete from publication_consent where grantee_tenant_id = ?", reader);
            sql.update("insert into publication_consent_change (version, grantee_tenant_id, action, changed_by)"
                    + " values (2, ?, 'REVOKE', 'Admin')", reader);
        });
    }

    @Test
    void onlyGrantorsThatGrantedTheReaderRecordAndEachInItsOwnLedger() {
        int recorded = record(memberOf(reader), List.of(grantor, grantedSomeoneElse, neverGranted, revoked, reader),
                "SCREEN", SNAPSHOT);

        // A revoked grant still served the snapshot taken before the revocation.
        assertThat(recorded).isEqualTo(2);
        Map<String, Object> use = Collaboration.as(grantor, sql -> sql.queryForMap(
                "select tenant_id, reader_tenant_id, reader_member_id, surface, snapshot_taken_at, at from consent_use"));
        assertThat(use).containsEntry("tenant_id", grantor).containsEntry("reader_tenant_id", reader)
                .containsEntry("reader_member_id", memberOf(reader)).containsEntry("surface", "SCREEN");
        assertThat(((java.sql.Timestamp) use.get("snapshot_taken_at")).toInstant()).isEqualTo(SNAPSHOT.toInstant());
        assertThat(use.get("at")).isNotNull();
        assertThat(countAs(revoked, "select count(*) from consent_use where reader_tenant_id = ?", reader)).isOne();
        assertThat(countAs(grantedSomeoneElse, "select count(*) from consent_use")).isZero();
        assertThat(countAs(neverGranted, "select count(*) from consent_use")).isZero();

        // The reader cannot read the grantors' ledgers, and has none of its own from this.
        assertThat(countAs(reader, "select count(*) from consent_use")).isZero();
        assertThat(countAs(reader, "select count(*) from consent_use where tenant_id = ?", grantor)).isZero();
    }

    @Test
    void oncePerReaderMemberSurfaceAndSnapshot() {
        UUID colleague = UUID.randomUUID();
        run(reader, sql -> sql.update("insert into member (tenant_id, id, username, display_name) values (?, ?, ?, 'Colleague')",
                reader, colleague, "colleague-" + colleague));

        assertThat(record(memberOf(reader), List.of(grantor), "SCREEN", SNAPSHOT)).isOne();
        assertThat(record(memberOf(reader), List.of(grantor, grantor), "SCREEN", SNAPSHOT))
                .as("the same member, surface and snapshot again: a coordinator changing filters").isZero();
        assertThat(record(memberOf(reader), List.of(grantor), "BRIEFING", SNAPSHOT)).isOne();
        assertThat(record(memberOf(reader), List.of(grantor), "SCREEN", SNAPSHOT.plusHours(1))).isOne();
        assertThat(record(colleague, List.of(grantor), "SCREEN", SNAPSHOT)).isOne();
        assertThat(record(null, List.of(grantor), "BRIEFING", SNAPSHOT)).as("system work, no member").isOne();
        assertThat(record(null, List.of(grantor), "BRIEFING", SNAPSHOT)).as("no member is one reader too").isZero();

        assertThat(countAs(grantor, "select count(*) from consent_use where reader_tenant_id = ?", reader)).isEqualTo(5);
    }

    @Test
    void theLedgerIsWrittenOnlyThroughTheFunction() {
        assertRejected(failureAs(reader, sql -> sql.update("""
                insert into consent_use (tenant_id, reader_tenant_id, surface, snapshot_taken_at) values (?, ?, 'SCREEN', now())""",
                grantor, reader)), "42501", "permission denied");
        record(memberOf(reader), List.of(grantor), "SCREEN", SNAPSHOT);
        assertRejected(failureAs(grantor, sql -> sql.update("delete from consent_use")), "42501", "permission denied");
        assertRejected(failureAs(grantor, sql -> sql.update("update consent_use set surface = 'BRIEFING'")),
                "42501", "permission denied");
        // Setting the owner's switch in the runtime role's own session opens nothing.
        assertThat(Collaboration.<Long>as(reader, sql -> {
            sql.queryForList("select set_config('app.definer_call', 'on', true)");
            return sql.queryForObject("select count(*) from consent_use", Long.class);
        })).isZero();
    }

    @Test
    void anUnknownSurfaceOrNoTenantIsRefusedWithEN060() {
        assertThat(TestDatabase.sqlState(catchThrowable(
                () -> record(memberOf(reader), List.of(grantor), "EMAIL", SNAPSHOT)))).isEqualTo("EN060");
        assertThat(TestDatabase.sqlState(catchThrowable(
                () -> record(memberOf(reader), List.of(grantor), "SCREEN", null)))).isEqualTo("EN060");
        try (Connection app = TestDatabase.app(); Statement sql = app.createStatement()) {
            String state = TestDatabase.sqlState(catchThrowable(() -> sql.executeQuery(
                    "select record_consent_use(array['" + grantor + "']::uuid[], 'SCREEN', now())").close()));
            assertThat(state).isEqualTo("EN060");
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        assertThat(countAs(grantor, "select count(*) from consent_use")).isZero();
    }

    @Test
    void theDefinerFlagIsGoneAfterTheCall() {
        String flag = as(reader, memberOf(reader), sql -> {
            sql.queryForObject("select record_consent_use(?::uuid[], 'SCREEN', ?)", Integer.class,
                    "{" + grantor + "}", SNAPSHOT);
            return sql.queryForObject("select coalesce(current_setting('app.definer_call', true), '')", String.class);
        });
        assertThat(flag).isEmpty();
        // So the reader's own session still sees only its own partition.
        assertThat(countAs(reader, "select count(*) from publication_consent_change")).isZero();
    }

    // ------------------------------------------------------------------------------------------------

    private int record(UUID member, List<UUID> grantors, String surface, OffsetDateTime snapshot) {
        String array = "{" + String.join(",", grantors.stream().map(UUID::toString).toList()) + "}";
        return as(reader, member, sql -> sql.queryForObject("select record_consent_use(?::uuid[], ?, ?)", Integer.class,
                array, surface, snapshot));
    }

    private <T> T as(UUID tenant, UUID member, Function<JdbcTemplate, T> work) {
        return TenantScope.callAs(new Actor(tenant, member), () -> transactions.execute(status -> work.apply(jdbc)));
    }

    private static void grant(UUID from, UUID to) {
        run(from, sql -> {
            sql.update("insert into publication_consent (grantee_tenant_id, granted_by) values (?, 'Admin')", to);
            sql.update("insert into publication_consent_change (version, grantee_tenant_id, action, changed_by)"
                    + " values (publication_consent_version() + 1, ?, 'GRANT', 'Admin')", to);
        });
    }
}
