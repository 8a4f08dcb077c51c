package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Properties;

import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import jakarta.mail.Multipart;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.test.util.TestSocketUtils;

/**
 * The broker unreachable while a round's invitations go out and a consultee sends the form: the consultee is asked
 * to try again (nothing half-accepted), the lifecycle events wait in the outbox, and when the broker is back every
 * event reaches it and the form's response is recorded once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BrokerOutageIntegrationTest {

    static final String KEY = "broker-outage";
    static final Duration OUTAGE = Duration.ofSeconds(30);

    TcpProxy proxy;
    OutsideServices outside;
    TestDatabases.Database database;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void services() throws Exception {
        var port = TestSocketUtils.findAvailableTcpPort();
        proxy = new TcpProxy(port);
        outside = new OutsideServices(port, proxy.port);
        database = TestDatabases.create("broker_outage");
    }

    @AfterAll
    void stop() throws Exception {
        proxy.close();
        outside.close();
    }

    @Test
    void theFormAsksToTryAgainAndEveryLifecycleEventArrivesOnceTheBrokerIsBack() throws Exception {
        try (var app = outside.app("broker-outage", database)) {
            app.start();
            var started = outside.start(app, OutsideServices.seed(KEY), "?rehearsal=PT20M");
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);
            proxy.cut();

            await().atMost(Duration.ofSeconds(90)).until(() -> outside.mails("Invitation").size() == 20);
            var link = personalLink();
            var refused = sendForm(app, link);
            assertThat(refused.statusCode()).as("asked to try again").isEqualTo(503);
            assertThat(refused.body()).contains("govuk-error-summary");
            Thread.sleep(OUTAGE.toMillis());

            proxy.restore();
            await().atMost(Duration.ofSeconds(60)).until(() -> sendForm(app, link).statusCode() == 302);
            await().atMost(Duration.ofSeconds(30)).until(() -> OutsideServices.count(database,
                    "select count(*) from response") == 1);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofSeconds(2))
                    .until(() -> distinctEvents("consultation.invitation.sent") == 20);
            assertThat(distinctEvents("consultation.opened")).isEqualTo(1);
            assertThat(OutsideServices.count(database, "select count(*) from response")).as("recorded once").isEqualTo(1);
        }
    }

    private String personalLink() throws Exception {
        var content = outside.mails("Invitation").get(0).getContent();
        var text = content instanceof Multipart parts ? String.valueOf(parts.getBodyPart(0).getContent())
                : String.valueOf(content);
        var at = text.indexOf("/respond/");
        return text.substring(at).split("[\\s\"<]")[0];
    }

    private HttpResponse<String> sendForm(AppProcess app, String link) throws Exception {
        return http.send(HttpRequest.newBuilder(app.url(link))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString("q-preference=a&respondent-name=A+Officer")).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** Distinct CloudEvent ids of one type on the lifecycle topic: at least once may bring a repeat, never a loss. */
    private int distinctEvents(String type) {
        var props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, outside.bootstrapServers());
        props.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class);
        props.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class);
        var format = EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE);
        var ids = new HashSet<String>();
        try (var consumer = new KafkaConsumer<String, byte[]>(props)) {
            List<TopicPartition> partitions = new ArrayList<>();
            consumer.partitionsFor("consultation.events").forEach(p -> partitions.add(new TopicPartition(p.topic(), p.partition())));
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            var end = consumer.endOffsets(partitions);
            while (partitions.stream().anyMatch(p -> consumer.position(p) < end.get(p))) {
                for (var record : consumer.poll(Duration.ofMillis(500))) {
                    var event = format.deserialize(record.value());
                    if (event.getType().equals(type)) {
                        ids.add(event.getId());
                    }
                }
            }
        }
        return ids.size();
    }
}
