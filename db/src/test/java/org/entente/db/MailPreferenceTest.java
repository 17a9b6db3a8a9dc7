package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.db.Collaboration.as;
import static org.entente.db.Collaboration.assertRowLevelSecurityViolation;
import static org.entente.db.Collaboration.countAs;
import static org.entente.db.Collaboration.failureAs;
import static org.entente.db.Collaboration.inviteAndAccept;
import static org.entente.db.Collaboration.memberOf;
import static org.entente.db.Collaboration.run;
import static org.entente.db.Collaboration.tenant;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.Function;
import org.entente.db.tenancy.ActorSource;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.TenantScope;
import org.entente.db.tenancy.TenantTransactionManager;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V56: a person's mail preferences are theirs alone (not their organization's administrators', not another
 * tenant's), and the outbox honours them in the notification's own transaction: OFF writes no mail, DIGEST a row for
 * the digest, which the immediate sender does not claim.
 */
class MailPreferenceTest {

    private static final JdbcTemplate JDBC = new JdbcTemplate(TestDatabase.appPool());
    private static final TransactionTemplate TRANSACTIONS =
            new TransactionTemplate(new TenantTransactionManager(TestDatabase.appPool(), ActorSource.none()));

    @Test
    void aPersonReadsAndWritesOnlyTheirOwnPreferences() {
        UUID norway = tenant("pref-own");
        UUID outsider = tenant("pref-outsider");
        UUID colleague = UUID.randomUUID();
        run(norway, sql -> sql.update("insert into member (tenant_id, id, username, display_name) values (?, ?, ?, ?)",
                norway, colleague, "colleague." + colleague, "Colleague"));
        run(norway, sql -> sql.update("insert into mail_preference (tenant_id, member_id, kind, delivery)"
                + " values (?, ?, 'MENTION', 'OFF')", norway, memberOf(norway)));

        String mine = "select count(*) from mail_preference where tenant_id = ? and member_id = ?";
        assertThat(countAs(norway, mine, norway, memberOf(norway))).isOne();
        // A colleague of the same organization (an administrator, say) sees nothing of it, and cannot change it.
        assertThat(MailPreferenceTest.<Long>asMember(norway, colleague, sql -> sql.queryForObject(mine, Long.class, norway, memberOf(norway))))
                .isZero();
        assertThat(MailPreferenceTest.<Integer>asMember(norway, colleague, sql -> sql.update(
                "update mail_preference set delivery = 'IMMEDIATE' where member_id = ?", memberOf(norway)))).isZero();
        assertRowLevelSecurityViolation(catchThrowable(() -> asMember(norway, colleague, sql -> sql.update(
                "insert into mail_preference (tenant_id, member_id, kind, delivery) values (?, ?, 'INVITATION', 'OFF')",
                norway, memberOf(norway)))));
        // Another tenant: nothing to see, nothing to write.
        assertThat(countAs(outsider, "select count(*) from mail_preference where tenant_id = ?", norway)).isZero();
        assertThat(Collaboration.<Integer>as(outsider, sql -> sql.update("delete from mail_preference where tenant_id = ?", norway))).isZero();
        assertRowLevelSecurityViolation(failureAs(outsider, sql -> sql.update(
                "insert into mail_preference (tenant_id, member_id, kind, delivery) values (?, ?, 'STATUS_CHANGE', 'OFF')",
                norway, memberOf(norway))));
        // Without a member (system work in the tenant): nothing either.
        assertThat(TenantScope.<Long>callAs(Actor.system(norway), () -> TRANSACTIONS.execute(status ->
                JDBC.queryForObject("select count(*) from mail_preference", Long.class)))).isZero();
        assertThat(countAs(norway, "select count(*) from mail_preference where member_id = ? and kind = 'MENTION'"
                + " and delivery = 'OFF'", memberOf(norway))).as("the colleague changed nothing").isOne();
    }

