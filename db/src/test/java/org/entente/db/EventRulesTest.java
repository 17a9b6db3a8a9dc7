package org.entente.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.entente.db.Collaboration.as;
import static org.entente.db.Collaboration.assertRejected;
import static org.entente.db.Collaboration.count;
import static org.entente.db.Collaboration.countAs;
import static org.entente.db.Collaboration.failureAs;
import static org.entente.db.Collaboration.inviteAndAccept;
import static org.entente.db.Collaboration.memberOf;
import static org.entente.db.Collaboration.respond;
import static org.entente.db.Collaboration.run;
import static org.entente.db.Collaboration.tenant;
import static org.entente.db.Collaboration.workstream;

import com.zaxxer.hikari.HikariDataSource;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.ActorSource;
import org.entente.db.tenancy.TenantScope;
import org.entente.db.tenancy.TenantTransactionManager;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * V67-V69 (issue #21): events follow the workstream's visibility, registrations are written only through the
 * registration functions (a person registers only themselves unless they coordinate their own organization), the
 * waiting list moves up on cancellation and under concurrency exactly one person gets the last seat, and a calendar
 * feed is its person's alone.
 */
class EventRulesTest {

    private static final JdbcTemplate JDBC = new JdbcTemplate(TestDatabase.appPool());
    private static final TransactionTemplate TRANSACTIONS =
            new TransactionTemplate(new TenantTransactionManager(TestDatabase.appPool(), ActorSource.none()));

    private static UUID lead;
    private static UUID partner;
    private static UUID outsider;
    private static UUID leaver;
    private static UUID workstream;

    @BeforeAll
    static void aWorkstreamWithPartners() {
        lead = tenant("ev-lead", "STATE");
        partner = tenant("ev-partner", "STATE");
        outsider = tenant("ev-outsider", "STATE");
        leaver = tenant("ev-leaver", "STATE");
        workstream = workstream(lead, "INITIATIVE");
        inviteAndAccept(lead, workstream, partner, leaver);
    }

    @Test
    void aNonParticipantSeesNoEventAndNoRegistration() {
        UUID event = event(null);
        as(partner, sql -> register(sql, event, memberOf(partner)));
        assertThat(countAs(partner, "select count(*) from event where id = ?", event)).isOne();
        assertThat(countAs(outsider, "select count(*) from event where id = ?", event)).isZero();
        assertThat(countAs(outsider, "select count(*) from event_registration where event_id = ?", event)).isZero();
        assertThat(countAs(lead, "select count(*) from event_registration where event_id = ?", event)).isOne();
        // The outsider cannot register either: for it the event does not exist.
        assertRejected(failureAs(outsider, sql -> register(sql, event, memberOf(outsider))), "EN080", "event not found");
    }

    @Test
    void anOrganizationThatLeavesNoLongerSeesTheEventNorItsRegistrations() {
        UUID event = event(null);
        as(leaver, sql -> register(sql, event, memberOf(leaver)));
        assertThat(countAs(leaver, "select count(*) from event_registration where event_id = ?", event)).isOne();
        UUID ws2 = workstream(lead, "INITIATIVE");
        inviteAndAccept(lead, ws2, leaver);
        UUID other = event(ws2, null, "PARTICIPANTS");
        respond(leaver, lead, ws2, "WITHDRAWN");
        assertThat(countAs(leaver, "select count(*) from event where id = ?", other)).isZero();
    }

    @Test
    void aMemberRegistersOnlyThemselvesAndACoordinatorOnlyTheirOwnOrganization() {
        UUID event = event(null);
        UUID colleague = member(partner, "{member}");
        UUID coordinator = member(partner, "{coordinator}");
        // A plain member cannot register a colleague.
        Throwable plain = catchThrowable(() -> asMember(partner, memberOf(partner), sql -> register(sql, event, colleague)));
        assertThat(TestDatabase.sqlState(plain)).isEqualTo("EN081");
        // Their coordinator can.
        assertThat((Object) asMember(partner, coordinator, sql -> register(sql, event, colleague))).isEqualTo("REGISTERED");
        // Nobody registers a person of another organization, coordinator or not.
        Throwable foreign = catchThrowable(() -> asMember(partner, coordinator, sql -> register(sql, event, memberOf(lead))));
        assertThat(TestDatabase.sqlState(foreign)).isEqualTo("EN081");
        // Nor writes the table directly.
        assertRejected(failureAs(partner, sql -> sql.update("insert into event_registration (tenant_id, workstream_id,"
                + " event_id, member_tenant_id, member_id, member_name, status, position) values (?, ?, ?, ?, ?, 'x',"
                + " 'REGISTERED', 0)", lead, workstream, event, partner, memberOf(partner))), "42501", "permission denied");
    }

    @Test
    void theWaitingListMovesUpWhenSomeoneCancels() {
        UUID event = event(1);
        assertThat((Object) as(partner, sql -> register(sql, event, memberOf(partner)))).isEqualTo("REGISTERED");
        assertThat((Object) as(leaver, sql -> register(sql, event, memberOf(leaver)))).isEqualTo("WAITING");
        List<UUID> movedUp = as(partner, sql -> sql.query("select member_id from event_cancel_registration(?, ?, ?, ?)",
                (rs, i) -> rs.getObject(1, UUID.class), lead, event, partner, memberOf(partner)));
        assertThat(movedUp).containsExactly(memberOf(leaver));
        List<String> statuses = as(lead, sql -> sql.queryForList("select status from event_registration where event_id = ?"
                + " order by member_tenant_id = ? desc", String.class, event, partner));
        assertThat(statuses).containsExactly("CANCELLED", "REGISTERED");
    }

    @Test
    void aQuotaKeepsAnOrganizationToItsShare() {
        UUID event = event(5);
        run(lead, sql -> sql.update("update event set quota_per_org = 1 where id = ?", event));
        UUID coordinator = member(partner, "{coordinator}");
        UUID second = member(partner, "{member}");
        assertThat((Object) asMember(partner, coordinator, sql -> register(sql, event, coordinator))).isEqualTo("REGISTERED");
        assertThat((Object) asMember(partner, coordinator, sql -> register(sql, event, second))).isEqualTo("WAITING");
    }

    @Test
    void twoPeopleForOneSeatExactlyOneGetsIt() throws Exception {
        UUID event = event(1);
        UUID first = member(partner, "{member}");
        UUID second = member(partner, "{member}");
        CyclicBarrier start = new CyclicBarrier(2);
        ExecutorService threads = Executors.newFixedThreadPool(2);
        try (HikariDataSource pool = TestDatabase.pool(2)) {
            TransactionTemplate own = new TransactionTemplate(new TenantTransactionManager(pool, ActorSource.none()));
            JdbcTemplate sql = new JdbcTemplate(pool);
            List<CompletableFuture<String>> results = new ArrayList<>();
            for (UUID person : List.of(first, second)) {
                results.add(CompletableFuture.supplyAsync(() -> TenantScope.callAs(new Actor(partner, person),
                        () -> own.execute(status -> {
                            try {
                                start.await(10, TimeUnit.SECONDS);
                            } catch (Exception e) {
                                throw new IllegalStateException(e);
                            }
                            return register(sql, event, person);
                        })), threads));
            }
            List<String> statuses = results.stream().map(CompletableFuture::join).sorted().toList();
            assertThat(statuses).containsExactly("REGISTERED", "WAITING");
        } finally {
            threads.shutdownNow();
        }
        assertThat(countAs(lead, "select count(*) from event_registration where event_id = ? and status = 'REGISTERED'",
                event)).isOne();
    }

    @Test
    void anEventIsNeverReleasedWiderThanItsWorkstreamAndLinksAreWebLinks() {
        UUID narrow = workstream(lead, "INITIATIVE", "PRIVATE");
        assertRejected(failureAs(lead, sql -> insertEvent(sql, narrow, null, "PARTICIPANTS", null)), "EN070",
                "released wider");
        assertRejected(failureAs(lead, sql -> insertEvent(sql, workstream, null, "PARTICIPANTS", "javascript:alert(1)")),
                "23514", "event_online_link_ck");
        // Only the lead plans events.
        assertThat(TestDatabase.sqlState(catchThrowable(() -> as(partner,
                sql -> insertEvent(sql, workstream, null, "PARTICIPANTS", null))))).isEqualTo("42501");
    }

    @Test
    void feedbackWaitsForTheEndAndCountsOnlyRegisteredPeople() {
        UUID event = event(null);
        as(partner, sql -> register(sql, event, memberOf(partner)));
        assertThat(TestDatabase.sqlState(catchThrowable(() -> run(partner, sql -> sql.queryForList(
                "select event_give_feedback(?, ?, 5, 'great')", lead, event))))).isEqualTo("EN082");
        // After the event (moved into the past by the lead, which also closes registration) the person may rate it.
        run(lead, sql -> sql.update("update event set starts_at = now() - interval '2 days',"
                + " ends_at = now() - interval '1 day' where id = ?", event));
        run(partner, sql -> sql.queryForList("select event_give_feedback(?, ?, 4, 'useful')", lead, event));
        assertThat(TestDatabase.sqlState(catchThrowable(() -> run(leaver, sql -> sql.queryForList(
                "select event_give_feedback(?, ?, 1, 'never came')", lead, event))))).isEqualTo("EN082");
        assertThat(countAs(lead, "select count(*) from event_feedback where event_id = ? and rating = 4", event)).isOne();
        assertThat(countAs(leaver, "select count(*) from event_feedback where event_id = ?", event)).isZero();
    }

    @Test
    void aCalendarFeedIsItsPersonsAlone() {
        UUID colleague = member(partner, "{member}");
        asMember(partner, colleague, sql -> sql.update("insert into calendar_feed (token_hash) values (?)",
                "a".repeat(64)));
        assertThat((long) asMember(partner, colleague, sql -> count(sql, "select count(*) from calendar_feed"))).isOne();
        assertThat(countAs(partner, "select count(*) from calendar_feed")).isZero();
        assertThat(countAs(lead, "select count(*) from calendar_feed")).isZero();
        assertThat(TestDatabase.sqlState(catchThrowable(() -> run(partner, sql -> sql.update(
                "insert into calendar_feed (member_id, token_hash) values (?, ?)", colleague, "b".repeat(64))))))
                .isEqualTo("42501");
    }

    // --- steps

    private static UUID event(Integer capacity) {
        return as(lead, sql -> sql.queryForObject("""
                insert into event (tenant_id, workstream_id, type, title, starts_at, ends_at, zone, capacity)
                values (?, ?, 'EXERCISE', 'Exercise', now() + interval '10 days', now() + interval '12 days',
                        'Pacific/Honolulu', ?) returning id""", UUID.class, lead, workstream, capacity));
    }

    private static UUID event(UUID ws, Integer capacity, String releasability) {
        return as(lead, sql -> insertEvent(sql, ws, capacity, releasability, null));
    }

    private static UUID insertEvent(JdbcTemplate sql, UUID ws, Integer capacity, String releasability, String link) {
        return sql.queryForObject("""
                insert into event (tenant_id, workstream_id, type, title, starts_at, ends_at, zone, capacity,
                                   releasability, online_link)
                values (?, ?, 'COURSE', 'Course', now() + interval '3 days', now() + interval '4 days', 'Europe/Oslo',
                        ?, ?, ?) returning id""", UUID.class, lead, ws, capacity, releasability, link);
    }

    private static String register(JdbcTemplate sql, UUID event, UUID member) {
        return sql.queryForObject("select event_register(?, ?, ?)", String.class, lead, event, member);
    }

    private static UUID member(UUID tenant, String roles) {
        UUID id = UUID.randomUUID();
        run(tenant, sql -> sql.update("insert into member (tenant_id, id, username, display_name, roles)"
                + " values (?, ?, ?, ?, ?::text[])", tenant, id, "u-" + id, "Person " + id, roles));
        return id;
    }

    private static <T> T asMember(UUID tenant, UUID member, java.util.function.Function<JdbcTemplate, T> work) {
        return TenantScope.callAs(new Actor(tenant, member), () -> TRANSACTIONS.execute(status -> work.apply(JDBC)));
    }
}
