package org.entente.analytics.engine;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.entente.db.embedded.LocalPostgres;
import org.entente.db.embedded.SchemaMigration;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * One real PostgreSQL 18 per test JVM (data under target/test-postgres, wiped at start), migrated as the owner with
 * the demo data, as the app starts it; tests read it as the analytics role and as the app role.
 */
public final class TestPostgres {

    private static LocalPostgres postgres;

    private TestPostgres() {
    }

    public static synchronized LocalPostgres postgres() {
        if (postgres == null) {
            Path data = Path.of("target", "test-postgres", "data");
            deleteRecursively(data);
            postgres = LocalPostgres.start(data, 0);
            SchemaMigration.migrate(postgres.jdbcUrl(), postgres.ownerUser(), postgres.ownerPassword(),
                    postgres.appUser(), "classpath:db/migration", "classpath:db/demo");
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "test-postgres-stop"));
        }
        return postgres;
    }

    /** The snapshot's role: BYPASSRLS, SELECT on the analytics columns only. */
    public static DataSource analytics() {
        return dataSource(postgres().analyticsUser(), postgres().analyticsPassword());
    }

    /** The app's runtime role: subject to row-level security. */
    public static DataSource app() {
        return dataSource(postgres().appUser(), postgres().appPassword());
    }

    /** The bootstrap superuser (trust authentication): the truth the snapshot is compared with, and test setup. */
    public static DataSource superuser() {
        return dataSource("postgres", "");
    }

    public static DataSource dataSource(String user, String password) {
        PGSimpleDataSource source = new PGSimpleDataSource();
        source.setUrl(postgres().jdbcUrl());
        source.setUser(user);
        source.setPassword(password);
        return source;
    }

    /** A fresh, empty folder under target/ for one test. */
    public static Path freshDirectory(String name) {
        Path directory = Path.of("target", "analytics-tests", name).toAbsolutePath();
        deleteRecursively(directory);
        try {
            return Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static void deleteRecursively(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> files = Files.walk(directory)) {
            for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
