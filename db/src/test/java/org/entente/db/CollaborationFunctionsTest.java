package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.entente.db.Collaboration.as;
import static org.entente.db.Collaboration.assertRejected;
import static org.entente.db.Collaboration.comment;
import static org.entente.db.Collaboration.contribution;
import static org.entente.db.Collaboration.countAs;
import static org.entente.db.Collaboration.failureAs;
import static org.entente.db.Collaboration.invite;
import static org.entente.db.Collaboration.inviteAndAccept;
import static org.entente.db.Collaboration.memberOf;
import static org.entente.db.Collaboration.run;
import static org.entente.db.Collaboration.tenant;
import static org.entente.db.Collaboration.uuidArray;
import static org.entente.db.Collaboration.workstream;

import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** The cross-tenant functions: notify, the access ledger, the directories and mentions. */
class CollaborationFunctionsTest {

    private static UUID owner;
    private static UUID alpha;
    private static UUID bravo;
    private static UUID invited;
    private static UUID stranger;
    private static UUID workstream;

    @BeforeAll
    static void aWorkstreamWithTwoPartnersAnInvitationAndAStranger() {
        owner = tenant("fn-owner");
        alpha = tenant("fn-alpha");
        bravo = tenant("fn-bravo");
        invited = tenant("fn-invited");
        stranger = tenant("fn-stranger");
        workstream = workstream(owner, "INITIATIVE");
        inviteAndAccept(owner, workstream, alpha, bravo);
        invite(owner, workstream, invited);
    }

    @Test
    void notifyDeliversIntoTheRecipientsPartition() {
        long id = as(alpha, sql -> sql.queryForObject("select notify(?, ?, 'MENTION', ?, ?, 'You were mentioned')", Long.class,
                owner, memberOf(owner), owner, workstream));
        long toInvited = as(owner, sql -> sql.queryForObject("select notify(?, null, 'INVITATION', ?, ?, 'Join us')", Long.class,
                invited, owner, workstream));
        run(owner, sql -> {
            assertThat(sql.queryForMap("select recipient_member_id, kind, workstream_tenant_id, text from notification where id = ?", id))
                    .containsEntry("recipient_member_id", memberOf(owner)).containsEntry("kind", "MENTION")
                    .containsEntry("workstream_tenant_id", owner).containsEntry("text", "You were mentioned");
            assertThat(sql.update("update notification set read_at = now() where id = ?", id)).isOne();
        });
        assertThat(countAs(alpha, "select count(*) from notification where id = ?", id)).as("sender cannot read it back").isZero();
        assertThat(countAs(invited, "select count(*) from notification where id = ?", toInvited)).isOne();
        // Only read_at is writable by the recipient.
        assertRejected(failureAs(owner, sql -> sql.update("update notification set text = 'changed' where id = ?", id)),
                "42501", "permission denied");
    }

    /** V53: the text as a translation key and tagged arguments, read in the recipient's language; as private as the text. */
    @Test
    void notifyKeepsATranslationKeyAndItsArgumentsInTheRecipientsPartition() {
        long id = as(alpha, sql -> sql.queryForObject(
                "select notify(?, ?, 'MENTION', ?, ?, 'Amina mentioned you', 'discussion.notification.mention', "
                        + "array['s:Amina', 's:Sail plan', 's:See you'])", Long.class,
                owner, memberOf(owner), owner, workstream));
        run(owner, sql -> assertThat(sql.queryForObject(
                "select text_key || '|' || array_to_string(text_args, '|') from notification where id = ?", String.class, id))
                .isEqualTo("discussion.notification.mention|s:Amina|s:Sail plan|s:See you"));
        assertThat(countAs(alpha, "select count(*) from notification where id = ?", id)).as("sender cannot read it back").isZero();
        assertThat(countAs(bravo, "select count(*) from notification where id = ?", id)).isZero();
        assertRejected(failureAs(owner, sql -> sql.update("update notification set text_key = 'x.y' where id = ?", id)),
                "42501", "permission denied");
        assertRejected(failureAs(owner, sql -> sql.update("update notification set text_args = '{}' where id = ?", id)),
                "42501", "permission denied");
        // A key is a key (no text, no markup), and arguments need one.
        assertRejected(failureAs(alpha, sql -> sql.queryForObject(
                "select notify(?, null, 'MENTION', ?, ?, 'x', '<b>not a key</b>')", Long.class, owner, owner, workstream)),
                "23514", "notification_text_key_ck");
        assertRejected(failureAs(alpha, sql -> sql.queryForObject(
                "select notify(?, null, 'MENTION', ?, ?, 'x', null, array['s:orphan'])", Long.class, owner, owner, workstream)),
                "23514", "notification_text_args_ck");
    }

