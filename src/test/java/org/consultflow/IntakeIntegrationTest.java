package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
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
import org.consultflow.engagement.PersonalLinks;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
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
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The intake attacked as a hostile producer and an unlucky operator would, on PostgreSQL (which refuses what H2
 * accepts), the real KRaft broker and the real SMTP server: poison, forgery, replays, consumer lag.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "consultflow.embedded.kafka.port=0",
        "camunda.bpm.job-execution.wait-time-in-millis=200",
        "camunda.bpm.job-execution.max-wait=500",
        "consultflow.responses.correlate-every=PT0.2S",
        "consultflow.engagement.closing-sweep-every=PT0.5S"})
@DirtiesContext
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IntakeIntegrationTest {

    static final String RESPONSES = "consultation.responses";
    static final String SEED = "consultations/vcs-infrastructure-2007.yaml";

    @DynamicPropertySource
    static void services(DynamicPropertyRegistry registry) {
        TestMailPorts.register(registry);
        TestDatabases.postgres(registry, "intake");
    }

    @Autowired TestRestTemplate rest;
    @Autowired KafkaConnectionDetails kafka;
    @Autowired JdbcClient jdbc;
    @Autowired PersonalLinks links;
    @Autowired KafkaListenerEndpointRegistry listeners;

    final ObjectMapper json = new ObjectMapper().findAndRegisterModules();
    KafkaProducer<String, byte[]> producer;

    @BeforeAll
    void connect() {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(props);
    }

    @AfterAll
    void disconnect() {
        producer.close();
    }

    @Test
    void aControlCharacterOnTheFormIsAFieldErrorAndNothingIsSent() throws Exception {
        start("intake-form", "PT10M");
        var link = URI.create(links.url("intake-form", "blaby")).getPath();
        await().atMost(Duration.ofSeconds(30)).until(() -> rest.getForEntity(link, String.class).getStatusCode()
                == HttpStatus.OK);
        var form = new LinkedMultiValueMap<String, String>();
        form.add("q-preference", "a");
        form.add("respondent-name", "A.\u0000Officer");
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);

        var page = rest.exchange(link, HttpMethod.POST, new HttpEntity<>(form, headers), String.class);

        assertThat(page.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(page.getBody()).contains("govuk-error-summary")
                .contains("Your name must only include letters, numbers, spaces and punctuation");
        Thread.sleep(1_000);
        assertThat(versions("intake-form", "blaby")).isZero();

        form.set("respondent-name", "A. Officer");
        assertThat(rest.exchange(link, HttpMethod.POST, new HttpEntity<>(form, headers), String.class)
                .getStatusCode().isError()).as("sent once the character is gone").isFalse();
        await().atMost(Duration.ofSeconds(20)).until(() -> versions("intake-form", "blaby") == 1);
        assertThat(jdbc.sql("select channel from response where round_key = 'intake-form'").query(String.class)
                .single()).isEqualTo("WEB");
    }

    @Test
    void poisonIsDeadLetteredAtOnceAndEveryValidResponseBehindItIsRecorded() throws Exception {
        start("intake-poison", "PT10M");
        start("intake-other", "PT10M");
        var consultees = consulteeIds();
        var bad = new ArrayList<String>();
        var good = 0;
        // Bad and good interleaved on one partition (one key): nothing bad may hold up what follows it.
        // -Dconsultflow.test.poison=1000 runs the full size (1,000 bad and 1,000 good).
        var size = Integer.getInteger("consultflow.test.poison", 100);
        var began = Instant.now();
        for (int i = 0; i < size; i++) {
            var consultee = consultees.get(i % consultees.size());
            var id = "poison-" + i;
            switch (i % 5) {
                case 0 -> publish("/partner", id, "intake-poison", consultee, Map.of("funding", "Part\u0000fund"), null);
                case 1 -> publish("/partner", id, "intake-poison", consultee, Map.of("funding", "x".repeat(20_001)), null);
                case 2 -> publish("/partner", id, "intake-poison", consultee, Map.of("preference", "a"), "no@@example.org");
                case 3 -> publish("/intruder", id, "intake-poison", consultee, Map.of("preference", "a"), null);
                default -> publishRaw(("{\"specversion\":\"1.0\",\"id\":\"" + id + "\"\u0000").getBytes(StandardCharsets.UTF_8));
            }
            bad.add(id);
            publish("/partner", "good-" + i, "intake-other", consultee, Map.of("preference", "b"), null);
            good++;
        }
        var expected = good;

        await().atMost(Duration.ofSeconds(60 + size / 10)).until(() -> count(
                "select count(*) from response where round_key = 'intake-other'") == expected
                && count("select count(*) from dead_letter where payload is not null and reason not like 'unknown round%'"
                        + " and reason not like '%/respond%' and reason not like '%/partner/ may%'") == bad.size());
        System.out.printf("Poison: %d bad and %d good records, all dead-lettered or recorded %d ms after the first "
                + "was published%n", bad.size(), expected, Duration.between(began, Instant.now()).toMillis());
        assertThat(count("select count(*) from response where round_key = 'intake-poison'")).isZero();
        // On-time responses to an open round concern neither late receipts nor re-drafting: the listeners' conditions
        // keep them from being stored for those two (one row, one transaction and one completion each saved).
        assertThat(count("select count(*) from event_publication where serialized_event like '%intake-other%'"
                + " and listener_id like '%LifecycleEventsToKafka%'")).isGreaterThanOrEqualTo(expected);
        assertThat(count("select count(*) from event_publication where serialized_event like '%intake-other%'"
                + " and (listener_id like '%LateReceipts%' or listener_id like '%RedraftOnLateArrival%')")).isZero();
        var reasons = jdbc.sql("select reason from dead_letter").query(String.class).list();
        assertThat(reasons).anySatisfy(r -> assertThat(r).contains("control character (U+0000)"))
                .anySatisfy(r -> assertThat(r).contains("longer than 20000 characters"))
                .anySatisfy(r -> assertThat(r).contains("not an address mail can be sent to"))
                .anySatisfy(r -> assertThat(r).contains("not authorised: source /intruder"))
                .anySatisfy(r -> assertThat(r).contains("not a CloudEvent"))
                .allSatisfy(r -> assertThat(r).doesNotContain("\u0000"));
        assertThat(deadLetterTopicReasons(bad.size())).contains("not authorised: source /intruder may not answer for "
                + "consultee '" + consultees.get(3) + "' of round 'intake-poison'");
        assertThat(listeners.getListenerContainer("responses").isRunning()).isTrue();
    }

    @Test
    void consultFlowsOwnSourcesCannotBeImitatedAndEventsAreToldApartBySourceAndId() throws Exception {
        start("intake-forgery", "PT10M", "  - {source: /district-portal, groups: [district-council]}\n");
        publish("/consultflow/respond", "forged-1", "intake-forgery", "blaby", Map.of("preference", "a"), null);
        publish("/respond", "forged-2", "intake-forgery", "blaby", Map.of("preference", "a"), null);
        publish("/partner", "same-id", "intake-forgery", "blaby", Map.of("preference", "a"), null);
        publish("/partner", "same-id", "intake-forgery", "blaby", Map.of("preference", "c"), null);
        publish("/district-portal", "same-id", "intake-forgery", "blaby", Map.of("preference", "b"), null);
        publish("/partner/", "same-id", "intake-forgery", "blaby", Map.of("preference", "b"), null);

        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from dead_letter where reason like 'not authorised%' and reason like '%/respond%'") == 2
                && count("select count(*) from dead_letter where reason like '%source /partner/ may not%'") == 1);
        await().atMost(Duration.ofSeconds(30)).until(() -> versions("intake-forgery", "blaby") == 2);
        Thread.sleep(1_000);
        assertThat(jdbc.sql("select source from response where round_key = 'intake-forgery' order by version")
                .query(String.class).list()).as("one id from two sources: two events; the repeat of one: ignored")
                .containsExactly("/partner", "/district-portal");
    }

    @Test
    void aTimeTheProducerChoseIsNeverTrusted() throws Exception {
        start("intake-backdated", "PT10M");
        var opened = Instant.now();
        var event = CloudEventBuilder.v1().withId("backdated").withSource(URI.create("/partner"))
                .withType("consultation.response.submitted").withDataContentType("application/json")
                .withData(json.writeValueAsBytes(Map.of("roundKey", "intake-backdated", "consulteeId", "blaby",
                        "answers", Map.of("preference", "a"), "submittedAt", "2000-01-01T00:00:00Z"))).build();
        var backdated = Instant.parse("2001-01-01T00:00:00Z").toEpochMilli();
        producer.send(new ProducerRecord<>(RESPONSES, null, backdated, "intake",
                EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).serialize(event))).get();

        await().atMost(Duration.ofSeconds(20)).until(() -> versions("intake-backdated", "blaby") == 1);
        var submitted = jdbc.sql("select submitted_at from response where round_key = 'intake-backdated'")
                .query(java.sql.Timestamp.class).single().toInstant();
        assertThat(submitted).as("the broker's append time, not the record's or the data's claim").isAfter(opened);
    }

    @Test
    void aResponseSubmittedJustBeforeTheDeadlineButConsumedAfterTheDraftCountsInIt() throws Exception {
        var round = start("intake-lag", "PT20S");
        var deadline = Instant.parse(round.path("deadline").asText());
        var container = listeners.getListenerContainer("responses");
        container.pause();
        try {
            await().atMost(Duration.ofSeconds(10)).until(container::isContainerPaused);
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), deadline.minusSeconds(1)).toMillis()));
            publish("/partner", "just-in-time", "intake-lag", "melton", Map.of("preference", "c"), null);
            assertThat(Instant.now()).as("published before the deadline").isBefore(deadline);
            await().atMost(Duration.ofSeconds(60)).until(() -> status("intake-lag").equals("REPORT_DRAFTED"));
            assertThat(report("intake-lag").path("responseRate").path("responded").asInt()).isZero();
        } finally {
            container.resume();
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> report("intake-lag").path("responseRate")
                .path("responded").asInt() == 1);
        var report = report("intake-lag");
        assertThat(report.path("late").size()).as("on time by submission, not late by processing").isZero();
        assertThat(report.path("nonRespondents").toString()).doesNotContain("\"melton\"");
    }

    @Test
    void anAdminReplaysADeadLetterAfterTheFixAndTheReplayIsAudited() throws Exception {
        publish("/partner", "too-early", "intake-replay", "charnwood", Map.of("preference", "b"), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> count(
                "select count(*) from dead_letter where reason = 'unknown round ''intake-replay'''") == 1);
        var admin = rest.withBasicAuth("admin", "admin");
        var coordinator = rest.withBasicAuth("coordinator", "coordinator");
        assertThat(coordinator.getForEntity("/api/dead-letters", String.class).getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);
        var letters = admin.getForObject("/api/dead-letters?limit=1000", JsonNode.class);
        var id = find(letters, "unknown round 'intake-replay'").path("id").asLong();

        var refused = admin.postForEntity("/api/dead-letters/" + id + "/replay", null, JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.UNPROCESSABLE_ENTITY);
        assertThat(refused.getBody().path("detail").asText()).contains("still refused: unknown round");

        start("intake-replay", "PT10M");
        var replayed = admin.postForEntity("/api/dead-letters/" + id + "/replay", null, JsonNode.class);
        assertThat(replayed.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(replayed.getBody().path("outcome").asText()).isEqualTo("RECORDED");
        assertThat(versions("intake-replay", "charnwood")).isEqualTo(1);
        assertThat(admin.postForEntity("/api/dead-letters/" + id + "/replay", null, JsonNode.class).getStatusCode())
                .as("replayed once only").isEqualTo(HttpStatus.CONFLICT);
        assertThat(jdbc.sql("select actor || ' ' || action from audit_entry where detail like ?")
                .param("dead letter " + id + ":%").query(String.class).list())
                .containsExactly("admin dead-letter.replay-refused", "admin dead-letter.replayed");
    }

    @Test
    void aCoordinatorRecordsALetterThroughTheSameInboxWithItsChannelAndReceivedDate() throws Exception {
        var round = start("intake-letter", "PT10M");
        var coordinator = rest.withBasicAuth("coordinator", "coordinator");
        var received = Instant.parse(round.path("opened").asText());
        var letter = Map.of("consulteeId", "oadby-wigston", "channel", "letter", "receivedAt", received.toString(),
                "note", "Letter from the chief executive, scanned to the shared drive",
                "answers", Map.of("preference", "b", "funding", "We would part-fund a hub"));

        var recorded = coordinator.postForEntity("/api/consultations/intake-letter/responses", letter, JsonNode.class);
        assertThat(recorded.getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);
        await().atMost(Duration.ofSeconds(20)).until(() -> versions("intake-letter", "oadby-wigston") == 1);
        assertThat(jdbc.sql("select channel || ' ' || source from response where round_key = 'intake-letter'")
                .query(String.class).single()).isEqualTo("LETTER /consultflow/console");
        assertThat(jdbc.sql("select submitted_at from response where round_key = 'intake-letter'")
                .query(java.sql.Timestamp.class).single().toInstant()).isEqualTo(received);
        assertThat(coordinator.getForObject("/api/consultations/intake-letter/history", JsonNode.class).toString())
                .contains("response.recorded-offline").contains("LETTER from oadby-wigston");

        var partnerClaim = new LinkedHashMap<String, Object>(letter);
        partnerClaim.put("channel", "partner");
        partnerClaim.put("consulteeId", "nobody");
        var refused = coordinator.postForEntity("/api/consultations/intake-letter/responses", partnerClaim, JsonNode.class);
        assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(refused.getBody().path("errors").toString()).contains("channel must be LETTER, EMAIL or PHONE")
                .contains("unknown consultee 'nobody'");
    }

    // --- helpers ---

    private JsonNode start(String key, String rehearsal) throws Exception {
        return start(key, rehearsal, "");
    }

    /** The seed round under another key; {@code moreSources} are appended to its (last) {@code sources:} list. */
    private JsonNode start(String key, String rehearsal, String moreSources) throws Exception {
        var yaml = Files.readString(Path.of(SEED)).replace("key: vcs-infrastructure-2007", "key: " + key) + moreSources;
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        var started = rest.withBasicAuth("coordinator", "coordinator").exchange(
                "/api/consultations?rehearsal=" + rehearsal, HttpMethod.POST, new HttpEntity<>(yaml, headers),
                JsonNode.class);
        assertThat(started.getStatusCode()).isEqualTo(HttpStatus.CREATED);
        return started.getBody();
    }

    private List<String> consulteeIds() throws Exception {
        var ids = new ArrayList<String>();
        new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(Files.readString(Path.of(SEED)))
                .path("consultees").forEach(c -> ids.add(c.path("id").asText()));
        return ids;
    }

    private void publish(String source, String id, String round, String consultee, Map<String, Object> answers,
            String email) throws Exception {
        var data = new LinkedHashMap<String, Object>();
        data.put("roundKey", round);
        data.put("consulteeId", consultee);
        data.put("answers", answers);
        if (email != null) {
            data.put("respondent", Map.of("name", "Someone", "email", email));
        }
        var event = CloudEventBuilder.v1().withId(id).withSource(URI.create(source))
                .withType("consultation.response.submitted").withDataContentType("application/json")
                .withData(json.writeValueAsBytes(data)).build();
        publishRaw(EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).serialize(event));
    }

    private void publishRaw(byte[] value) throws Exception {
        producer.send(new ProducerRecord<>(RESPONSES, "intake", value)).get();
    }

    private List<String> deadLetterTopicReasons(int atLeast) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        var reasons = new ArrayList<String>();
        try (var consumer = new KafkaConsumer<String, byte[]>(props)) {
            var partitions = consumer.partitionsFor("consultation.responses.dlt").stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    var header = record.headers().lastHeader("consultflow-reason");
                    reasons.add(header == null ? "" : new String(header.value(), StandardCharsets.UTF_8));
                }
                return reasons.size() >= atLeast;
            });
        }
        return reasons;
    }

    private int versions(String round, String consultee) {
        return jdbc.sql("select count(*) from response where round_key = ? and consultee_id = ?")
                .params(round, consultee).query(Integer.class).single();
    }

    private int count(String sql) {
        return jdbc.sql(sql).query(Integer.class).single();
    }

    private String status(String key) {
        return rest.withBasicAuth("coordinator", "coordinator").getForObject("/api/consultations/" + key,
                JsonNode.class).path("status").asText();
    }

    private JsonNode report(String key) {
        return rest.withBasicAuth("coordinator", "coordinator").getForObject(
                "/api/consultations/" + key + "/report", JsonNode.class);
    }

    private static JsonNode find(JsonNode letters, String reason) {
        for (var letter : letters) {
            if (letter.path("reason").asText().equals(reason)) {
                return letter;
            }
        }
        throw new AssertionError("no dead letter with reason " + reason + " in " + letters);
    }
}
