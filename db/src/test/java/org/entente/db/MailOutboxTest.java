package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.db.Collaboration.as;
import static org.entente.db.Collaboration.countAs;
import static org.entente.db.Collaboration.failureAs;
import static org.entente.db.Collaboration.inviteAndAccept;
import static org.entente.db.Collaboration.memberOf;
import static org.entente.db.Collaboration.run;
import static org.entente.db.Collaboration.tenant;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * V55: the mail of a notification is written with it (same transaction), read only by the recipient's tenant, and
 * claimed by one sender at a time.
 */
class MailOutboxTest {

    @Test
    void aNotificationWritesItsMailInTheSameTransactionForTheRecipientsTenantOnly() {
        UUID owner = tenant("mail-owner");
        UUID partner = tenant("mail-partner");
        UUID outsider = tenant("mail-outsider");
        UUID workstream = Collaboration.workstream(owner, "INITIATIVE");
        inviteAndAccept(owner, workstream, partner);

        long notification = as(owner, sql -> sql.queryForObject(
                "select notify(?, ?, 'MENTION', ?, ?, 'You were mentioned', 'discussion.mention', array['s:x'])",
                Long.class, partner, memberOf(partner), owner, workstream));

        String row = "select count(*) from mail_outbox where notification_id = ? and tenant_id = ?";
        assertThat(countAs(partner, row, notification, partner)).isOne();
        assertThat(Collaboration.<Map<String, Object>>as(partner, sql -> sql.queryForMap(
                "select recipient_member_id, kind, text_key, text_args[1] as arg, status, workstream_id from mail_outbox"
                        + " where notification_id = ? and tenant_id = ?", notification, partner)))
                .containsEntry("recipient_member_id", memberOf(partner)).containsEntry("kind", "MENTION")
                .containsEntry("text_key", "discussion.mention").containsEntry("arg", "s:x")
                .containsEntry("status", "PENDING").containsEntry("workstream_id", workstream);
        // A wrong tenant, the sender of the notification included, sees nothing of it.
        assertThat(countAs(owner, "select count(*) from mail_outbox where tenant_id = ?", partner)).isZero();
        assertThat(countAs(outsider, "select count(*) from mail_outbox where tenant_id = ?", partner)).isZero();

        // Rolled back with the notification: no mail.
        long before = countAs(partner, "select count(*) from mail_outbox where tenant_id = ?", partner);
        assertThat(failureAs(owner, sql -> {
            sql.queryForObject("select notify(?, ?, 'MENTION', ?, ?, 'Rolled back')", Long.class, partner,
                    memberOf(partner), owner, workstream);
            throw new IllegalStateException("the save fails after the notification");
        })).hasMessageContaining("the save fails");
        assertThat(countAs(partner, "select count(*) from mail_outbox where tenant_id = ?", partner)).isEqualTo(before);
    }

    @Test
    void theRuntimeRoleNeverWritesARowItselfEvenInItsOwnPartition() {
        UUID owner = tenant("mail-writer");
        UUID workstream = Collaboration.workstream(owner, "INITIATIVE");
        run(owner, sql -> sql.queryForObject("select notify(?, ?, 'STATUS_CHANGE', ?, ?, 'Changed')", Long.class,
                owner, memberOf(owner), owner, workstream));

        for (String write : List.of(
                "update mail_outbox set status = 'SENT', sent_at = now()",
                "delete from mail_outbox",
                "insert into mail_outbox (tenant_id, recipient_member_id, kind, text) values ('" + owner + "', '"
                        + memberOf(owner) + "', 'MENTION', 'Fake')")) {
            assertThat(TestDatabase.sqlState(failureAs(owner, sql -> sql.update(write)))).as(write).isEqualTo("42501");
        }
    }

    @Test
    void aClaimedRowIsLeasedToOneSenderAndAnOutcomeIsFinal() {
        UUID owner = tenant("mail-claim");
        UUID workstream = Collaboration.workstream(owner, "INITIATIVE");
        // A mention: mailed immediately by default, so claim_mail claims it (V56: digest rows wait for claim_digest).
        long notification = as(owner, sql -> sql.queryForObject(
                "select notify(?, ?, 'MENTION', ?, ?, 'Claim me')", Long.class,
                owner, memberOf(owner), owner, workstream));
        long id = as(owner, sql -> sql.queryForObject(
                "select id from mail_outbox where notification_id = ? and tenant_id = ?", Long.class, notification, owner));

        // Claim everything due (other tests' rows too); this row is among them once, then leased: no second claim.
        List<Long> first = new ArrayList<>();
        List<Long> batch;
        do {
            batch = as(owner, sql -> sql.queryForList("select id from claim_mail(500, interval '5 minutes')", Long.class));
            first.addAll(batch);
        } while (!batch.isEmpty() && !first.contains(id));
        List<Long> second = as(owner, sql -> sql.queryForList("select id from claim_mail(500, interval '5 minutes')",
                Long.class));
        assertThat(first).contains(id);
        assertThat(second).doesNotContain(id);

        assertThat(Collaboration.<Boolean>as(owner, sql -> sql.queryForObject("select finish_mail(?, ?, 'SENT', null)", Boolean.class, owner, id)))
                .isTrue();
        assertThat(Collaboration.<Boolean>as(owner, sql -> sql.queryForObject("select finish_mail(?, ?, 'SKIPPED', 'late')", Boolean.class,
                owner, id))).isFalse();
        assertThat(Collaboration.<Boolean>as(owner, sql -> sql.queryForObject("select retry_mail(?, ?, 'late', interval '0')", Boolean.class,
                owner, id))).isFalse();
        assertThat(Collaboration.<Map<String, Object>>as(owner, sql -> sql.queryForMap(
                "select status, attempts, sent_at is not null as sent from mail_outbox where tenant_id = ? and id = ?",
                owner, id))).containsEntry("status", "SENT").containsEntry("attempts", 1).containsEntry("sent", true);
    }
}
