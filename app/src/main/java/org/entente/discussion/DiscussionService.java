package org.entente.discussion;

import static org.entente.db.jooq.Tables.COMMENT;
import static org.entente.db.jooq.Tables.COMMENT_MENTION;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.entente.db.jooq.Routines;
import org.entente.db.jooq.Tables;
import org.entente.db.jooq.tables.records.CommentRecord;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.activity.ActivityFeed;
import org.entente.platform.audit.AuditTrail;
import org.entente.platform.i18n.Text;
import org.entente.platform.live.WorkstreamChanged;
import org.entente.platform.validation.ConcurrentEditException;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.platform.validation.PlainText;
import org.entente.workstream.Notifications;
import org.entente.workstream.Participant;
import org.entente.workstream.Partner;
import org.entente.workstream.PartnerDirectory;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamRef;
import org.entente.workstream.WorkstreamService;
import org.jooq.DSLContext;
import org.jooq.impl.DSL;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Threaded comments on a workstream, each with its own releasability, and {@code @username} mentions.
 * Row-level security decides which comments a tenant reads (can_see_item); this service adds what people
 * should hear in words: only participants comment, a mention names a member of the workstream who can read
 * the comment (else nothing is stored), and only the author edits, without overwriting a newer version.
 */
@Service
public class DiscussionService {

    public static final int BODY_MAX = 10_000;
    /** Mentions are {@code @username}; not preceded by a word character, so e-mail addresses don't count. */
    public static final Pattern MENTION = Pattern.compile("(?<![\\w@.])@([A-Za-z0-9](?:[A-Za-z0-9._-]*[A-Za-z0-9])?)");
    private static final int NOTIFICATION_EXCERPT = 160;

    private final DSLContext dsl;
    private final ActorSource actors;
    private final PartnerDirectory partners;
    private final WorkstreamService workstreams;
    private final AuditTrail audit;
    private final Notifications notifications;
    private final ApplicationEventPublisher events;
    private final ActivityFeed activity;

    DiscussionService(DSLContext dsl, ActorSource actors, PartnerDirectory partners, WorkstreamService workstreams,
            AuditTrail audit, Notifications notifications, ApplicationEventPublisher events, ActivityFeed activity) {
        this.dsl = dsl;
        this.actors = actors;
        this.partners = partners;
        this.workstreams = workstreams;
        this.audit = audit;
        this.notifications = notifications;
        this.events = events;
        this.activity = activity;
    }

    // ---------------------------------------------------------------- reading

    /** The comments the signed-in tenant may read, in thread order (each reply after its parent). */
    @Transactional(readOnly = true)
    public List<Comment> comments(WorkstreamRef ref) {
        List<CommentRecord> rows = dsl.selectFrom(COMMENT)
                .where(COMMENT.TENANT_ID.eq(ref.tenantId()), COMMENT.WORKSTREAM_ID.eq(ref.id()))
                .orderBy(COMMENT.CREATED_AT, COMMENT.ID)
                .fetch();
        Map<UUID, Partner> directory = partners.byId();
        Map<UUID, WorkstreamMember> people = members(ref).stream()
                .collect(Collectors.toMap(WorkstreamMember::memberId, m -> m, (a, b) -> a));
        Set<UUID> visible = rows.stream().map(CommentRecord::getId).collect(Collectors.toSet());
        Map<UUID, List<CommentRecord>> replies = new HashMap<>();
        List<CommentRecord> threads = new ArrayList<>();
        for (CommentRecord row : rows) {
            if (row.getParentId() != null && visible.contains(row.getParentId())) {
                replies.computeIfAbsent(row.getParentId(), id -> new ArrayList<>()).add(row);
            } else {
                threads.add(row); // a reply to a comment this tenant cannot read starts its own thread
            }
        }
        List<Comment> ordered = new ArrayList<>(rows.size());
        for (CommentRecord thread : threads) {
            addThread(thread, 0, replies, ordered, directory, people);
        }
        return ordered;
    }

    /** Members of the organizations taking part (empty unless the signed-in tenant is one of them). */
    @Transactional(readOnly = true)
    public List<WorkstreamMember> members(WorkstreamRef ref) {
        return dsl.selectFrom(Tables.WORKSTREAM_MEMBERS(ref.tenantId(), ref.id()))
                .fetch(r -> new WorkstreamMember(r.getTenantId(), r.getMemberId(), r.getUsername(),
                        r.getDisplayName(), r.getTenantAlias()));
    }

