package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.icegreen.greenmail.util.GreenMail;
import io.cloudevents.CloudEvent;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import jakarta.mail.Message;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.camunda.bpm.engine.AuthorizationService;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.authorization.Permissions;
import org.camunda.bpm.engine.authorization.Resources;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
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
 * Runs the shipped seed round through the real in-process services: KRaft broker, SMTP server, database, engine.
 * Rehearsal durations compress the timeline; nothing inside the application is mocked or clocked.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "consultflow.embedded.kafka.port=0",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500",
        "consultflow.responses.correlate-every=PT0.2S",
        "consultflow.engagement.closing-sweep-every=PT0.5S"})
@DirtiesContext
abstract class SeedRoundLifecycle {

    static final String KEY = "vcs-infrastructure-2007";
    static final Duration REHEARSAL = Duration.ofSeconds(75);
    static final String RESPONSES = "consultation.responses";

    @DynamicPropertySource
    static void mailPorts(DynamicPropertyRegistry registry) {
        TestMailPorts.register(registry);
    }

    @Autowired TestRestTemplate rest;
    @Autowired GreenMail mail;
    @Autowired KafkaConnectionDetails kafka;
    @Autowired HistoryService history;
    @Autowired ManagementService management;
    @Autowired AuthorizationService authorizations;
    @Autowired JdbcClient jdbc;
    @Autowired ProcessEngine engine;
    @Autowired javax.sql.DataSource dataSource;

    final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    KafkaProducer<String, byte[]> producer;
    TestRestTemplate coordinator;

    @BeforeEach
    void connect() {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(props);
        coordinator = rest.withBasicAuth("coordinator", "coordinator");
    }

    @AfterEach
    void disconnect() {
        producer.close();
    }