    @Test
    void notifyRefusesStrangersAndRecipientsOutsideTheWorkstream() throws Exception {
        String notify = "select notify(?, ?, 'STATUS_CHANGE', ?, ?, 'Hello')";
        // The caller cannot see the workstream (same message whether it exists or not).
        assertRejected(failureAs(stranger, sql -> sql.queryForObject(notify, Long.class, owner, null, owner, workstream)),
                "EN030", "not visible to the calling tenant");
        assertRejected(failureAs(stranger, sql -> sql.queryForObject(notify, Long.class, stranger, null, stranger, UUID.randomUUID())),
                "EN030", "not visible to the calling tenant");
        // The recipient does not take part.
        assertRejected(failureAs(alpha, sql -> sql.queryForObject(notify, Long.class, stranger, null, owner, workstream)),
                "EN030", "recipient tenant does not take part");
        // The member does not belong to the recipient tenant.
        assertRejected(failureAs(alpha, sql -> sql.queryForObject(notify, Long.class, bravo, memberOf(owner), owner, workstream)),
                "EN030", "recipient member does not belong");
        assertRejected(failureAs(alpha, sql -> sql.queryForObject("select notify(?, null, 'GOSSIP', ?, ?, 'x')", Long.class,
                owner, owner, workstream)), "23514", "notification_kind_ck");
        // Nothing without a tenant context.
        try (Connection app = TestDatabase.app(); Statement sql = app.createStatement()) {
            assertThat(catchThrowable(() -> sql.executeQuery(
                    "select notify('" + owner + "', null, 'STATUS_CHANGE', '" + owner + "', '" + workstream + "', 'x')")))
                    .satisfies(e -> assertThat(TestDatabase.sqlState(e)).isEqualTo("EN030"));
        }
        assertThat(countAs(stranger, "select count(*) from notification")).isZero();
    }

    @Test
    void theAccessLedgerRecordsOnlyVisibleContributionsOfOtherTenants() {
        UUID alphaShared = contribution(alpha, owner, workstream, "PARTICIPANTS");
        UUID alphaPrivate = contribution(alpha, owner, workstream, "PRIVATE");
        UUID alphaToOwner = contribution(alpha, owner, workstream, "REL_TO", owner);
        UUID ownerShared = contribution(owner, owner, workstream, "ALL_PARTNERS");
        UUID bravoOwn = contribution(bravo, owner, workstream, "PARTICIPANTS");
        String record = "select record_contribution_access(?, ?, ?::uuid[], ?)";
        String all = uuidArray(alphaShared, alphaPrivate, alphaToOwner, ownerShared, bravoOwn, UUID.randomUUID());

        assertThat(Collaboration.<Integer>as(bravo, sql -> sql.queryForObject(record, Integer.class, owner, workstream, all, "EXPORT"))).isEqualTo(2);
        assertThat(Collaboration.<List<UUID>>as(alpha, sql -> sql.queryForList("select contribution_id from contribution_access where reader_tenant_id = ?",
                UUID.class, bravo))).containsExactly(alphaShared);
        assertThat(Collaboration.<Map<String, Object>>as(owner, sql -> sql.queryForMap("select contribution_id, action, reader_member_id, workstream_tenant_id"
                + " from contribution_access where reader_tenant_id = ?", bravo)))
                .containsEntry("contribution_id", ownerShared).containsEntry("action", "EXPORT")
                .containsEntry("reader_member_id", memberOf(bravo)).containsEntry("workstream_tenant_id", owner);
        assertThat(countAs(bravo, "select count(*) from contribution_access")).as("own reads are not ledgered").isZero();

        // The owner reads alpha's contribution released to it; strangers read nothing.
        assertThat(Collaboration.<Integer>as(owner, sql -> sql.queryForObject(record, Integer.class, owner, workstream, all, "READ"))).isEqualTo(3);
        assertThat(Collaboration.<Integer>as(stranger, sql -> sql.queryForObject(record, Integer.class, owner, workstream, all, "READ"))).isZero();
        assertThat(countAs(alpha, "select count(*) from contribution_access where reader_tenant_id = ?", owner)).isEqualTo(2);
        assertRejected(failureAs(bravo, sql -> sql.queryForObject(record, Integer.class, owner, workstream, all, "PRINT")),
                "EN031", "unknown contribution access action");
        // The ledger is written only by the function: no INSERT, UPDATE or DELETE right.
        assertRejected(failureAs(alpha, sql -> sql.update("delete from contribution_access where true")), "42501", "permission denied");
    }

