package org.entente.mail;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.TenantScope;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.workstream.Notifications;
import org.jooq.DSLContext;
import org.jooq.Record2;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A person's choice, per kind of notification, of how it is mailed (table mail_preference, V56). Always the acting
 * person's own choices: the member comes from the transaction's actor (the token of the signed-in person, or the
 * person a verified unsubscribe token names), never from a parameter, and the table's policy admits only that
 * member's rows. Every change is audited in the person's organization.
 */
@Service
public class MailPreferences {

    /** Audit: the record type and action of a change. */
    static final String RECORD = "mail_preference";
    static final String CHANGED = "MAIL_PREFERENCE_CHANGED";

    private final DSLContext dsl;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final UnsubscribeTokens tokens;

    MailPreferences(DSLContext dsl, AuditTrail audit, PlatformTransactionManager transactionManager,
            UnsubscribeTokens tokens) {
        this.dsl = dsl;
        this.audit = audit;
        this.tokens = tokens;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The acting person's choice for every kind, defaults filled in, in the kinds' order. */
    @Transactional(readOnly = true)
    public Map<Notifications.Kind, Delivery> mine() {
        me();
        Map<Notifications.Kind, Delivery> choices = new EnumMap<>(Notifications.Kind.class);
        for (Notifications.Kind kind : Notifications.Kind.values()) {
            choices.put(kind, Delivery.defaultFor(kind));
        }
        // The policy narrows to the acting member; the where clause says so too.
        dsl.resultQuery("select kind, delivery from mail_preference where tenant_id = current_tenant_id()"
                        + " and member_id = current_member_id()")
                .fetch().forEach(r -> parse(r.get(0, String.class)).ifPresent(kind ->
                        choices.put(kind, Delivery.valueOf(r.get(1, String.class)))));
        return choices;
    }

    /** Sets the acting person's choice for one kind; audited when it changes anything. */
    @Transactional
    public void change(Notifications.Kind kind, Delivery delivery) {
        if (kind == null || delivery == null) {
            throw new InvalidInput(Map.of(kind == null ? "kind" : "delivery",
                    org.entente.platform.i18n.Text.of("mail.preferences.error.choose")));
        }
        Record2<UUID, UUID> actor = me();
        Delivery before = mine().get(kind);
        if (before == delivery) {
            return;
        }
        dsl.execute("""
                insert into mail_preference (tenant_id, member_id, kind, delivery)
                values (current_tenant_id(), current_member_id(), ?, ?)
                on conflict (tenant_id, member_id, kind) do update set delivery = excluded.delivery, changed_at = now()""",
                kind.name(), delivery.name());
        Map<String, Object> was = new LinkedHashMap<>();
        was.put("kind", kind.name());
        was.put("delivery", before.name());
        Map<String, Object> now = new LinkedHashMap<>();
        now.put("kind", kind.name());
        now.put("delivery", delivery.name());
        audit.record(CHANGED, RECORD, actor.value2(), was, now);
    }

    /**
     * The same as typed into a form or sent by a client: names of a kind and of a choice. Anything else is refused
     * with a message on that field, before anything is stored.
     */
    @Transactional
    public void change(String kind, String delivery) {
        Optional<Notifications.Kind> k = parse(kind);
        Optional<Delivery> d = Optional.ofNullable(delivery).flatMap(name -> {
            for (Delivery value : Delivery.values()) {
                if (value.name().equals(name)) {
                    return Optional.of(value);
                }
            }
            return Optional.empty();
        });
        new InvalidInput.Collector()
                .check(k.isPresent(), "kind", "mail.preferences.error.kind")
                .check(d.isPresent(), "delivery", "mail.preferences.error.choose")
                .throwIfAny();
        change(k.get(), d.get());
    }

    /** What an unsubscribe link would turn off; empty for a forged or changed token (nothing is changed). */
    public Optional<UnsubscribeTokens.Subject> unsubscribeTarget(String token) {
        return tokens.verify(token);
    }

    /**
     * One-click unsubscribe (no sign-in): a genuine token's person turns its kind off, or for the digest's own link
     * every kind now in their digest. Empty, and nothing changed, for a forged or changed token; else the kinds
     * turned off now (none when they already were).
     */
    public Optional<java.util.List<Notifications.Kind>> unsubscribe(String token) {
        return tokens.verify(token).flatMap(this::turnOff);
    }

    /**
     * As the person the verified token names: their own rows, their own audit event. Empty when that person is gone
     * (their member row deleted): there is nobody left to mail, and nothing to keep a choice on.
     */
    private Optional<java.util.List<Notifications.Kind>> turnOff(UnsubscribeTokens.Subject subject) {
        return TenantScope.callAs(new Actor(subject.tenantId(), subject.memberId()), () -> transactions.execute(status -> {
            if (!Boolean.TRUE.equals(dsl.resultQuery("select exists (select 1 from member where tenant_id ="
                    + " current_tenant_id() and id = current_member_id())").fetchOne(0, Boolean.class))) {
                return Optional.<java.util.List<Notifications.Kind>>empty();
            }
            Map<Notifications.Kind, Delivery> current = mine();
            java.util.List<Notifications.Kind> off = new java.util.ArrayList<>();
            for (Notifications.Kind kind : subject.kinds()) {
                if (current.get(kind) != Delivery.OFF
                        && (!subject.wholeDigest() || current.get(kind) == Delivery.DIGEST)) {
                    change(kind, Delivery.OFF);
                    off.add(kind);
                }
            }
            return Optional.of(off);
        }));
    }

    /** The transaction's tenant and member; refused without a member (a platform administrator has no mail). */
    private Record2<UUID, UUID> me() {
        Record2<UUID, UUID> actor = dsl.resultQuery("select current_tenant_id(), current_member_id()")
                .coerce(org.jooq.impl.DSL.field("t", UUID.class), org.jooq.impl.DSL.field("m", UUID.class)).fetchOne();
        if (actor == null || actor.value1() == null || actor.value2() == null) {
            throw new NotAllowed("notification.error.signIn");
        }
        return actor;
    }

    static Optional<Notifications.Kind> parse(String kind) {
        if (kind == null) {
            return Optional.empty();
        }
        for (Notifications.Kind value : Notifications.Kind.values()) {
            if (value.name().equals(kind)) {
                return Optional.of(value);
            }
        }
        return Optional.empty();
    }
}