    @Test
    void acquiresJobsByDueDateOverTheIndexesItsQueriesNeed() throws Exception {
        var configuration = (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        assertThat(configuration.isJobExecutorAcquireByDueDate()).isTrue();
        var indexes = new HashMap<String, String>();
        boolean postgres;
        try (var connection = dataSource.getConnection()) {
            postgres = connection.getMetaData().getDatabaseProductName().equals("PostgreSQL");
            // H2 keeps unquoted names in upper case, PostgreSQL in lower case.
            for (var table : List.of("ACT_RU_JOB", "act_ru_job", "ACT_RU_VARIABLE", "act_ru_variable")) {
                try (var rs = connection.getMetaData().getIndexInfo(null, null, table, false, false)) {
                    while (rs.next()) {
                        if (rs.getString("INDEX_NAME") != null) {
                            indexes.put(rs.getString("INDEX_NAME").toUpperCase(),
                                    rs.getString("COLUMN_NAME").toUpperCase());
                        }
                    }
                }
            }
        }
        assertThat(indexes).containsEntry("ACT_IDX_JOB_DUEDATE", "DUEDATE_")
                .containsEntry("ACT_IDX_JOB_LOCKEXP", "LOCK_EXP_TIME_");
        if (postgres) {
            // Partial (only the roundKey variable's rows), which H2 cannot do.
            assertThat(indexes).containsEntry("ACT_IDX_VARIABLE_ROUNDKEY", "TEXT_");
        }
    }

    @Test
    void runsTheSeedRoundFromInvitationToApprovedReport() throws Exception {
        var yaml = Files.readString(Path.of("consultations/vcs-infrastructure-2007.yaml"));
        var definition = new ObjectMapper(new YAMLFactory()).readTree(yaml);
        var emails = emailsById(definition);
        var councils = idsOfGroup(definition, "district-council");
        var partner = idsOfGroup(definition, "key-partner").get(0);
        var member = idsOfGroup(definition, "ssog-member").get(0);
        var blaby = councils.get(0);
        var charnwood = councils.get(1);
        var harborough = councils.get(2);
        var silentCouncil = councils.get(3);

        // 1. Start the round as a rehearsal, holding invitations back for now (see 2.): jobs of a suspended job
        //    definition are created suspended, so the job executor never holds one that is then activated.
        management.suspendJobDefinitionByProcessDefinitionKey("consultee-engagement");
        var started = coordinator.exchange("/api/consultations?rehearsal=" + REHEARSAL, HttpMethod.POST,
                new HttpEntity<>(yaml, headers("application/yaml")), JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        assertThat(started.getBody().path("status").asText()).isEqualTo("OPEN");

        // 2. A response that arrives before its engagement waits for it: invitations are held back until the
        //    inbox has tried, and failed, to hand it over.
        publish(response("early-blaby", blaby, Map.of("preference", "a", "role", "Advice and support")));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.sql(
                "select attempts from response where event_id = 'early-blaby'").query(Integer.class).optional()
                .orElse(0) > 0);
        management.activateJobDefinitionByProcessDefinitionKey("consultee-engagement", true);

        // 3. Every consultee is invited, each with a personal link (a loaded build machine may take a while).
        await().atMost(Duration.ofSeconds(120)).until(() -> mails("Invitation to respond").size() == emails.size());
        var invitations = mails("Invitation to respond");
        assertThat(recipients(invitations)).containsExactlyInAnyOrderElementsOf(emails.values());
        assertThat(body(invitations.get(0))).contains("/respond/");

        // 4. Responses arrive as raw Kafka records: a duplicate, garbage, an invalid option, an amendment.
        publish(response("charnwood-1", charnwood, Map.of("preference", "b", "funding", "Part-fund a hub")));
        publish(response("harborough-1", harborough, Map.of("preference", "b")));
        publish(response("charnwood-1", charnwood, Map.of("preference", "c")));
        publishRaw("not json at all".getBytes(StandardCharsets.UTF_8));
        publish(response("silent-bad-option", silentCouncil, Map.of("preference", "d")));
        publish(response("partner-1", partner, Map.of("preference", Map.of("other", "A mix of B and C"))));
        publish(response("member-1", member, Map.of("preference", "c", "role", "Delivery partner | funder")));
        publish(response("harborough-2", harborough, Map.of("preference", "c")));

        // Six versions recorded; each is told to the invited contact and copied to the address its sender typed.
        await().atMost(Duration.ofSeconds(30)).until(() -> mails("received your").size() >= 12);
        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(10))
                .until(() -> mails("received your").size() == 12);
        var respondents = Set.of(blaby, charnwood, harborough, partner, member);
        var versions = List.of(blaby, charnwood, harborough, harborough, partner, member);
        var receipts = mails("received your");
        assertThat(recipients(receipts)).as("the invited contact always hears; whoever responded gets a copy")
                .containsExactlyInAnyOrderElementsOf(Stream.concat(versions.stream().map(emails::get),
                        versions.stream().map(id -> id + "@example.org")).toList());
        assertThat(receipts).as("only the invited contact gets the personal link").allSatisfy(receipt ->
                assertThat(body(receipt).contains("/respond/")).isEqualTo(emails.containsValue(recipients(List.of(receipt)).get(0))));
        assertThat(jdbc.sql("select correlation from response where event_id = 'early-blaby'").query(String.class)
                .single()).as("the early response reached its engagement in the end").isEqualTo("CORRELATED");

        var deadLetters = deadLetters(2);
        assertThat(deadLetters).extracting(r -> header(r, "consultflow-reason")).anySatisfy(
                reason -> assertThat(reason).contains("not a CloudEvent"));
        assertThat(deadLetters).extracting(r -> header(r, "consultflow-reason")).anySatisfy(
                reason -> assertThat(reason).contains("'d' is not an option"));

        // 5. Reminders reach only the consultees without a response; the round closes and a report is drafted.
        await().atMost(REHEARSAL.plusSeconds(60)).until(() -> status().equals("REPORT_DRAFTED"));
        var silent = emails.keySet().stream().filter(id -> !respondents.contains(id)).collect(Collectors.toSet());
        assertThat(recipients(mails("Reminder"))).isNotEmpty()
                .containsOnlyElementsOf(silent.stream().map(emails::get).toList());
        var reminderLink = body(mails("Reminder").get(0)).lines().filter(line -> line.contains("/respond/"))
                .map(line -> line.substring(line.indexOf("/respond/")).split("[\\s\"<]")[0]).findFirst().orElseThrow();
        var form = rest.getForEntity(reminderLink, String.class);
        assertThat(form.getStatusCode()).as("the reminder's link opens the form").isEqualTo(HttpStatus.OK);
        assertThat(form.getBody()).contains("Review of Voluntary and Community Sector Infrastructure");

        var round = round();
        assertThat(round.path("counts").path("invited").asInt()).isEqualTo(emails.size());
        assertThat(round.path("counts").path("responded").asInt()).isEqualTo(respondents.size());
        assertThat(consultee(round, harborough).path("responseVersions").asInt()).isEqualTo(2);
        assertThat(consultee(round, silentCouncil).path("state").asText()).isEqualTo("NO_RESPONSE");
        assertThat(history.createHistoricTaskInstanceQuery().taskDefinitionKey("Activity_ChaseConsultee").count())
                .as("silent district councils were chased").isPositive();

        // 6. The draft's tallies equal what was sent; the latest version counts.
        var report = coordinator.getForObject("/api/consultations/" + KEY + "/report", JsonNode.class);
        var preference = question(report, "preference");
        assertThat(counts(preference.path("overall"))).containsEntry("a", 1).containsEntry("b", 1)
                .containsEntry("c", 2).containsEntry("other", 1);
        assertThat(counts(preference.path("byGroup").path("district-council"))).containsEntry("a", 1)
                .containsEntry("b", 1).containsEntry("c", 1);
        assertThat(report.path("nonRespondents")).extracting(n -> n.path("id").asText()).contains(silentCouncil);
        assertThat(markdown()).contains("Review of Voluntary and Community Sector Infrastructure");

        // 7. A late response is kept and marked late; the draft under review is re-drafted by itself to list it in
        //    the annex (never counted); changes requested re-draft it again, then approval ends the round.
        publish(response("late-1", silentCouncil, Map.of("preference", "a")));
        await().atMost(Duration.ofSeconds(30)).until(() -> round().path("counts").path("late").asInt() == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> mails("after the deadline").size() == 2);
        assertThat(recipients(mails("after the deadline")))
                .containsExactlyInAnyOrder(emails.get(silentCouncil), silentCouncil + "@example.org");
        await().atMost(Duration.ofSeconds(30)).until(() -> coordinator.getForObject(
                "/api/consultations/" + KEY + "/report", JsonNode.class).path("late").size() == 1);
        var redrafted = coordinator.getForObject("/api/consultations/" + KEY + "/report", JsonNode.class);
        assertThat(counts(question(redrafted, "preference").path("overall"))).containsEntry("a", 1);
        review(Map.of("approved", false, "changes", "Say more about the district councils"));
        await().atMost(Duration.ofSeconds(30)).until(() -> reviewWaiting());
        review(Map.of());
        await().atMost(Duration.ofSeconds(30)).until(() -> status().equals("APPROVED"));

        // 8. Coordinators work their tasks in Tasklist; Cockpit and Admin stay with Camunda administrators.
        assertThat(authorizations.isUserAuthorized("coordinator", List.of("coordinators"), Permissions.ACCESS,
                Resources.APPLICATION, "tasklist")).isTrue();
        assertThat(authorizations.isUserAuthorized("coordinator", List.of("coordinators"), Permissions.ACCESS,
                Resources.APPLICATION, "cockpit")).isFalse();

        // 9. Partner systems saw the lifecycle in order.
        var types = outboundTypes();
        assertThat(types.get(0)).isEqualTo("consultation.opened");
        assertThat(types.get(types.size() - 1)).isEqualTo("consultation.report.approved");
        assertThat(types.stream().filter("consultation.invitation.sent"::equals)).hasSize(emails.size());
        assertThat(types.stream().filter("consultation.reminder.sent"::equals)).hasSize(mails("Reminder").size());
        assertThat(types.stream().filter("consultation.report.drafted"::equals)).as("at close, for the late response, "
                + "for the changes").hasSize(3);
        var closed = types.indexOf("consultation.closed");
        assertThat(types.subList(0, closed)).doesNotContain("consultation.report.drafted");
        assertThat(types.lastIndexOf("consultation.invitation.sent")).isLessThan(closed);
        assertThat(types.stream().filter("consultation.response.recorded"::equals)).hasSize(7);
    }

