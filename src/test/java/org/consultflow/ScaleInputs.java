package org.consultflow;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Future;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

/** What a scale round is fed: its definition, and one response per consultee sent the way a partner system would. */
record ScaleInputs(String key, int consultees) {

    static final String[] PREFERENCES = {"a", "b", "c", "other"};
    /** The compressed period is this many times the wait before the one reminder (see {@link #definition()}). */
    static final int PERIOD_OVER_REMINDER = 100;

    static String id(int i) {
        return "c%05d".formatted(i);
    }

    /** One in ten is a district council, the required group; the rest split between the other two. */
    static String group(int i) {
        return i % 10 == 0 ? "district-council" : i % 2 == 0 ? "key-partner" : "ssog-member";
    }

    /**
     * The seed round's groups and questions with generated consultees, reshaped so that a rehearsal of
     * {@code PERIOD_OVER_REMINDER} times T sends its one reminder T after the start, to everyone at once, and the
     * deadline stays far off: the period opens 100 days before the deadline and the reminder is 99 days before it.
     * No chase, so nothing but the reminder falls due.
     */
    String definition() throws Exception {
        var yaml = new ObjectMapper(new YAMLFactory());
        var definition = (ObjectNode) yaml.readTree(Files.readString(Path.of("consultations/vcs-infrastructure-2007.yaml")));
        definition.put("key", key);
        var deadline = OffsetDateTime.parse(definition.path("deadline").asText());
        definition.put("opens", deadline.minusDays(PERIOD_OVER_REMINDER).toString());
        definition.putArray("reminders").add("P" + (PERIOD_OVER_REMINDER - 1) + "D");
        definition.remove("chase");
        definition.remove("shortPeriodReason");
        var list = definition.putArray("consultees");
        for (int i = 1; i <= consultees; i++) {
            var consultee = list.addObject();
            consultee.put("id", id(i));
            consultee.put("organisation", "Organisation " + id(i));
            consultee.put("group", group(i));
            consultee.putObject("contact").put("name", "Contact " + id(i)).put("email", id(i) + "@example.org");
        }
        return yaml.writeValueAsString(definition);
    }

    /** The rehearsal length that puts the reminder {@code reminderAfter} after the start. */
    static Duration rehearsal(Duration reminderAfter) {
        return reminderAfter.multipliedBy(PERIOD_OVER_REMINDER);
    }

    /** Publishes one response per consultee with a plain producer; returns the preference tallies they add up to. */
    Map<String, Integer> publishResponses(String bootstrapServers) throws Exception {
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        props.put(ProducerConfig.LINGER_MS_CONFIG, 5);
        var json = new ObjectMapper().findAndRegisterModules();
        var format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        var expected = new HashMap<String, Integer>();
        try (var producer = new KafkaProducer<String, byte[]>(props)) {
            var sent = new ArrayList<Future<RecordMetadata>>();
            for (int i = 1; i <= consultees; i++) {
                var choice = PREFERENCES[i % PREFERENCES.length];
                expected.merge(choice, 1, Integer::sum);
                var data = new LinkedHashMap<String, Object>();
                data.put("roundKey", key);
                data.put("consulteeId", id(i));
                data.put("answers", Map.of("role", "Advice and training for groups in our area",
                        "preference", choice.equals("other") ? Map.of("other", "A mix of B and C") : choice,
                        "funding", "Part-fund a hub for three years"));
                data.put("respondent", Map.of("name", "Respondent " + id(i), "email", id(i) + "@example.org"));
                data.put("submittedAt", OffsetDateTime.now().toString());
                var event = CloudEventBuilder.v1().withId(key + "-" + id(i)).withSource(URI.create("/partner"))
                        .withType("consultation.response.submitted").withDataContentType("application/json")
                        .withData(json.writeValueAsBytes(data)).build();
                // From the seed round's partner portal, allowed for every group; keyed by consultee so the partitions
                // share the load, as many partner systems would.
                sent.add(producer.send(new ProducerRecord<>("consultation.responses", id(i), format.serialize(event))));
            }
            producer.flush();
            for (var future : sent) {
                future.get();
            }
        }
        return expected;
    }
}
