package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalManagementPort;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Production's split as the chart sets it up: probes and Prometheus on a management port of their own, open to the
 * cluster; nothing of actuator but health on the web port the ingress publishes; figures that move as a round runs.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "management.server.port=0",
        "consultflow.embedded.kafka.port=0",
        "spring.datasource.url=jdbc:h2:mem:metrics;DB_CLOSE_DELAY=-1"})
// Spring Boot switches metrics exporters off in tests unless asked.
@AutoConfigureObservability(tracing = false)
@DirtiesContext
class MetricsIntegrationTest {

    static final String COORDINATOR = "Basic " + Base64.getEncoder()
            .encodeToString("coordinator:coordinator".getBytes(StandardCharsets.UTF_8));

    @DynamicPropertySource
    static void mailPorts(DynamicPropertyRegistry registry) {
        TestMailPorts.register(registry);
    }

    @LocalServerPort int port;
    @LocalManagementPort int managementPort;

    final HttpClient http = HttpClient.newHttpClient();

    @Test
    void theManagementPortAnswersProbesAndPrometheusWithoutALogin() throws Exception {
        assertThat(get(managementPort, "/actuator/health/liveness", null).statusCode()).isEqualTo(200);
        assertThat(get(managementPort, "/actuator/health/readiness", null).statusCode()).isEqualTo(200);
        var scrape = get(managementPort, "/actuator/prometheus", null);

        assertThat(scrape.statusCode()).isEqualTo(200);
        assertThat(scrape.body()).contains("consultflow_inbox_pending", "consultflow_camunda_incidents",
                "consultflow_dead_letters_open");
    }

    @Test
    void theWebPortServesNoMetrics() throws Exception {
        var anonymous = get(port, "/actuator/prometheus", null);
        assertThat(anonymous.statusCode()).isEqualTo(302);
        assertThat(anonymous.headers().firstValue("Location")).hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
        assertThat(get(port, "/actuator/prometheus", COORDINATOR).statusCode()).isEqualTo(403);
    }

    @Test
    void figuresMoveAsARoundRuns() throws Exception {
        var yaml = Files.readString(Path.of("consultations/vcs-infrastructure-2007.yaml"));
        var started = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + port
                        + "/api/consultations?rehearsal=PT10M")).header("Authorization", COORDINATOR)
                .header("Content-Type", "application/yaml").POST(BodyPublishers.ofString(yaml)).build(),
                BodyHandlers.ofString());
        assertThat(started.statusCode()).isEqualTo(201);

        await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(2)).untilAsserted(() -> {
            var scrape = get(managementPort, "/actuator/prometheus", null).body();
            assertThat(value(scrape, "consultflow_rounds\\{status=\"OPEN\"}")).isEqualTo(1);
            assertThat(value(scrape, "consultflow_invitations_sent_total")).isPositive();
        });
    }

    private HttpResponse<String> get(int port, String path, String authorization) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).GET();
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), BodyHandlers.ofString());
    }

    private static double value(String scrape, String series) {
        var line = Pattern.compile("^" + series + "(\\{[^}]*})? (\\S+)$", Pattern.MULTILINE).matcher(scrape);
        return line.find() ? Double.parseDouble(line.group(2)) : -1;
    }
}
