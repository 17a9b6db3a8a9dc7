package org.entente.airgap;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.jar.JarFile;
import java.util.zip.ZipEntry;
import org.springframework.util.FileSystemUtils;

/**
 * The runnable jar that {@code -Pproduction} builds (as app/Dockerfile does), started as its own process with
 * {@code java -jar} on the test's JDK: embedded PostgreSQL with demo data in a fresh folder, the given Keycloak,
 * a free port. Its output goes to a log file, printed by the test when something fails.
 */
final class ProductionJar implements AutoCloseable {

    /** A fresh database takes the migrations and the demo history; the brief measured 8–12 s for a warm start. */
    private static final Duration READY_WITHIN = Duration.ofMinutes(5);

    private final Process process;
    private final int port;
    private final Path log;

    private ProductionJar(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    /** The jar the airgap profile hands over (system property {@code entente.airgap.jar}), checked to be a production build. */
    static Path built() {
        String configured = System.getProperty("entente.airgap.jar");
        assertThat(configured).as("system property entente.airgap.jar (set by app/pom.xml's airgap profile: "
                + "./mvnw -Pproduction,airgap -pl app -am verify ...)").isNotBlank();
        Path jar = Path.of(configured);
        assertThat(jar).as("the production jar").isRegularFile();
        try (JarFile contents = new JarFile(jar.toFile())) {
            // Dev mode would serve the frontend from a dev server; the production build carries the bundle
            // and says so in its build info. Without this check the test could pass on a dev-mode jar.
            ZipEntry buildInfo = contents.getEntry("META-INF/VAADIN/config/flow-build-info.json");
            assertThat(buildInfo).as("Vaadin build info in " + jar).isNotNull();
            String info = new String(contents.getInputStream(buildInfo).readAllBytes(), StandardCharsets.UTF_8);
            assertThat(info.replace(" ", "")).as("flow-build-info.json").contains("\"productionMode\":true");
            assertThat(contents.stream().map(ZipEntry::getName))
                    .as("no Vaadin dev server in the production jar").noneMatch(n -> n.contains("vaadin-dev-server"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return jar;
    }

    /** Starts the jar with its data in a new folder under {@code workDirectory} (emptied first: earlier runs). */
    static ProductionJar start(Path jar, Path workDirectory, String issuerUri) throws IOException {
        FileSystemUtils.deleteRecursively(workDirectory);
        Files.createDirectories(workDirectory);
        Path data = Files.createTempDirectory(workDirectory, "data-");
        Path log = data.resolve("app.log");
        int port = freePort();
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = List.of(java.toString(), "--enable-native-access=ALL-UNNAMED", "-jar", jar.toString(),
                "--server.port=" + port,
                "--entente.data-dir=" + data.toAbsolutePath(),
                "--entente.demo-data=true",
                "--entente.identity.issuer-uri=" + issuerUri);
        ProcessBuilder builder = new ProcessBuilder(command).directory(data.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile());
        // As shipped: ./entente sets this for dev mode's telemetry, a production deployment would not have it.
        builder.environment().remove("VAADIN_USAGE_STATS_ENABLED");
        Process process = builder.start();
        return new ProductionJar(process, port, log);
    }

    /** Polls the HTTP port until the app answers (a redirect to the sign-in counts), or fails with the reason. */
    void awaitReady() {
        Instant deadline = Instant.now().plus(READY_WITHIN);
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2))
                .followRedirects(HttpClient.Redirect.NEVER).build()) {
            while (true) {
                try {
                    HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(URI.create(url("/")))
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.discarding());
                    if (answer.statusCode() < 500) {
                        return;
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                if (Instant.now().isAfter(deadline)) {
                    throw new AssertionError("the production jar did not answer on port " + port + " within "
                            + READY_WITHIN);
                }
                // Waiting for the process to end doubles as the pause between polls: a jar that dies is reported at once.
                try {
                    process.onExit().get(500, TimeUnit.MILLISECONDS);
                    throw new AssertionError("the production jar exited with " + process.exitValue() + " before it was ready");
                } catch (TimeoutException stillStarting) {
                    // poll again
                } catch (ExecutionException e) {
                    throw new IllegalStateException(e);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    int port() {
        return port;
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }

    /** The end of the app's output, for a failure message. */
    String logTail(int lines) {
        try {
            List<String> all = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + log + ": " + e + ")";
        }
    }

    Path log() {
        return log;
    }

    /**
     * SIGTERM first, so Spring stops the embedded PostgreSQL it started; whatever is left after a minute
     * (the app and its postmaster) is killed by process id.
     */
    @Override
    public void close() {
        List<ProcessHandle> children = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor(30, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            children.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        }
    }
}
