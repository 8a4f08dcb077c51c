package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeBodyPart;
import jakarta.mail.internet.MimeMessage;
import jakarta.mail.internet.MimeMultipart;
import jakarta.mail.util.ByteArrayDataSource;
import org.camunda.bpm.engine.FormService;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.TaskService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
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

/**
 * Consultees reply to the invitation mail, as the 2007 round's did: real SMTP into the embedded mail server, the
 * reply mailbox read over IMAP, PostgreSQL, the real broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "consultflow.embedded.kafka.port=0",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500",
        "consultflow.responses.correlate-every=PT0.2S",
        "consultflow.replies.poll-every=PT0.5S",
        "consultflow.replies.tasklist-every=PT0.5S",
        "consultflow.replies.max-attachment-size=64KB"})
@DirtiesContext
class EmailedReplyIntegrationTest {

    static final String REPLIES = "replies@consultflow.localhost";
    /** Like every real PDF, binary from its second line on: the attachment must come back byte for byte. */
    static final byte[] PDF = "%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
            .getBytes(StandardCharsets.ISO_8859_1);

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestMailPorts.register(registry);
        TestDatabases.postgres(registry, "replies");
    }

    @Autowired TestRestTemplate rest;
    @Autowired JdbcClient jdbc;
    @Autowired TaskService tasks;
    @Autowired FormService forms;
    @Autowired IdentityService identity;
    @Autowired @Qualifier("embeddedGreenMail") GreenMail mail;

    @Test
    void aReplyToTheInvitationWithALetterAttachedBecomesATaskAndThenAnEmailResponse() throws Exception {
        start("replies-matched");
        var invitation = invitationTo("replies-matched", "stephen.farrow@example.org");
        var reply = reply("stephen.farrow@example.org", "Re: " + invitation.getSubject(),
                "We prefer model B. Our letter is attached.", invitation.getMessageID());
        // Reply as a mail client does: to everyone the invitation names in Reply-To, the reply mailbox among them.
        assertThat(Arrays.stream(invitation.getReplyTo()).map(a -> ((InternetAddress) a).getAddress())).contains(REPLIES);
        reply.setRecipients(Message.RecipientType.TO, invitation.getReplyTo());
        // A client's clock (or a sender) may claim any date; the mailbox's own receipt time is what counts.
        var sent = java.time.Instant.now();
        reply.setSentDate(java.util.Date.from(sent.minus(Duration.ofDays(1))));
        attach(reply, "letter.pdf", "application/pdf", PDF);
        attach(reply, "appendix.pdf", "application/pdf", new byte[100 * 1024]);
        attach(reply, "setup.exe", "application/x-msdownload", new byte[10]);
        Transport.send(reply);

        var waiting = await().atMost(Duration.ofSeconds(30)).until(() -> coordinator()
                .getForObject("/api/replies?status=WAITING", JsonNode.class), list -> list.size() == 1).get(0);
        assertThat(waiting.path("consulteeId").asText()).isEqualTo("blaby");
        assertThat(waiting.path("body").asText()).contains("We prefer model B.");
        var attachments = waiting.path("attachments");
        assertThat(attachments.get(0).path("fileName").asText()).isEqualTo("letter.pdf");
        assertThat(attachments.get(0).path("refused").isMissingNode() || attachments.get(0).path("refused").isNull()).isTrue();
        assertThat(attachments.get(1).path("refused").asText()).isEqualTo("not kept: 0.1 MB is larger than the 0.1 MB allowed");
        assertThat(attachments.get(2).path("refused").asText()).startsWith("not kept: the type application/x-msdownload is not accepted");

        var task = tasks.createTaskQuery().taskName("Record the emailed response").taskCandidateGroup("coordinators")
                .singleResult();
        assertThat(task).isNotNull();
        assertThat(task.getDescription()).contains("stephen.farrow@example.org").contains("blaby")
                .as("the mail shown in Tasklist").contains("We prefer model B. Our letter is attached.");

        var id = waiting.path("id").asLong();
        var download = coordinator().getForEntity("/api/replies/" + id + "/attachments/1", byte[].class);
        assertThat(download.getBody()).isEqualTo(PDF);
        assertThat(download.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_OCTET_STREAM);
        assertThat(download.getHeaders().getContentDisposition().getType()).isEqualTo("attachment");
        assertThat(coordinator().getForEntity("/api/replies/" + id + "/attachments/2", byte[].class).getStatusCode())
                .as("a refused attachment was not kept").isEqualTo(HttpStatus.NOT_FOUND);

        var recorded = coordinator().postForEntity("/api/replies/" + id + "/record",
                Map.of("answers", Map.of("preference", "b")), JsonNode.class);
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(30)).until(() -> channels("replies-matched", "blaby").equals("EMAIL"));
        assertThat(jdbc.sql("select submitted_at from response where round_key = 'replies-matched'")
                .query(java.sql.Timestamp.class).single().toInstant())
                .as("on time by when the mailbox received it, not the Date header")
                .isEqualTo(java.time.Instant.parse(waiting.path("receivedAt").asText()))
                .isAfter(sent.minusSeconds(5));
        assertThat(tasks.createTaskQuery().taskId(task.getId()).count()).as("the task is done").isZero();
        assertThat(coordinator().postForEntity("/api/replies/" + id + "/record",
                Map.of("answers", Map.of("preference", "c")), JsonNode.class).getStatusCode())
                .as("recorded once").isEqualTo(HttpStatus.CONFLICT);
    }

    @Test
    void aMailAnsweringNothingOfOursGoesToTriageAsTextAndIsRecordedForTheConsulteeTheCoordinatorNames() throws Exception {
        start("replies-triage", "coordinators: [coordinator]\n");
        var stray = new MimeMessage(session());
        stray.setFrom(new InternetAddress("clerk@melton.example.net"));
        stray.setRecipient(Message.RecipientType.TO, new InternetAddress(REPLIES));
        stray.setSubject("Our views on the VCS review");
        stray.setContent("<p>Melton prefers model C.</p><script>alert('x')</script>", "text/html; charset=utf-8");
        Transport.send(stray);

        var triage = await().atMost(Duration.ofSeconds(30)).until(() -> coordinator()
                .getForObject("/api/replies", JsonNode.class), list -> list.size() == 1).get(0);
        assertThat(triage.path("status").asText()).isEqualTo("UNMATCHED");
        assertThat(triage.path("body").asText()).contains("Melton prefers model C.").doesNotContain("<script")
                .doesNotContain("<p>");
        assertThat(tasks.createTaskQuery().taskName("Record the emailed response")
                .taskDescriptionLike("%clerk@melton.example.net%").count()).isZero();

        // The round names its coordinators: another coordinator may read the reply but not record it into the round.
        if (identity.createUserQuery().userId("deputy").count() == 0) {
            var deputy = identity.newUser("deputy");
            deputy.setPassword("deputy-password");
            identity.saveUser(deputy);
            identity.createMembership("deputy", "coordinators");
        }
        var refused = rest.withBasicAuth("deputy", "deputy-password").postForEntity(
                "/api/replies/" + triage.path("id").asLong() + "/record",
                Map.of("roundKey", "replies-triage", "consulteeId", "melton", "answers", Map.of("preference", "c")),
                JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
        assertThat(refused.getBody().path("detail").asText()).contains("coordinators this round names");

        var recorded = coordinator().postForEntity("/api/replies/" + triage.path("id").asLong() + "/record",
                Map.of("roundKey", "replies-triage", "consulteeId", "melton", "answers", Map.of("preference", "c")),
                JsonNode.class);
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(30)).until(() -> channels("replies-triage", "melton").equals("EMAIL"));
    }

    @Test
    void aReplyTaskCompletedInTasklistIsRecordedAsTheApiWouldOrOpensAgainSayingWhyNot() throws Exception {
        start("replies-tasklist");
        var invitation = invitationTo("replies-tasklist", "angela.whitby@example.org");
        var reply = reply("angela.whitby@example.org", "Re: " + invitation.getSubject(), "Charnwood prefers model B.",
                invitation.getMessageID());
        reply.setRecipients(Message.RecipientType.TO, invitation.getReplyTo());
        Transport.send(reply);
        var first = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .taskName("Record the emailed response").taskDescriptionLike("%Charnwood prefers model B.%")
                .singleResult(), task -> task != null);

        completeInTasklist(first.getId(), Map.of("note", "Answers to follow"));

        var second = await().atMost(Duration.ofSeconds(30)).until(() -> tasks.createTaskQuery()
                .taskName("Record the emailed response").taskDescriptionLike("%Charnwood prefers model B.%")
                .singleResult(), task -> task != null);
        assertThat(second.getId()).isNotEqualTo(first.getId());
        assertThat(second.getDescription()).startsWith("Not recorded when the last task was completed: no answers");
        assertThat(channels("replies-tasklist", "charnwood")).as("nothing recorded without answers").isEmpty();

        completeInTasklist(second.getId(), Map.of("preference", "b", "funding", "Part-fund a hub",
                "note", "Read from the mail"));

        await().atMost(Duration.ofSeconds(30)).until(() -> channels("replies-tasklist", "charnwood").equals("EMAIL"));
        var recorded = coordinator().getForObject("/api/replies?status=RECORDED", JsonNode.class);
        assertThat(recorded).anySatisfy(stored -> {
            assertThat(stored.path("consulteeId").asText()).isEqualTo("charnwood");
            assertThat(stored.path("recordedBy").asText()).isEqualTo("coordinator");
        });
        assertThat(jdbc.sql("select answers from response where round_key = 'replies-tasklist'").query(String.class)
                .single()).contains("\"preference\":\"b\"").contains("Part-fund a hub");
        var history = coordinator().getForObject("/api/consultations/replies-tasklist/history", JsonNode.class);
        assertThat(history).anySatisfy(entry -> {
            assertThat(entry.path("actor").asText() + " " + entry.path("action").asText())
                    .isEqualTo("coordinator response.recorded-offline");
            assertThat(entry.path("detail").asText()).contains("EMAIL from charnwood").contains("Read from the mail");
        });
        assertThat(tasks.createTaskQuery().taskName("Record the emailed response").count()).isZero();
    }

    /** As Tasklist does it: the signed-in coordinator submits the task's form with the variables they added. */
    private void completeInTasklist(String taskId, Map<String, Object> variables) {
        identity.setAuthentication("coordinator", java.util.List.of("coordinators"));
        try {
            forms.submitTaskForm(taskId, variables);
        } finally {
            identity.clearAuthentication();
        }
    }

    // --- helpers ---

    /** The invitation of that round: every round invites the seed's consultees, so the Message-ID tells them apart. */
    private MimeMessage invitationTo(String round, String contact) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> Arrays.stream(mail.getReceivedMessages())
                .filter(m -> sentTo(m, contact))
                .filter(m -> jdbc.sql("select count(*) from mail_sent where round_key = ? and message_id = ?")
                        .params(round, messageId(m)).query(Integer.class).single() > 0)
                .filter(m -> subject(m).startsWith("Invitation to respond: "))
                .findFirst().orElse(null), m -> m != null);
    }

    private MimeMessage reply(String from, String subject, String text, String inReplyTo) throws Exception {
        var reply = new MimeMessage(session());
        reply.setFrom(new InternetAddress(from));
        reply.setRecipient(Message.RecipientType.TO, new InternetAddress(REPLIES));
        reply.setSubject(subject);
        reply.setHeader("In-Reply-To", inReplyTo);
        reply.setHeader("References", inReplyTo);
        var body = new MimeBodyPart();
        body.setText(text, "UTF-8");
        reply.setContent(new MimeMultipart("mixed", body));
        return reply;
    }

    private static void attach(MimeMessage message, String name, String type, byte[] content) throws Exception {
        var part = new MimeBodyPart();
        part.setDataHandler(new jakarta.activation.DataHandler(new ByteArrayDataSource(content, type)));
        part.setFileName(name);
        part.setDisposition(MimeBodyPart.ATTACHMENT);
        ((MimeMultipart) message.getContent()).addBodyPart(part);
        message.saveChanges();
    }

    private Session session() {
        var properties = new Properties();
        properties.put("mail.smtp.host", "127.0.0.1");
        properties.put("mail.smtp.port", String.valueOf(mail.getSmtp().getPort()));
        return Session.getInstance(properties);
    }

    private static boolean sentTo(MimeMessage message, String address) {
        try {
            return Arrays.stream(message.getRecipients(Message.RecipientType.TO)).anyMatch(a -> a.toString().contains(address));
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
        }
    }

    private String channels(String round, String consultee) {
        return String.join(",", jdbc.sql("select channel from response where round_key = ? and consultee_id = ? order by version")
                .params(round, consultee).query(String.class).list());
    }

    private TestRestTemplate coordinator() {
        return rest.withBasicAuth("coordinator", "coordinator");
    }

    private void start(String key) throws Exception {
        start(key, "");
    }

    private void start(String key, String moreYaml) throws Exception {
        var yaml = Files.readString(Path.of("consultations/vcs-infrastructure-2007.yaml"))
                .replace("key: vcs-infrastructure-2007", "key: " + key) + moreYaml;
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        var started = coordinator().exchange("/api/consultations?rehearsal=PT10M", HttpMethod.POST,
                new HttpEntity<>(yaml, headers), JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
    }
}
