package org.entente.platform.live;

import com.zaxxer.hikari.HikariDataSource;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Carries change events between app instances through PostgreSQL itself: the writing transaction NOTIFYs on
 * {@value #CHANNEL} (PostgreSQL delivers it only if and when that transaction commits), and every instance —
 * this one included — LISTENs on one connection of its own and hands what arrives to {@link LiveUpdates}, which
 * re-reads as each watcher. The payload holds ids and the kind of change only (a word from the code), never content:
 * anyone on the database may LISTEN.
 *
 * <p>The listening connection is the app's runtime role (LISTEN needs no table privilege), opened beside the pool,
 * not taken from it. When it breaks (PostgreSQL restarted, backend terminated, network) the listener opens a new
 * one with a growing pause and LISTENs again; changes committed while it was away are not pushed (an open page
 * shows them on its next change or reload).
 */
@Component
public class ChangeChannel implements SmartLifecycle {

    static final String CHANNEL = "entente_changes";

    /** How long one wait for notifications lasts: also how quickly stop() is noticed. */
    private static final int POLL_MILLIS = 500;
    /** After this long without a notification the connection is checked, so a dead one is found out. */
    private static final Duration IDLE_CHECK = Duration.ofSeconds(30);
    private static final Duration FIRST_PAUSE = Duration.ofMillis(200);
    private static final Duration LONGEST_PAUSE = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(ChangeChannel.class);

    private final DataSource dataSource;
    private final LiveUpdates live;
    private final AtomicReference<PGConnection> listening = new AtomicReference<>();
    /** Notifications received so far (tests tell "not received" from "not delivered" with it). */
    private final AtomicLong received = new AtomicLong();
    private volatile boolean running;
    private volatile Thread listener;

    ChangeChannel(DataSource dataSource, LiveUpdates live) {
        this.dataSource = dataSource;
        this.live = live;
    }

    /** In the writing transaction: the NOTIFY leaves with its commit, or not at all. */
    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void announce(WorkstreamChanged change) {
        notifyInTransaction("w " + change.workstreamId() + " " + change.what().replace(' ', '_'));
    }

    @TransactionalEventListener(phase = TransactionPhase.BEFORE_COMMIT)
    void announce(NotificationsChanged change) {
        notifyInTransaction("n " + change.tenantId() + " " + (change.memberId() == null ? "-" : change.memberId()));
    }

    private void notifyInTransaction(String payload) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try (PreparedStatement notify = connection.prepareStatement("select pg_notify(?, ?)")) {
            notify.setString(1, CHANNEL);
            notify.setString(2, payload);
            notify.execute();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not announce a change to the other app instances", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    /** How many notifications the listener has received since it started. */
    long received() {
        return received.get();
    }

    /** The listening backend's process id, while connected (tests terminate it). */
    Optional<Integer> listeningBackend() {
        return Optional.ofNullable(listening.get()).map(PGConnection::getBackendPID);
    }

    @Override
    public void start() {
        running = true;
        listener = Thread.ofVirtual().name("entente-change-listener").start(this::listen);
    }

    @Override
    public void stop() {
        running = false;
        Thread thread = listener;
        if (thread != null) {
            try {
                if (!thread.join(Duration.ofMillis(POLL_MILLIS * 4L))) {
                    thread.interrupt();   // pausing before a reconnect
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private void listen() {
        Duration pause = FIRST_PAUSE;
        while (running) {
            try (Connection connection = open(); Statement sql = connection.createStatement()) {
                sql.execute("LISTEN " + CHANNEL);
                PGConnection pg = connection.unwrap(PGConnection.class);
                listening.set(pg);
                if (pause.compareTo(FIRST_PAUSE) > 0) {
                    log.info("Listening for changes on {} again", CHANNEL);
                }
                pause = FIRST_PAUSE;
                long quietSince = System.nanoTime();
                while (running) {
                    PGNotification[] arrived = pg.getNotifications(POLL_MILLIS);
                    if (arrived != null && arrived.length > 0) {
                        for (PGNotification notification : arrived) {
                            received.incrementAndGet();
                            dispatch(notification.getParameter());
                        }
                        quietSince = System.nanoTime();
                    } else if (System.nanoTime() - quietSince > IDLE_CHECK.toNanos()) {
                        sql.execute("select 1");
                        quietSince = System.nanoTime();
                    }
                }
            } catch (SQLException | RuntimeException e) {
                listening.set(null);
                if (!running) {
                    return;
                }
                log.warn("Change listener lost its connection ({}); reconnecting in {}", e.getMessage(), pause);
                try {
                    Thread.sleep(pause);
                } catch (InterruptedException interrupted) {
                    return;
                }
                pause = pause.multipliedBy(2).compareTo(LONGEST_PAUSE) > 0 ? LONGEST_PAUSE : pause.multipliedBy(2);
            } finally {
                listening.set(null);
            }
        }
    }

    /** A connection of its own: a pool connection held for good would shrink the pool and outlive its max lifetime. */
    private Connection open() throws SQLException {
        if (dataSource instanceof HikariDataSource pool && pool.getJdbcUrl() != null) {
            Connection connection = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
            connection.setAutoCommit(true);
            return connection;
        }
        return dataSource.getConnection();
    }

    private void dispatch(String payload) {
        String[] part = payload == null ? new String[0] : payload.split(" ");
        try {
            if (part.length == 3 && part[0].equals("w")) {
                live.afterCommit(new WorkstreamChanged(UUID.fromString(part[1]), part[2].replace('_', ' ')));
            } else if (part.length == 3 && part[0].equals("n")) {
                live.afterCommit(new NotificationsChanged(UUID.fromString(part[1]),
                        part[2].equals("-") ? null : UUID.fromString(part[2])));
            } else {
                log.debug("Ignoring a change notification it cannot read: {}", payload);
            }
        } catch (IllegalArgumentException e) {
            log.debug("Ignoring a change notification it cannot read: {}", payload);
        }
    }
}
