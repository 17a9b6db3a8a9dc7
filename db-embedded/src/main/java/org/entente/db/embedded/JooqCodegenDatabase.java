package org.entente.db.embedded;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.stream.Stream;
import org.jooq.DSLContext;
import org.jooq.meta.postgres.PostgresDatabase;

/**
 * jOOQ code generation against the real schema without an external database: starts a fresh
 * {@link LocalPostgres}, migrates it with Flyway as the owner role, and lets jOOQ's
 * {@link PostgresDatabase} read the catalog from it. Name it as {@code <database><name>} in
 * jooq-codegen-maven (with this module as a plugin dependency).
 *
 * <p>Properties ({@code <database><properties>}):
 * <ul>
 *   <li>{@code locations} (required): comma-separated Flyway locations, e.g.
 *       {@code filesystem:${project.basedir}/src/main/resources/db/migration}</li>
 *   <li>{@code dataDirectory} (recommended): where PostgreSQL keeps its files, e.g.
 *       {@code ${project.build.directory}/jooq-codegen-postgres/data}; wiped before each run so
 *       the generated code always reflects the migrations alone. Default: a new temp directory.</li>
 * </ul>
 */
public class JooqCodegenDatabase extends PostgresDatabase {

    private LocalPostgres postgres;
    private Connection connection;

    @Override
    protected DSLContext create0() {
        // jOOQ may ask for a DSLContext more than once; start and migrate only the first time.
        if (postgres == null) {
            startAndMigrate();
        }
        return super.create0();
    }

    private void startAndMigrate() {
        String locations = getProperties().getProperty("locations");
        if (locations == null || locations.isBlank()) {
            throw new IllegalStateException(getClass().getSimpleName()
                    + " needs the property 'locations' (Flyway locations of the migrations)");
        }
        try {
            Path dataDirectory = freshDataDirectory(getProperties().getProperty("dataDirectory"));
            postgres = LocalPostgres.start(dataDirectory, 0);
            SchemaMigration.migrate(postgres.jdbcUrl(), postgres.ownerUser(), postgres.ownerPassword(),
                    postgres.appUser(), locations.split("\\s*,\\s*"));
            // As the owner, jOOQ sees every object the migrations created.
            connection = DriverManager.getConnection(postgres.jdbcUrl(), postgres.ownerUser(), postgres.ownerPassword());
            setConnection(connection);
        } catch (SQLException e) {
            close();
            throw new IllegalStateException("Could not connect to the embedded PostgreSQL for jOOQ code generation", e);
        } catch (RuntimeException e) {
            close();
            throw e;
        }
    }

    private static Path freshDataDirectory(String configured) {
        try {
            if (configured == null || configured.isBlank()) {
                return Files.createTempDirectory("entente-jooq-").resolve("data");
            }
            Path directory = Path.of(configured).toAbsolutePath();
            if (Files.exists(directory)) {
                try (Stream<Path> files = Files.walk(directory)) {
                    for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(file);
                    }
                }
            }
            return directory;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not prepare a data directory for jOOQ code generation", e);
        }
    }

    @Override
    public void close() {
        try {
            super.close();
        } finally {
            try {
                if (connection != null) {
                    connection.close();
                }
            } catch (SQLException ignored) {
                // The server is about to stop anyway.
            } finally {
                connection = null;
                if (postgres != null) {
                    postgres.close();
                    postgres = null;
                }
            }
        }
    }
}