    // --- the outside world: Kafka ---

    private CloudEvent response(String id, String consulteeId, Map<String, Object> answers) throws Exception {
        var data = new LinkedHashMap<String, Object>();
        data.put("roundKey", KEY);
        data.put("consulteeId", consulteeId);
        data.put("answers", answers);
        data.put("respondent", Map.of("name", "Test Respondent", "email", consulteeId + "@example.org"));
        data.put("submittedAt", OffsetDateTime.now().toString());
        return CloudEventBuilder.v1().withId(id).withSource(java.net.URI.create("/partner"))
                .withType("consultation.response.submitted").withDataContentType("application/json")
                .withData(json.writeValueAsBytes(data)).build();
    }

    private void publish(CloudEvent event) throws Exception {
        publishRaw(EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).serialize(event));
    }

    private void publishRaw(byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(RESPONSES, KEY, value)).get();
    }

    private List<ConsumerRecord<String, byte[]>> deadLetters(int expected) {
        var records = new ArrayList<ConsumerRecord<String, byte[]>>();
        try (var consumer = consumer()) {
            assignFromStart(consumer, "consultation.responses.dlt");
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(records::add);
                return records.size() >= expected;
            });
        }
        return records;
    }

    private List<String> outboundTypes() {
        var types = new ArrayList<String>();
        var format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        try (var consumer = consumer()) {
            assignFromStart(consumer, "consultation.events");
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (var record : consumer.poll(Duration.ofMillis(200))) {
                    assertThat(record.key()).isEqualTo(KEY);
                    types.add(format.deserialize(record.value()).getType());
                }
                return types.contains("consultation.report.approved");
            });
        }
        return types;
    }

    private KafkaConsumer<String, byte[]> consumer() {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        return new KafkaConsumer<>(props);
    }

    private static void assignFromStart(KafkaConsumer<String, byte[]> consumer, String topic) {
        var partitions = consumer.partitionsFor(topic).stream()
                .map(p -> new TopicPartition(topic, p.partition())).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
    }

    private static String header(ConsumerRecord<String, byte[]> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? "" : new String(header.value(), StandardCharsets.UTF_8);
    }

    // --- the outside world: mail ---

    private List<MimeMessage> mails(String subjectPart) {
        return java.util.Arrays.stream(mail.getReceivedMessages())
                .filter(m -> subject(m).contains(subjectPart)).toList();
    }

    private static String subject(MimeMessage message) {
        try {
            return message.getSubject();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> recipients(List<MimeMessage> messages) {
        return messages.stream().map(m -> {
            try {
                return m.getRecipients(Message.RecipientType.TO)[0].toString();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).map(address -> address.replaceAll(".*<(.*)>", "$1")).toList();
    }

    /** The decoded plain-text part, as a mail client shows it. */
    private static String body(MimeMessage message) {
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
        var multipart = (jakarta.mail.Multipart) content;
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

    // --- the coordinator's API ---

    private JsonNode round() {
        return coordinator.getForObject("/api/consultations/" + KEY, JsonNode.class);
    }

    private String status() {
        return round().path("status").asText();
    }

    private String markdown() {
        var headers = new HttpHeaders();
        headers.setAccept(List.of(MediaType.parseMediaType("text/markdown")));
        return coordinator.exchange("/api/consultations/" + KEY + "/report", HttpMethod.GET,
                new HttpEntity<>(headers), String.class).getBody();
    }

    private boolean reviewWaiting() {
        return status().equals("REPORT_DRAFTED") && history.createHistoricTaskInstanceQuery()
                .taskDefinitionKey("Activity_ReviewReport").unfinished().count() == 1;
    }

    private void review(Map<String, Object> review) {
        await().atMost(Duration.ofSeconds(30)).until(this::reviewWaiting);
        var result = coordinator.exchange("/api/consultations/" + KEY + "/report/approval", HttpMethod.POST,
                new HttpEntity<>(review, headers(MediaType.APPLICATION_JSON_VALUE)), String.class);
        assertThat(result.getStatusCode()).isEqualTo(HttpStatus.NO_CONTENT);
    }

    private static HttpHeaders headers(String contentType) {
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType(contentType));
        return headers;
    }

    private static JsonNode consultee(JsonNode round, String id) {
        for (var consultee : round.path("consultees")) {
            if (consultee.path("id").asText().equals(id)) {
                return consultee;
            }
        }
        throw new AssertionError("no consultee " + id);
    }

    private static JsonNode question(JsonNode report, String id) {
        for (var question : report.path("questions")) {
            if (question.path("id").asText().equals(id)) {
                return question;
            }
        }
        throw new AssertionError("no question " + id);
    }

    private static Map<String, Integer> counts(JsonNode node) {
        var counts = new HashMap<String, Integer>();
        node.fields().forEachRemaining(e -> counts.put(e.getKey(), e.getValue().asInt()));
        return counts;
    }

    private static Map<String, String> emailsById(JsonNode definition) {
        var emails = new LinkedHashMap<String, String>();
        definition.path("consultees").forEach(c -> emails.put(c.path("id").asText(),
                c.path("contact").path("email").asText()));
        return emails;
    }

    private static List<String> idsOfGroup(JsonNode definition, String group) {
        var ids = new ArrayList<String>();
        definition.path("consultees").forEach(c -> {
            if (c.path("group").asText().equals(group)) {
                ids.add(c.path("id").asText());
            }
        });
        return ids;
    }
}
