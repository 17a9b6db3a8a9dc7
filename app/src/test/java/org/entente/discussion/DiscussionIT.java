package org.entente.discussion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.entente.db.jooq.Tables.COMMENT;
import static org.entente.db.jooq.Tables.COMMENT_MENTION;
import static org.entente.db.jooq.Tables.NOTIFICATION;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.function.Supplier;
import org.entente.db.embedded.LocalPostgres;
import org.entente.db.tenancy.Actor;
import org.entente.initiative.Mechanism;
import org.entente.milestone.MilestoneService;
import org.entente.notification.Notification;
import org.entente.notification.NotificationService;
import org.entente.platform.validation.ConcurrentEditException;
import org.entente.platform.validation.InvalidInput;
import org.entente.platform.validation.NotAllowed;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.DemoActors;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Notifications;
import org.entente.workstream.Participant.ParticipantRole;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamService;
import org.jooq.DSLContext;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Discussion, mentions and notifications on the real database, as the app's runtime role: the directory of
 * people never crosses the workstream, a bad mention stores nothing, releasability holds per comment, and
 * edits never overwrite each other.
 */
class DiscussionIT extends AppIntegrationTest {

    static final Actor INGRID = new Actor(UUID.fromString("0a000000-0000-4000-8000-000000000001"),
            UUID.fromString("0b000000-0000-4000-8000-000000000001"));
    static final Actor LARS = new Actor(INGRID.tenantId(), UUID.fromString("0b000000-0000-4000-8000-000000000002"));
    static final Actor AMINA = new Actor(UUID.fromString("0a000000-0000-4000-8000-000000000002"),
            UUID.fromString("0b000000-0000-4000-8000-000000000003"));
    static final Actor CLAIRE = new Actor(UUID.fromString("0a000000-0000-4000-8000-000000000003"),
            UUID.fromString("0b000000-0000-4000-8000-000000000004"));
    static final Actor DAVID = new Actor(UUID.fromString("0a000000-0000-4000-8000-000000000004"),
            UUID.fromString("0b000000-0000-4000-8000-000000000006"));

    @Autowired
    DiscussionService discussion;
    @Autowired
    NotificationService notifications;
    @Autowired
    WorkstreamService workstreams;
    @Autowired
    MilestoneService milestones;
    @Autowired
    DSLContext dsl;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    LocalPostgres postgres;

    SuperuserDatabase database;
    String marker;

    @BeforeEach
    void setUp() {
        database = new SuperuserDatabase(postgres);
        marker = "Discussion " + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void aMentionOfSomeoneOutsideTheWorkstreamIsRejectedOnTheBodyAndNothingIsStored() {
        Workstream exercise = sharedWith(AMINA);
        as(INGRID, () -> { workstreams.invite(exercise.ref(), DAVID.tenantId(), ParticipantRole.OBSERVER); return null; });

        long notificationsBefore = superuserCount("notification", exercise);
        // NATO takes no part; UN DPO is invited but has not accepted; nobody is called "nobody.here".
        for (String outsider : List.of("@claire.dubois", "@david.mensah", "@nobody.here")) {
            assertThatThrownBy(() -> as(INGRID, () -> discussion.post(exercise.ref(),
                    CommentDraft.toParticipants("Agreed with @amina.odhiambo; " + outsider + " please review."))))
                    .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors())
                            .containsOnlyKeys("body")
                            .extractingByKey("body").asString().contains(outsider).contains("not a member"));
        }

