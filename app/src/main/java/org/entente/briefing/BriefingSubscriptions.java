package org.entente.briefing;

import static org.entente.briefing.BriefingValues.instant;
import static org.entente.briefing.BriefingValues.shorten;
import static org.entente.briefing.BriefingValues.utc;
import static org.entente.db.jooq.Tables.BRIEFING_SUBSCRIPTION;
import static org.entente.db.jooq.Tables.MEMBER;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.entente.analytics.engine.briefing.BriefingKind;
import org.entente.db.jooq.tables.records.BriefingSubscriptionRecord;
import org.entente.db.tenancy.Actor;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.i18n.Language;
import org.entente.platform.i18n.Translations;
import org.entente.platform.validation.NotAllowed;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.jooq.impl.SQLDataType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscriptions: a coordinator's standing request for a briefing ({@code briefing_subscription}, one organization's
 * rows under row-level security), and starting the briefing of one that is due. Each public method is one transaction.
 */
@Component
class BriefingSubscriptions {

    private static final Logger log = LoggerFactory.getLogger(BriefingSubscriptions.class);

    /** A due subscription, as the schedule finds it across organizations. */
    record Due(UUID tenantId, UUID subscriptionId, UUID subscriberId) {
    }

    private final DSLContext dsl;
    private final BriefingLedger ledger;

    BriefingSubscriptions(DSLContext dsl, BriefingLedger ledger) {
        this.dsl = dsl;
        this.ledger = ledger;
    }

    /** The organization's subscriptions, oldest first. */
    @Transactional(readOnly = true)
    public List<BriefingSubscription> list(UUID tenant) {
        return dsl.selectFrom(BRIEFING_SUBSCRIPTION)
                .where(BRIEFING_SUBSCRIPTION.TENANT_ID.eq(tenant))
                .orderBy(BRIEFING_SUBSCRIPTION.CREATED_AT, BRIEFING_SUBSCRIPTION.ID)
                .fetch(BriefingSubscriptions::toSubscription);
    }

    @Transactional(readOnly = true)
    public BriefingSubscription get(UUID tenant, UUID id) {
        return dsl.selectFrom(BRIEFING_SUBSCRIPTION)
                .where(BRIEFING_SUBSCRIPTION.TENANT_ID.eq(tenant), BRIEFING_SUBSCRIPTION.ID.eq(id))
                .fetchSingle(BriefingSubscriptions::toSubscription);
    }

    /** A new subscription, first due at the frequency's next run after {@code now}; a duplicate fails (23505). */
    @Transactional
    public void create(Actor subscriber, String subscriberName, UUID id, BriefingKind kind, BriefingScope scope,
            BriefingFrequency frequency, Instant now, Language language) {
        dsl.insertInto(BRIEFING_SUBSCRIPTION)
                .set(BRIEFING_SUBSCRIPTION.TENANT_ID, subscriber.tenantId())
                .set(BRIEFING_SUBSCRIPTION.ID, id)
                .set(BRIEFING_SUBSCRIPTION.KIND, kind.name())
                .set(BRIEFING_SUBSCRIPTION.FREQUENCY, frequency.name())
                .set(BRIEFING_SUBSCRIPTION.YEAR_FROM, scope.yearFrom())
                .set(BRIEFING_SUBSCRIPTION.YEAR_TO, scope.yearTo())
                .set(BRIEFING_SUBSCRIPTION.REGION, scope.region())
                .set(BRIEFING_SUBSCRIPTION.PARTNER_KIND, scope.partnerKind())
                .set(BRIEFING_SUBSCRIPTION.SUBSCRIBER_ID, subscriber.memberId())
                .set(BRIEFING_SUBSCRIPTION.SUBSCRIBER_NAME, shorten(subscriberName, 200))
                .set(BRIEFING_SUBSCRIPTION.NEXT_RUN_AT, utc(frequency.next(now)))
                .set(BRIEFING_SUBSCRIPTION.CREATED_AT, utc(now))
                .set(BRIEFING_SUBSCRIPTION.LANGUAGE, language.code())
                .execute();
        ledger.subscribed(id, kind, scope, frequency);
    }

