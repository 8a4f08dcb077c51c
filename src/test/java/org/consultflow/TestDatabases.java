package org.consultflow;

import java.io.IOException;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.consultflow.scale.Statements;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.PostgreSQLContainer;

/**
 * A real PostgreSQL for tests: an explicit one from {@code CONSULTFLOW_TEST_DB_URL} (with {@code _USER} and
 * {@code _PASSWORD}) wins; else a Testcontainers container where Docker runs; else PostgreSQL binaries shipped in a jar.
 */
final class TestDatabases {

    private static String url;
    private static String user;
    private static String password;

    private TestDatabases() {
    }

    static synchronized void postgres(DynamicPropertyRegistry registry) {
        if (url == null) {
            start();
        }
        registry.add("spring.datasource.url", () -> url);
        registry.add("spring.datasource.username", () -> user);
        registry.add("spring.datasource.password", () -> password);
    }

    /**
     * A database of its own on the same server, for a test context whose rounds must not leave engine jobs behind
     * for the contexts that come after it.
     */
    static void postgres(DynamicPropertyRegistry registry, String database) {
        var own = create(database);
        registry.add("spring.datasource.url", own::url);
        registry.add("spring.datasource.username", own::user);
        registry.add("spring.datasource.password", own::password);
    }

    record Database(String url, String user, String password) {}

    /** A fresh, empty database on the test server. */
    static synchronized Database create(String database) {
        if (url == null) {
            start();
        }
        try (var connection = java.sql.DriverManager.getConnection(url, user, password);
                var statement = connection.createStatement()) {
            statement.execute("drop database if exists " + database + " with (force)");
            statement.execute("create database " + database);
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException("Could not create test database " + database, e);
        }
        return new Database(url.replaceFirst("/[^/?]+(\\?|$)", "/" + database + "$1"), user, password);
    }

    private static void start() {
        var explicit = System.getenv("CONSULTFLOW_TEST_DB_URL");
        if (explicit != null && !explicit.isBlank()) {
            url = explicit;
            user = System.getenv("CONSULTFLOW_TEST_DB_USER");
            password = System.getenv("CONSULTFLOW_TEST_DB_PASSWORD");
        } else if (dockerRuns()) {
            var container = new PostgreSQLContainer<>("postgres:16-alpine");
            container.start();
            url = container.getJdbcUrl();
            user = container.getUsername();
            password = container.getPassword();
        } else {
            try {
                var builder = EmbeddedPostgres.builder();
                if (Statements.on()) {
                    builder.setServerConfig("shared_preload_libraries", "pg_stat_statements");
                }
                var postgres = builder.start();
                Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                    try {
                        postgres.close();
                    } catch (IOException ignored) {
                        // the JVM is going away anyway
                    }
                }));
                url = postgres.getJdbcUrl("postgres", "postgres");
                user = "postgres";
                password = "postgres";
            } catch (IOException e) {
                throw new IllegalStateException("Could not start embedded PostgreSQL", e);
            }
        }
    }

    private static boolean dockerRuns() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
