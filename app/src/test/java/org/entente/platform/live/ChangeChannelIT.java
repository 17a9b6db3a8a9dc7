package org.entente.platform.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.entente.db.embedded.LocalPostgres;
import org.entente.initiative.Mechanism;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.DemoActors;
import org.entente.testing.Eventually;
import org.entente.testing.SuperuserDatabase;
import org.entente.workstream.KindDetails;
import org.entente.workstream.Releasability;
import org.entente.workstream.Workstream;
import org.entente.workstream.WorkstreamDraft;
import org.entente.workstream.WorkstreamService;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * The channel's listening connection is killed on the server (as a PostgreSQL restart or a DBA would): the
 * listener connects again on its own, LISTENs again, and the next committed change is pushed as before.
 */
class ChangeChannelIT extends AppIntegrationTest {

    private static final Duration PATIENCE = Duration.ofSeconds(30);

    @Autowired
    ChangeChannel channel;
    @Autowired
    LiveUpdates live;
    @Autowired
    WorkstreamService workstreams;
    @Autowired
    PlatformTransactionManager transactionManager;
    @Autowired
    LocalPostgres postgres;
    @Autowired
    ApplicationContext context;

    @Test
    void aKilledListeningBackendIsReplacedAndChangesArePushedAgain() throws SQLException {
        DemoActors actors = new DemoActors(transactionManager);
        String title = "Channel " + UUID.randomUUID().toString().substring(0, 8);
        Workstream exercise = actors.as(DemoActors.NORWAY, () -> workstreams.create(draft(title)));
        List<UUID> pushed = new CopyOnWriteArrayList<>();
        var watching = live.watch(exercise.id(), WatchingUi.of(context), DemoActors.NORWAY,
                change -> pushed.add(change.workstreamId()));
        try {
            int killed = await("the listener is connected", channel::listeningBackend);
            SuperuserDatabase database = new SuperuserDatabase(postgres);
            assertThat(database.query("select pg_terminate_backend(?)", killed).getFirst().getFirst()).isEqualTo(true);

            int replacement = await("the listener is connected again",
                    () -> channel.listeningBackend().filter(pid -> pid != killed));
            assertThat(database.query("select usename from pg_stat_activity where pid = ?", replacement).getFirst())
                    .as("it listens as the app's runtime role").containsExactly(postgres.appUser());

            // Three steps, each waited for on its own, so a failure names the one that broke: the NOTIFY left with the
            // commit (an independent listener hears it), the channel received it, the watcher got it.
            try (Connection bystander = DriverManager.getConnection(postgres.jdbcUrl(), postgres.appUser(),
                    postgres.appPassword()); Statement sql = bystander.createStatement()) {
                sql.execute("LISTEN " + ChangeChannel.CHANNEL);
                long receivedBefore = channel.received();
                Workstream current = actors.as(DemoActors.NORWAY, () -> workstreams.get(exercise.id()).orElseThrow());
                actors.as(DemoActors.NORWAY, () -> workstreams.update(current, draft(title + " renamed")));

                PGConnection heard = bystander.unwrap(PGConnection.class);
                List<String> payloads = new CopyOnWriteArrayList<>();
                await("the commit's NOTIFY is heard by another listener", () -> {
                    try {
                        PGNotification[] arrived = heard.getNotifications(100);
                        for (PGNotification notification : arrived == null ? new PGNotification[0] : arrived) {
                            payloads.add(notification.getParameter());
                        }
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                    return payloads.stream().anyMatch(p -> p.contains(exercise.id().toString()))
                            ? Optional.of(true) : Optional.empty();
                });
                await("the channel receives it", () -> channel.received() > receivedBefore
                        ? Optional.of(true) : Optional.empty());
                await("the change after the reconnect is pushed",
                        () -> pushed.contains(exercise.id()) ? Optional.of(true) : Optional.empty());
            }
        } finally {
            watching.remove();
        }
    }

    /** Polls {@code probe} until it has a value; fails after {@link #PATIENCE}. */
    static <T> T await(String what, Supplier<Optional<T>> probe) {
        return Eventually.value(what, PATIENCE, probe);
    }

    static WorkstreamDraft draft(String title) {
        return new WorkstreamDraft(title, "Two app instances, one database", Releasability.PARTICIPANTS, List.of(),
                "Baltic Sea", LocalDate.of(2026, 6, 1), LocalDate.of(2026, 7, 15),
                new KindDetails.Initiative(Mechanism.JOINT_EXERCISE, List.of("Interoperability")));
    }
}
