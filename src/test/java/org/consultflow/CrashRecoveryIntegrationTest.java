package org.consultflow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import io.cloudevents.core.builder.CloudEventBuilder;
import io.cloudevents.core.provider.EventFormatProvider;
import io.cloudevents.jackson.JsonFormat;
import jakarta.mail.internet.MimeMessage;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.util.TestSocketUtils;

/**
 * {@code kill -9} in the middle of invitation fan-out and response ingestion, with ConsultFlow as its own JVM against a
 * KRaft broker, an SMTP server and PostgreSQL that outlive it. After the restart every response is recorded once, and
 * every invitation and receipt goes out; a mail the dead process had sent but not committed goes out again, with the
 * same Message-ID, and is counted.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CrashRecoveryIntegrationTest {

    static final int CONSULTEES = 300;
    /** Jobs that can be between "mail sent" and "commit" when the process dies: the job executor's threads. */
    static final int IN_FLIGHT = 8 + 1;

    EmbeddedKafkaKraftBroker broker;
    GreenMail smtp;
    TestDatabases.Database database;
    KafkaProducer<String, byte[]> producer;
    final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    void services() {
        broker = new EmbeddedKafkaKraftBroker(1, 3);
        broker.brokerProperties(Map.of("group.initial.rebalance.delay.ms", "0"));
        broker.afterPropertiesSet();
        smtp = new GreenMail(new ServerSetup(TestSocketUtils.findAvailableTcpPort(), "127.0.0.1", "smtp"))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
        smtp.start();
        database = TestDatabases.create("crash");
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(props);
    }

    @AfterAll
    void stop() {
        producer.close();
        smtp.stop();
        broker.destroy();
    }

    @Test
    void nothingIsLostAndEveryRepeatIsRecognisableAfterAKillDuringFanOutAndIngestion() throws Exception {
        try (var app = new AppProcess("crash", database, broker.getBrokersAsString(), smtp.getSmtp().getPort())) {
            app.start();
            var started = post(app, "/api/consultations", definition());
            assertThat(started.statusCode()).as(started.body()).isEqualTo(201);

            // Responses keep coming while the process dies and comes back: every fourth is delivered twice.
            var published = new AtomicInteger();
            var publisher = new Thread(() -> {
                for (int i = 1; i <= CONSULTEES; i++) {
                    publish("crash-" + i, consultee(i));
                    if (i % 4 == 0) {
                        publish("crash-" + i, consultee(i));
                    }
                    published.incrementAndGet();
                    pause(25);
                }
            });
            publisher.start();

            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
                    .until(() -> mails("Invitation").size() >= 40 && recorded() >= 40);
            app.kill();
            var atKill = "invitations " + mails("Invitation").size() + ", responses recorded " + recorded()
                    + " of " + published.get() + " published";

            var ready = app.start();
            publisher.join();
            await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(250)).until(() ->
                    distinct(mails("Invitation")) == CONSULTEES && distinct(mails("received your")) == CONSULTEES);
            var caughtUp = Duration.between(ready, Instant.now());

            assertThat(recorded()).as("every response recorded").isEqualTo(CONSULTEES);
            assertThat(distinctResponses()).as("each exactly once").isEqualTo(CONSULTEES);
            var invitations = mails("Invitation");
            var receipts = mails("received your");
            var repeatedInvitations = invitations.size() - distinct(invitations);
            var repeatedReceipts = receipts.size() - distinct(receipts);
            System.out.printf("Crash recovery: at kill %s; after restart all caught up in %d s; invitations %d sent, "
                    + "%d repeated; receipts %d sent, %d repeated; lost 0%n", atKill, caughtUp.toSeconds(),
                    invitations.size(), repeatedInvitations, receipts.size(), repeatedReceipts);
            assertThat(repeatedInvitations + repeatedReceipts).as("repeats only from the crash window")
                    .isLessThanOrEqualTo(IN_FLIGHT);
        }
    }

    // --- the outside world ---

    private static String consultee(int i) {
        return "c%04d".formatted(i);
    }

    private static String definition() {
        var consultees = IntStream.rangeClosed(1, CONSULTEES).mapToObj(i -> "  - {id: %s, organisation: Organisation %d, group: org, contact: {email: %s@example.org}}"
                .formatted(consultee(i), i, consultee(i))).collect(Collectors.joining("\n"));
        return """
                key: crash-round
                title: Crash round
                coordinator: {name: Sam Reed, email: sam.reed@example.org}
                timezone: Europe/London
                deadline: 2099-01-01T12:00:00Z
                questions:
                  - {id: preference, type: CHOICE, text: "Which model?", options: [{id: a, label: Model A}, {id: b, label: Model B}]}
                groups:
                  - {id: org, label: Organisations}
                sources:
                  - {source: /partner, groups: [org]}
                consultees:
                """ + consultees + "\n";
    }

    private void publish(String id, String consultee) {
        try {
            var data = Map.of("roundKey", "crash-round", "consulteeId", consultee, "answers", Map.of("preference", "a"));
            var event = CloudEventBuilder.v1().withId(id).withSource(URI.create("/partner"))
                    .withType("consultation.response.submitted").withDataContentType("application/json")
                    .withData(new ObjectMapper().writeValueAsBytes(data)).build();
            producer.send(new ProducerRecord<>("consultation.responses", "crash-round",
                    EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).serialize(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpResponse<String> post(AppProcess app, String path, String yaml) throws Exception {
        var basic = Base64.getEncoder().encodeToString("coordinator:coordinator".getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(app.url(path)).header("Authorization", "Basic " + basic)
                .header("Content-Type", "application/yaml").POST(HttpRequest.BodyPublishers.ofString(yaml)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private List<MimeMessage> mails(String subjectPart) {
        return Arrays.stream(smtp.getReceivedMessages()).filter(m -> {
            try {
                return m.getSubject().contains(subjectPart);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    private static int distinct(List<MimeMessage> messages) {
        var ids = new HashSet<String>();
        for (var message : messages) {
            try {
                ids.add(message.getMessageID());
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }
        return ids.size();
    }

    private int recorded() throws Exception {
        return count("select count(*) from response where round_key = 'crash-round'");
    }

    private int distinctResponses() throws Exception {
        return count("select count(distinct consultee_id) from response where round_key = 'crash-round'");
    }

    private int count(String sql) throws Exception {
        try (var connection = DriverManager.getConnection(database.url(), database.user(), database.password());
                var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        } catch (java.sql.SQLException tableNotThereYet) {
            return 0;
        }
    }

    private static void pause(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
