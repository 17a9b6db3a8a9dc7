package org.entente.mail;

import static org.entente.db.jooq.Tables.MAIL_OUTBOX;
import static org.entente.db.jooq.Tables.MEMBER;
import static org.entente.db.jooq.Tables.WORKSTREAM;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.TenantScope;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.StoredText;
import org.entente.workstream.Releasability;
import org.jooq.DSLContext;
import org.jooq.Record;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The outbox table (V55) as the sender uses it. Rows are written by the database itself, with their notification;
 * here they are claimed (claim_mail: SKIP LOCKED and a lease, so each is sent by one instance), read as the recipient's
 * tenant, and given their outcome. Each step is a short transaction of its own: no transaction stays open while an
 * SMTP server answers.
 */
@Component
class MailOutbox {

    /** What to do with a claimed mail, decided as its recipient's tenant. */
    sealed interface Decision {
    }

    /**
     * A mail to send: what it says, and for the unsubscribe link and the digest, whose it is, its kind, and the title of
     * its workstream as the recipient's tenant reads it (null without a workstream).
     */
    record Send(PendingMail mail, UUID memberId, String kind, String workstreamTitle) implements Decision {
    }

    /** A person's digest rows this instance has claimed. */
    record ClaimedDigest(UUID tenantId, UUID memberId, List<ClaimedMail> rows) {
    }

    /** Nothing to send, on purpose (the row becomes SKIPPED with this reason). */
    record Skip(String reason) implements Decision {
    }

    private final DSLContext dsl;
    private final TransactionTemplate transactions;
    private final TransactionTemplate readOnly;

    MailOutbox(DSLContext dsl, PlatformTransactionManager transactionManager) {
        this.dsl = dsl;
        this.transactions = new TransactionTemplate(transactionManager);
        this.readOnly = new TransactionTemplate(transactionManager);
        this.readOnly.setReadOnly(true);
    }

    /** Claims up to {@code limit} due mails of any tenant for this instance for {@code lease}; committed on return. */
    List<ClaimedMail> claim(int limit, Duration lease) {
        return transactions.execute(status -> dsl.fetch(
                        "select tenant_id, id, attempts from claim_mail(?, cast(? as double precision) * interval '1 millisecond')", limit,
                        (double) lease.toMillis())
                .map(r -> new ClaimedMail(r.get(0, UUID.class), r.get(1, Long.class), r.get(2, Integer.class))));
    }

    /**
     * Claims the due digest rows of up to {@code recipients} people (claim_digest: every due row of each, SKIP LOCKED
     * and a lease); committed on return. One entry per person.
     */
    List<ClaimedDigest> claimDigest(int recipients, Duration lease) {
        java.util.Map<List<UUID>, List<ClaimedMail>> people = new java.util.LinkedHashMap<>();
        transactions.execute(status -> dsl.fetch(
                "select tenant_id, recipient_member_id, id, attempts from claim_digest(?, cast(? as double precision)"
                        + " * interval '1 millisecond') order by tenant_id, recipient_member_id, id",
                recipients, (double) lease.toMillis()))
                .forEach(r -> people.computeIfAbsent(List.of(r.get(0, UUID.class), r.get(1, UUID.class)),
                        key -> new java.util.ArrayList<>())
                        .add(new ClaimedMail(r.get(0, UUID.class), r.get(2, Long.class), r.get(3, Integer.class))));
        return people.entrySet().stream()
                .map(e -> new ClaimedDigest(e.getKey().get(0), e.getKey().get(1), List.copyOf(e.getValue()))).toList();
    }

    /**
     * Reads the mail as its recipient's tenant (row-level security set to that tenant, as live updates re-read a view):
     * the member's address and language, and whether that tenant still sees the workstream, and with which marking.
     */
    Decision read(ClaimedMail claimed) {
        return TenantScope.callAs(Actor.system(claimed.tenantId()),
                () -> readOnly.execute(status -> readAsRecipient(claimed)));
    }

