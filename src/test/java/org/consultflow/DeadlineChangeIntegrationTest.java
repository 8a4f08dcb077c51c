package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** A coordinator extends the deadline, then brings it forward: the reminder and chase timers follow it. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "consultflow.embedded.kafka.port=0",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500",
        "spring.datasource.url=jdbc:h2:mem:deadline-change;DB_CLOSE_DELAY=-1"})
@DirtiesContext
class DeadlineChangeIntegrationTest {

    static final String KEY = "vcs-infrastructure-2007";

    @DynamicPropertySource
    static void mailPorts(DynamicPropertyRegistry registry) {
        TestMailPorts.register(registry);
    }

    @Autowired TestRestTemplate rest;
    @Autowired ManagementService management;
    @Autowired JdbcClient jdbc;

    @Test
    void remindersAndChasesFollowTheDeadlineBothWays() throws Exception {
        var coordinator = rest.withBasicAuth("coordinator", "coordinator");
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        var yaml = Files.readString(Path.of("consultations/vcs-infrastructure-2007.yaml"));
        assertThat(coordinator.exchange("/api/consultations?rehearsal=PT10M", HttpMethod.POST,
                new HttpEntity<>(yaml, headers), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(60)).until(() -> timers("Event_ChaseDue").length == 7
                && timers("Event_ReminderDue").length == 20);

        var later = Instant.now().plus(Duration.ofMinutes(30)).truncatedTo(ChronoUnit.SECONDS);
        move(coordinator, later);
        assertTimersFollow(later);

        var sooner = Instant.now().plus(Duration.ofMinutes(4)).truncatedTo(ChronoUnit.SECONDS);
        move(coordinator, sooner);
        assertTimersFollow(sooner);

        assertThat(coordinator.postForEntity("/api/consultations/" + KEY + "/close", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(30)).until(() -> !coordinator.getForObject("/api/consultations/" + KEY,
                JsonNode.class).path("status").asText().equals("OPEN"));

        var history = coordinator.getForObject("/api/consultations/" + KEY + "/history", JsonNode.class);
        assertThat(history).extracting(entry -> entry.path("actor").asText() + " " + entry.path("action").asText())
                .containsExactly("coordinator round.started", "coordinator deadline.moved",
                        "coordinator deadline.moved", "coordinator round.closed-now");
        assertThat(history.get(2).path("detail").asText()).endsWith("to " + sooner);
    }

    private void assertTimersFollow(Instant deadline) {
        var schedule = jdbc.sql("select reminders, chase from round where round_key = ?").param(KEY)
                .query((rs, row) -> Map.of("reminders", rs.getString("reminders"), "chase", rs.getString("chase")))
                .single();
        var firstReminder = Arrays.stream(schedule.get("reminders").split(",")).map(Duration::parse)
                .max(Duration::compareTo).orElseThrow();
        var chase = Duration.parse(schedule.get("chase"));

        assertThat(timers("Event_ReminderDue")).extracting(job -> job.getDuedate().toInstant())
                .containsOnly(deadline.minus(firstReminder));
        assertThat(timers("Event_ChaseDue")).extracting(job -> job.getDuedate().toInstant())
                .containsOnly(deadline.minus(chase));
        assertThat(timers("Event_DeadlinePassed")).extracting(job -> job.getDuedate().toInstant())
                .containsOnly(deadline);
    }

    private static void move(TestRestTemplate coordinator, Instant deadline) {
        var result = coordinator.exchange("/api/consultations/" + KEY + "/deadline", HttpMethod.PUT,
                new HttpEntity<>(Map.of("deadline", deadline.toString())), JsonNode.class);
        assertThat(result.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(Instant.parse(result.getBody().path("deadline").asText())).isEqualTo(deadline);
    }

    private Job[] timers(String activityId) {
        return management.createJobQuery().timers().activityId(activityId).list().toArray(Job[]::new);
    }
}
