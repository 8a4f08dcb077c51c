package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipInputStream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.util.GreenMail;
import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import org.junit.jupiter.api.Test;
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

/**
 * The seed round, rehearsed in twenty seconds, from the coordinator's side of the report: every format by Accept and by
 * file name, commentary until approval, the approved version frozen and mailed, and the evidence pack.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "consultflow.embedded.kafka.port=0",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500",
        "consultflow.engagement.closing-sweep-every=PT0.5S",
        "spring.datasource.url=jdbc:h2:mem:report-downloads;DB_CLOSE_DELAY=-1"})
@DirtiesContext
class ReportDownloadsIntegrationTest {

    static final String KEY = "vcs-infrastructure-2007";
    static final String REPORT = "/api/consultations/" + KEY + "/report";
    static final String DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    @DynamicPropertySource
    static void mailPorts(DynamicPropertyRegistry registry) {
        TestMailPorts.register(registry);
    }

    @Autowired TestRestTemplate rest;
    @Autowired GreenMail mail;
    @Autowired JdbcClient jdbc;

    final ObjectMapper json = new ObjectMapper();

    @Test
    void servesEveryFormatThenFreezesMailsAndPacksTheApprovedReport() throws Exception {
        var coordinator = rest.withBasicAuth("coordinator", "coordinator");
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        var yaml = Files.readString(Path.of("consultations/vcs-infrastructure-2007.yaml"))
                + "feedback: {mail: true, link: 'https://council.example.org/vcs-2007'}\n";
        assertThat(coordinator.exchange("/api/consultations?rehearsal=PT20S", HttpMethod.POST,
                new HttpEntity<>(yaml, headers), JsonNode.class).getStatusCode()).isEqualTo(HttpStatus.CREATED);
        await().atMost(Duration.ofSeconds(60)).until(() -> status(coordinator).equals("REPORT_DRAFTED"));

        // Each format by Accept, and the PDF by file name as a download.
        assertThat(get(coordinator, REPORT, "text/markdown").getHeaders().getContentType().toString())
                .startsWith("text/markdown");
        assertThat(text(get(coordinator, REPORT, "text/markdown"))).startsWith("# Review of Voluntary");
        assertThat(text(get(coordinator, REPORT, "text/html"))).contains("<html lang=\"en\"");
        assertThat(text(get(coordinator, REPORT, "text/csv"))).startsWith("section,question,");
        assertThat(get(coordinator, REPORT, DOCX).getBody()).startsWith('P', 'K');
        assertThat(get(coordinator, REPORT, "application/pdf").getBody()).startsWith('%', 'P', 'D', 'F');
        var download = get(coordinator, REPORT + ".pdf", "*/*");
        assertThat(download.getHeaders().getContentDisposition().getFilename()).isEqualTo(KEY + "-report.pdf");
        assertThat(download.getBody()).startsWith('%', 'P', 'D', 'F');

        // Commentary re-drafts the report under review; once approved it is refused.
        assertThat(commentary(coordinator, "Officers' view").getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
        assertThat(text(get(coordinator, REPORT, "text/markdown"))).contains("## Officers' view");
        assertThat(coordinator.postForEntity(REPORT + "/approval", null, Void.class).getStatusCode())
                .isEqualTo(HttpStatus.NO_CONTENT);
        await().atMost(Duration.ofSeconds(30)).until(() -> status(coordinator).equals("APPROVED"));
        assertThat(commentary(coordinator, "Too late").getStatusCode()).isEqualTo(HttpStatus.CONFLICT);

        // The approved version is frozen: every download is the stored file, byte for byte.
        var frozen = jdbc.sql("select content from approved_report_file where round_key = ? and format = 'PDF'")
                .param(KEY).query((rs, row) -> rs.getBytes("content")).single();
        assertThat(get(coordinator, REPORT + ".pdf", "*/*").getBody()).isEqualTo(frozen);
        assertThat(get(coordinator, REPORT, "application/pdf").getBody()).isEqualTo(frozen);
        var approvedJson = get(coordinator, REPORT, "application/json").getBody();
        assertThat(get(coordinator, REPORT, "application/json").getBody()).isEqualTo(approvedJson);
        assertThat(new String(approvedJson, StandardCharsets.UTF_8)).contains("Officers' view");
        assertThat(text(get(coordinator, REPORT, "text/markdown"))).contains("**Approved report — version ")
                .doesNotContain("Draft");

        // Mailed to the coordinator and the distribution list, the frozen PDF attached.
        await().atMost(Duration.ofSeconds(30)).until(() -> approvalMails().size() == 2);
        assertThat(approvalMails()).extracting(m -> ((InternetAddress) m.getAllRecipients()[0]).getAddress())
                .containsExactlyInAnyOrder("morag.ellison@example.org", "ssog-secretariat@example.org");
        for (var message : approvalMails()) {
            BodyPart attachment = ((Multipart) message.getContent()).getBodyPart(1);
            assertThat(attachment.getFileName()).isEqualTo(KEY + "-report.pdf");
            assertThat(attachment.getInputStream().readAllBytes()).isEqualTo(frozen);
        }

        // "We asked, you said" to every consultee once the distribution is served, each once, from the approved data.
        await().atMost(Duration.ofSeconds(30)).until(() -> received("We asked, you said:").size() == 20);
        var feedback = received("We asked, you said:");
        assertThat(feedback).extracting(m -> ((InternetAddress) m.getAllRecipients()[0]).getAddress())
                .doesNotHaveDuplicates().contains("stephen.farrow@example.org");
        var feedbackText = (String) ((Multipart) feedback.get(0).getContent()).getBodyPart(0).getContent();
        assertThat(feedbackText).contains("0 of 20 organisations responded in time.", "We asked: ",
                "You said: No answers were counted.", "Read the report: https://council.example.org/vcs-2007");

        // The log row follows the server's acceptance: wait for it, or the first pack could be made in between.
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select count(*) from mail_sent where round_key = ? and purpose like 'report-approved-%'")
                .param(KEY).query(Integer.class).single() == 2);

        // The evidence pack: the same bytes twice, the frozen report inside, every file in the manifest.
        var pack = get(coordinator, "/api/consultations/" + KEY + "/evidence", "application/zip");
        assertThat(pack.getHeaders().getContentDisposition().getFilename()).isEqualTo(KEY + "-evidence.zip");
        assertThat(get(coordinator, "/api/consultations/" + KEY + "/evidence", "application/zip").getBody())
                .isEqualTo(pack.getBody());
        var entries = unzip(pack.getBody());
        assertThat(entries.keySet()).startsWith("README.md", "definition.json")
                .contains("timelines/blaby.json", "audit.json", "report/approval.json", "report/" + KEY + "-report.pdf",
                        "report/" + KEY + "-report.docx")
                .endsWith("manifest.json");
        assertThat(entries.get("report/" + KEY + "-report.pdf")).isEqualTo(frozen);
        assertThat(json.readTree(entries.get("definition.json")).path("key").asText()).isEqualTo(KEY);
        assertThat(json.readTree(entries.get("timelines/blaby.json")).path("events").get(0).path("what").asText())
                .isEqualTo("invited");
        // Every reminder the silent council was sent is a dated event of its own, as the mail log has it.
        var remindersToBlaby = new java.util.ArrayList<String>();
        json.readTree(entries.get("mails.json")).forEach(m -> {
            if (m.path("consulteeId").asText().equals("blaby") && m.path("purpose").asText().startsWith("reminder-")) {
                remindersToBlaby.add(m.path("sentAt").asText());
            }
        });
        var remindedAt = new java.util.ArrayList<String>();
        json.readTree(entries.get("timelines/blaby.json")).path("events").forEach(e -> {
            if (e.path("what").asText().equals("reminded")) {
                remindedAt.add(e.path("at").asText());
            }
        });
        assertThat(remindersToBlaby).hasSizeGreaterThan(1);
        assertThat(remindedAt).containsExactlyElementsOf(remindersToBlaby);
        assertThat(new String(entries.get("README.md"), StandardCharsets.UTF_8))
                .contains("`mails.json`: every mail sent for the round").doesNotContain("does not keep a log");
        // Every invitation the mail server received is listed with the Message-ID it arrived with.
        var listed = new java.util.ArrayList<String>();
        json.readTree(entries.get("mails.json")).forEach(m -> {
            if (m.path("purpose").asText().equals("invitation")) {
                listed.add(m.path("recipient").asText() + " " + m.path("messageId").asText());
                assertThat(m.path("sentAt").asText()).isNotEmpty();
                assertThat(m.path("subject").asText()).startsWith("Invitation to respond:");
            }
        });
        var invitations = received("Invitation to respond:").stream().map(m -> {
            try {
                return ((InternetAddress) m.getAllRecipients()[0]).getAddress() + " " + m.getMessageID();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
        assertThat(invitations).isNotEmpty();
        assertThat(listed).containsExactlyInAnyOrderElementsOf(invitations);
        var manifest = json.readTree(entries.get("manifest.json")).path("files");
        entries.forEach((name, bytes) -> {
            if (!name.equals("manifest.json")) {
                assertThat(manifest.path(name).asText()).as(name).isEqualTo(sha256(bytes));
            }
        });
    }

    private static ResponseEntity<byte[]> get(TestRestTemplate coordinator, String path, String accept) {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT, accept);
        var response = coordinator.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), byte[].class);
        assertThat(response.getStatusCode()).as(path + " as " + accept).isEqualTo(HttpStatus.OK);
        return response;
    }

    private static String text(ResponseEntity<byte[]> response) {
        return new String(response.getBody(), StandardCharsets.UTF_8);
    }

    private static ResponseEntity<Void> commentary(TestRestTemplate coordinator, String heading) {
        var body = Map.of("sections", List.of(Map.of("heading", heading, "text", "Model B has the widest support.")));
        return coordinator.exchange(REPORT + "/commentary", HttpMethod.PUT, new HttpEntity<>(body), Void.class);
    }

    private static String status(TestRestTemplate coordinator) {
        return coordinator.getForObject("/api/consultations/" + KEY, JsonNode.class).path("status").asText();
    }

    private List<MimeMessage> approvalMails() {
        return received("Approved report:");
    }

    private List<MimeMessage> received(String subject) {
        return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().startsWith(subject);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws Exception {
        var entries = new java.util.LinkedHashMap<String, byte[]>();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                entries.put(entry.getName(), in.readAllBytes());
            }
        }
        return entries;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
