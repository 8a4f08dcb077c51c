package org.consultflow;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;

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
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.springframework.test.util.TestSocketUtils;

/**
 * The services a deployed ConsultFlow talks to — a KRaft broker, an SMTP server, PostgreSQL — run by the test, so that
 * they outlive the application JVMs it starts, kills and restarts ({@link AppProcess}).
 */
final class OutsideServices implements AutoCloseable {

    final EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
    private final ServerSetup smtpSetup = new ServerSetup(TestSocketUtils.findAvailableTcpPort(), "127.0.0.1", "smtp");
    private final List<MimeMessage> earlierMail = new ArrayList<>();
    private GreenMail smtp = smtpServer();
    private final KafkaProducer<String, byte[]> producer;
    private final HttpClient http = HttpClient.newHttpClient();

    OutsideServices() {
        this(Map.of());
    }

    /**
     * A broker listening on {@code port} but telling clients to come through {@code advertisedPort} (a
     * {@link TcpProxy}), so that a test can take it away from ConsultFlow and give it back.
     */
    OutsideServices(int port, int advertisedPort) {
        this(Map.of("listeners", "EXTERNAL://localhost:" + port + ",CONTROLLER://localhost:0",
                "advertised.listeners", "EXTERNAL://localhost:" + advertisedPort));
    }

    private OutsideServices(Map<String, String> brokerProperties) {
        var properties = new java.util.HashMap<>(brokerProperties);
        properties.put("group.initial.rebalance.delay.ms", "0");
        broker.brokerProperties(properties);
        broker.afterPropertiesSet();
        smtp.start();
        var props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString());
        props.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class);
        props.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class);
        producer = new KafkaProducer<>(props);
    }

    String bootstrapServers() {
        return broker.getBrokersAsString();
    }

    int smtpPort() {
        return smtpSetup.getPort();
    }

    AppProcess app(String name, TestDatabases.Database database) {
        return new AppProcess(name, database, broker.getBrokersAsString(), smtpSetup.getPort());
    }

    private GreenMail smtpServer() {
        return new GreenMail(smtpSetup).withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication());
    }

    /** The relay goes away: connections refused until {@link #startSmtp()}. What it had received is kept. */
    void stopSmtp() {
        earlierMail.addAll(List.of(smtp.getReceivedMessages()));
        smtp.stop();
    }

    void startSmtp() {
        smtp = smtpServer();
        smtp.start();
    }

    /** A partner system's response, keyed as a partner might key it. */
    void publish(String key, String source, String id, String round, String consultee, Map<String, Object> answers) {
        try {
            var data = Map.of("roundKey", round, "consulteeId", consultee, "answers", answers);
            var event = CloudEventBuilder.v1().withId(id).withSource(URI.create(source))
                    .withType("consultation.response.submitted").withDataContentType("application/json")
                    .withData(new ObjectMapper().writeValueAsBytes(data)).build();
            producer.send(new ProducerRecord<>("consultation.responses", key,
                    EventFormatProvider.getInstance().resolveFormat(JsonFormat.CONTENT_TYPE).serialize(event))).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Starts a round as the coordinator; {@code query} such as {@code ?rehearsal=PT45S}. */
    HttpResponse<String> start(AppProcess app, String yaml, String query) throws Exception {
        return start(app, yaml, query, "coordinator:coordinator");
    }

    HttpResponse<String> start(AppProcess app, String yaml, String query, String credentials) throws Exception {
        var basic = Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        return http.send(HttpRequest.newBuilder(app.url("/api/consultations" + query))
                        .header("Authorization", "Basic " + basic).header("Content-Type", "application/yaml")
                        .POST(HttpRequest.BodyPublishers.ofString(yaml)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** The shipped seed round under another key. */
    static String seed(String key) throws Exception {
        return Files.readString(Path.of("consultations/vcs-infrastructure-2007.yaml"))
                .replace("key: vcs-infrastructure-2007", "key: " + key);
    }

    int status(AppProcess app, String path) {
        return status(app.url(path));
    }

    int status(URI url) {
        try {
            return http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
        } catch (Exception unreachable) {
            return -1;
        }
    }

    String get(URI url) throws Exception {
        return http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    List<MimeMessage> mails(String subjectPart) {
        var all = new ArrayList<>(earlierMail);
        all.addAll(List.of(smtp.getReceivedMessages()));
        return all.stream().filter(m -> {
            try {
                return m.getSubject().contains(subjectPart);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).toList();
    }

    static int distinct(List<MimeMessage> messages) {
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

    static int count(TestDatabases.Database database, String sql) {
        try (var connection = java.sql.DriverManager.getConnection(database.url(), database.user(), database.password());
                var result = connection.createStatement().executeQuery(sql)) {
            result.next();
            return result.getInt(1);
        } catch (java.sql.SQLException e) {
            if ("42P01".equals(e.getSQLState())) {
                return 0; // the application has not created its tables yet
            }
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        producer.close();
        smtp.stop();
        broker.destroy();
    }
}
