package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.Multipart;
import jakarta.mail.internet.MimeMessage;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.consultflow.engagement.PersonalLinks;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;

/**
 * What a coordinator does to a running round besides starting and closing it, through the API the console calls:
 * re-send an invitation (the old link retired), remind now, add a consultee, complete a chase task, move the
 * deadline (the silent are told). On PostgreSQL, with the real broker, SMTP server and engine; one round each.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "consultflow.embedded.kafka.port=0",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500",
        "consultflow.responses.correlate-every=PT0.2S",
        "consultflow.engagement.closing-sweep-every=PT0.5S"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CoordinatorActionsIntegrationTest {

    static final String SEED = "consultations/vcs-infrastructure-2007.yaml";
    static final String BLABY = "stephen.farrow@example.org";
    static final String CHARNWOOD = "angela.whitby@example.org";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestMailPorts.register(registry);
        TestDatabases.postgres(registry, "actions");
    }

    @Autowired TestRestTemplate rest;
    @Autowired GreenMail mail;
    @Autowired JdbcClient jdbc;
    @Autowired PersonalLinks links;
    @Autowired ManagementService management;
    @Autowired RuntimeService runtime;

    TestRestTemplate coordinator;
    List<String> consultees;

    @BeforeAll
    void signIn() throws Exception {
        coordinator = rest.withBasicAuth("coordinator", "coordinator");
        consultees = new ArrayList<>();
        new ObjectMapper(new YAMLFactory()).readTree(Files.readString(Path.of(SEED)))
                .path("consultees").forEach(c -> consultees.add(c.path("id").asText()));
    }

    @Test
    void aReSentInvitationRetiresTheOldLinkWhileTheDraftCarriesOverToTheNewOne() throws Exception {
        var key = start("actions-resend");
        awaitInvited(key);
        var oldLink = path(links.url(key, "blaby"));
        var draft = form("q-role", "Advice to small groups, half written");
        draft.add("action", "save");
        assertThat(post(oldLink, draft).getBody()).contains("Your answers have been saved");

        var resent = coordinator.postForEntity("/api/consultations/" + key + "/consultees/blaby/invitation", null,
                JsonNode.class);

        assertThat(resent.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(resent.getBody().path("linkGeneration").asInt()).isEqualTo(1);
        var invitations = mailsTo(BLABY, key, "Invitation to respond");
        assertThat(invitations).hasSize(2);
        var newLink = linkIn(invitations.get(1));
        assertThat(newLink).isNotEqualTo(oldLink).isEqualTo(path(links.url(key, "blaby")));
        assertThat(text(invitations.get(1))).contains("replaces the invitation we sent you before");

        var old = rest.getForEntity(oldLink, String.class);
        assertThat(old.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(old.getBody()).contains("This link has been replaced").contains("Use the link in the latest")
                .doesNotContain("half written").doesNotContain("Blaby");
        var sentWithOldLink = post(oldLink, form("q-preference", "a"));
        assertThat(sentWithOldLink.getStatusCode()).isEqualTo(HttpStatus.GONE);
        assertThat(sentWithOldLink.getBody()).contains("This link has been replaced");
        assertThat(rest.getForEntity(oldLink + "/copy", String.class).getStatusCode()).isEqualTo(HttpStatus.GONE);

        var current = rest.getForEntity(newLink, String.class);
        assertThat(current.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(current.getBody()).contains("half written");
        assertThat(post(newLink, form("q-preference", "b")).getStatusCode().isError()).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from response where round_key = ? and consultee_id = 'blaby'", key) == 1);
        Thread.sleep(1_000);
        assertThat(count("select count(*) from response where round_key = ?", key))
                .as("nothing was taken through the old link").isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo(BLABY, key, "received your").isEmpty());
        assertThat(linkIn(mailsTo(BLABY, key, "received your").get(0))).as("the receipt has the current link")
                .isEqualTo(newLink);

        assertThat(jdbc.sql("select purpose from mail_sent where round_key = ? and consultee_id = 'blaby' order by id")
                .param(key).query(String.class).list()).startsWith("invitation", "invitation-link-1");
        assertThat(actions(key)).contains("coordinator invitation.resent");
        assertThat(coordinator.postForEntity("/api/consultations/" + key + "/consultees/nobody/invitation", null,
                JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);
    }

    @Test
    void aReminderNowReachesOnlyConsulteesStillToAnswerAndCountsInTheReport() throws Exception {
        var key = start("actions-remind");
        awaitInvited(key);
        respondByLetter(key, "charnwood");
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from engagement where round_key = ? and responded_at is not null", key) == 1);

        var unknown = coordinator.postForEntity("/api/consultations/" + key + "/reminders",
                Map.of("consulteeIds", List.of("blaby", "nobody")), JsonNode.class);
        assertThat(unknown.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(unknown.getBody().path("errors").get(0).path("path").asText()).isEqualTo("consulteeIds[1]");
        assertThat(unknown.getBody().path("errors").get(0).path("message").asText()).contains("nobody");

        var chosen = coordinator.postForEntity("/api/consultations/" + key + "/reminders",
                Map.of("consulteeIds", List.of("blaby", "charnwood")), JsonNode.class);
        assertThat(chosen.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(chosen.getBody().path("queued")).extracting(JsonNode::asText).containsExactly("blaby");
        assertThat(chosen.getBody().path("skipped").get(0).path("consulteeId").asText()).isEqualTo("charnwood");
        await().atMost(Duration.ofSeconds(30)).until(() -> mailsTo(BLABY, key, "Reminder").size() == 1);

        var everyone = coordinator.postForEntity("/api/consultations/" + key + "/reminders", Map.of(), JsonNode.class);
        assertThat(everyone.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        assertThat(everyone.getBody().path("queued")).hasSize(consultees.size() - 1);
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "select count(*) from mail_sent where round_key = ? and purpose like 'reminder-%'", key)
                == consultees.size());
        Thread.sleep(1_000);
        assertThat(mailsTo(CHARNWOOD, key, "Reminder")).as("who has answered is never reminded").isEmpty();
        assertThat(mailsTo(BLABY, key, "Reminder")).hasSize(2);

        var round = round(key);
        assertThat(consultee(round, "blaby").path("remindersSent").asInt()).isEqualTo(2);
        assertThat(consultee(round, "charnwood").path("remindersSent").asInt()).isZero();
        assertThat(actions(key)).contains("coordinator reminder.sent-now");

        close(key);
        await().atMost(Duration.ofSeconds(60)).until(() -> round(key).path("status").asText().equals("REPORT_DRAFTED"));
        var record = coordinator.getForObject("/api/consultations/" + key + "/report", JsonNode.class).path("record");
        assertThat(record.path("remindersSent").asInt()).isEqualTo(consultees.size());
        assertThat(record.path("consulteesReminded").asInt()).isEqualTo(consultees.size() - 1);
    }

    @Test
    void anAddedConsulteeIsCheckedLikeTheDefinitionsInvitedAndCanRespond() throws Exception {
        var key = start("actions-add");
        var bad = coordinator.postForEntity("/api/consultations/" + key + "/consultees", Map.of("id", "Leicester City",
                "group", "unitary", "contact", Map.of("name", "A. Officer", "email", "nobody@@example.org")),
                JsonNode.class);
        assertThat(bad.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(bad.getHeaders().getContentType().toString()).startsWith("application/problem+json");
        assertThat(bad.getBody().path("errors")).extracting(error -> error.path("path").asText())
                .contains("id", "organisation", "group", "contact.email");
        var taken = coordinator.postForEntity("/api/consultations/" + key + "/consultees", Map.of("id", "blaby",
                "organisation", "Blaby again", "group", "district-council",
                "contact", Map.of("name", "A. Officer", "email", "a.officer@example.org")), JsonNode.class);
        assertThat(taken.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(taken.getBody().path("errors").get(0).path("path").asText()).isEqualTo("id");

        var added = coordinator.postForEntity("/api/consultations/" + key + "/consultees", Map.of(
                "id", "leicester-voluntary-action", "organisation", "Voluntary Action Leicester", "group", "key-partner",
                "contact", Map.of("name", "Ruth Ogden", "email", "ruth.ogden@example.org")), JsonNode.class);

        assertThat(added.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(added.getBody().path("counts").path("invited").asInt()).isEqualTo(consultees.size() + 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> !mailsTo("ruth.ogden@example.org", key,
                "Invitation to respond").isEmpty());
        var link = linkIn(mailsTo("ruth.ogden@example.org", key, "Invitation to respond").get(0));
        assertThat(rest.getForEntity(link, String.class).getBody()).contains("Voluntary Action Leicester");
        assertThat(post(link, form("q-preference", "c")).getStatusCode().isError()).isFalse();
        await().atMost(Duration.ofSeconds(30)).until(() -> consultee(round(key), "leicester-voluntary-action")
                .path("state").asText().equals("RESPONDED"));
        assertThat(round(key).path("groups")).anySatisfy(group -> {
            assertThat(group.path("id").asText()).isEqualTo("key-partner");
            assertThat(group.path("responded").asInt()).isEqualTo(1);
        });
        assertThat(actions(key)).contains("coordinator consultee.added");
    }

    @Test
    void aChaseOutcomeCompletedThroughTheApiLandsWhereTasklistPutsIt() throws Exception {
        var key = start("actions-chase");
        var instance = await().atMost(Duration.ofSeconds(60)).until(() -> runtime.createProcessInstanceQuery()
                .processInstanceBusinessKey(key + ":blaby").singleResult(), found -> found != null);
        var timer = await().atMost(Duration.ofSeconds(60)).until(() -> management.createJobQuery()
                .processInstanceId(instance.getId()).activityId("Event_ChaseDue").singleResult(), job -> job != null);
        management.executeJob(timer.getId());

        var tasks = coordinator.getForObject("/api/consultations/" + key + "/chase-tasks", JsonNode.class);
        assertThat(tasks).hasSize(1);
        assertThat(tasks.get(0).path("consulteeId").asText()).isEqualTo("blaby");
        assertThat(tasks.get(0).path("organisation").asText()).isEqualTo("Blaby District Council");
        var task = "/api/consultations/" + key + "/chase-tasks/" + tasks.get(0).path("taskId").asText();

        var nul = coordinator.postForEntity(task, Map.of("outcome", "Spoke to them", "note", "Will\u0000reply"),
                JsonNode.class);
        assertThat(nul.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(nul.getBody().path("errors").get(0).path("path").asText()).isEqualTo("note");
        assertThat(coordinator.postForEntity(task, Map.of("note", "no outcome"), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(coordinator.postForEntity("/api/consultations/" + key + "/chase-tasks/no-such-task",
                Map.of("outcome", "Spoke to them"), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.NOT_FOUND);

        var done = coordinator.postForEntity(task, Map.of("outcome", "Promised a response",
                "note", "The clerk will send it by Friday"), JsonNode.class);

        assertThat(done.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        var blaby = consultee(round(key), "blaby");
        assertThat(blaby.path("chased").asBoolean()).isTrue();
        assertThat(blaby.path("chaseOutcome").asText()).isEqualTo("Promised a response: The clerk will send it by Friday");
        assertThat(coordinator.getForObject("/api/consultations/" + key + "/chase-tasks", JsonNode.class)).isEmpty();
        assertThat(history(key)).anySatisfy(entry -> {
            assertThat(entry.path("actor").asText() + " " + entry.path("action").asText())
                    .isEqualTo("coordinator chase.recorded");
            assertThat(entry.path("detail").asText()).contains("blaby").contains("Promised a response");
        });
    }

    @Test
    void aMovedDeadlineIsMailedOnlyToConsulteesStillToAnswer() throws Exception {
        var key = start("actions-deadline");
        awaitInvited(key);
        respondByLetter(key, "charnwood");
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from engagement where round_key = ? and responded_at is not null", key) == 1);

        var later = Instant.now().plus(Duration.ofMinutes(40)).truncatedTo(ChronoUnit.SECONDS);
        assertThat(coordinator.exchange("/api/consultations/" + key + "/deadline", HttpMethod.PUT,
                new HttpEntity<>(Map.of("deadline", later.toString())), JsonNode.class).getStatusCode())
                .isEqualTo(HttpStatus.OK);

        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "select count(*) from mail_sent where round_key = ? and purpose like 'deadline-moved-%'", key)
                == consultees.size() - 1);
        Thread.sleep(1_000);
        assertThat(count("select count(*) from mail_sent where round_key = ? and purpose like 'deadline-moved-%' "
                + "and consultee_id = 'charnwood'", key)).isZero();
        var told = mailsTo(BLABY, key, "New deadline");
        assertThat(told).hasSize(1);
        assertThat(text(told.get(0))).contains("has been extended");
        assertThat(linkIn(told.get(0))).isEqualTo(path(links.url(key, "blaby")));
        assertThat(mailsTo(CHARNWOOD, key, "New deadline")).isEmpty();
    }

    @Test
    void aClosedRoundRefusesEveryActionWithAConflict() throws Exception {
        var key = start("actions-closed");
        awaitInvited(key);
        close(key);
        await().atMost(Duration.ofSeconds(30)).until(() -> !round(key).path("status").asText().equals("OPEN"));

        var refused = List.of(
                coordinator.postForEntity("/api/consultations/" + key + "/consultees/blaby/invitation", null,
                        JsonNode.class),
                coordinator.postForEntity("/api/consultations/" + key + "/reminders", Map.of(), JsonNode.class),
                coordinator.postForEntity("/api/consultations/" + key + "/consultees", Map.of("id", "late-comer",
                        "organisation", "Late Comer", "group", "key-partner",
                        "contact", Map.of("name", "L. Comer", "email", "late.comer@example.org")), JsonNode.class),
                coordinator.postForEntity("/api/consultations/" + key + "/chase-tasks/any",
                        Map.of("outcome", "Too late"), JsonNode.class));

        assertThat(refused).allSatisfy(response -> {
            assertThat(response.getStatusCode()).isEqualTo(HttpStatus.CONFLICT);
            assertThat(response.getBody().path("detail").asText()).contains("closed");
        });
        assertThat(rest.getForEntity(path(links.url(key, "blaby")), String.class).getStatusCode())
                .as("the link still shows the closed round's page").isEqualTo(HttpStatus.OK);
    }

    // --- helpers ---

    private String start(String key) throws Exception {
        var yaml = Files.readString(Path.of(SEED)).replace("key: vcs-infrastructure-2007", "key: " + key);
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        var started = coordinator.exchange("/api/consultations?rehearsal=PT10M", HttpMethod.POST,
                new HttpEntity<>(yaml, headers), JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return key;
    }

    private void awaitInvited(String key) {
        await().atMost(Duration.ofSeconds(60)).until(() -> count(
                "select count(*) from engagement where round_key = ? and invited_at is not null", key)
                == consultees.size());
    }

    private void respondByLetter(String key, String consulteeId) {
        var recorded = coordinator.postForEntity("/api/consultations/" + key + "/responses", Map.of(
                "consulteeId", consulteeId, "channel", "LETTER", "answers", Map.of("preference", "a")), JsonNode.class);
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    private void close(String key) {
        assertThat(coordinator.postForEntity("/api/consultations/" + key + "/close", null, JsonNode.class)
                .getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
    }

    private JsonNode round(String key) {
        return coordinator.getForObject("/api/consultations/" + key, JsonNode.class);
    }

    private static JsonNode consultee(JsonNode round, String id) {
        for (var consultee : round.path("consultees")) {
            if (consultee.path("id").asText().equals(id)) {
                return consultee;
            }
        }
        throw new AssertionError("no consultee " + id + " in " + round);
    }

    private JsonNode history(String key) {
        return coordinator.getForObject("/api/consultations/" + key + "/history", JsonNode.class);
    }

    private List<String> actions(String key) {
        var actions = new ArrayList<String>();
        history(key).forEach(entry -> actions.add(entry.path("actor").asText() + " " + entry.path("action").asText()));
        return actions;
    }

    private ResponseEntity<String> post(String link, LinkedMultiValueMap<String, String> form) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        return rest.exchange(link, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);
    }

    private static LinkedMultiValueMap<String, String> form(String field, String value) {
        var form = new LinkedMultiValueMap<String, String>();
        form.add(field, value);
        form.add("respondent-name", "A. Officer");
        return form;
    }

    /** The mails to one address about one round (its title is the seed's, so the Message-ID tells rounds apart). */
    private List<MimeMessage> mailsTo(String address, String key, String subject) throws Exception {
        var found = new ArrayList<MimeMessage>();
        var ids = jdbc.sql("select message_id from mail_sent where round_key = ?").param(key).query(String.class).list();
        for (var message : mail.getReceivedMessages()) {
            if (message.getSubject().contains(subject) && ids.contains(message.getMessageID())
                    && message.getRecipients(Message.RecipientType.TO)[0].toString().contains(address)) {
                found.add(message);
            }
        }
        return found;
    }

    private static String linkIn(MimeMessage message) {
        var body = text(message);
        var at = body.indexOf("/respond/");
        return body.substring(at).split("[\\s\"<]")[0];
    }

    /** The plain-text part, decoded. */
    private static String text(MimeMessage message) {
        try {
            return text(message.getContent());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static String text(Object content) throws Exception {
        if (content instanceof String text) {
            return text;
        }
        var multipart = (Multipart) content;
        for (int i = 0; i < multipart.getCount(); i++) {
            var part = multipart.getBodyPart(i);
            if (part.isMimeType("text/plain")) {
                return (String) part.getContent();
            }
            if (part.isMimeType("multipart/*")) {
                return text(part.getContent());
            }
        }
        throw new AssertionError("no plain-text part");
    }

    private static String path(String url) {
        return URI.create(url).getPath();
    }

    private int count(String sql, Object... params) {
        return jdbc.sql(sql).params(params).query(Integer.class).single();
    }
}