    private Decision readAsRecipient(ClaimedMail claimed) {
        Record row = dsl.select(MAIL_OUTBOX.RECIPIENT_MEMBER_ID, MAIL_OUTBOX.KIND, MAIL_OUTBOX.TEXT, MAIL_OUTBOX.TEXT_KEY, MAIL_OUTBOX.TEXT_ARGS,
                        MAIL_OUTBOX.WORKSTREAM_TENANT_ID, MAIL_OUTBOX.WORKSTREAM_ID, MEMBER.EMAIL, MEMBER.DISPLAY_NAME,
                        MEMBER.STATUS, MEMBER.LANGUAGE)
                .from(MAIL_OUTBOX)
                .join(MEMBER).on(MEMBER.TENANT_ID.eq(MAIL_OUTBOX.TENANT_ID), MEMBER.ID.eq(MAIL_OUTBOX.RECIPIENT_MEMBER_ID))
                .where(MAIL_OUTBOX.TENANT_ID.eq(claimed.tenantId()), MAIL_OUTBOX.ID.eq(claimed.id()))
                .fetchOne();
        if (row == null) {
            return new Skip("not readable as the recipient's tenant");
        }
        if (!"ACTIVE".equals(row.get(MEMBER.STATUS))) {
            return new Skip("the recipient is not an active member");
        }
        String email = row.get(MEMBER.EMAIL);
        if (email == null || email.isBlank()) {
            return new Skip("the recipient has no e-mail address");
        }
        UUID workstreamId = row.get(MAIL_OUTBOX.WORKSTREAM_ID);
        Releasability marking = null;
        String title = null;
        if (workstreamId != null) {
            Optional<Record> workstream = dsl.select(WORKSTREAM.RELEASABILITY, WORKSTREAM.TITLE).from(WORKSTREAM)
                    .where(WORKSTREAM.TENANT_ID.eq(row.get(MAIL_OUTBOX.WORKSTREAM_TENANT_ID)),
                            WORKSTREAM.ID.eq(workstreamId))
                    .fetchOptional().map(r -> (Record) r);
            if (workstream.isEmpty()) {
                return new Skip("the recipient may no longer see the workstream");
            }
            marking = Releasability.valueOf(workstream.get().get(WORKSTREAM.RELEASABILITY));
            title = workstream.get().get(WORKSTREAM.TITLE);
        }
        String key = row.get(MAIL_OUTBOX.TEXT_KEY);
        Language language = Language.ofCode(row.get(MEMBER.LANGUAGE)).orElse(Language.EN);
        return new Send(new PendingMail(email.strip(), row.get(MEMBER.DISPLAY_NAME), language.locale(),
                key == null ? null : StoredText.decode(key, row.get(MAIL_OUTBOX.TEXT_ARGS)), row.get(MAIL_OUTBOX.TEXT),
                workstreamId, marking), row.get(MAIL_OUTBOX.RECIPIENT_MEMBER_ID), row.get(MAIL_OUTBOX.KIND), title);
    }

    void sent(ClaimedMail claimed) {
        finish(claimed, "SENT", null);
    }

    void skipped(ClaimedMail claimed, String reason) {
        finish(claimed, "SKIPPED", reason);
    }

    /** The send failed: tried again after {@code wait}, or given up (FAILED) when this was the last attempt. */
    void failed(ClaimedMail claimed, String error, boolean lastAttempt, Duration wait) {
        if (lastAttempt) {
            finish(claimed, "FAILED", error);
        } else {
            transactions.execute(status -> dsl.fetch(
                    "select retry_mail(?, ?, ?, cast(? as double precision) * interval '1 millisecond')", claimed.tenantId(), claimed.id(),
                    error, (double) wait.toMillis()));
        }
    }

    private void finish(ClaimedMail claimed, String outcome, String reason) {
        transactions.execute(status -> dsl.fetch("select finish_mail(?, ?, ?, ?)", claimed.tenantId(), claimed.id(),
                outcome, reason));
    }
}
