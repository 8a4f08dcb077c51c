package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.util.TestSocketUtils;

/**
 * The packaged jar in the {@code prod} profile, set up only through the environment variables the README and the
 * Helm chart give it, against PostgreSQL, a KRaft broker and an SMTP relay: it answers its probes on the management
 * port, keeps metrics off the public one, runs a round, its metrics follow the round, and its JSON log lines name the
 * round and consultee they are about but never a personal link.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProdProfileIntegrationTest {

    static final String PASSWORD = "Tr1cky-Horse-Battery-91";
    static final String KEY = "prod-round";
    static final Path LOG = Path.of("target", "app-prod.log");
    static final Pattern PERSONAL_LINK = Pattern.compile("/respond/[A-Za-z0-9_-]{20,}");

    OutsideServices outside;
    final int management = TestSocketUtils.findAvailableTcpPort();
    final Map<String, String> environment = new HashMap<>();

    @BeforeAll
    void services() throws Exception {
        outside = new OutsideServices();
        var database = TestDatabases.create("prod_profile");
        // Its own role with a strong password: production refuses the test server's demo credentials.
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                var statement = connection.createStatement()) {
            statement.execute("do $$ begin if not exists (select from pg_roles where rolname = 'consultflow') then "
                    + "create role consultflow login password '" + PASSWORD + "'; end if; end $$");
            statement.execute("alter database prod_profile owner to consultflow");
            statement.execute("alter schema public owner to consultflow");
        }
        environment.putAll(Map.ofEntries(
                Map.entry("SPRING_PROFILES_ACTIVE", "prod"),
                Map.entry("CONSULTFLOW_DB_URL", database.url()),
                Map.entry("CONSULTFLOW_DB_USER", "consultflow"),
                Map.entry("CONSULTFLOW_DB_PASSWORD", PASSWORD),
                Map.entry("CONSULTFLOW_KAFKA_BOOTSTRAP_SERVERS", outside.bootstrapServers()),
                Map.entry("CONSULTFLOW_KAFKA_REPLICAS", "1"),
                Map.entry("CONSULTFLOW_KAFKA_MIN_INSYNC_REPLICAS", "1"),
                Map.entry("CONSULTFLOW_SMTP_HOST", "127.0.0.1"),
                Map.entry("CONSULTFLOW_SMTP_PORT", String.valueOf(outside.smtpPort())),
                Map.entry("CONSULTFLOW_SMTP_AUTH", "false"),
                Map.entry("CONSULTFLOW_SMTP_STARTTLS", "false"),
                Map.entry("CONSULTFLOW_PUBLIC_BASE_URL", "https://consult.example.org"),
                Map.entry("CONSULTFLOW_LINK_SECRET", "q8Jv2mX4pL7sN1cR5tY9wB3eH6kF0aZd"),
                Map.entry("CONSULTFLOW_COORDINATOR_PASSWORD", PASSWORD),
                Map.entry("CONSULTFLOW_CAMUNDA_ADMIN_PASSWORD", PASSWORD),
                Map.entry("CONSULTFLOW_SECURE_COOKIES", "false"),
                Map.entry("CONSULTFLOW_MANAGEMENT_PORT", String.valueOf(management))));
    }

    @AfterAll
    void stop() {
        outside.close();
    }

    @Test
    void answersItsProbesRunsARoundAndItsMetricsFollowAndItsLogsNameTheRoundButNoLink() throws Exception {
        // AppProcess appends: only this run's lines may count.
        Files.deleteIfExists(LOG);
        try (var app = new AppProcess("prod", environment, management)) {
            app.start();
            assertThat(outside.status(managementUrl("/actuator/health/liveness"))).isEqualTo(200);
            assertThat(outside.status(app, "/actuator/prometheus")).as("no metrics for strangers on the public port")
                    .isNotEqualTo(200);
            assertThat(metric("consultflow_invitations_sent_total")).isZero();

            var started = outside.start(app, OutsideServices.seed(KEY), "?rehearsal=PT10M", "coordinator:" + PASSWORD);
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            await().atMost(Duration.ofSeconds(60)).until(() -> outside.mails("Invitation").size() == 20);
            var invitation = outside.mails("Invitation").get(0).getContent().toString() + body(outside);
            var link = PERSONAL_LINK.matcher(invitation);
            assertThat(link.find()).as(invitation).isTrue();
            assertThat(invitation).contains("https://consult.example.org/respond/");
            // A consultee opens their link: nothing that handles the request may write it to the log.
            assertThat(outside.status(app, link.group())).isEqualTo(200);

            outside.publish(KEY, "/partner", "prod-1", KEY, "blaby", Map.of("preference", "b"));
            await().atMost(Duration.ofSeconds(60)).until(() -> metric("consultflow_invitations_sent_total") == 20
                    && metric("consultflow_responses_recorded_total") == 1
                    && metric("consultflow_rounds{status=\"OPEN\"}") == 1);
        }
        var log = Files.readString(LOG);
        assertThat(jsonLines(log)).filteredOn(line -> KEY.equals(line.path("roundKey").asText()))
                .as("consultees named in the JSON log lines about the round")
                .extracting(line -> line.path("consulteeId").asText()).contains("blaby");
        assertThat(PERSONAL_LINK.matcher(log).results().map(match -> match.group()).toList())
                .as("personal links in the log").isEmpty();
    }

    private static List<JsonNode> jsonLines(String log) {
        var json = new ObjectMapper();
        return log.lines().filter(line -> line.startsWith("{")).map(line -> {
            try {
                return json.readTree(line);
            } catch (Exception notJson) {
                return json.createObjectNode();
            }
        }).toList();
    }

    private String body(OutsideServices outside) throws Exception {
        var content = outside.mails("Invitation").get(0).getContent();
        if (content instanceof jakarta.mail.Multipart multipart) {
            return String.valueOf(multipart.getBodyPart(0).getContent());
        }
        return String.valueOf(content);
    }

    private URI managementUrl(String path) {
        return URI.create("http://127.0.0.1:" + management + path);
    }

    private double metric(String name) throws Exception {
        var text = outside.get(managementUrl("/actuator/prometheus"));
        var matcher = Pattern.compile("(?m)^" + Pattern.quote(name) + "(?:\\{[^}]*\\})? ([0-9.eE+-]+)$").matcher(text);
        if (name.contains("{")) {
            matcher = Pattern.compile("(?m)^" + Pattern.quote(name.substring(0, name.indexOf('{')))
                    + "\\{[^}]*" + Pattern.quote(name.substring(name.indexOf('{') + 1, name.length() - 1))
                    + "[^}]*\\} ([0-9.eE+-]+)$").matcher(text);
        }
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : -1;
    }
}
