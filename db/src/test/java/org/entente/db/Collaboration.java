package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.db.tenancy.TenantScope;
import org.entente.db.tenancy.TenantTransactionManager;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Test steps for the collaboration schema, each in its own transaction as the runtime role through
 * TenantTransactionManager, acting as the one member every test tenant gets.
 */
final class Collaboration {

    private static final JdbcTemplate JDBC = new JdbcTemplate(TestDatabase.appPool());
    private static final TransactionTemplate TRANSACTIONS =
            new TransactionTemplate(new TenantTransactionManager(TestDatabase.appPool(), ActorSource.none()));
    private static final Map<UUID, UUID> MEMBERS = new ConcurrentHashMap<>();

    private Collaboration() {
    }

    /** A new tenant (NGO) with one member. */
    static UUID tenant(String prefix) {
        return tenant(prefix, "NGO");
    }

    /** A new tenant of the given kind with one member. */
    static UUID tenant(String prefix, String kind) {
        String alias = TestDatabase.uniqueAlias(prefix);
        UUID tenant = TestDatabase.provisionTenant(alias, kind);
        UUID member = UUID.randomUUID();
        MEMBERS.put(tenant, member);
        run(tenant, sql -> sql.update("insert into member (tenant_id, id, username, display_name) values (?, ?, ?, ?)",
                tenant, member, alias + ".user", "User of " + alias));
        return tenant;
    }

    static UUID memberOf(UUID tenant) {
        return MEMBERS.get(tenant);
    }

    static <T> T as(UUID tenant, Function<JdbcTemplate, T> work) {
        return TenantScope.callAs(new Actor(tenant, MEMBERS.get(tenant)), () -> TRANSACTIONS.execute(status -> work.apply(JDBC)));
    }

    static void run(UUID tenant, Consumer<JdbcTemplate> work) {
        as(tenant, sql -> {
            work.accept(sql);
            return null;
        });
    }

    /** Runs {@code work} in its own transaction as the tenant and returns what it threw (it must throw). */
    static Throwable failureAs(UUID tenant, Consumer<JdbcTemplate> work) {
        Throwable failure = catchThrowable(() -> run(tenant, work));
        assertThat(failure).as("expected a failure").isNotNull();
        return failure;
    }

    /** The failure has this SQLSTATE and its message names {@code detail} (a constraint, a phrase). */
    static void assertRejected(Throwable failure, String sqlState, String detail) {
        assertThat(TestDatabase.sqlState(failure)).as("SQLSTATE of %s", failure).isEqualTo(sqlState);
        assertThat(failure).rootCause().hasMessageContaining(detail);
    }

    static void assertRowLevelSecurityViolation(Throwable failure) {
        assertRejected(failure, "42501", "violates row-level security policy");
    }

    static long count(JdbcTemplate sql, String query, Object... arguments) {
        return sql.queryForObject(query, Long.class, arguments);
    }

    static long countAs(UUID tenant, String query, Object... arguments) {
        return as(tenant, sql -> count(sql, query, arguments));
    }

    /** A workstream owned by {@code owner} (status PROPOSED unless given), releasability PARTICIPANTS. */
    static UUID workstream(UUID owner, String kind) {
        return workstream(owner, kind, "PARTICIPANTS");
    }

    static UUID workstream(UUID owner, String kind, String releasability, UUID... relTo) {
        return as(owner, sql -> sql.queryForObject(
                "insert into workstream (kind, title, releasability, rel_to) values (?, ?, ?, ?::uuid[]) returning id",
                UUID.class, kind, kind + " workstream", releasability, uuidArray(relTo)));
    }

    static void invite(UUID owner, UUID workstream, UUID... participants) {
        run(owner, sql -> {
            for (UUID participant : participants) {
                sql.update("insert into participation (tenant_id, workstream_id, participant_tenant_id) values (?, ?, ?)",
                        owner, workstream, participant);
            }
        });
    }

    /** The participant answers (ACCEPTED, DECLINED) or leaves (WITHDRAWN). */
    static void respond(UUID participant, UUID owner, UUID workstream, String status) {
        run(participant, sql -> assertThat(sql.update("update participation set status = ?"
                        + " where tenant_id = ? and workstream_id = ? and participant_tenant_id = ?",
                status, owner, workstream, participant)).isOne());
    }

    static void inviteAndAccept(UUID owner, UUID workstream, UUID... participants) {
        invite(owner, workstream, participants);
        for (UUID participant : participants) {
            respond(participant, owner, workstream, "ACCEPTED");
        }
    }

    /** A FUNDING contribution of 1000 EUR by {@code contributor}. */
    static UUID contribution(UUID contributor, UUID owner, UUID workstream, String releasability, UUID... relTo) {
        return as(contributor, sql -> sql.queryForObject("""
                insert into contribution (tenant_id, workstream_id, type, unit, pledged_amount, releasability, rel_to)
                values (?, ?, 'FUNDING', 'EUR', 1000, ?, ?::uuid[]) returning id""",
                UUID.class, owner, workstream, releasability, uuidArray(relTo)));
    }

    static UUID comment(UUID author, UUID owner, UUID workstream, String releasability, UUID... relTo) {
        return as(author, sql -> sql.queryForObject("""
                insert into comment (tenant_id, workstream_id, body, releasability, rel_to)
                values (?, ?, 'A comment', ?, ?::uuid[]) returning id""",
                UUID.class, owner, workstream, releasability, uuidArray(relTo)));
    }

    /** Postgres array literal for {@code ?::uuid[]}. */
    static String uuidArray(UUID... ids) {
        StringBuilder literal = new StringBuilder("{");
        for (int i = 0; i < ids.length; i++) {
            literal.append(i == 0 ? "" : ",").append(ids[i]);
        }
        return literal.append('}').toString();
    }
}