    @Test
    void theOutboxHonoursThePreferenceInTheNotificationsTransaction() {
        UUID owner = tenant("pref-owner");
        UUID partner = tenant("pref-partner");
        UUID workstream = Collaboration.workstream(owner, "INITIATIVE");
        inviteAndAccept(owner, workstream, partner);
        run(partner, sql -> {
            sql.update("insert into mail_preference (tenant_id, member_id, kind, delivery) values (?, ?, 'MENTION', 'OFF')",
                    partner, memberOf(partner));
            sql.update("insert into mail_preference (tenant_id, member_id, kind, delivery)"
                    + " values (?, ?, 'INVITATION', 'DIGEST')", partner, memberOf(partner));
        });

        long off = notify(owner, partner, owner, workstream, "MENTION");
        long digest = notify(owner, partner, owner, workstream, "INVITATION");
        long byDefault = notify(owner, partner, owner, workstream, "STATUS_CHANGE");

        String delivery = "select coalesce(string_agg(delivery, ','), 'none') from mail_outbox"
                + " where tenant_id = ? and notification_id = ?";
        assertThat(Collaboration.<String>as(partner, sql -> sql.queryForObject(delivery, String.class, partner, off))).isEqualTo("none");
        assertThat(Collaboration.<String>as(partner, sql -> sql.queryForObject(delivery, String.class, partner, digest))).isEqualTo("DIGEST");
        assertThat(Collaboration.<String>as(partner, sql -> sql.queryForObject(delivery, String.class, partner, byDefault))).isEqualTo("DIGEST");
        // The bell has all three.
        assertThat(countAs(partner, "select count(*) from notification where id in (?, ?, ?)", off, digest, byDefault))
                .isEqualTo(3);
        // A mention without a preference row is immediate (the owner made no choice).
        long immediate = notify(partner, owner, owner, workstream, "MENTION");
        assertThat(Collaboration.<String>as(owner, sql -> sql.queryForObject(delivery, String.class, owner, immediate))).isEqualTo("IMMEDIATE");

        // The immediate sender never claims a digest row; the digest claims all of the person's rows at once.
        List<Long> digestRows = as(partner, sql -> sql.queryForList("select id from mail_outbox where tenant_id = ?"
                + " and notification_id in (?, ?)", Long.class, partner, digest, byDefault));
        assertThat(digestRows).hasSize(2);
        List<Long> immediateClaims = new ArrayList<>();
        List<Long> batch;
        do {
            batch = as(partner, sql -> sql.queryForList("select id from claim_mail(500, interval '5 minutes')", Long.class));
            immediateClaims.addAll(batch);
        } while (!batch.isEmpty());
        assertThat(immediateClaims).doesNotContainAnyElementsOf(digestRows);
        List<List<Object>> digestClaims = new ArrayList<>();
        List<java.util.Map<String, Object>> claimed;
        do {
            claimed = as(partner, sql -> sql.queryForList(
                    "select tenant_id, recipient_member_id, id from claim_digest(500, interval '5 minutes')"));
            claimed.forEach(r -> digestClaims.add(List.of(r.get("tenant_id"), r.get("recipient_member_id"), r.get("id"))));
        } while (!claimed.isEmpty());
        assertThat(digestClaims).contains(List.of(partner, memberOf(partner), digestRows.get(0)),
                List.of(partner, memberOf(partner), digestRows.get(1)));
        // Leased: a second sender gets none of them.
        assertThat(Collaboration.<List<Long>>as(partner, sql -> sql.queryForList(
                "select id from claim_digest(500, interval '5 minutes')", Long.class))).doesNotContainAnyElementsOf(digestRows);
    }

    @Test
    void theRuntimeRoleCannotChangeHowAMailIsDelivered() {
        UUID owner = tenant("pref-outbox");
        UUID workstream = Collaboration.workstream(owner, "INITIATIVE");
        notify(owner, owner, owner, workstream, "STATUS_CHANGE");
        assertThat(TestDatabase.sqlState(failureAs(owner, sql -> sql.update(
                "update mail_outbox set delivery = 'IMMEDIATE' where tenant_id = ?", owner)))).isEqualTo("42501");
    }

    private static long notify(UUID sender, UUID recipient, UUID owner, UUID workstream, String kind) {
        return as(sender, sql -> sql.queryForObject("select notify(?, ?, ?, ?, ?, 'Preference test')", Long.class,
                recipient, memberOf(recipient), kind, owner, workstream));
    }

    private static <T> T asMember(UUID tenant, UUID member, Function<JdbcTemplate, T> work) {
        return TenantScope.callAs(new Actor(tenant, member), () -> TRANSACTIONS.execute(status -> work.apply(JDBC)));
    }
}