    /**
     * People to offer while typing a mention: members of the workstream whose username or name starts with
     * {@code prefix} (case-insensitive; a leading {@code @} is ignored), never the signed-in member.
     */
    @Transactional(readOnly = true)
    public List<WorkstreamMember> mentionCandidates(WorkstreamRef ref, String prefix) {
        UUID me = actor().memberId();
        String wanted = prefix == null ? "" : prefix.strip().toLowerCase(Locale.ROOT);
        String needle = wanted.startsWith("@") ? wanted.substring(1) : wanted;
        return members(ref).stream()
                .filter(m -> !m.memberId().equals(me))
                .filter(m -> needle.isEmpty() || m.username().toLowerCase(Locale.ROOT).startsWith(needle)
                        || Arrays.stream(m.displayName().toLowerCase(Locale.ROOT).split("\\s+"))
                                .anyMatch(word -> word.startsWith(needle))
                        || m.displayName().toLowerCase(Locale.ROOT).startsWith(needle))
                .toList();
    }

    // ---------------------------------------------------------------- writing

    @Transactional
    public Comment post(WorkstreamRef ref, CommentDraft draft) {
        Actor actor = requireParticipant(ref);
        String body = validBody(draft.body());
        InvalidInput.Collector errors = new InvalidInput.Collector();
        errors.check(draft.releasability() != null, "releasability", "discussion.error.releasabilityMissing");
        errors.check(draft.releasability() != Releasability.REL_TO || !draft.relTo().isEmpty(), "relTo",
                "discussion.error.relToMissing");
        errors.throwIfAny();
        List<UUID> relTo = draft.releasability() == Releasability.REL_TO ? List.copyOf(new LinkedHashSet<>(draft.relTo()))
                : List.of();
        if (!relTo.isEmpty()) {
            Set<UUID> takingPart = workstreams.participants(ref).stream()
                    .filter(p -> p.status() == Participant.ParticipationStatus.INVITED
                            || p.status() == Participant.ParticipationStatus.ACCEPTED)
                    .map(p -> p.partner().id()).collect(Collectors.toSet());
            takingPart.add(ref.tenantId());
            if (!takingPart.containsAll(relTo)) {
                throw InvalidInput.of("relTo", "discussion.error.relToOutside");
            }
        }
        if (draft.parentId() != null && !dsl.fetchExists(COMMENT, COMMENT.TENANT_ID.eq(ref.tenantId()),
                COMMENT.WORKSTREAM_ID.eq(ref.id()), COMMENT.ID.eq(draft.parentId()))) {
            throw InvalidInput.of("parent", "discussion.error.parentNotVisible");
        }
        List<WorkstreamMember> mentioned = resolveMentions(ref, body, actor.tenantId(), draft.releasability(), relTo);

        UUID id = UUID.randomUUID();
        dsl.insertInto(COMMENT)
                .set(COMMENT.TENANT_ID, ref.tenantId())
                .set(COMMENT.WORKSTREAM_ID, ref.id())
                .set(COMMENT.ID, id)
                .set(COMMENT.PARENT_ID, draft.parentId())
                .set(COMMENT.AUTHOR_TENANT_ID, actor.tenantId())
                .set(COMMENT.AUTHOR_MEMBER_ID, actor.memberId())
                .set(COMMENT.BODY, body)
                .set(COMMENT.RELEASABILITY, draft.releasability().name())
                .set(COMMENT.REL_TO, relTo.toArray(UUID[]::new))
                .execute();
        storeMentions(ref, id, mentioned);
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("workstream", ref.id().toString());
        after.put("parent", draft.parentId() == null ? null : draft.parentId().toString());
        after.put("releasability", draft.releasability().name());
        after.put("relTo", relTo.stream().map(UUID::toString).toList());
        after.put("mentions", mentioned.stream().map(WorkstreamMember::username).toList());
        after.put("body", body);
        audit.record("CREATE", "comment", id, null, after);
        activity.record(ref, "commented", Text.of(draft.parentId() == null ? "activity.summary.discussionStarted"
                        : "activity.summary.discussionReplied"), "comment", id, actor.tenantId(), draft.releasability(),
                relTo);
        notifyMentioned(ref, actor, mentioned, body);
        events.publishEvent(new WorkstreamChanged(ref.id(), "discussion"));
        return get(ref, id);
    }

