package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.db.Collaboration.as;
import static org.entente.db.Collaboration.countAs;
import static org.entente.db.Collaboration.invite;
import static org.entente.db.Collaboration.inviteAndAccept;
import static org.entente.db.Collaboration.respond;
import static org.entente.db.Collaboration.run;
import static org.entente.db.Collaboration.tenant;
import static org.entente.db.Collaboration.workstream;

import java.sql.Timestamp;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The workstream SELECT policy reads the audience column (V41) instead of calling can_see_workstream() per row.
 * The column must always say what workstream_access() says, follow every change of participation and
 * releasability, and be impossible to write.
 */
class WorkstreamAudienceTest {

    private static final String VISIBLE = "select count(*) from workstream where id = ?";

    @Test
    void theAudienceFollowsInvitationsAnswersAndReleasability() {
        UUID owner = tenant("aud-owner");
        UUID alpha = tenant("aud-alpha");
        UUID beta = tenant("aud-beta");
        UUID gamma = tenant("aud-gamma");
        UUID workstream = workstream(owner, "INITIATIVE");

        assertThat(visibleTo(workstream, owner, alpha, beta, gamma)).containsExactly(true, false, false, false);
        invite(owner, workstream, alpha, beta);
        assertThat(visibleTo(workstream, owner, alpha, beta, gamma)).containsExactly(true, true, true, false);
        respond(alpha, owner, workstream, "ACCEPTED");
        respond(beta, owner, workstream, "DECLINED");
        assertThat(visibleTo(workstream, owner, alpha, beta, gamma)).containsExactly(true, true, false, false);

        // REL TO names only gamma, who is not a participant: nobody else sees it.
        run(owner, sql -> sql.update("update workstream set releasability = 'REL_TO', rel_to = ?::uuid[] where id = ?",
                Collaboration.uuidArray(gamma), workstream));
        assertThat(visibleTo(workstream, owner, alpha, beta, gamma)).containsExactly(true, false, false, false);
        run(owner, sql -> sql.update("update workstream set releasability = 'REL_TO', rel_to = ?::uuid[] where id = ?",
                Collaboration.uuidArray(alpha), workstream));
        assertThat(visibleTo(workstream, owner, alpha, beta, gamma)).containsExactly(true, true, false, false);

        respond(alpha, owner, workstream, "WITHDRAWN");
        assertThat(visibleTo(workstream, owner, alpha, beta, gamma)).containsExactly(true, false, false, false);
        assertThat(audienceAgreesWithWorkstreamAccess(workstream, owner, alpha, beta, gamma)).isTrue();
    }

    @Test
    void nobodyCanWriteTheAudience() {
        UUID owner = tenant("aud-forger");
        UUID outsider = tenant("aud-outsider");
        UUID workstream = workstream(owner, "RND_PROJECT");

        run(owner, sql -> sql.update("update workstream set audience = ?::uuid[] where id = ?",
                Collaboration.uuidArray(outsider), workstream));
        assertThat(countAs(outsider, VISIBLE, workstream)).isZero();
        // Even the recomputation flag, set in the app's own session, only recomputes the truth.
        run(owner, sql -> {
            sql.queryForList("select set_config('app.definer_call', 'audience', true)");
            sql.update("update workstream set audience = ?::uuid[] where id = ?", Collaboration.uuidArray(outsider),
                    workstream);
        });
        assertThat(countAs(outsider, VISIBLE, workstream)).isZero();
        run(owner, sql -> sql.update(
                "insert into workstream (kind, title, audience) values ('INITIATIVE', 'forged', ?::uuid[])",
                Collaboration.uuidArray(outsider)));
        assertThat(countAs(outsider, "select count(*) from workstream where title = 'forged'")).isZero();
    }

    @Test
    void answeringAnInvitationIsNotAChangeOfTheWorkstream() {
        UUID owner = tenant("aud-touch");
        UUID partner = tenant("aud-touch-p");
        UUID workstream = workstream(owner, "INITIATIVE");
        Timestamp before = as(owner, sql -> sql.queryForObject("select updated_at from workstream where id = ?",
                Timestamp.class, workstream));
        inviteAndAccept(owner, workstream, partner);
        Timestamp after = as(owner, sql -> sql.queryForObject("select updated_at from workstream where id = ?",
                Timestamp.class, workstream));
        assertThat(after).isEqualTo(before);
    }

    private static List<Boolean> visibleTo(UUID workstream, UUID... viewers) {
        return java.util.Arrays.stream(viewers).map(v -> countAs(v, VISIBLE, workstream) == 1).toList();
    }

    /** As the owner role: the stored audience equals what workstream_access() admits, tenant by tenant. */
    private static boolean audienceAgreesWithWorkstreamAccess(UUID workstream, UUID owner, UUID... others) {
        try (var connection = TestDatabase.owner(); var sql = connection.createStatement()) {
            connection.setAutoCommit(false);
            sql.execute("select set_config('app.tenant_id', '" + owner + "', true)");
            for (UUID other : others) {
                try (var row = sql.executeQuery("select (workstream_access('" + other + "', '" + owner + "', '"
                        + workstream + "') is not null) = ('" + other + "' = any (audience)) from workstream where id = '"
                        + workstream + "'")) {
                    row.next();
                    if (!row.getBoolean(1)) {
                        return false;
                    }
                }
            }
            connection.rollback();
            return true;
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
