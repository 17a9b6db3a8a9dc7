package org.entente.platform.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.entente.db.embedded.LocalPostgres;
import org.entente.db.tenancy.Actor;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Eventually;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

/**
 * Shutdown while pushes are in flight: the live updates stop before the connection pool closes, finish the
 * deliveries already under way (each re-reads through the pool), and push nothing committed after that. The
 * updates here are a fresh instance with its own real pool, watched by a real UI of the app's Vaadin service, so
 * the shared app keeps running.
 */
class LiveUpdatesShutdownIT extends AppIntegrationTest {

    private static final Actor NORWAY = Actor.system(UUID.fromString("0a000000-0000-4000-8000-000000000001"));

    @Autowired
    LocalPostgres postgres;

    @Autowired
    ApplicationContext context;

    @Test
    void deliveriesInFlightFinishBeforeThePoolClosesAndLaterChangesAreNotPushed() throws Exception {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.jdbcUrl());
        pool.setUsername(postgres.appUser());
        pool.setPassword(postgres.appPassword());
        pool.setMaximumPoolSize(2);
        LiveUpdates live = new LiveUpdates();
        live.start();
        UUID workstream = UUID.randomUUID();
        AtomicInteger delivered = new AtomicInteger();
        List<Throwable> failures = new CopyOnWriteArrayList<>();
        live.watch(workstream, WatchingUi.of(context), NORWAY, change -> {
            try (Connection connection = pool.getConnection(); Statement sql = connection.createStatement()) {
                // A re-read still under way when shutdown begins: it goes on only once stop() has started.
                Eventually.value("shutdown to begin", Duration.ofSeconds(30),
                        () -> live.isRunning() ? Optional.empty() : Optional.of(true));
                sql.execute("select 1");
                delivered.incrementAndGet();
            } catch (SQLException | RuntimeException | AssertionError e) {
                failures.add(e);
            }
        });

        int sent = 20;
        for (int i = 0; i < sent; i++) {
            live.afterCommit(new WorkstreamChanged(workstream, "changed " + i));
        }
        // The order Spring shuts down in: lifecycles stop, then beans (the pool) are destroyed.
        live.stop();
        pool.close();

        assertThat(failures).as("deliveries that ran into a closed pool").isEmpty();
        assertThat(delivered).as("deliveries in flight at shutdown finished").hasValue(sent);
        assertThatCode(() -> live.afterCommit(new WorkstreamChanged(workstream, "after shutdown")))
                .doesNotThrowAnyException();
        // The delivery executor has terminated (stop waited for it), so a late push could not be running now.
        assertThat(delivered).as("nothing pushed after shutdown").hasValue(sent);
        assertThat(live.isRunning()).isFalse();
    }

    /**
     * Spring stops and starts a context's lifecycles without closing it (Spring Framework 7's test context cache
     * pauses a cached context while another runs): pushes must work again after the restart. Before, the delivery
     * executor stayed shut down and every push after the first pause was dropped.
     */
    @Test
    void afterAStopAndAStartChangesArePushedAgain() {
        LiveUpdates live = new LiveUpdates();
        live.start();
        UUID workstream = UUID.randomUUID();
        List<String> pushed = new CopyOnWriteArrayList<>();
        live.watch(workstream, WatchingUi.of(context), NORWAY, change -> pushed.add(change.what()));

        live.stop();
        live.afterCommit(new WorkstreamChanged(workstream, "while stopped"));
        live.start();
        live.afterCommit(new WorkstreamChanged(workstream, "after the restart"));

        Eventually.value("the change after the restart is pushed", Duration.ofSeconds(30),
                () -> pushed.contains("after the restart") ? Optional.of(true) : Optional.empty());
        assertThat(pushed).containsExactly("after the restart");
        live.stop();
    }
}
