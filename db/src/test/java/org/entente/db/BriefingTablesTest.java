package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.entente.db.Collaboration.as;
import static org.entente.db.Collaboration.assertRejected;
import static org.entente.db.Collaboration.assertRowLevelSecurityViolation;
import static org.entente.db.Collaboration.countAs;
import static org.entente.db.Collaboration.failureAs;
import static org.entente.db.Collaboration.memberOf;
import static org.entente.db.Collaboration.run;
import static org.entente.db.Collaboration.tenant;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;

/** V31: briefings and their subscriptions are their organization's alone; the briefing notifications. */
class BriefingTablesTest {

    private UUID coordinators;
    private UUID others;

    @BeforeEach
    void twoOrganizations() {
        coordinators = tenant("briefing-owner", "ALLIANCE");
        others = tenant("briefing-other", "STATE");
    }

    @Test
    void aWrongTenantSeesNothingAndCannotWriteIntoAnotherPartition() {
        UUID subscription = subscribe(coordinators, "WEEKLY");
        UUID briefing = queue(coordinators, subscription);

        assertThat(countAs(coordinators, "select count(*) from briefing where id = ?", briefing)).isOne();
        assertThat(countAs(coordinators, "select count(*) from briefing_subscription where id = ?", subscription)).isOne();
        assertThat(countAs(others, "select count(*) from briefing where tenant_id = ?", coordinators)).isZero();
        assertThat(countAs(others, "select count(*) from briefing_subscription where tenant_id = ?", coordinators)).isZero();
        assertThat(Collaboration.<Integer>as(others, sql -> sql.update("update briefing set status = 'FAILED', failure = 'x', finished_at = now()"
                + " where id = ?", briefing))).isZero();
        assertThat(Collaboration.<Integer>as(others, sql -> sql.update("delete from briefing_subscription where id = ?", subscription))).isZero();
        assertRowLevelSecurityViolation(failureAs(others, sql -> sql.update("""
                insert into briefing (tenant_id, kind, requested_by_name) values (?, 'FULL', 'Sneaky')""", coordinators)));
        assertRowLevelSecurityViolation(failureAs(others, sql -> sql.update("""
                insert into briefing_subscription (tenant_id, kind, frequency, subscriber_id, subscriber_name, next_run_at)
                values (?, 'FULL', 'WEEKLY', ?, 'Sneaky', now())""", coordinators, memberOf(coordinators))));

        // Without a tenant: nothing at all.
        try (Connection app = TestDatabase.app(); Statement sql = app.createStatement()) {
            for (String table : List.of("briefing", "briefing_subscription")) {
                try (ResultSet rows = sql.executeQuery("select count(*) from " + table)) {
                    rows.next();
                    assertThat(rows.getLong(1)).as(table).isZero();
                }
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void aBriefingIsReadyExactlyWhenItsFileIsWrittenAndFailedExactlyWithAReason() {
        UUID briefing = queue(coordinators, null);
        assertRejected(failureAs(coordinators, sql -> sql.update(
                "update briefing set status = 'READY', finished_at = now() where id = ?", briefing)), "23514", "briefing_file_ck");
        assertRejected(failureAs(coordinators, sql -> sql.update(
                "update briefing set status = 'FAILED', finished_at = now() where id = ?", briefing)), "23514", "briefing_failure_ck");
        assertRejected(failureAs(coordinators, sql -> sql.update(
                "update briefing set status = 'RUNNING' where id = ?", briefing)), "23514", "briefing_started_ck");
        assertRejected(failureAs(coordinators, sql -> sql.update("""
                update briefing set status = 'READY', finished_at = now(), file_name = 'report.xlsx', size_bytes = 10,
                       snapshot_taken_at = now() where id = ?""", briefing)), "23514", "briefing_file_name_ck");
        run(coordinators, sql -> assertThat(sql.update("""
                update briefing set status = 'READY', started_at = now(), finished_at = now(),
                       file_name = 'entente-burden-sharing-2026-12-01.xlsx', size_bytes = 4096, snapshot_taken_at = now(),
                       marking = 'REL TO PARTICIPANTS', detail_rows = 12 where id = ?""", briefing)).isOne());

        UUID failed = queue(coordinators, null);
        run(coordinators, sql -> assertThat(sql.update("""
                update briefing set status = 'FAILED', finished_at = now(), failure = 'No snapshot yet.' where id = ?""",
                failed)).isOne());
        assertRejected(failureAs(coordinators, sql -> sql.update(
                "update briefing set file_name = 'entente-full-2026-12-01.xlsx', size_bytes = 1 where id = ?", failed)),
                "23514", "briefing_file_ck");
    }

    @Test
    void scopesAndKindsAreChecked() {
        assertRejected(failureAs(coordinators, sql -> sql.update("""
                insert into briefing (kind, requested_by_name) values ('EVERYTHING', 'Olivia')""")), "23514", "briefing_kind_ck");
        assertRejected(failureAs(coordinators, sql -> sql.update("""
                insert into briefing (kind, requested_by_name, year_from, year_to) values ('FULL', 'Olivia', 2026, 2024)""")),
                "23514", "briefing_years_ck");
        assertRejected(failureAs(coordinators, sql -> sql.update("""
                insert into briefing (kind, requested_by_name, partner_kind) values ('FULL', 'Olivia', 'PIRATE')""")),
                "23514", "briefing_partner_kind_ck");
        assertRejected(failureAs(coordinators, sql -> sql.update("""
                insert into briefing (kind, requested_by_name) values ('FULL', ' ')""")), "23514", "briefing_requested_by_name_ck");
        assertRejected(failureAs(coordinators, sql -> sql.update("""
                insert into briefing_subscription (kind, frequency, subscriber_id, subscriber_name, next_run_at)
                values ('FULL', 'DAILY', ?, 'Olivia', now())""", memberOf(coordinators))),
                "23514", "briefing_subscription_frequency_ck");
        // The subscriber is a member of the subscribing organization.
        assertRejected(failureAs(coordinators, sql -> sql.update("""
                insert into briefing_subscription (kind, frequency, subscriber_id, subscriber_name, next_run_at)
                values ('FULL', 'WEEKLY', ?, 'Olivia', now())""", memberOf(others))),
                "23503", "briefing_subscription_subscriber_fk");
        // The same subscription twice (all years, all regions) is one subscription.
        subscribe(coordinators, "MONTHLY");
        assertRejected(failureAs(coordinators, sql -> insertSubscription(sql, "MONTHLY")), "23505", "briefing_subscription_uk");
    }

    @Test
    void deletingASubscriptionKeepsTheBriefingsItMade() {
        UUID subscription = subscribe(coordinators, "WEEKLY");
        UUID briefing = queue(coordinators, subscription);
        run(coordinators, sql -> assertThat(sql.update("delete from briefing_subscription where id = ?", subscription)).isOne());
        assertThat(Collaboration.<Boolean>as(coordinators, sql -> sql.queryForObject(
                "select subscription_id is null and kind = 'FULL' from briefing where id = ?", Boolean.class, briefing))).isTrue();
    }

    @Test
    void briefingRowsAreNeverDeletedAndTheirRequestCannotBeRewritten() {
        UUID briefing = queue(coordinators, null);
        assertRejected(failureAs(coordinators, sql -> sql.update("delete from briefing where id = ?", briefing)),
                "42501", "permission denied");
        assertRejected(failureAs(coordinators, sql -> sql.update("update briefing set kind = 'RND_STATUS' where id = ?", briefing)),
                "42501", "permission denied");
        assertRejected(failureAs(coordinators, sql -> sql.update("update briefing set tenant_id = ? where id = ?", others, briefing)),
                "42501", "permission denied");
    }

    @Test
    void theGeneratingInstanceLeasesItsBriefingInItsOwnPartitionOnly() {
        UUID briefing = queue(coordinators, null);
        // V43: the owner's instance takes and renews the lease; another organization's session changes nothing.
        run(coordinators, sql -> assertThat(sql.update("""
                update briefing set worker = 'instance-a', lease_until = now() + interval '2 minutes' where id = ?""",
                briefing)).isOne());
        assertThat(Collaboration.<Integer>as(others, sql -> sql.update(
                "update briefing set worker = 'sneaky', lease_until = now() + interval '1 day' where id = ?", briefing)))
                .isZero();
        assertThat(countAs(others, "select count(*) from briefing where worker is not null and id = ?", briefing)).isZero();
        assertThat(Collaboration.<String>as(coordinators, sql -> sql.queryForObject(
                "select worker from briefing where id = ?", String.class, briefing))).isEqualTo("instance-a");
        // A lease names its instance, and an instance its lease.
        assertRejected(failureAs(coordinators, sql -> sql.update(
                "update briefing set lease_until = null where id = ?", briefing)), "23514", "briefing_lease_ck");
    }

    @Test
    void theScheduleSeesWhichSubscriptionsAreDueButNothingElse() {
        UUID due = subscribe(coordinators, "WEEKLY");
        UUID later = as(others, sql -> sql.queryForObject("""
                insert into briefing_subscription (kind, frequency, subscriber_id, subscriber_name, next_run_at)
                values ('RND_STATUS', 'MONTHLY', ?, 'Someone', now() + interval '20 days') returning id""",
                UUID.class, memberOf(others)));
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(1);

        // As the schedule calls it: no tenant at all.
        try (Connection app = TestDatabase.app(); var query = app.prepareStatement(
                "select tenant_id, subscription_id, subscriber_id from briefing_subscriptions_due(?)")) {
            query.setObject(1, now);
            List<UUID> found = new java.util.ArrayList<>();
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.add(rows.getObject(2, UUID.class));
                    if (rows.getObject(2, UUID.class).equals(due)) {
                        assertThat(rows.getObject(1, UUID.class)).isEqualTo(coordinators);
                        assertThat(rows.getObject(3, UUID.class)).isEqualTo(memberOf(coordinators));
                    }
                }
            }
            assertThat(found).contains(due).doesNotContain(later);
            // The flag it sets is gone after the call: the owner-only policy opens nothing afterwards.
            try (Statement sql = app.createStatement(); ResultSet flag = sql.executeQuery(
                    "select coalesce(current_setting('app.definer_call', true), '')")) {
                flag.next();
                assertThat(flag.getString(1)).isEmpty();
            }
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void briefingNotificationsGoToTheOwnOrganizationOnlyAndCarryNoWorkstream() {
        UUID member = memberOf(coordinators);
        long id = as(coordinators, sql -> sql.queryForObject("select notify_own_tenant(?, 'BRIEFING_READY', ?)", Long.class,
                member, "Your briefing is ready."));
        assertThat(Collaboration.<Boolean>as(coordinators, sql -> sql.queryForObject("""
                select recipient_member_id = ? and workstream_id is null and kind = 'BRIEFING_READY'
                  from notification where id = ?""", Boolean.class, member, id))).isTrue();
        assertThat(countAs(others, "select count(*) from notification where id = ?", id)).isZero();

        // Not to a member of another organization, not another kind, not without a tenant.
        assertRejected(failureAs(coordinators, sql -> sql.queryForObject("select notify_own_tenant(?, 'BRIEFING_FAILED', 'x')",
                Long.class, memberOf(others))), "EN050", "not a member of the acting tenant");
        assertRejected(failureAs(coordinators, sql -> sql.queryForObject("select notify_own_tenant(?, 'MENTION', 'x')",
                Long.class, member)), "EN050", "does not send");
        try (Connection app = TestDatabase.app(); Statement sql = app.createStatement()) {
            assertThat(catchSqlState(() -> sql.executeQuery("select notify_own_tenant(null, 'BRIEFING_READY', 'x')").close()))
                    .isEqualTo("EN050");
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
        // A briefing notification never points at a workstream, whoever writes it.
        UUID workstream = Collaboration.workstream(coordinators, "INITIATIVE");
        assertRejected(failureAs(coordinators, sql -> sql.queryForObject(
                "select notify(?, null, 'BRIEFING_READY', ?, ?, 'x')", Long.class, coordinators, coordinators, workstream)),
                "23514", "notification_briefing_ck");
    }

    // ------------------------------------------------------------------------------------------------

    private static UUID subscribe(UUID tenant, String frequency) {
        return as(tenant, sql -> insertSubscription(sql, frequency));
    }

    private static UUID insertSubscription(JdbcTemplate sql, String frequency) {
        return sql.queryForObject("""
                insert into briefing_subscription (kind, frequency, subscriber_id, subscriber_name, next_run_at)
                values ('FULL', ?, current_member_id(), 'Olivia Grant', now() - interval '1 minute') returning id""",
                UUID.class, frequency);
    }

    private static UUID queue(UUID tenant, UUID subscription) {
        return as(tenant, sql -> sql.queryForObject("""
                insert into briefing (kind, requested_by, requested_by_name, subscription_id, year_from, year_to)
                values ('FULL', current_member_id(), 'Olivia Grant', ?, 2024, 2026) returning id""",
                UUID.class, subscription));
    }

    private static String catchSqlState(org.assertj.core.api.ThrowableAssert.ThrowingCallable call) {
        return TestDatabase.sqlState(org.assertj.core.api.Assertions.catchThrowable(call));
    }

}
