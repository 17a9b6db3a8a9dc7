package org.entente.platform.database;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.sql.DataSource;
import org.entente.db.embedded.LocalPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.flyway.autoconfigure.FlywayDataSource;
import org.springframework.boot.jdbc.DataSourceBuilder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;

/**
 * With no {@code spring.datasource.url}, the app runs on a real PostgreSQL 18 from embedded binaries,
 * its data kept in {@code ${entente.data-dir}/postgres}. The app connects as the runtime role (subject to
 * row-level security); Flyway migrates as the owner role.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(EmbeddedDatabaseConfiguration.NoExternalDatabase.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);

    /** One server per data folder and JVM: several Spring contexts (tests) share it; it stops with the JVM. */
    private static final Map<Path, LocalPostgres> RUNNING = new ConcurrentHashMap<>();

    static boolean externalDatabaseConfigured(Environment environment) {
        return !environment.getProperty("spring.datasource.url", "").isBlank();
    }

    /** Not closed with the context (other contexts may share it): the shutdown hook stops it. */
    @Bean(destroyMethod = "")
    LocalPostgres localPostgres(@Value("${entente.data-dir}") Path dataDir,
            @Value("${entente.embedded-postgres.port:0}") int port) {
        Path folder = dataDir.resolve("postgres").toAbsolutePath().normalize();
        return RUNNING.computeIfAbsent(folder, f -> {
            log.info("No spring.datasource.url set: starting embedded PostgreSQL 18 with data in {}", f);
            LocalPostgres postgres = LocalPostgres.start(f, port);
            Runtime.getRuntime().addShutdownHook(new Thread(postgres::close, "embedded-postgres-stop"));
            log.info("Embedded PostgreSQL ready at {}", postgres.jdbcUrl());
            return postgres;
        });
    }

    /** Pool settings from {@code spring.datasource.hikari}, as Spring Boot applies them to an external database. */
    @Bean
    @Primary
    @ConfigurationProperties("spring.datasource.hikari")
    DataSource dataSource(LocalPostgres postgres) {
        HikariDataSource dataSource = DataSourceBuilder.create().type(HikariDataSource.class)
                .url(postgres.jdbcUrl())
                .username(postgres.appUser())
                .password(postgres.appPassword())
                .build();
        dataSource.setPoolName("entente-app");
        return dataSource;
    }

    /** Migrations run as the owner; the runtime role never owns anything. */
    @Bean
    @FlywayDataSource
    DataSource flywayDataSource(LocalPostgres postgres) {
        return new SimpleDriverDataSource(new org.postgresql.Driver(), postgres.jdbcUrl(),
                postgres.ownerUser(), postgres.ownerPassword());
    }

    static class NoExternalDatabase implements org.springframework.context.annotation.Condition {
        @Override
        public boolean matches(org.springframework.context.annotation.ConditionContext context,
                org.springframework.core.type.AnnotatedTypeMetadata metadata) {
            return !externalDatabaseConfigured(context.getEnvironment());
        }
    }
}
