package org.entente.event;

import static org.entente.db.jooq.Tables.CALENDAR_FEED;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.entente.db.jooq.tables.records.CalendarFeedRecord;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.TenantNotActiveException;
import org.entente.db.tenancy.TenantScope;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.validation.NotAllowed;
import org.jooq.DSLContext;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Personal calendar feeds. The token is {@code <organization id>.<person id>.<secret>}: the ids only say in which
 * partition and as whom to look (a calendar client has no session), the 256-bit secret is what proves it, and only
 * its SHA-256 is stored (V69). Each request is read AS that person (TenantScope, the normal services, row-level
 * security), so the feed holds exactly what they may see now; it is audited as a read. A revoked feed, or one unused
 * for 90 days, is refused.
 */
@Service
public class CalendarFeeds {

    public static final Duration UNUSED_LIMIT = Duration.ofDays(90);
    /** How far back the feed reaches (clients keep what they had; older events need not be sent again). */
    static final Duration HISTORY = Duration.ofDays(366);

    /** When the signed-in person's live feed was made and last fetched. */
    public record FeedInfo(Instant createdAt, Instant lastUsedAt) {
    }

    /** What a feed request gets: the calendar, or why not. */
    public sealed interface Answer {
        record Calendar(byte[] ics) implements Answer {
        }

        /** No such feed (or a malformed or forged token): 404. */
        record Unknown() implements Answer {
        }

        /** Revoked, or unused for 90 days: 410. */
        record Gone(boolean expired) implements Answer {
        }
    }

    private static final SecureRandom RANDOM = new SecureRandom();

    private final DSLContext dsl;
    private final EventService events;
    private final CalendarExport calendars;
    private final AuditTrail audit;
    private final TransactionTemplate transactions;
    private final Clock clock = Clock.systemUTC();

    CalendarFeeds(DSLContext dsl, EventService events, CalendarExport calendars, AuditTrail audit,
            PlatformTransactionManager transactionManager) {
        this.dsl = dsl;
        this.events = events;
        this.calendars = calendars;
        this.audit = audit;
        this.transactions = new TransactionTemplate(transactionManager);
    }

    /** The signed-in person's live feed, if any. */
    @Transactional(readOnly = true)
    public Optional<FeedInfo> mine() {
        person();
        return dsl.selectFrom(CALENDAR_FEED).where(CALENDAR_FEED.REVOKED_AT.isNull())
                .fetchOptional(r -> new FeedInfo(r.getCreatedAt().toInstant(),
                        r.getLastUsedAt() == null ? null : r.getLastUsedAt().toInstant()));
    }

    /** A new feed for the signed-in person (revoking the one they had); the token is returned once, never stored. */
    @Transactional
    public String create() {
        Actor actor = person();
        revokeLive();
        byte[] secret = new byte[32];
        RANDOM.nextBytes(secret);
        String token = actor.tenantId() + "." + actor.memberId() + "."
                + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        UUID id = UUID.randomUUID();
        dsl.insertInto(CALENDAR_FEED).set(CALENDAR_FEED.ID, id).set(CALENDAR_FEED.TOKEN_HASH, hash(token)).execute();
        audit.record("CREATE", "calendar_feed", id, null, Map.of("member", actor.memberId().toString()));
        return token;
    }

    /** Revokes the signed-in person's live feed; its address stops working at once. */
    @Transactional
    public boolean revoke() {
        person();
        return revokeLive();
    }

    private boolean revokeLive() {
        var live = dsl.selectFrom(CALENDAR_FEED).where(CALENDAR_FEED.REVOKED_AT.isNull()).fetch();
        for (CalendarFeedRecord r : live) {
            dsl.update(CALENDAR_FEED).set(CALENDAR_FEED.REVOKED_AT, OffsetDateTime.now(clock))
                    .where(CALENDAR_FEED.TENANT_ID.eq(r.getTenantId()), CALENDAR_FEED.ID.eq(r.getId())).execute();
            audit.record("REVOKE", "calendar_feed", r.getId(), null, Map.of());
        }
        return !live.isEmpty();
    }

    /** Answers a feed request (no session): resolves the person from the token and reads as them. */
    public Answer read(String token) {
        String[] parts = token == null ? new String[0] : token.split("\\.");
        if (parts.length != 3 || parts[2].length() < 40) {
            return new Answer.Unknown();
        }
        UUID tenant;
        UUID member;
        try {
            tenant = UUID.fromString(parts[0]);
            member = UUID.fromString(parts[1]);
        } catch (IllegalArgumentException malformed) {
            return new Answer.Unknown();
        }
        String hash = hash(token);
        try {
            return TenantScope.callAs(new Actor(tenant, member), () -> transactions.execute(status -> {
                CalendarFeedRecord feed = dsl.selectFrom(CALENDAR_FEED).where(CALENDAR_FEED.TOKEN_HASH.eq(hash))
                        .fetchOne();
                if (feed == null) {
                    return new Answer.Unknown();
                }
                Instant now = clock.instant();
                if (feed.getRevokedAt() != null) {
                    return new Answer.Gone(false);
                }
                OffsetDateTime used = feed.getLastUsedAt() == null ? feed.getCreatedAt() : feed.getLastUsedAt();
                if (used.toInstant().plus(UNUSED_LIMIT).isBefore(now)) {
                    return new Answer.Gone(true);
                }
                dsl.update(CALENDAR_FEED).set(CALENDAR_FEED.LAST_USED_AT, OffsetDateTime.ofInstant(now, ZoneOffset.UTC))
                        .where(CALENDAR_FEED.TENANT_ID.eq(feed.getTenantId()), CALENDAR_FEED.ID.eq(feed.getId()))
                        .execute();
                var visible = events.visibleBetween(now.minus(HISTORY), now.plus(Duration.ofDays(5 * 366)));
                audit.record("READ", "calendar_feed", feed.getId(), null, Map.of("events", visible.size()));
                return new Answer.Calendar(calendars.write(visible, "Entente"));
            }));
        } catch (RuntimeException refused) {
            // A suspended organization or a database refusal: the feed says nothing about why.
            if (refused instanceof NotAllowed || refused instanceof TenantNotActiveException
                    || refused.getCause() instanceof TenantNotActiveException) {
                return new Answer.Unknown();
            }
            throw refused;
        }
    }

    private Actor person() {
        Actor actor = events.actor();
        if (actor.memberId() == null) {
            throw new NotAllowed("event.error.registerOnlyPeople");
        }
        return actor;
    }

    static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(token.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
