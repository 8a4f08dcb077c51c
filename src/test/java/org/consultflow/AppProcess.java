package org.consultflow;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.test.util.TestSocketUtils;

/**
 * ConsultFlow as its own JVM, from the jar the build just packaged, against services the test runs: so that a
 * {@code kill -9} is a real one, and two instances really share one database and one broker.
 */
final class AppProcess implements AutoCloseable {

    private final List<String> arguments;
    private final Map<String, String> environment;
    private final Path log;
    private final int port = TestSocketUtils.findAvailableTcpPort();
    /** Where the health probes answer: the web port, or the management port a production setup gives them. */
    private final int healthPort;
    private Process process;

    /** The production profile, set up only through environment variables, as a Helm chart sets it up. */
    AppProcess(String name, Map<String, String> environment, int managementPort) {
        this.log = Path.of("target", "app-" + name + ".log");
        this.arguments = List.of("--server.port=" + port);
        this.environment = environment;
        this.healthPort = managementPort;
    }

    AppProcess(String name, TestDatabases.Database database, String bootstrapServers, int smtpPort) {
        this.log = Path.of("target", "app-" + name + ".log");
        this.environment = Map.of();
        this.healthPort = port;
        this.arguments = List.of(
                "--server.port=" + port,
                "--spring.datasource.url=" + database.url(),
                "--spring.datasource.username=" + database.user(),
                "--spring.datasource.password=" + database.password(),
                "--spring.kafka.bootstrap-servers=" + bootstrapServers,
                "--consultflow.embedded.kafka.enabled=false",
                "--consultflow.embedded.mail.enabled=false",
                "--spring.mail.port=" + smtpPort,
                "--camunda.bpm.job-execution.wait-time-in-millis=200",
                "--camunda.bpm.job-execution.max-wait=1000",
                "--consultflow.responses.correlate-every=PT0.2S");
    }

    static Path jar() throws IOException {
        try (var files = Files.list(Path.of("target"))) {
            return files.filter(f -> f.getFileName().toString().matches("consultflow-.*\\.jar")
                            && !f.getFileName().toString().endsWith("-plain.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("No packaged jar in target/: run through `./mvnw verify`"));
        }
    }

    /** Starts the JVM and waits until it reports ready; returns when that was. */
    Instant start() throws Exception {
        var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx512m", "-jar", jar().toString()));
        command.addAll(arguments);
        var builder = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()));
        builder.environment().putAll(environment);
        process = builder.start();
        var http = HttpClient.newHttpClient();
        var deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("ConsultFlow exited with " + process.exitValue() + "; see " + log);
            }
            try {
                var ready = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + healthPort
                                + "/actuator/health/readiness")).build(),
                        HttpResponse.BodyHandlers.discarding());
                if (ready.statusCode() == 200) {
                    return Instant.now();
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException("ConsultFlow did not become ready in 3 minutes; see " + log);
    }

    /** {@code kill -9}: no shutdown hook, no commit, no goodbye to the broker or the SMTP server. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor();
    }

    URI url(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.destroy();
            process.waitFor();
        }
    }
}