    /**
     * Ends a subscription of the organization; the briefings it made stay.
     *
     * @throws NotAllowed when there is no such subscription (any more)
     */
    @Transactional
    public void delete(UUID tenant, UUID id) {
        BriefingSubscriptionRecord subscription = dsl.selectFrom(BRIEFING_SUBSCRIPTION)
                .where(BRIEFING_SUBSCRIPTION.TENANT_ID.eq(tenant), BRIEFING_SUBSCRIPTION.ID.eq(id))
                .fetchOptional()
                .orElseThrow(() -> new NotAllowed("briefing.notAllowed.subscriptionGone"));
        dsl.deleteFrom(BRIEFING_SUBSCRIPTION)
                .where(BRIEFING_SUBSCRIPTION.TENANT_ID.eq(tenant), BRIEFING_SUBSCRIPTION.ID.eq(id))
                .execute();
        ledger.unsubscribed(id, BriefingKind.valueOf(subscription.getKind()), scope(subscription),
                subscription.getFrequency(), subscription.getSubscriberName());
    }

    /** Every organization's subscriptions due at {@code now} (briefing_subscriptions_due, V31: ids only, no tenant needed). */
    @Transactional
    public List<Due> due(Instant now) {
        return dsl.select(DSL.field("tenant_id", SQLDataType.UUID), DSL.field("subscription_id", SQLDataType.UUID),
                        DSL.field("subscriber_id", SQLDataType.UUID))
                .from("briefing_subscriptions_due(cast(? as timestamptz))", utc(now))
                .fetch(r -> new Due(r.value1(), r.value2(), r.value3()));
    }

    /**
     * As the subscriber: moves the due subscription's next run on and asks for its briefing, if the subscriber is
     * still an active coordinator. Returns the briefing to queue, or null (another instance took the subscription, it
     * was deleted meanwhile, or the subscriber is no longer a coordinator).
     */
    @Transactional
    public BriefingJob start(Actor subscriber, UUID subscriptionId, Instant now) {
        UUID tenant = subscriber.tenantId();
        BriefingSubscriptionRecord subscription = dsl.selectFrom(BRIEFING_SUBSCRIPTION)
                .where(BRIEFING_SUBSCRIPTION.TENANT_ID.eq(tenant), BRIEFING_SUBSCRIPTION.ID.eq(subscriptionId),
                        BRIEFING_SUBSCRIPTION.NEXT_RUN_AT.le(utc(now)))
                .forUpdate().skipLocked()
                .fetchOptional().orElse(null);
        if (subscription == null) {
            return null; // another check took it, or it was deleted meanwhile
        }
        BriefingFrequency frequency = BriefingFrequency.valueOf(subscription.getFrequency());
        dsl.update(BRIEFING_SUBSCRIPTION)
                .set(BRIEFING_SUBSCRIPTION.NEXT_RUN_AT, utc(frequency.next(now)))
                .set(BRIEFING_SUBSCRIPTION.LAST_RUN_AT, utc(now))
                .where(BRIEFING_SUBSCRIPTION.TENANT_ID.eq(tenant), BRIEFING_SUBSCRIPTION.ID.eq(subscriptionId))
                .execute();
        boolean stillCoordinator = dsl.select(MEMBER.STATUS, MEMBER.ROLES).from(MEMBER)
                .where(MEMBER.TENANT_ID.eq(tenant), MEMBER.ID.eq(subscriber.memberId()))
                .fetchOptional()
                .map(m -> "ACTIVE".equals(m.value1()) && m.value2() != null
                        && Arrays.asList(m.value2()).contains(EntenteRealm.ROLE_COORDINATOR))
                .orElse(false);
        if (!stillCoordinator) {
            log.info("Subscription {} skipped: {} is no longer an active coordinator of {}", subscriptionId,
                    subscription.getSubscriberName(), tenant);
            return null;
        }
        BriefingKind kind = BriefingKind.valueOf(subscription.getKind());
        BriefingScope scope = scope(subscription);
        UUID id = UUID.randomUUID();
        // The subscriber's language when they subscribed: their scheduled briefings come in it.
        Language language = Language.ofCode(subscription.getLanguage()).orElse(Language.EN);
        String organization = ledger.asked(subscriber, subscription.getSubscriberName(), id, kind, scope,
                subscriptionId, frequency, language);
        return new BriefingJob(id, subscriber, kind, scope, organization, Translations.text(language.locale(),
                "briefing.subscription.requestedBy." + frequency.name(), subscription.getSubscriberName()), language);
    }

    private static BriefingSubscription toSubscription(BriefingSubscriptionRecord r) {
        return new BriefingSubscription(r.getId(), BriefingKind.valueOf(r.getKind()),
                BriefingFrequency.valueOf(r.getFrequency()), scope(r), r.getSubscriberId(), r.getSubscriberName(),
                instant(r.getNextRunAt()), instant(r.getLastRunAt()), instant(r.getCreatedAt()));
    }

    private static BriefingScope scope(BriefingSubscriptionRecord r) {
        return new BriefingScope(r.getYearFrom(), r.getYearTo(), r.getRegion(), r.getPartnerKind());
    }
}