    /** The author changes the text of their comment; releasability and place in the thread stay. */
    @Transactional
    public Comment edit(Comment current, String newBody) {
        WorkstreamRef ref = current.workstream();
        Actor actor = requireParticipant(ref);
        if (!current.authorMemberId().equals(actor.memberId())) {
            throw new NotAllowed("discussion.error.notAuthor");
        }
        String body = validBody(newBody);
        List<WorkstreamMember> mentioned = resolveMentions(ref, body, current.authorOrganization().id(),
                current.releasability(), current.relTo());
        int updated = dsl.update(COMMENT)
                .set(COMMENT.BODY, body)
                .set(COMMENT.EDITED_AT, DSL.currentOffsetDateTime())
                .set(COMMENT.VERSION, COMMENT.VERSION.plus(1))
                .where(COMMENT.TENANT_ID.eq(ref.tenantId()), COMMENT.WORKSTREAM_ID.eq(ref.id()),
                        COMMENT.ID.eq(current.id()), COMMENT.VERSION.eq(current.version()))
                .execute();
        if (updated == 0) {
            throw new ConcurrentEditException("record.comment");
        }
        Set<UUID> before = new HashSet<>(dsl.select(COMMENT_MENTION.MENTIONED_MEMBER_ID).from(COMMENT_MENTION)
                .where(COMMENT_MENTION.TENANT_ID.eq(ref.tenantId()), COMMENT_MENTION.WORKSTREAM_ID.eq(ref.id()),
                        COMMENT_MENTION.COMMENT_ID.eq(current.id()))
                .fetch(COMMENT_MENTION.MENTIONED_MEMBER_ID));
        Set<UUID> now = mentioned.stream().map(WorkstreamMember::memberId).collect(Collectors.toSet());
        dsl.deleteFrom(COMMENT_MENTION)
                .where(COMMENT_MENTION.TENANT_ID.eq(ref.tenantId()), COMMENT_MENTION.WORKSTREAM_ID.eq(ref.id()),
                        COMMENT_MENTION.COMMENT_ID.eq(current.id()), COMMENT_MENTION.MENTIONED_MEMBER_ID.notIn(now))
                .execute();
        List<WorkstreamMember> added = mentioned.stream().filter(m -> !before.contains(m.memberId())).toList();
        storeMentions(ref, current.id(), added);
        audit.record("UPDATE", "comment", current.id(), Map.of("body", current.body(), "version", current.version()),
                Map.of("body", body, "mentions", mentioned.stream().map(WorkstreamMember::username).toList()));
        notifyMentioned(ref, actor, added, body);
        events.publishEvent(new WorkstreamChanged(ref.id(), "discussion"));
        return get(ref, current.id());
    }

    // ---------------------------------------------------------------- rules

    private static String validBody(String body) {
        String text = body == null ? "" : body.strip();
        new InvalidInput.Collector()
                .check(!text.isEmpty(), "body", "discussion.error.bodyMissing")
                .check(text.length() <= BODY_MAX, "body", "discussion.error.bodyTooLong", BODY_MAX)
                .check(PlainText.storable(text), "body", PlainText.MESSAGE)
                .throwIfAny();
        return text;
    }

    /**
     * Every {@code @username} must be a member of the workstream (workstream_members(), the only directory
     * of people we may consult) whose organization can read the comment. One wrong mention rejects the
     * whole comment, before anything is stored.
     */
    private List<WorkstreamMember> resolveMentions(WorkstreamRef ref, String body, UUID authorTenant,
            Releasability releasability, Collection<UUID> relTo) {
        Set<String> usernames = mentionedUsernames(body);
        if (usernames.isEmpty()) {
            return List.of();
        }
        Map<String, WorkstreamMember> byUsername = members(ref).stream()
                .collect(Collectors.toMap(m -> m.username().toLowerCase(Locale.ROOT), m -> m, (a, b) -> a));
        List<String> unknown = new ArrayList<>();
        List<String> outsideAudience = new ArrayList<>();
        List<WorkstreamMember> resolved = new ArrayList<>();
        for (String username : usernames) {
            WorkstreamMember member = byUsername.get(username);
            if (member == null) {
                unknown.add("@" + username);
            } else if (!releasedTo(member.tenantId(), authorTenant, releasability, relTo)) {
                outsideAudience.add("@" + username);
            } else {
                resolved.add(member);
            }
        }
        if (!unknown.isEmpty()) {
            throw InvalidInput.of("body", "discussion.error.mentionUnknown", String.join(", ", unknown), unknown.size());
        }
        if (!outsideAudience.isEmpty()) {
            throw InvalidInput.of("body", "discussion.error.mentionOutsideAudience", String.join(", ", outsideAudience));
        }
        return resolved;
    }

    static Set<String> mentionedUsernames(String body) {
        Set<String> usernames = new LinkedHashSet<>();
        Matcher matcher = MENTION.matcher(body);
        while (matcher.find()) {
            usernames.add(matcher.group(1).toLowerCase(Locale.ROOT));
        }
        return usernames;
    }