    @Test
    void workstreamMembersListsParticipantsOnlyToParticipants() {
        String members = "select tenant_id from workstream_members(?, ?)";
        assertThat(Collaboration.<List<UUID>>as(alpha, sql -> sql.queryForList(members, UUID.class, owner, workstream)))
                .containsExactlyInAnyOrder(owner, alpha, bravo);
        assertThat(Collaboration.<Map<String, Object>>as(owner, sql -> sql.queryForMap("select member_id, username, tenant_alias from workstream_members(?, ?)"
                + " where tenant_id = ?", owner, workstream, bravo))).containsEntry("member_id", memberOf(bravo))
                .hasEntrySatisfying("tenant_alias", alias -> assertThat((String) alias).startsWith("fn-bravo-"));
        assertThat(Collaboration.<List<UUID>>as(stranger, sql -> sql.queryForList(members, UUID.class, owner, workstream))).isEmpty();
        assertThat(Collaboration.<List<UUID>>as(invited, sql -> sql.queryForList(members, UUID.class, owner, workstream))).isEmpty();
        // Guessing another workstream's key reveals nothing either.
        assertThat(Collaboration.<List<UUID>>as(stranger, sql -> sql.queryForList(members, UUID.class, stranger, workstream))).isEmpty();
    }

    @Test
    void partnerDirectoryListsActiveTenantsButNoUsers() {
        List<UUID> directory = as(stranger, sql -> sql.queryForList("select id from partner_directory()", UUID.class));
        assertThat(directory).contains(owner, alpha, bravo, invited, stranger);
        // Still only one tenant row and one member visible directly.
        assertThat(countAs(stranger, "select count(*) from tenant")).isOne();
        assertThat(countAs(stranger, "select count(*) from member")).isOne();
    }

    @Test
    void mentionsAreLimitedToMembersWhoTakePartAndCanReadTheComment() {
        UUID shared = comment(alpha, owner, workstream, "PARTICIPANTS");
        UUID toOwner = comment(alpha, owner, workstream, "REL_TO", owner);
        String mention = "insert into comment_mention (tenant_id, workstream_id, comment_id, mentioned_member_id, mentioned_tenant_id)"
                + " values (?, ?, ?, ?, ?)";
        run(alpha, sql -> {
            sql.update(mention, owner, workstream, shared, memberOf(bravo), bravo);
            sql.update(mention, owner, workstream, shared, memberOf(owner), owner);
        });
        assertRejected(failureAs(alpha, sql -> sql.update(mention, owner, workstream, shared, memberOf(stranger), stranger)),
                "EN020", "not a member of a tenant taking part");
        assertRejected(failureAs(alpha, sql -> sql.update(mention, owner, workstream, shared, memberOf(invited), invited)),
                "EN020", "not a member of a tenant taking part");
        assertRejected(failureAs(alpha, sql -> sql.update(mention, owner, workstream, shared, memberOf(stranger), bravo)),
                "EN020", "not a member of a tenant taking part");
        assertRejected(failureAs(alpha, sql -> sql.update(mention, owner, workstream, toOwner, memberOf(bravo), bravo)),
                "EN021", "not released to their tenant");
        // Only the comment's author adds mentions to it.
        assertRejected(failureAs(bravo, sql -> sql.update(mention, owner, workstream, shared, memberOf(alpha), alpha)),
                "42501", "violates row-level security policy");
        assertThat(countAs(bravo, "select count(*) from comment_mention where comment_id = ?", shared)).isEqualTo(2);
        assertThat(countAs(stranger, "select count(*) from comment_mention")).isZero();
    }

    @Test
    void definerFunctionsLeaveNoWiderAccessBehind() {
        run(alpha, (JdbcTemplate sql) -> {
            sql.queryForList("select * from partner_directory()");
            sql.queryForList("select * from workstream_members(?, ?)", owner, workstream);
            assertThat(sql.queryForObject("select coalesce(current_setting('app.definer_call', true), '')", String.class)).isEmpty();
            assertThat(sql.queryForObject("select count(*) from tenant", Long.class)).isOne();
        });
    }
}
