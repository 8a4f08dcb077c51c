package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Predicate;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.kafka.KafkaConnectionDetails;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.util.LinkedMultiValueMap;

/**
 * The schemas of docs/asyncapi.yaml against the running application: every lifecycle event a round raises, as the
 * real publisher serialises it, and a response as the real form sends it, are valid by them; and what they refuse,
 * the real intake refuses too, by dead-lettering it. Schema and code cannot drift apart without this failing.
 */
class EventSchemasIntegrationTest extends EmbeddedStackContext {

    static final String SEED = "consultations/vcs-infrastructure-2007.yaml";
    static final String RESPONSE = "consultation.response.submitted";

    @Autowired TestRestTemplate rest;
    @Autowired KafkaConnectionDetails kafka;
    @Autowired PersonalLinks links;

    final AsyncApiMessages messages = new AsyncApiMessages();
    final ObjectMapper json = new ObjectMapper();

    @Test
    void everyEventOfARoundIsValidByItsMessageSchema() throws Exception {
        var key = "schemas-lifecycle";
        // Long enough for the first reminder to reach the silent before the deadline.
        start(key, "PT40S");
        var link = URI.create(links.url(key, "blaby")).getPath();
        await().atMost(Duration.ofSeconds(30)).until(() -> rest.getForEntity(link, String.class).getStatusCode()
                == HttpStatus.OK);
        var form = new LinkedMultiValueMap<String, String>();
        form.add("q-preference", "b");
        form.add("q-funding", "We would part-fund a hub\nfrom 2008");
        form.add("respondent-name", "A. Officer");
        form.add("respondent-email", "officer@blaby.example.org");
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        assertThat(rest.exchange(link, HttpMethod.POST, new HttpEntity<>(form, headers), String.class)
                .getStatusCode().isError()).isFalse();

        var sent = records("consultation.responses", r -> key.equals(r.key()), found -> !found.isEmpty());
        assertThat(messages.problems(RESPONSE, sent.get(0).value())).as("the form's response").isEmpty();
        assertThat(json.readTree(sent.get(0).value()).path("source").asText()).isEqualTo("/consultflow/respond");

        // Closes at the deadline and drafts the report; approval is possible once the review task waits.
        await().atMost(Duration.ofSeconds(120)).until(() -> rest.withBasicAuth("coordinator", "coordinator")
                .exchange("/api/consultations/" + key + "/report/approval", HttpMethod.POST, null, String.class)
                .getStatusCode() == HttpStatus.NO_CONTENT);

        var documented = messages.names("lifecycle");
        var events = records("consultation.events", r -> key.equals(r.key()),
                found -> found.stream().map(this::type).toList().containsAll(documented));
        for (var event : events) {
            var type = type(event);
            assertThat(documented).as("documented event types").contains(type);
            assertThat(messages.problems(type, event.value())).as(type + ": " + new String(event.value(),
                    StandardCharsets.UTF_8)).isEmpty();
        }
        assertThat(events.stream().map(this::type).distinct()).containsExactlyInAnyOrderElementsOf(documented);
    }

    @Test
    void whatTheSchemaRefusesTheIntakeDeadLettersAndWhatItAcceptsIsRecorded() throws Exception {
        var key = "schemas-intake";
        start(key, "PT10M");
        var valid = response("valid", "/partner", data(key, "blaby", Map.of("preference", "b")));
        var cases = new LinkedHashMap<String, String>();
        var withoutConsultee = data(key, "blaby", Map.of("preference", "a"));
        withoutConsultee.remove("consulteeId");
        cases.put("no-consultee", "data needs roundKey and consulteeId");
        var overLong = data(key, "charnwood", Map.of("funding", "x".repeat(20_001)));
        cases.put("over-long", "longer than 20000 characters");
        cases.put("unsigned", "must carry ConsultFlow's signature");
        cases.put("control-character", "holds a control character");
        var refused = Map.of(
                "no-consultee", response("no-consultee", "/partner", withoutConsultee),
                "over-long", response("over-long", "/partner", overLong),
                "unsigned", response("unsigned", "/consultflow/respond", data(key, "melton", Map.of("preference", "c"))),
                "control-character", response("control-character", "/partner",
                        data(key, "melton", Map.of("funding", "Part\u0007fund"))));

        assertThat(messages.problems(RESPONSE, valid)).isEmpty();
        refused.forEach((id, value) -> assertThat(messages.problems(RESPONSE, value)).as(id).isNotEmpty());

        try (var producer = producer()) {
            for (var value : refused.values()) {
                producer.send(new ProducerRecord<>("consultation.responses", key, value)).get();
            }
            producer.send(new ProducerRecord<>("consultation.responses", key, valid)).get();
        }
        var deadLetters = records("consultation.responses.dlt", r -> key.equals(r.key()),
                found -> found.size() >= cases.size());
        var reasons = new HashMap<String, String>();
        for (var letter : deadLetters) {
            var header = letter.headers().lastHeader("consultflow-reason");
            reasons.put(json.readTree(letter.value()).path("id").asText(),
                    new String(header.value(), StandardCharsets.UTF_8));
        }
        cases.forEach((id, reason) -> assertThat(reasons.get(id)).as(id).contains(reason));
        await().atMost(Duration.ofSeconds(30)).until(() -> consultee(key, "blaby").path("responseVersions").asInt()
                == 1);
        assertThat(consultee(key, "charnwood").path("responseVersions").asInt()).isZero();
    }