    /** The same audience rule as the schema's releasable_to(). */
    private static boolean releasedTo(UUID reader, UUID authorTenant, Releasability releasability,
            Collection<UUID> relTo) {
        return reader.equals(authorTenant) || switch (releasability) {
            case PARTICIPANTS, ALL_PARTNERS -> true;
            case REL_TO -> relTo.contains(reader);
            case PRIVATE -> false;
        };
    }

    private void storeMentions(WorkstreamRef ref, UUID commentId, List<WorkstreamMember> mentioned) {
        for (WorkstreamMember member : mentioned) {
            try {
                dsl.insertInto(COMMENT_MENTION)
                        .set(COMMENT_MENTION.TENANT_ID, ref.tenantId())
                        .set(COMMENT_MENTION.WORKSTREAM_ID, ref.id())
                        .set(COMMENT_MENTION.COMMENT_ID, commentId)
                        .set(COMMENT_MENTION.MENTIONED_MEMBER_ID, member.memberId())
                        .set(COMMENT_MENTION.MENTIONED_TENANT_ID, member.tenantId())
                        .execute();
            } catch (RuntimeException e) {
                // The schema re-checks (EN020/EN021), e.g. if the member's organization withdrew meanwhile.
                String state = sqlState(e);
                if ("EN020".equals(state) || "EN021".equals(state)) {
                    throw InvalidInput.of("body", "discussion.error.mentionNoLonger", "@" + member.username());
                }
                throw e;
            }
        }
    }

    private void notifyMentioned(WorkstreamRef ref, Actor author, List<WorkstreamMember> mentioned, String body) {
        if (mentioned.isEmpty()) {
            return;
        }
        // Written in each recipient's language when they read it (V53): names and the excerpt stay as typed.
        Object title = workstreams.get(ref.id()).map(Workstream::title).map(Object.class::cast)
                .orElse(Text.of("discussion.notification.aWorkstream"));
        Object who = members(ref).stream().filter(m -> m.memberId().equals(author.memberId())).findFirst()
                .map(WorkstreamMember::label).map(Object.class::cast).orElse(Text.of("discussion.notification.aParticipant"));
        String excerpt = body.length() <= NOTIFICATION_EXCERPT ? body : body.substring(0, NOTIFICATION_EXCERPT) + "…";
        Text text = Text.of("discussion.notification.mention", who, title, excerpt);
        for (WorkstreamMember member : mentioned) {
            if (!member.memberId().equals(author.memberId())) {
                notifications.notifyMember(member.tenantId(), member.memberId(), Notifications.Kind.MENTION, ref, text);
            }
        }
    }

    private Actor requireParticipant(WorkstreamRef ref) {
        Actor actor = actor();
        if (actor.memberId() == null) {
            throw new NotAllowed("discussion.error.signIn");
        }
        if (!Boolean.TRUE.equals(Routines.isAcceptedParticipant(dsl.configuration(), ref.tenantId(), ref.id()))) {
            throw new NotAllowed("discussion.error.notParticipant");
        }
        return actor;
    }

    private Actor actor() {
        return actors.currentActor().orElseThrow(() -> new NotAllowed("discussion.error.signIn"));
    }

    private Comment get(WorkstreamRef ref, UUID id) {
        return comments(ref).stream().filter(c -> c.id().equals(id)).findFirst().orElseThrow();
    }

    private static void addThread(CommentRecord row, int depth, Map<UUID, List<CommentRecord>> replies,
            List<Comment> ordered, Map<UUID, Partner> directory, Map<UUID, WorkstreamMember> people) {
        ordered.add(toComment(row, depth, directory, people));
        for (CommentRecord reply : replies.getOrDefault(row.getId(), List.of())) {
            addThread(reply, depth + 1, replies, ordered, directory, people);
        }
    }

    private static Comment toComment(CommentRecord r, int depth, Map<UUID, Partner> directory,
            Map<UUID, WorkstreamMember> people) {
        WorkstreamMember author = people.get(r.getAuthorMemberId());
        return new Comment(new WorkstreamRef(r.getTenantId(), r.getWorkstreamId()), r.getId(), r.getParentId(), depth,
                directory.getOrDefault(r.getAuthorTenantId(), PartnerDirectory.unknown(r.getAuthorTenantId())),
                r.getAuthorMemberId(), author == null ? null : author.displayName(), r.getBody(),
                Releasability.valueOf(r.getReleasability()), Arrays.asList(r.getRelTo() == null ? new UUID[0] : r.getRelTo()),
                r.getCreatedAt(), r.getEditedAt(), r.getVersion());
    }

    private static String sqlState(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
        }
        return null;
    }
}
