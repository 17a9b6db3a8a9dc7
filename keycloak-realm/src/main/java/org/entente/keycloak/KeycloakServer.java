package org.entente.keycloak;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * A real Keycloak server with the {@link EntenteRealm entente realm}, run as a child process for dev mode
 * and tests.
 *
 * <p>The distribution zip comes from Maven Central (a dependency of this module). On first use it is
 * unpacked into a shared cache folder and pre-built once ({@code kc.sh build}), so every later start is a
 * fast {@code kc.sh start --optimized}. Each running instance gets its own small home directory inside its
 * {@link Options#dataDirectory() data directory}: a copy of {@code bin/kc.sh}, symlinks to the cache's
 * read-only {@code lib}, {@code conf}, {@code themes} and {@code providers}, and its own {@code data/}
 * (H2 database, realm import, tmp, transaction logs). That is what lets a dev instance and a test instance
 * run from the same cache at the same time without sharing any file Keycloak writes.
 */
public final class KeycloakServer implements AutoCloseable {

    /** Port of the dev instance; the app's dev configuration points at it. */
    public static final int DEV_HTTP_PORT = 8180;

    /** Bootstrap admin of the master realm. Dev and tests only: the server listens on 127.0.0.1 only. */
    public static final String ADMIN_USERNAME = "admin";
    public static final String ADMIN_PASSWORD = "admin";

    /**
     * Build-time options baked into the cached server. Changing them re-prepares the cache. Production
     * profile ({@code start}) rather than {@code start-dev}: only {@code start --optimized} skips the
     * augmentation check entirely, which keeps the shared {@code lib/} strictly read-only.
     */
    private static final List<String> BUILD_OPTIONS = List.of("--db=dev-file");

    private static final Duration START_TIMEOUT = Duration.ofSeconds(
            Long.getLong("entente.keycloak.start-timeout-seconds", 300));
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(30);
    private static final Duration PROGRESS_INTERVAL = Duration.ofSeconds(15);
    private static final String PREPARED_MARKER = ".entente-prepared";
    private static final String INSTANCE_LOCK = ".entente-keycloak.lock";
    private static final String INSTANCE_PIDS = ".entente-keycloak.pids";
    private static final String REALM_HASH = ".entente-realm.sha256";
    private static final List<String> SHARED_SERVER_FOLDERS = List.of("lib", "conf", "themes", "providers");

    private static final System.Logger LOG = System.getLogger(KeycloakServer.class.getName());
    private static final Object PREPARE_MONITOR = new Object();

    /**
     * How to run one instance.
     *
     * @param httpPort      port on 127.0.0.1, or 0 for a free one
     * @param dataDirectory this instance's own folder (home with {@code data/} inside); created if missing
     * @param freshData     wipe the folder first, so the realm is imported anew (tests). When false, data is
     *                      kept, except that a changed realm JSON wipes it too: Keycloak never re-imports an
     *                      existing realm, so kept data would hide the change
     * @param logFile       where Keycloak's console output goes; null means {@code dataDirectory/keycloak.log}
     */
    public record Options(int httpPort, Path dataDirectory, boolean freshData, Path logFile) {

        public Options {
            if (httpPort < 0 || httpPort > 65535) {
                throw new IllegalArgumentException("httpPort out of range: " + httpPort);
            }
            dataDirectory = Objects.requireNonNull(dataDirectory, "dataDirectory").toAbsolutePath().normalize();
            logFile = logFile == null ? dataDirectory.resolve("keycloak.log") : logFile.toAbsolutePath().normalize();
        }

        /** The dev instance: port 8180, data kept across runs in {@code <project>/.data/keycloak}. */
        public static Options dev(Path projectDirectory) {
            return new Options(DEV_HTTP_PORT, projectDirectory.resolve(".data").resolve("keycloak"), false, null);
        }
    }

    private final Process process;
    private final int httpPort;
    private final Path home;
    private final Path logFile;
    private final FileChannel lockChannel;
    private final FileLock instanceLock;
    private final Thread shutdownHook;
    private boolean closed;

    private KeycloakServer(Process process, int httpPort, Path home, Path logFile, FileChannel lockChannel,
            FileLock instanceLock) {
        this.process = process;
        this.httpPort = httpPort;
        this.home = home;
        this.logFile = logFile;
        this.lockChannel = lockChannel;
        this.instanceLock = instanceLock;
        this.shutdownHook = new Thread(this::stopProcess, "keycloak-shutdown-" + httpPort);
        Runtime.getRuntime().addShutdownHook(shutdownHook);
    }

    /**
     * Starts Keycloak and returns once the entente realm answers its OpenID discovery document. Prepares the
     * shared server cache first if needed.
     *
     * @throws IllegalStateException if the server exits or is not ready within the timeout (message carries
     *                               the log tail)
     */
    public static KeycloakServer start(Options options) {
        try {
            return doStart(options);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start Keycloak in " + options.dataDirectory(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while starting Keycloak", e);
        }
    }

    private static KeycloakServer doStart(Options options) throws IOException, InterruptedException {
        Path server = prepare();
        Path home = options.dataDirectory();
        Files.createDirectories(home);
        FileChannel lockChannel = FileChannel.open(home.resolve(INSTANCE_LOCK), StandardOpenOption.CREATE,
                StandardOpenOption.WRITE);
        FileLock lock = tryLock(lockChannel);
        if (lock == null) {
            lockChannel.close();
            throw new IllegalStateException("Keycloak data directory " + home
                    + " is in use by another running instance (stop it first, or use another directory)");
        }
        try {
            requireOwnDirectory(home);
            killLeftoverInstance(home);
            byte[] realm = realmJson();
            String realmHash = sha256(realm);
            if (options.freshData()) {
                wipeExcept(home, INSTANCE_LOCK);
            } else if (Files.exists(home.resolve("data/h2")) && !realmHash.equals(readIfExists(home.resolve(REALM_HASH)))) {
                // Keycloak skips importing a realm that exists, so kept data would silently hide every change
                // to the realm JSON. Kept data is demo data: start it over from the new definition.
                LOG.log(Level.WARNING, "The entente realm definition changed; wiping Keycloak data in {0} to import it", home);
                wipeExcept(home, INSTANCE_LOCK);
            }
            layOutInstanceHome(server, home, realm);
            Files.writeString(home.resolve(REALM_HASH), realmHash);

            int port = options.httpPort() == 0 ? freePort() : requireFreePort(options.httpPort());
            int managementPort = freePort();
            Files.createDirectories(options.logFile().getParent());
            List<String> command = List.of(home.resolve("bin/kc.sh").toString(), "start", "--optimized",
                    "--http-enabled=true", "--http-host=127.0.0.1", "--http-port=" + port,
                    // No JGroups cluster (a runtime option since Keycloak 26): instances never meet or share ports.
                    "--cache=local",
                    // A fixed hostname keeps the issuer http://localhost:<port>/realms/entente whatever
                    // host name a request used.
                    "--hostname=http://localhost:" + port,
                    // Unused unless health/metrics are enabled, but never the default 9000 two instances share.
                    "--http-management-port=" + managementPort,
                    "--import-realm");
            ProcessBuilder builder = new ProcessBuilder(command).directory(home.toFile()).redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.to(options.logFile().toFile()));
            configureEnvironment(builder.environment());
            builder.environment().put("KC_BOOTSTRAP_ADMIN_USERNAME", ADMIN_USERNAME);
            builder.environment().put("KC_BOOTSTRAP_ADMIN_PASSWORD", ADMIN_PASSWORD);
            LOG.log(Level.INFO, "Starting Keycloak on http://localhost:{0,number,#} (data {1}, log {2})", port,
                    home, options.logFile());
            KeycloakServer keycloak = new KeycloakServer(builder.start(), port, home, options.logFile(),
                    lockChannel, lock);
            try {
                keycloak.awaitReady();
            } catch (RuntimeException | Error e) {
                keycloak.close();
                throw e;
            }
            keycloak.recordPids();
            return keycloak;
        } catch (IOException | RuntimeException | Error e) {
            if (lock.isValid()) {
                lock.release();
                lockChannel.close();
            }
            throw e;
        }
    }

    /** http://localhost:PORT */
    public String baseUrl() {
        return "http://localhost:" + httpPort;
    }

    /** http://localhost:PORT/realms/entente, as in the tokens' {@code iss} claim. */
    public String issuerUri() {
        return baseUrl() + "/realms/" + EntenteRealm.REALM;
    }

    public int httpPort() {
        return httpPort;
    }

    /** This instance's home (the data directory it was started with). */
    public Path dataDirectory() {
        return home;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean isRunning() {
        return process.isAlive();
    }

    /** Stops Keycloak: SIGTERM, then a forced kill after 30 s. Idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        stopProcess();
        try {
            Runtime.getRuntime().removeShutdownHook(shutdownHook);
        } catch (IllegalStateException alreadyShuttingDown) {
            // The hook is running or will run; stopProcess is idempotent.
        }
        try {
            if (instanceLock.isValid()) {
                instanceLock.release();
            }
            lockChannel.close();
        } catch (IOException e) {
            LOG.log(Level.WARNING, "Could not release the lock on " + home, e);
        }
    }

    private void stopProcess() {
        if (!process.isAlive()) {
            return;
        }
        // kc.sh forwards SIGTERM to its java child and waits for it; collect the tree first for the kill path.
        List<ProcessHandle> tree = process.descendants().toList();
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                LOG.log(Level.WARNING, "Keycloak did not stop within {0} s; killing it", STOP_TIMEOUT.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        tree.forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }

    private void awaitReady() throws InterruptedException {
        // 127.0.0.1, the address Keycloak binds, whatever "localhost" resolves to first on this machine.
        URI discovery = URI.create("http://127.0.0.1:" + httpPort + "/realms/" + EntenteRealm.REALM
                + "/.well-known/openid-configuration");
        String expectedIssuer = "\"issuer\":\"" + issuerUri() + "\"";
        long started = System.nanoTime();
        long nextProgress = started + PROGRESS_INTERVAL.toNanos();
        try (HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build()) {
            while (true) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Keycloak exited with code " + process.exitValue()
                            + " before it was ready. Last lines of " + logFile + ":\n" + logTail());
                }
                try {
                    HttpResponse<String> response = http.send(HttpRequest.newBuilder(discovery)
                            .timeout(Duration.ofSeconds(5)).build(), HttpResponse.BodyHandlers.ofString());
                    if (response.statusCode() == 200) {
                        if (!response.body().contains(expectedIssuer)) {
                            throw new IllegalStateException("Keycloak answers with an unexpected issuer (want "
                                    + issuerUri() + "): " + response.body());
                        }
                        LOG.log(Level.INFO, "Keycloak ready at {0} after {1} s", baseUrl(), seconds(started));
                        return;
                    }
                } catch (IOException notListeningYet) {
                    // Keep polling until the process dies or the timeout passes.
                }
                long now = System.nanoTime();
                if (now - started > START_TIMEOUT.toNanos()) {
                    throw new IllegalStateException("Keycloak was not ready within " + START_TIMEOUT.toSeconds()
                            + " s. Last lines of " + logFile + ":\n" + logTail());
                }
                if (now >= nextProgress) {
                    LOG.log(Level.INFO, "Keycloak starting\u2026 {0} s (first start can take ~2 min)", seconds(started));
                    nextProgress += PROGRESS_INTERVAL.toNanos();
                }
                process.waitFor(500, TimeUnit.MILLISECONDS);
            }
        }
    }

    private String logTail() {
        return tail(logFile, 40);
    }

    /** Remembers the process ids so a later start can kill a server a crashed JVM left running. */
    private void recordPids() throws IOException {
        List<String> pids = new ArrayList<>();
        pids.add(Long.toString(process.pid()));
        process.descendants().forEach(p -> pids.add(Long.toString(p.pid())));
        Files.write(home.resolve(INSTANCE_PIDS), pids);
    }

    private static void killLeftoverInstance(Path home) throws IOException {
        Path pids = home.resolve(INSTANCE_PIDS);
        if (!Files.exists(pids)) {
            return;
        }
        for (String line : Files.readAllLines(pids)) {
            if (line.isBlank()) {
                continue;
            }
            ProcessHandle.of(Long.parseLong(line.strip()))
                    .filter(p -> p.info().commandLine().map(c -> c.contains(home.toString())).orElse(false))
                    .ifPresent(p -> {
                        LOG.log(Level.WARNING, "Killing Keycloak process {0} left running in {1}", Long.toString(p.pid()), home);
                        p.destroyForcibly();
                        p.onExit().join();
                    });
        }
        Files.delete(pids);
    }

    // ---------------------------------------------------------------------------------------------
    // The shared, pre-built server

    /**
     * Unpacks and pre-builds the Keycloak server into the cache folder unless already done, and returns
     * that folder. Safe to call from several threads and JVMs at once (file lock).
     */
    public static Path prepare() {
        Path server = serverCacheDirectory();
        try {
            synchronized (PREPARE_MONITOR) {
                Files.createDirectories(server.getParent());
                Path lockFile = server.resolveSibling(server.getFileName() + ".lock");
                try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE,
                        StandardOpenOption.WRITE); FileLock ignored = channel.lock()) {
                    String wanted = preparedMarkerContent();
                    Path marker = server.resolve(PREPARED_MARKER);
                    if (Files.exists(marker) && Files.readString(marker).equals(wanted)) {
                        return server;
                    }
                    unpackAndBuild(server);
                    Files.writeString(marker, wanted);
                    return server;
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare Keycloak in " + server, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("Interrupted while preparing Keycloak", e);
        }
    }

    /** {@code entente.keycloak.home} system property, else {@code ENTENTE_KEYCLOAK_HOME}, else ~/.cache/entente. */
    public static Path serverCacheDirectory() {
        String configured = System.getProperty("entente.keycloak.home");
        if (configured == null || configured.isBlank()) {
            configured = System.getenv("ENTENTE_KEYCLOAK_HOME");
        }
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath().normalize();
        }
        return Path.of(System.getProperty("user.home"), ".cache", "entente", "keycloak-" + Distribution.VERSION);
    }

    private static String preparedMarkerContent() {
        return "keycloak " + Distribution.VERSION + "\nbuild " + String.join(" ", BUILD_OPTIONS) + "\n";
    }

    private static void unpackAndBuild(Path server) throws IOException, InterruptedException {
        Path zip = Distribution.zip();
        long started = System.nanoTime();
        LOG.log(Level.INFO, "Preparing Keycloak {0} in {1} (once: unpack and build, about 1 to 2 min)",
                Distribution.VERSION, server);
        deleteRecursively(server);
        unzipStrippingTopFolder(zip, server);
        try (Stream<Path> scripts = Files.list(server.resolve("bin"))) {
            for (Path script : scripts.filter(p -> p.toString().endsWith(".sh")).toList()) {
                Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
            }
        }
        List<String> command = new ArrayList<>();
        command.add(server.resolve("bin/kc.sh").toString());
        command.add("build");
        command.addAll(BUILD_OPTIONS);
        Path buildLog = server.resolve("entente-build.log");
        ProcessBuilder builder = new ProcessBuilder(command).directory(server.toFile()).redirectErrorStream(true)
                .redirectOutput(buildLog.toFile());
        configureEnvironment(builder.environment());
        Process build = builder.start();
        long nextProgress = started + PROGRESS_INTERVAL.toNanos();
        while (!build.waitFor(1, TimeUnit.SECONDS)) {
            if (System.nanoTime() - started > START_TIMEOUT.toNanos()) {
                build.descendants().forEach(ProcessHandle::destroyForcibly);
                build.destroyForcibly();
                throw new IllegalStateException("kc.sh build did not finish within " + START_TIMEOUT.toSeconds()
                        + " s. Last lines of " + buildLog + ":\n" + tail(buildLog, 40));
            }
            if (System.nanoTime() >= nextProgress) {
                LOG.log(Level.INFO, "Preparing Keycloak\u2026 {0} s (first start can take ~2 min)", seconds(started));
                nextProgress += PROGRESS_INTERVAL.toNanos();
            }
        }
        if (build.exitValue() != 0) {
            throw new IllegalStateException("kc.sh build failed with exit code " + build.exitValue()
                    + ". Last lines of " + buildLog + ":\n" + tail(buildLog, 40));
        }
        LOG.log(Level.INFO, "Keycloak prepared in {0} s", seconds(started));
    }

    private static void unzipStrippingTopFolder(Path zip, Path target) throws IOException {
        Files.createDirectories(target);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            for (ZipEntry entry; (entry = in.getNextEntry()) != null; ) {
                String name = entry.getName();
                int slash = name.indexOf('/');
                if (slash < 0 || slash == name.length() - 1) {
                    continue; // the top folder itself
                }
                Path out = target.resolve(name.substring(slash + 1)).normalize();
                if (!out.startsWith(target)) {
                    throw new IOException("Zip entry outside the target folder: " + name);
                }
                if (entry.isDirectory()) {
                    Files.createDirectories(out);
                } else {
                    Files.createDirectories(out.getParent());
                    Files.copy(in, out, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    /** The instance's home: own bin/kc.sh (so kc.sh resolves the home to here) and own data/, shared rest. */
    private static void layOutInstanceHome(Path server, Path home, byte[] realm) throws IOException {
        Path bin = Files.createDirectories(home.resolve("bin"));
        Path kcSh = bin.resolve("kc.sh");
        Files.copy(server.resolve("bin/kc.sh"), kcSh, StandardCopyOption.REPLACE_EXISTING);
        Files.setPosixFilePermissions(kcSh, PosixFilePermissions.fromString("rwxr-xr-x"));
        for (String folder : SHARED_SERVER_FOLDERS) {
            Path link = home.resolve(folder);
            Path shared = server.resolve(folder);
            if (Files.isSymbolicLink(link) && Files.readSymbolicLink(link).equals(shared)) {
                continue;
            }
            if (Files.exists(link, LinkOption.NOFOLLOW_LINKS)) {
                deleteRecursively(link);
            }
            Files.createSymbolicLink(link, shared);
        }
        Path imports = Files.createDirectories(home.resolve("data").resolve("import"));
        Files.write(imports.resolve("entente-realm.json"), realm);
    }

    private static byte[] realmJson() throws IOException {
        try (InputStream in = EntenteRealm.openRealmJson()) {
            return in.readAllBytes();
        }
    }

    /** Drops inherited settings kc.sh would otherwise pick up (a stray DEBUG=true opens a debug port...). */
    private static void configureEnvironment(Map<String, String> environment) {
        environment.keySet().removeIf(name -> name.startsWith("KC_") || name.startsWith("QUARKUS_")
                || name.startsWith("JAVA_OPTS") || List.of("JAVA", "JAVA_ADD_OPENS", "JAVA_LOCALE", "DEBUG",
                        "DEBUG_PORT", "DEBUG_SUSPEND", "PRINT_ENV").contains(name));
        environment.put("JAVA_HOME", System.getProperty("java.home"));
        environment.put("JAVA_OPTS_APPEND", "--add-opens=java.base/java.lang=ALL-UNNAMED");
    }

    // ---------------------------------------------------------------------------------------------
    // Small helpers

    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    /** Never use (or wipe) a folder this launcher did not create: a mistyped path could be anything. */
    private static void requireOwnDirectory(Path home) throws IOException {
        try (Stream<Path> children = Files.list(home)) {
            boolean foreign = children.anyMatch(p -> !p.getFileName().toString().equals(INSTANCE_LOCK))
                    && !Files.exists(home.resolve("bin/kc.sh"), LinkOption.NOFOLLOW_LINKS);
            if (foreign) {
                throw new IllegalStateException(home + " is not empty and is not a Keycloak data directory made by "
                        + "KeycloakServer; refusing to use it");
            }
        }
    }

    private static void wipeExcept(Path folder, String keep) throws IOException {
        try (Stream<Path> children = Files.list(folder)) {
            List<Path> others = children.filter(p -> !p.getFileName().toString().equals(keep)).toList();
            for (Path child : others) {
                deleteRecursively(child);
            }
        }
    }

    /** Deletes a file tree without following symlinks (so the shared server behind the links survives). */
    private static void deleteRecursively(Path root) throws IOException {
        if (!Files.exists(root, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        if (Files.isSymbolicLink(root) || !Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            Files.delete(root);
            return;
        }
        try (Stream<Path> tree = Files.walk(root)) {
            for (Path path : tree.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    private static int requireFreePort(int port) {
        try (ServerSocket ignored = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            return port;
        } catch (IOException e) {
            throw new IllegalStateException("Port " + port + " on 127.0.0.1 is in use; is another Keycloak "
                    + "(or an old dev instance) still running?", e);
        }
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String readIfExists(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : null;
    }

    private static long seconds(long startedNanos) {
        return Duration.ofNanos(System.nanoTime() - startedNanos).toSeconds();
    }

    private static String tail(Path file, int lines) {
        try {
            List<String> all = Files.readAllLines(file, StandardCharsets.UTF_8);
            return String.join("\n", all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException | UncheckedIOException e) {
            return "(could not read " + file + ": " + e + ")";
        }
    }

    /** Where the build left the distribution zip (filtered keycloak-distribution.properties). */
    private static final class Distribution {

        static final String VERSION;
        private static final String ZIP;

        static {
            Properties properties = new Properties();
            try (InputStream in = KeycloakServer.class.getResourceAsStream("/keycloak-distribution.properties")) {
                if (in == null) {
                    throw new IllegalStateException("keycloak-distribution.properties missing from the classpath");
                }
                properties.load(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            VERSION = properties.getProperty("keycloak.version");
            ZIP = properties.getProperty("keycloak.distribution.zip");
        }

        /** {@code entente.keycloak.distribution} system property overrides the path recorded by the build. */
        static Path zip() {
            String path = System.getProperty("entente.keycloak.distribution", ZIP);
            if (path == null || path.startsWith("@") || !Files.isRegularFile(Path.of(path))) {
                throw new IllegalStateException("Keycloak distribution zip not found at " + path + ". Build the "
                        + "keycloak-realm module (./mvnw -pl keycloak-realm install) so Maven downloads "
                        + "org.keycloak:keycloak-quarkus-dist:" + VERSION + ":zip, or point the system property "
                        + "entente.keycloak.distribution at the zip.");
            }
            return Path.of(path);
        }
    }
}