    @Test
    void aLetterTheCoordinatorRecordsTravelsAsAValidSignedEvent() throws Exception {
        var key = "schemas-letter";
        start(key, "PT10M");
        var letter = Map.of("consulteeId", "harborough", "channel", "letter", "note", "Signed letter",
                "answers", Map.of("preference", Map.of("other", "A mix of B and C")),
                "respondent", Map.of("name", "A. Clerk", "email", "clerk@harborough.example.org"));
        assertThat(rest.withBasicAuth("coordinator", "coordinator").postForEntity("/api/consultations/" + key
                + "/responses", letter, String.class).getStatusCode()).isEqualTo(HttpStatus.ACCEPTED);

        var sent = records("consultation.responses", r -> key.equals(r.key()), found -> !found.isEmpty()).get(0);
        var event = json.readTree(sent.value());
        assertThat(event.path("source").asText()).isEqualTo("/consultflow/console");
        assertThat(event.path("data").path("channel").asText()).isEqualTo("LETTER");
        assertThat(messages.problems(RESPONSE, sent.value())).isEmpty();
    }

    private void start(String key, String rehearsal) throws Exception {
        var yaml = Files.readString(Path.of(SEED)).replace("key: vcs-infrastructure-2007", "key: " + key);
        var headers = new HttpHeaders();
        headers.setContentType(MediaType.parseMediaType("application/yaml"));
        assertThat(rest.withBasicAuth("coordinator", "coordinator").exchange("/api/consultations?rehearsal="
                + rehearsal, HttpMethod.POST, new HttpEntity<>(yaml, headers), String.class).getStatusCode())
                .isEqualTo(HttpStatus.CREATED);
    }

    private JsonNode round(String key) {
        return rest.withBasicAuth("coordinator", "coordinator").getForObject("/api/consultations/" + key,
                JsonNode.class);
    }

    private JsonNode consultee(String key, String id) {
        for (var consultee : round(key).path("consultees")) {
            if (consultee.path("id").asText().equals(id)) {
                return consultee;
            }
        }
        throw new AssertionError("no consultee " + id);
    }

    private static Map<String, Object> data(String key, String consultee, Map<String, Object> answers) {
        var data = new LinkedHashMap<String, Object>();
        data.put("roundKey", key);
        data.put("consulteeId", consultee);
        data.put("answers", answers);
        return data;
    }

    private byte[] response(String id, String source, Map<String, Object> data) throws Exception {
        var event = CloudEventBuilder.v1().withId(id).withSource(URI.create(source)).withType(RESPONSE)
                .withDataContentType("application/json").withData(json.writeValueAsBytes(data)).build();
        return EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).serialize(event);
    }

    private String type(ConsumerRecord<String, byte[]> record) {
        try {
            return json.readTree(record.value()).path("type").asText();
        } catch (java.io.IOException e) {
            return "";
        }
    }

    private KafkaProducer<String, byte[]> producer() {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        return new KafkaProducer<>(props);
    }

    /** The topic's records from its start that {@code match}, read until {@code enough} holds for them. */
    private List<ConsumerRecord<String, byte[]>> records(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
            Predicate<List<ConsumerRecord<String, byte[]>>> enough) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, String.join(",", kafka.getBootstrapServers()));
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        var found = new ArrayList<ConsumerRecord<String, byte[]>>();
        try (var consumer = new KafkaConsumer<String, byte[]>(props)) {
            var partitions = consumer.partitionsFor(topic).stream()
                    .map(p -> new TopicPartition(p.topic(), p.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            await().atMost(Duration.ofSeconds(60)).until(() -> {
                consumer.poll(Duration.ofMillis(200)).forEach(record -> {
                    if (match.test(record)) {
                        found.add(record);
                    }
                });
                return enough.test(found);
            });
        }
        return found;
    }
}
