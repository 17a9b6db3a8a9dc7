package org.entente.analytics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.entente.analytics.engine.AnalyticsFilter;
import org.entente.analytics.engine.AnalyticsReport;
import org.entente.analytics.engine.snapshot.SnapshotInfo;
import org.entente.analytics.engine.snapshot.SnapshotStore;
import org.entente.keycloak.EntenteRealm;
import org.entente.platform.security.SignedInAs;
import org.entente.platform.security.SignedInUser;
import org.entente.tenant.TenantService;
import org.entente.testing.AppIntegrationTest;
import org.entente.testing.Browser;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.FluentWait;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A snapshot refresh killed midway in the running app — its thread interrupted while copying, or its new DuckDB file
 * cut short just before it would become current: the previous snapshot keeps answering, and the coordinator is told
 * (in the status and in the Analytics page's banner).
 */
class AnalyticsRefreshKilledIT extends AppIntegrationTest {

    private static final UUID OLIVIA_GRANT = UUID.fromString("0b000000-0000-4000-8000-000000000005");

    @Autowired
    AnalyticsService analytics;
    @Autowired
    SnapshotStore store;
    @Autowired
    TenantService tenants;

    @Test
    void thePreviousSnapshotServesAndTheCoordinatorIsTold() {
        SignedInUser olivia = SignedInAs.user(tenants, OLIVIA_GRANT, "olivia.grant", "Olivia Grant",
                "olivia.grant@nato-act.demo.entente.org", Set.of("member", "coordinator"), "nato-act");
        try {
            assertThat(refresh(olivia, event -> { })).isInstanceOf(RefreshEvent.Finished.class);
            SnapshotInfo previous = store.current().orElseThrow();
            AnalyticsReport before = SignedInAs.call(olivia, () -> analytics.report(AnalyticsFilter.everything()))
                    .orElseThrow();

            RefreshEvent interrupted = refresh(olivia, event -> {
                if (event instanceof RefreshEvent.Progress p && p.step().toString().startsWith("Copying contributions")) {
                    Thread.currentThread().interrupt();  // watchers run on the refresh thread
                }
            });
            assertThat(interrupted).isInstanceOf(RefreshEvent.Failed.class);
            assertToldAndStillServing(olivia, previous, before,
                    "The snapshot refresh was interrupted while copying contributions. The previous snapshot stays in use.");

            RefreshEvent cutShort = refresh(olivia, event -> {
                if (event instanceof RefreshEvent.Progress p && p.step().toString().equals("Publishing the snapshot")) {
                    cutInHalf(newSnapshotFile());
                }
            });
            assertThat(cutShort).isInstanceOf(RefreshEvent.Failed.class);
            AnalyticsStatus.Failure told = assertToldAndStillServing(olivia, previous, before,
                    "The refresh failed, the previous snapshot stays in use: ");
            assertThat(told.message()).contains("the new snapshot file cannot be read back").doesNotContain("Exception");

            try (Browser browser = new Browser()) {
                browser.open(appUrl("/analytics"));
                browser.signInAtKeycloak("olivia.grant", EntenteRealm.DEMO_PASSWORD);
                browser.waitForText(By.id("analytics-failure"), "Last refresh failed");
                browser.waitForText(By.id("analytics-failure"), "the new snapshot file cannot be read back");
                browser.waitFor(By.cssSelector("#chart-portfolio canvas"));  // figures of the previous snapshot
                browser.screenshot("analytics-refresh-killed");
            }
        } finally {
            // Leave a good snapshot and no failure behind for the tests that follow.
            assertThat(refresh(olivia, event -> { })).isInstanceOf(RefreshEvent.Finished.class);
        }
    }

    private AnalyticsStatus.Failure assertToldAndStillServing(SignedInUser coordinator, SnapshotInfo previous,
            AnalyticsReport before, String messageStart) {
        AnalyticsStatus status = SignedInAs.call(coordinator, analytics::status);
        assertThat(status.snapshot()).isEqualTo(previous);
        assertThat(status.running()).isNull();
        assertThat(status.lastFailure()).isNotNull();
        assertThat(status.lastFailure().message()).startsWith(messageStart);
        assertThat(previous.file()).exists();
        AnalyticsReport after = SignedInAs.call(coordinator, () -> analytics.report(AnalyticsFilter.everything()))
                .orElseThrow();
        assertThat(after.kpis()).isEqualTo(before.kpis());
        assertThat(after.tables()).isEqualTo(before.tables());
        try (Stream<Path> files = Files.list(store.directory())) {
            assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.startsWith("snapshot-")))
                    .as("nothing of the killed refresh is left").containsExactly(previous.file().getFileName().toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return status.lastFailure();
    }

    /** Runs one refresh as the coordinator, once no other runs, and returns how it ended. */
    private RefreshEvent refresh(SignedInUser coordinator, Consumer<RefreshEvent> onEvent) {
        new FluentWait<>(analytics).withTimeout(Duration.ofMinutes(3)).pollingEvery(Duration.ofMillis(200))
                .until(service -> !service.refreshing());
        java.time.Instant asked = org.entente.testing.Refreshes.now();
        CompletableFuture<RefreshEvent> outcome = new CompletableFuture<>();
        try (AutoCloseable watch = analytics.watch(event -> {
            onEvent.accept(event);
            if (org.entente.testing.Refreshes.endsOneAskedSince(event, asked)) {
                outcome.complete(event);
            }
        })) {
            SignedInAs.run(coordinator, analytics::refresh);
            return outcome.get(180, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** The file the refresh is about to publish (runs on the refresh thread: no assertion errors here). */
    private Path newSnapshotFile() {
        try (Stream<Path> files = Files.list(store.directory())) {
            return files.filter(p -> p.getFileName().toString().endsWith(".duckdb.tmp")).findFirst()
                    .orElseThrow(() -> new IllegalStateException("no .duckdb.tmp in " + store.directory()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void cutInHalf(Path file) {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.WRITE)) {
            channel.truncate(channel.size() / 2);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