        assertThat(superuserCount("comment", exercise)).isZero();
        assertThat(superuserCount("comment_mention", exercise)).isZero();
        assertThat(superuserCount("notification", exercise)).isEqualTo(notificationsBefore);
    }

    @Test
    void mentionCandidatesOfferOnlyMembersOfParticipatingOrganizations() {
        Workstream exercise = sharedWith(AMINA);
        as(INGRID, () -> { workstreams.invite(exercise.ref(), CLAIRE.tenantId(), ParticipantRole.OBSERVER); return null; });

        List<String> offered = as(INGRID, () -> discussion.mentionCandidates(exercise.ref(), ""))
                .stream().map(WorkstreamMember::username).toList();
        assertThat(offered).contains("amina.odhiambo", "lars.haugen")
                .doesNotContain("ingrid.solberg", "claire.dubois", "olivia.grant", "david.mensah", "pat.ops");
        assertThat(as(INGRID, () -> discussion.mentionCandidates(exercise.ref(), "@cl"))).isEmpty();
        assertThat(as(INGRID, () -> discussion.mentionCandidates(exercise.ref(), "odhi")))
                .extracting(WorkstreamMember::username).containsExactly("amina.odhiambo");
        assertThat(as(AMINA, () -> discussion.mentionCandidates(exercise.ref(), "in")))
                .extracting(WorkstreamMember::label).containsExactly("Ingrid Solberg (norway)");

        // Invited (not accepted) and uninvited tenants get no directory at all.
        assertThat(as(CLAIRE, () -> discussion.mentionCandidates(exercise.ref(), ""))).isEmpty();
        assertThat(as(CLAIRE, () -> discussion.members(exercise.ref()))).isEmpty();
        assertThat(as(DAVID, () -> discussion.members(exercise.ref()))).isEmpty();
    }

    @Test
    void aMentionIsStoredAndNotifiesOnlyTheMentionedMember() {
        Workstream exercise = sharedWith(AMINA);
        int ingridBefore = as(INGRID, () -> notifications.unreadCount());
        int larsBefore = as(LARS, () -> notifications.unreadCount());

        Comment posted = as(AMINA, () -> discussion.post(exercise.ref(),
                CommentDraft.toParticipants("@ingrid.solberg the Mombasa berth is confirmed for 3 June.")));

        assertThat(posted.authorName()).isEqualTo("Amina Odhiambo");
        assertThat(posted.authorOrganization().alias()).isEqualTo("kenya");
        assertThat(as(INGRID, () -> dsl.select(COMMENT_MENTION.MENTIONED_MEMBER_ID).from(COMMENT_MENTION)
                .where(COMMENT_MENTION.COMMENT_ID.eq(posted.id())).fetch(COMMENT_MENTION.MENTIONED_MEMBER_ID)))
                .containsExactly(INGRID.memberId());
        assertThat(as(INGRID, () -> notifications.unreadCount())).isEqualTo(ingridBefore + 1);
        assertThat(as(LARS, () -> notifications.unreadCount())).isEqualTo(larsBefore);
        Notification mention = as(INGRID, () -> notifications.latest(50)).stream()
                .filter(n -> exercise.ref().equals(n.workstream()) && n.kind() == Notifications.Kind.MENTION)
                .findFirst().orElseThrow();
        assertThat(mention.text()).contains("Amina Odhiambo (kenya)").contains(marker).contains("Mombasa berth");
        assertThat(as(LARS, () -> notifications.latest(50))).extracting(Notification::id).doesNotContain(mention.id());

        as(INGRID, () -> { notifications.markRead(mention.id()); return null; });
        assertThat(as(INGRID, () -> notifications.unreadCount())).isEqualTo(ingridBefore);
        as(INGRID, () -> { notifications.markAllRead(); return null; });
        assertThat(as(INGRID, () -> notifications.unreadCount())).isZero();
    }

    @Test
    void aNonParticipantSeesNoCommentsMentionsOrNotificationsAndCannotComment() {
        Workstream exercise = sharedWith(AMINA);
        as(AMINA, () -> discussion.post(exercise.ref(), CommentDraft.toParticipants("@ingrid.solberg ready.")));
        as(INGRID, () -> discussion.post(exercise.ref(), CommentDraft.toParticipants("Thanks @amina.odhiambo.")));

        as(CLAIRE, () -> {
            assertThat(discussion.comments(exercise.ref())).isEmpty();
            assertThat(dsl.fetchCount(COMMENT, COMMENT.WORKSTREAM_ID.eq(exercise.id()))).isZero();
            assertThat(dsl.fetchCount(COMMENT_MENTION, COMMENT_MENTION.WORKSTREAM_ID.eq(exercise.id()))).isZero();
            assertThat(dsl.fetchCount(NOTIFICATION, NOTIFICATION.WORKSTREAM_ID.eq(exercise.id()))).isZero();
            assertThat(notifications.latest(100)).noneMatch(n -> exercise.ref().equals(n.workstream()));
            return null;
        });
        assertThatThrownBy(() -> as(CLAIRE, () -> discussion.post(exercise.ref(), CommentDraft.toParticipants("Hello"))))
                .isInstanceOf(NotAllowed.class);
        assertThat(superuserCount("comment", exercise)).isEqualTo(2);
    }

    @Test
    void privateAndRelToCommentsStayWithinTheirAudience() {
        Workstream exercise = sharedWith(AMINA, CLAIRE);
        Comment kenyaOnly = as(AMINA, () -> discussion.post(exercise.ref(),
                new CommentDraft(null, "Internal: budget line pending.", Releasability.PRIVATE, List.of())));
        Comment toKenya = as(INGRID, () -> discussion.post(exercise.ref(),
                new CommentDraft(null, "@amina.odhiambo fuel figures attached.", Releasability.REL_TO,
                        List.of(AMINA.tenantId()))));
        Comment forAll = as(CLAIRE, () -> discussion.post(exercise.ref(),
                CommentDraft.toParticipants("Staff officers confirmed.")));

        assertThat(as(INGRID, () -> discussion.comments(exercise.ref()))).extracting(Comment::id)
                .containsExactly(toKenya.id(), forAll.id());
        assertThat(as(AMINA, () -> discussion.comments(exercise.ref()))).extracting(Comment::id)
                .containsExactly(kenyaOnly.id(), toKenya.id(), forAll.id());
        assertThat(as(CLAIRE, () -> discussion.comments(exercise.ref()))).extracting(Comment::id)
                .containsExactly(forAll.id());
        assertThat(toKenya.relTo()).containsExactly(AMINA.tenantId());

        // Someone who cannot read the comment cannot be mentioned in it.
        assertThatThrownBy(() -> as(INGRID, () -> discussion.post(exercise.ref(), new CommentDraft(null,
                "@claire.dubois see the fuel plan", Releasability.REL_TO, List.of(AMINA.tenantId())))))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors().get("body"))
                        .contains("@claire.dubois cannot read this comment"));
        assertThatThrownBy(() -> as(INGRID, () -> discussion.post(exercise.ref(), new CommentDraft(null,
                "@amina.odhiambo internal note", Releasability.PRIVATE, List.of()))))
                .isInstanceOf(InvalidInput.class);
        assertThat(superuserCount("comment", exercise)).isEqualTo(3);
    }

    @Test
    void repliesFollowTheirParentIndented() {
        Workstream exercise = sharedWith(AMINA);
        Comment question = as(INGRID, () -> discussion.post(exercise.ref(), CommentDraft.toParticipants("Berth?")));
        Comment other = as(AMINA, () -> discussion.post(exercise.ref(), CommentDraft.toParticipants("Separate topic.")));
        Comment answer = as(AMINA, () -> discussion.post(exercise.ref(),
                CommentDraft.toParticipants("Berth 4.").replyingTo(question.id())));
        Comment thanks = as(INGRID, () -> discussion.post(exercise.ref(),
                CommentDraft.toParticipants("Thanks.").replyingTo(answer.id())));

        assertThat(as(INGRID, () -> discussion.comments(exercise.ref())))
                .extracting(Comment::id, Comment::depth)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(question.id(), 0),
                        org.assertj.core.groups.Tuple.tuple(answer.id(), 1),
                        org.assertj.core.groups.Tuple.tuple(thanks.id(), 2),
                        org.assertj.core.groups.Tuple.tuple(other.id(), 0));
    }

    @Test
    void theSecondOfTwoConcurrentEditsIsRefusedAndOnlyTheAuthorEdits() {
        Workstream exercise = sharedWith(AMINA);
        Comment original = as(AMINA, () -> discussion.post(exercise.ref(), CommentDraft.toParticipants("Draft plan.")));

        Comment edited = as(AMINA, () -> discussion.edit(original, "Plan v2, see @ingrid.solberg"));
        assertThat(edited.edited()).isTrue();
        assertThat(edited.version()).isEqualTo(original.version() + 1);
        assertThatThrownBy(() -> as(AMINA, () -> discussion.edit(original, "Plan v2 from a stale tab")))
                .isInstanceOf(ConcurrentEditException.class).hasMessageContaining("Someone else changed this comment");
        assertThatThrownBy(() -> as(INGRID, () -> discussion.edit(edited, "Hijacked")))
                .isInstanceOf(NotAllowed.class);
        assertThatThrownBy(() -> as(AMINA, () -> discussion.edit(edited, "See @claire.dubois")))
                .isInstanceOf(InvalidInput.class);

        assertThat(as(INGRID, () -> discussion.comments(exercise.ref()))).singleElement()
                .satisfies(c -> assertThat(c.body()).isEqualTo("Plan v2, see @ingrid.solberg"));
        assertThat(as(INGRID, () -> dsl.fetchCount(COMMENT_MENTION, COMMENT_MENTION.COMMENT_ID.eq(original.id()))))
                .isEqualTo(1);
    }

    @Test
    void badInputIsRejectedPerFieldAndNothingIsStored() {
        Workstream exercise = sharedWith(AMINA);
        assertFieldError(exercise, CommentDraft.toParticipants("   "), "body");
        assertFieldError(exercise, CommentDraft.toParticipants("x".repeat(DiscussionService.BODY_MAX + 1)), "body");
        assertFieldError(exercise, new CommentDraft(null, "Only to some", Releasability.REL_TO, List.of()), "relTo");
        assertFieldError(exercise, new CommentDraft(null, "To outsiders", Releasability.REL_TO,
                List.of(CLAIRE.tenantId())), "relTo");
        assertFieldError(exercise, CommentDraft.toParticipants("Reply").replyingTo(UUID.randomUUID()), "parent");
        assertThat(superuserCount("comment", exercise)).isZero();
        assertThat(as(INGRID, () -> discussion.post(exercise.ref(),
                CommentDraft.toParticipants("x".repeat(DiscussionService.BODY_MAX)))).body()).hasSize(DiscussionService.BODY_MAX);
    }

    @Test
    void milestoneRemindersAreAddedOnceForTheOwningOrganization() {
        Workstream exercise = sharedWith(AMINA);
        as(INGRID, () -> milestones.add(exercise.ref(), "Harbour survey " + marker, INGRID.tenantId(),
                milestones.today().minusDays(2)));
        as(INGRID, () -> milestones.add(exercise.ref(), "Sail plan " + marker, AMINA.tenantId(),
                milestones.today().plusDays(3)));
        as(INGRID, () -> milestones.add(exercise.ref(), "Final report " + marker, INGRID.tenantId(),
                LocalDate.now().plusDays(60)));

        as(INGRID, () -> notifications.remindOfMilestones());
        assertThat(as(INGRID, () -> notifications.remindOfMilestones())).isZero();
        as(AMINA, () -> notifications.remindOfMilestones());

        List<Notification> norway = remindersAbout(INGRID, exercise);
        assertThat(norway).extracting(Notification::kind).containsExactlyInAnyOrder(
                Notifications.Kind.MILESTONE_OVERDUE, Notifications.Kind.MILESTONE_DUE);
        assertThat(norway).extracting(Notification::text).noneMatch(t -> t.contains("Final report"));
        assertThat(remindersAbout(AMINA, exercise)).singleElement()
                .satisfies(n -> assertThat(n.text()).contains("Sail plan").contains("is due on"));
        assertThat(remindersAbout(CLAIRE, exercise)).isEmpty();
    }

    // ------------------------------------------------------------------ helpers

    private List<Notification> remindersAbout(Actor actor, Workstream exercise) {
        return as(actor, () -> notifications.latest(100)).stream()
                .filter(n -> exercise.ref().equals(n.workstream()))
                .filter(n -> n.kind() == Notifications.Kind.MILESTONE_DUE || n.kind() == Notifications.Kind.MILESTONE_OVERDUE)
                .toList();
    }

    private Workstream sharedWith(Actor... partners) {
        Workstream exercise = as(INGRID, () -> workstreams.create(new WorkstreamDraft(marker,
                "Port visit coordination", Releasability.PARTICIPANTS, List.of(), "Indian Ocean", null, null,
                new KindDetails.Initiative(Mechanism.MARITIME_SECURITY, List.of("Port access")))));
        for (Actor partner : partners) {
            as(INGRID, () -> { workstreams.invite(exercise.ref(), partner.tenantId(), ParticipantRole.CONTRIBUTOR); return null; });
            as(partner, () -> { workstreams.respond(exercise.ref(), true); return null; });
        }
        return exercise;
    }

    private void assertFieldError(Workstream exercise, CommentDraft draft, String field) {
        assertThatThrownBy(() -> as(INGRID, () -> discussion.post(exercise.ref(), draft)))
                .isInstanceOfSatisfying(InvalidInput.class, e -> assertThat(e.fieldErrors()).containsKey(field));
    }

    private long superuserCount(String table, Workstream exercise) {
        return (Long) database.query("select count(*) from " + table + " where workstream_id = ?", exercise.id())
                .getFirst().getFirst();
    }

    private <T> T as(Actor actor, Supplier<T> work) {
        return new DemoActors(transactionManager).as(actor, work);
    }
}
