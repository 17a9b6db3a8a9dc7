package org.entente.platform.live;

import com.vaadin.flow.component.UI;
import com.vaadin.flow.shared.Registration;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.entente.db.tenancy.Actor;
import org.entente.db.tenancy.TenantScope;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Server push for open views: after a change commits, every UI watching that workstream re-reads it.
 * The re-read runs as the watching user's tenant (captured when the view subscribed), so a push never
 * shows anyone more than their own tenant may see.
 *
 * <p>Changes reach it only through {@link ChangeChannel} (PostgreSQL NOTIFY), also those made in this instance: one
 * path for every instance behind the load balancer, and no change pushed twice.
 *
 * <p>At shutdown it stops first (a lifecycle, stopped before any bean is destroyed): changes committed from then on
 * are not pushed, and deliveries in flight finish while the connection pool still exists. Before, they ran on into
 * a closed pool ("Could not open JDBC Connection for transaction").
 */
@Component
public class LiveUpdates implements SmartLifecycle {

    /** How long shutdown waits for deliveries in flight. */
    static final Duration DRAIN = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(LiveUpdates.class);

    private record Watcher(UI ui, Actor actor, Consumer<WorkstreamChanged> onChange) {
    }

    private final Map<UUID, Set<Watcher>> watchers = new ConcurrentHashMap<>();
    private final Set<Watcher> everything = ConcurrentHashMap.newKeySet();
    private final Set<Watcher> notifications = ConcurrentHashMap.newKeySet();
    /** Made anew by every start: a stopped lifecycle may be started again, and a shut-down executor cannot be. */
    private volatile ExecutorService delivery;
    private volatile boolean running;

    /** Watches one workstream; the registration ends when the view detaches. */
    public Registration watch(UUID workstreamId, UI ui, Actor actor, Consumer<WorkstreamChanged> onChange) {
        Watcher watcher = new Watcher(ui, actor, onChange);
        watchers.computeIfAbsent(workstreamId, id -> ConcurrentHashMap.newKeySet()).add(watcher);
        return () -> watchers.getOrDefault(workstreamId, Set.of()).remove(watcher);
    }

    /** Watches every workstream change (dashboards, notification bell). */
    public Registration watchAll(UI ui, Actor actor, Consumer<WorkstreamChanged> onChange) {
        Watcher watcher = new Watcher(ui, actor, onChange);
        everything.add(watcher);
        return () -> everything.remove(watcher);
    }

    /** Watches the notifications of the watcher's own tenant that no workstream change announces (the bell). */
    public Registration watchNotifications(UI ui, Actor actor, Runnable onChange) {
        Watcher watcher = new Watcher(ui, actor, change -> onChange.run());
        notifications.add(watcher);
        return () -> notifications.remove(watcher);
    }

    /** As {@link #afterCommit(WorkstreamChanged)}, for the watchers of the notified tenant (and member) only. */
    void afterCommit(NotificationsChanged change) {
        List<Watcher> targets = notifications.stream()
                .filter(w -> w.actor().tenantId().equals(change.tenantId()))
                .filter(w -> change.memberId() == null || change.memberId().equals(w.actor().memberId()))
                .toList();
        if (!targets.isEmpty()) {
            targets.forEach(w -> submit(() -> deliver(w, null)));
        }
    }

    /**
     * A change committed (on any instance): the deliveries run on other threads, never on the channel's listener,
     * one task per watcher (a watcher whose reload is slow, waiting for a connection or for Keycloak, delays no
     * other), and each re-reads as its watcher.
     */
    void afterCommit(WorkstreamChanged change) {
        List<Watcher> targets = new ArrayList<>(watchers.getOrDefault(change.workstreamId(), Set.of()));
        targets.addAll(everything);
        targets.forEach(w -> submit(() -> deliver(w, change)));
    }

    private void submit(Runnable deliveries) {
        ExecutorService executor = delivery;
        if (!running || executor == null) {
            return;
        }
        try {
            executor.execute(deliveries);
        } catch (RejectedExecutionException stopping) {
            log.debug("Not pushing a change: shutting down");
        }
    }

    /**
     * Also after a stop: Spring stops and starts a context's lifecycles again without closing it (the test framework
     * pauses a cached context while another one runs). With the executor made once, every push after such a restart
     * was refused as "shutting down" — silently, and for good.
     */
    @Override
    public synchronized void start() {
        delivery = Executors.newVirtualThreadPerTaskExecutor();
        running = true;
    }

    @Override
    public synchronized void stop() {
        running = false;
        ExecutorService executor = delivery;
        if (executor == null) {
            return;
        }
        executor.shutdown();
        try {
            if (!executor.awaitTermination(DRAIN.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn("Live updates still in flight after {}; abandoning them", DRAIN);
                executor.shutdownNow();
            }
        } catch (InterruptedException e) {
            executor.shutdownNow();
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    private static void deliver(Watcher watcher, WorkstreamChanged change) {
        try {
            watcher.ui().access(() -> TenantScope.runAs(watcher.actor(), () -> watcher.onChange().accept(change)));
        } catch (RuntimeException e) {
            log.debug("Could not push {} to a detached UI", change, e);
        }
    }
}
